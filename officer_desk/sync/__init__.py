"""Two-way sync between desks and the center: identities, merge, push/pull, bundles, conflicts."""

from officer_desk.sync.engine import SyncError, SyncReport, open_conflicts, pending_count, push, synchronize

__all__ = ["SyncError", "SyncReport", "open_conflicts", "pending_count", "push", "synchronize"]
