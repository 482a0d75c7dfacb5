"""SQLAlchemy storage: the only layer that talks SQL. The UI and CLI call Store."""
