"""The Store's part that reads and writes whole export documents."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError

from tui1on1.storage.session import SessionBase
from tui1on1.storage.transfer.document import read_document, read_header, read_person
from tui1on1.storage.transfer.export import document_from, document_header, people_from
from tui1on1.storage.transfer.json_text import document_chunks
from tui1on1.storage.transfer.merge import merge_people
from tui1on1.storage.transfer.model import ImportError_, PersonEntry
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
        holds a few of one person's meetings, not the database's."""
        with self._read() as session:
            yield from document_chunks(document_header(now), people_from(session, lazy=True))

    def import_document(self, data: dict[str, Any]) -> ImportReport:
        """Check ``data`` in full, then merge it in one write transaction: all
        of it lands, or none (see :func:`~tui1on1.storage.transfer.merge.import_data`)."""
        people = read_document(data)
        return self._merge(people)

    def import_people(self, header: dict[str, Any], people: Iterable[Any]) -> ImportReport:
        """Import a document read a person at a time: ``header`` is its
        fields around the people ("people" an empty list), and ``people``
        gives its people from the first. Each is checked and merged as it is
        read, in one write transaction: memory holds one person, and a
        problem anywhere (named like ``people[3].meetings[0].started_at``)
        rolls all of it back, so all of it lands, or none."""
        version = read_header(header)
        return self._merge(read_person(item, index, version) for index, item in enumerate(people))

    def _merge(self, people: Iterable[PersonEntry]) -> ImportReport:
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
