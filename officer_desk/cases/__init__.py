"""Cases: intake and import, lifecycle and assignment, queue queries and search, findings, export.

Services take and return frozen dataclasses; ORM objects never leave a session. One Session per
user action; every change is audited and written to the case's timeline in the same transaction.
"""

from officer_desk.cases.repository import CaseRepository, DeskContext
from officer_desk.cases.service import CaseService
from officer_desk.cases.terms import case_search_terms, search_keys
from officer_desk.cases.views import (
    AttachmentView,
    CaseDetail,
    CaseRow,
    EventView,
    FindingView,
    ImportReport,
    Progress,
    QueueFilter,
)

__all__ = [
    "AttachmentView",
    "CaseDetail",
    "CaseRepository",
    "CaseRow",
    "CaseService",
    "DeskContext",
    "EventView",
    "FindingView",
    "ImportReport",
    "Progress",
    "QueueFilter",
    "case_search_terms",
    "search_keys",
]
