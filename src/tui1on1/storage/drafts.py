"""A live meeting's unsent input text, kept as it is typed (a draft per
meeting), so a crash or hang-up never loses the line being written."""

from __future__ import annotations

from datetime import datetime

from tui1on1.domain.records import Draft
from tui1on1.storage import convert
from tui1on1.storage.notes import MAX_NOTE_CHARS
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import DraftRow


class DraftStore(SessionBase):
    def save_draft(self, meeting_id: int, text: str, at: datetime) -> None:
        """Keep the unsent input text; an empty text removes the draft."""
        with self._write() as session:
            row = session.get(DraftRow, meeting_id)
            if not text:
                if row is not None:
                    session.delete(row)
                return
            if len(text) > MAX_NOTE_CHARS * 5:
                text = text[: MAX_NOTE_CHARS * 5]
            if row is None:
                session.add(DraftRow(meeting_id=meeting_id, text=text, updated_at=at))
            else:
                row.text = text
                row.updated_at = at

    def get_draft(self, meeting_id: int) -> Draft | None:
        with self._read() as session:
            row = session.get(DraftRow, meeting_id)
            return convert.draft(row) if row else None
