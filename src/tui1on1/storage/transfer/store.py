"""The Store's part that reads and writes whole export documents."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError

from tui1on1.storage.session import SessionBase
from tui1on1.storage.transfer.document import read_document
from tui1on1.storage.transfer.export import document_from, document_header, people_from
from tui1on1.storage.transfer.json_text import document_chunks
from tui1on1.storage.transfer.merge import merge_people
from tui1on1.storage.transfer.model import ImportError_
from tui1on1.storage.transfer.report import ImportReport


class TransferStore(SessionBase):
    def export_document(self, *, now: datetime | None = None) -> dict[str, Any]:
        """Everything in the database as the export document, read in one
        transaction (see :func:`~tui1on1.storage.transfer.export.export_data`)."""
        with self._read() as session:
            return document_from(session, now=now)

    def export_chunks(self, *, now: datetime | None = None) -> Generator[str]:
        """The export document as JSON text, a person at a time, read in one
        transaction that stays open until the last piece is taken: memory
        holds one person's history, not the database's."""
        with self._read() as session:
            yield from document_chunks(document_header(now), people_from(session))

    def import_document(self, data: dict[str, Any]) -> ImportReport:
        """Check ``data`` in full, then merge it in one write transaction: all
        of it lands, or none (see :func:`~tui1on1.storage.transfer.merge.import_data`)."""
        people = read_document(data)
        try:
            with self._write() as session:
                return merge_people(session, people)
        except (IntegrityError, DataError):
            # Only a concurrent writer adding the same person, meeting or note
            # between our reads and our inserts can get here (or a limit this
            # check doesn't know of); the transaction was rolled back.
            raise ImportError_(
                "", "the database refused part of the file, so nothing was imported; try again"
            ) from None
