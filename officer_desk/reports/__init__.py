"""The center's numbers: service-quality report, register book and exports (computed in SQL).

``queries`` holds the grouped SQL, ``metrics`` turns its small results into a ``ServiceReport``,
``export`` writes tables, CSV and XLSX, ``register`` the register book (Sổ theo dõi hồ sơ), and
``facts`` keeps the per-case report facts that the SQL reads. Definitions: docs/reports.md.
"""

from officer_desk.reports.metrics import ServiceReport, build_report
from officer_desk.reports.period import GROUPINGS, Period, Scope, parse_period

__all__ = ["GROUPINGS", "Period", "Scope", "ServiceReport", "build_report", "parse_period"]
