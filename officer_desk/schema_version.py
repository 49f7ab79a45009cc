"""The newest schema revision, in a module of its own: the start-up paths that read the database before the
desk opens (``queue_first_page``) compare the stored revision with it without importing SQLAlchemy or Alembic.
``officer_desk.models.migrate`` re-exports it; a test keeps it equal to the migration scripts' head."""

HEAD_REVISION = "0029_sqlite_running_queue_index"
