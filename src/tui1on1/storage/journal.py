"""The append-only recovery journal.

When the database can't be written (read-only, disk full, locked for too long,
server down), notes and the draft are appended here, one JSON object a line,
fsynced, in a 0600 file next to the database. When the database is writable
again the journal is replayed in order and emptied. Notes and asked questions
carry a uid, so an entry replayed twice (a crash mid-replay) still lands once.

Two instances may share a journal: every append and every replay holds an
exclusive ``flock`` on it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewAskedQuestion, NewNote
from tui1on1.privacy import FILE_MODE


def note_to_entry(note: NewNote) -> dict[str, Any]:
    entry = asdict(note)
    entry["type"] = "note"
    entry["kind"] = note.kind.value
    entry["tags"] = list(note.tags)
    entry["created_at"] = note.created_at.isoformat() if note.created_at else None
    entry["action_owner"] = note.action_owner.value if note.action_owner else None
    entry["action_due"] = note.action_due.isoformat() if note.action_due else None
    return entry


def entry_to_note(entry: dict[str, Any]) -> NewNote:
    return NewNote(
        uid=entry["uid"],
        meeting_id=int(entry["meeting_id"]),
        kind=NoteKind(entry["kind"]),
        text=entry["text"],
        tags=tuple(entry.get("tags") or ()),
        elapsed_seconds=float(entry.get("elapsed_seconds") or 0.0),
        segment_index=entry.get("segment_index"),
        asked_question_id=entry.get("asked_question_id"),
        created_at=datetime.fromisoformat(entry["created_at"]) if entry.get("created_at") else None,
        action_owner=Owner(entry["action_owner"]) if entry.get("action_owner") else None,
        action_due=date.fromisoformat(entry["action_due"]) if entry.get("action_due") else None,
        asked_question_uid=entry.get("asked_question_uid"),
    )


def asked_to_entry(asked: NewAskedQuestion) -> dict[str, Any]:
    entry = asdict(asked)
    entry["type"] = "asked"
    entry["asked_at"] = asked.asked_at.isoformat()
    return entry


def entry_to_asked(entry: dict[str, Any]) -> NewAskedQuestion:
    return NewAskedQuestion(
        uid=entry["uid"],
        meeting_id=int(entry["meeting_id"]),
        slug=entry["slug"],
        text=entry["text"],
        elapsed_seconds=float(entry.get("elapsed_seconds") or 0.0),
        asked_at=datetime.fromisoformat(entry["asked_at"]),
    )


def draft_entry(meeting_id: int, text: str, at: datetime) -> dict[str, Any]:
    return {"type": "draft", "meeting_id": meeting_id, "text": text, "at": at.isoformat()}


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _locked(self) -> Iterator[int]:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield fd
        finally:
            os.close(fd)  # closing releases the lock

    def append(self, entry: dict[str, Any]) -> None:
        """Append one entry durably. Raises OSError if even this can't be written."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        with self._locked() as fd:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # end a line torn by a crash, or this entry is lost too
            os.write(fd, line)
            os.fsync(fd)

    def has_entries(self) -> bool:
        try:
            return self.path.stat().st_size > 0
        except OSError:
            return False

    def replay(self, apply: Callable[[dict[str, Any]], None]) -> int:
        """Apply every entry in order, then empty the journal.

        If ``apply`` raises, the journal is left whole (entries are idempotent)
        and the exception propagates. A torn last line (a crash mid-append) is
        skipped. Returns how many entries were applied.
        """
        if not self.has_entries():
            return 0
        with self._locked() as fd:
            with open(fd, "rb", closefd=False) as fh:
                fh.seek(0)
                lines = fh.read().splitlines()
            applied = 0
            for raw in lines:
                try:
                    entry = json.loads(raw)
                except ValueError:
                    continue
                apply(entry)
                applied += 1
            os.ftruncate(fd, 0)
            os.fsync(fd)
            return applied

    def drop_meeting(self, meeting_id: int) -> int:
        """Remove every entry for ``meeting_id`` (a discarded meeting), keeping
        the others in order; returns how many were removed."""
        if not self.has_entries():
            return 0
        with self._locked() as fd:
            with open(fd, "rb", closefd=False) as fh:
                fh.seek(0)
                lines = fh.read().splitlines()
            kept: list[bytes] = []
            for raw in lines:
                try:
                    entry = json.loads(raw)
                    if int(entry.get("meeting_id")) == meeting_id:
                        continue
                except (ValueError, TypeError):
                    pass  # a torn line: replay skips it as before
                kept.append(raw)
            if len(kept) == len(lines):
                return 0
            os.ftruncate(fd, 0)
            if kept:  # in place (O_APPEND: at 0 now), so the flock stays on this file
                os.write(fd, b"\n".join(kept) + b"\n")
            os.fsync(fd)
            return len(lines) - len(kept)


def journal_path_for(database_file: Path | None, data_dir: Path, safe_url: str) -> Path:
    """``tui1on1.db`` → ``tui1on1.db.journal``; a server database → a file in
    the data dir named for that database, so entries never replay elsewhere."""
    if database_file is not None:
        return database_file.with_name(database_file.name + ".journal")
    digest = hashlib.sha256(safe_url.encode("utf-8")).hexdigest()[:12]
    return data_dir / f"recovery-{digest}.journal"
