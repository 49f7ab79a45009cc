"""Live updates between desks on one PostgreSQL server: every change to a case notifies
``officer_desk_cases`` with its id (trigger of migration 0011); a listener hands the ids to a callback.

The listener holds its own connection (autocommit, as LISTEN needs) in a daemon thread and reconnects
after a lost link; on SQLite there is nothing to listen to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from officer_desk.models.session import Database

CHANNEL = "officer_desk_cases"


class CaseChangeListener:
    def __init__(self, db: Database, on_change: Callable[[int], None]) -> None:
        self.db = db
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        if self.db.is_local or self.db.engine.dialect.name != "postgresql":
            return False
        self._thread = threading.Thread(target=self._run, name="case-change-listener", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg

        url = self.db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            if note.payload.isdigit():
                                self.on_change(int(note.payload))
            except psycopg.Error:
                self._stop.wait(5.0)  # the server is out of reach: try again shortly
