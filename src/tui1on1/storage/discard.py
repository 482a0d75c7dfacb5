"""Discarding a 1:1 started by mistake.

The meeting is first written, in the format ``tui1on1 export --all`` writes
(only its person and this meeting), to a private file in a ``discarded/``
folder, so ``tui1on1 import FILE`` brings it back. Only once that file is
fsynced and in place is the meeting deleted, with everything that belongs
to it, in the same transaction that read it: the file holds exactly what was
deleted. Actions from earlier meetings that were closed in it are open
again, and so are the talking points, parked topics and open questions
dealt with in it: they wait for the next 1:1 again. The discard undoes what
the meeting did.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Result, delete, func, or_, select, update

from tui1on1.domain.kinds import ActionStatus
from tui1on1.privacy import FILE_MODE, ensure_private_dir, fsync_dir
from tui1on1.storage.errors import NotFound
from tui1on1.storage.meeting_undo import undo_changes
from tui1on1.storage.session import SessionBase, utcnow
from tui1on1.storage.tables import (
    ActionItemRow,
    AskedQuestionRow,
    DraftRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    PersonRow,
    SegmentLogRow,
    TalkingPointRow,
)

DISCARDED_DIR = "discarded"


@dataclass(frozen=True)
class DiscardResult:
    """What a discard did: where the meeting is kept now, and what went."""

    path: Path
    person_name: str
    notes: int  # notes shown in the meeting (not counting ones deleted in it)
    actions: int  # action items it created, now gone
    reopened: int  # actions from earlier meetings closed in it, open again


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:40].strip("-") or "meeting"


def discard_file_name(person_name: str, started_at: datetime) -> str:
    """``priya-raman-2026-11-20-0900.json``: the start in local time, as the
    manager remembers it (a name taken gets a number: see below)."""
    stamp = started_at.astimezone().strftime("%Y-%m-%d-%H%M")
    return f"{_slug(person_name)}-{stamp}.json"


def _write_new_private_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new 0600 file in ``folder`` (never over another
    one: ``-2``, ``-3``... is added), fsync it and the folder."""
    stem, suffix = name.rsplit(".", 1)
    for attempt in range(1, 1000):
        path = folder / (name if attempt == 1 else f"{stem}-{attempt}.{suffix}")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        fsync_dir(folder)
        return path
    raise FileExistsError(f"too many discarded meetings named {name} in {folder}")


def _rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE touched (``Session.execute`` is typed as
    returning a plain Result; for these statements it is a CursorResult)."""
    return cast(CursorResult[Any], result).rowcount


class DiscardStore(SessionBase):
    def _sealed(self, text: str) -> bytes:
        """The file's bytes: sealed when the database is encrypted (``sealing``)."""
        from tui1on1.storage import cipher
        from tui1on1.storage.engine import sqlite_path
        from tui1on1.storage.sealing import file_sealer

        path = sqlite_path(self.engine.url)
        key = cipher.key_for(path) if path is not None else None
        data = text.encode("utf-8")
        return file_sealer(key).seal_file(data) if key is not None else data

    def discard_meeting(
        self, meeting_id: int, to_dir: Path, *, now: datetime | None = None
    ) -> DiscardResult:
        """Keep the meeting in a file in ``to_dir`` (made 0700), then delete it
        and everything that belongs to it; reopen what it closed.

        Raises NotFound if there is no such meeting, OSError if the file
        can't be written (then nothing is deleted), DatabaseUnavailable.
        """
        from tui1on1.storage.transfer.export import document_from

        with self._write() as session:
            # Lock the meeting first: on PostgreSQL a note being added to it
            # (its foreign key takes a share lock on this row) either landed
            # before and is read below, or waits and then fails. SQLite's
            # BEGIN IMMEDIATE already keeps every other writer out.
            meeting = session.scalar(
                select(MeetingRow).where(MeetingRow.id == meeting_id).with_for_update()
            )
            if meeting is None:
                raise NotFound(f"no meeting with id {meeting_id}")
            person = session.get(PersonRow, meeting.person_id)
            assert person is not None  # a meeting's person can't be missing (FK)
            person_name = person.name
            notes = session.scalar(
                select(func.count())
                .select_from(NoteRow)
                .where(NoteRow.meeting_id == meeting_id, NoteRow.deleted_at.is_(None))
            )
            document = document_from(session, now=now or utcnow(), meeting_id=meeting_id)

            # The file first, durably: only then may the delete commit.
            ensure_private_dir(to_dir)
            text = json.dumps(document, ensure_ascii=True, indent=1) + "\n"
            path = _write_new_private_file(
                to_dir, discard_file_name(person_name, meeting.started_at), self._sealed(text)
            )

            in_meeting = select(NoteRow.id).where(NoteRow.meeting_id == meeting_id)
            reopened = undo_changes(session, meeting_id)
            reopened += _rowcount(
                session.execute(
                    update(ActionItemRow)
                    .where(
                        ActionItemRow.closed_meeting_id == meeting_id,
                        or_(
                            ActionItemRow.origin_meeting_id.is_(None),
                            ActionItemRow.origin_meeting_id != meeting_id,
                        ),
                        or_(
                            ActionItemRow.note_id.is_(None),
                            ActionItemRow.note_id.not_in(in_meeting),
                        ),
                    )
                    .values(status=ActionStatus.OPEN.value, closed_at=None, closed_meeting_id=None)
                    .execution_options(synchronize_session=False)
                )
            )
            for dealt in (TalkingPointRow, NoteRow):  # dealt with in it: waiting again
                session.execute(
                    update(dealt)
                    .where(dealt.resolved_meeting_id == meeting_id)
                    .values(resolved_at=None, resolved_meeting_id=None)
                    .execution_options(synchronize_session=False)
                )
            actions = _rowcount(
                session.execute(
                    delete(ActionItemRow)
                    .where(
                        or_(
                            ActionItemRow.origin_meeting_id == meeting_id,
                            ActionItemRow.note_id.in_(in_meeting),
                        )
                    )
                    .execution_options(synchronize_session=False)
                )
            )
            # SQLite's delete trigger runs for each note, so the FTS5 index
            # loses exactly these rows (PostgreSQL's index is a column).
            for table in (NoteRow, AskedQuestionRow, SegmentLogRow, MeetingPauseRow, DraftRow):
                session.execute(
                    delete(table)
                    .where(table.meeting_id == meeting_id)
                    .execution_options(synchronize_session=False)
                )
            session.execute(
                delete(MeetingRow)
                .where(MeetingRow.id == meeting_id)
                .execution_options(synchronize_session=False)
            )
        return DiscardResult(
            path=path,
            person_name=person_name,
            notes=int(notes or 0),
            actions=int(actions or 0),
            reopened=int(reopened or 0),
        )
