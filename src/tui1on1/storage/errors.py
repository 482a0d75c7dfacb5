"""Errors the Store raises. Their messages are calm, short, and safe to show:
they never contain note text, SQL parameters or passwords."""

from __future__ import annotations


class StoreError(Exception):
    """Base for everything the Store raises on purpose."""


class NotFound(StoreError):
    pass


class DuplicateName(StoreError):
    pass


class InvalidInput(StoreError):
    """What the user typed can't be stored as it is (too long, empty...)."""


class SchemaError(StoreError):
    """The database schema can't be brought up to date."""


class DatabaseUnavailable(StoreError):
    """The database can't be reached or written right now (locked, read-only,
    full disk, server down); the message says which."""


class DatabaseGone(DatabaseUnavailable):
    """The database file was deleted or replaced under a running Store: what
    it held is no longer where it was, and only the journal has the meeting."""
