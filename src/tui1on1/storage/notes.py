"""Notes, action items and asked questions: what a meeting captures (its
unsent text is in ``storage.drafts``)."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tui1on1.domain.career import CAREER_MARKS
from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.records import ActionItem, AskedQuestion, LineReading, NewNote, Note
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.ledger import due_text, record_event
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import (
    ActionItemRow,
    AskedQuestionRow,
    Base,
    MeetingRow,
    NoteRow,
)

MAX_NOTE_CHARS = 20_000

_RowT = TypeVar("_RowT", bound=Base)

# The statements of add_note, built once: SQLAlchemy compiles each a single time.
_note = NoteRow.__table__
_action = ActionItemRow.__table__
_NOTE_BY_UID = select(_note).where(_note.c.uid == bindparam("uid"))
_ACTION_BY_NOTE = select(_action).where(_action.c.note_id == bindparam("note_id"))
_MEETING_PERSON = select(MeetingRow.person_id).where(MeetingRow.id == bindparam("id"))
_ASKED_BY_UID = select(AskedQuestionRow.id).where(AskedQuestionRow.uid == bindparam("uid"))
_INSERT_NOTE = insert(_note).returning(*_note.c)
_INSERT_ACTION = insert(_action).returning(*_action.c)


def _check_text(text: str) -> str:
    if not text.strip():
        raise InvalidInput("a note needs some text")
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInput(
            f"a note can be at most {MAX_NOTE_CHARS:,} characters (this one has {len(text):,})"
        )
    return text


def _update_asked(
    session: Session, row: AskedQuestionRow, pause_seconds: float | None, add_followup: bool
) -> AskedQuestion:
    if pause_seconds is not None:
        row.pause_seconds = round((row.pause_seconds or 0.0) + pause_seconds, 3)
    if add_followup:
        row.followups += 1
    session.flush()
    return convert.asked_question(row)


def _reread(
    session: Session,
    note: NoteRow,
    action: ActionItemRow | None,
    reading: LineReading,
    at: datetime,
) -> ActionItemRow | None:
    """Apply an edited line's kind, owner and due date to ``note`` and its
    action; returns the action it has now."""
    note.kind = reading.kind.value
    if reading.kind is not NoteKind.ACTION:
        if action is not None:
            session.delete(action)
        return None
    owner = reading.owner or Owner.THEM
    if action is None:
        meeting = _get(session, MeetingRow, note.meeting_id, "meeting")
        action = ActionItemRow(
            person_id=meeting.person_id,
            owner=owner.value,
            text=note.text,
            due=reading.due,
            status=ActionStatus.OPEN.value,
            origin_meeting_id=note.meeting_id,
            note_id=note.id,
            created_at=at,
        )
        session.add(action)
        return action
    if action.owner != owner.value:
        before, action.owner = action.owner, owner.value
        record_event(session, action, ActionChange.OWNER, at, before=before, after=owner.value)
    if action.due != reading.due:
        before_due, action.due = action.due, reading.due
        record_event(
            session,
            action,
            ActionChange.DUE,
            at,
            before=due_text(before_due),
            after=due_text(reading.due),
        )
    return action


def _get(session: Session, table: type[_RowT], key: int, what: str) -> _RowT:
    row = session.get(table, key)
    if row is None:
        raise NotFound(f"no {what} with id {key}")
    return row


def _saved_note(conn: Connection, uid: str) -> tuple[Note, ActionItem | None] | None:
    """The note saved under ``uid`` and its action, or None."""
    existing = conn.execute(_NOTE_BY_UID, {"uid": uid}).first()
    if existing is None:
        return None
    action = conn.execute(_ACTION_BY_NOTE, {"note_id": existing.id}).first()
    return convert.note(existing), convert.action_item(action) if action else None


class NoteStore(SessionBase):
    # --- notes ---------------------------------------------------------------

    def add_note(self, new: NewNote) -> tuple[Note, ActionItem | None]:
        """Save a note (and its action item). Saving the same ``uid`` twice is a
        no-op that returns what was saved the first time, so a retried or
        replayed save never lands twice.

        This is the write behind every Enter in a meeting, so it runs as a
        few prepared Core statements on one connection rather than through an
        ORM session (which cost more than the commit itself)."""
        _check_text(new.text)
        if new.created_at is None:
            raise InvalidInput("a note needs the time it was taken")
        try:
            return self._add_note_once(new)
        except IntegrityError:
            # Another writer saved the same uid between our look and our
            # insert (a second instance replaying the journal while the first
            # one's commit lands): what it saved is this note.
            with self._read_rows() as conn:
                saved = _saved_note(conn, new.uid)
            if saved is None:
                raise
            return saved

    def _add_note_once(self, new: NewNote) -> tuple[Note, ActionItem | None]:
        with self._write_rows() as conn:
            if (saved := _saved_note(conn, new.uid)) is not None:
                return saved
            person_id = conn.execute(_MEETING_PERSON, {"id": new.meeting_id}).scalar()
            if person_id is None:
                raise NotFound(f"no meeting with id {new.meeting_id}")
            asked_id = new.asked_question_id
            if asked_id is None and new.asked_question_uid is not None:
                asked_id = conn.execute(_ASKED_BY_UID, {"uid": new.asked_question_uid}).scalar()
            row = conn.execute(
                _INSERT_NOTE,
                {
                    "uid": new.uid,
                    "meeting_id": new.meeting_id,
                    "kind": new.kind.value,
                    "text": new.text,
                    "tags": convert.join_tags(new.tags),
                    "elapsed_seconds": new.elapsed_seconds,
                    "segment_index": new.segment_index,
                    "asked_question_id": asked_id,
                    "created_at": new.created_at,
                    "career": new.career,
                    "answers_why": new.answers_why and asked_id is not None,
                    "private": new.private,
                },
            ).one()
            action_row = None
            if new.kind is NoteKind.ACTION:
                action_row = conn.execute(
                    _INSERT_ACTION,
                    {
                        "person_id": person_id,
                        "owner": (new.action_owner or Owner.THEM).value,
                        "text": new.text,
                        "due": new.action_due,
                        "status": ActionStatus.OPEN.value,
                        "origin_meeting_id": new.meeting_id,
                        "note_id": row.id,
                        "created_at": new.created_at,
                    },
                ).one()
            return convert.note(row), convert.action_item(action_row) if action_row else None

    def list_notes(self, meeting_id: int, *, include_deleted: bool = False) -> list[Note]:
        query = select(NoteRow).where(NoteRow.meeting_id == meeting_id).order_by(NoteRow.id)
        if not include_deleted:
            query = query.where(NoteRow.deleted_at.is_(None))
        with self._read() as session:
            return [convert.note(row) for row in session.scalars(query)]

    def note_id_for(self, uid: str) -> int | None:
        """The id this database gives the note saved with ``uid``, if any."""
        with self._read_rows() as conn:
            row = conn.execute(_NOTE_BY_UID, {"uid": uid}).first()
            return None if row is None else int(row.id)

    def action_id_for(self, note_uid: str) -> int | None:
        """The id of the action made by the note saved with ``note_uid``, if any."""
        with self._read_rows() as conn:
            note = conn.execute(_NOTE_BY_UID, {"uid": note_uid}).first()
            if note is None:
                return None
            action = conn.execute(_ACTION_BY_NOTE, {"note_id": note.id}).first()
            return None if action is None else int(action.id)

    def edit_note(
        self,
        note_id: int,
        *,
        text: str,
        tags: tuple[str, ...],
        at: datetime,
        reading: LineReading | None = None,
    ) -> Note:
        """Change a note's text and tags; its action item follows the text.

        ``reading``: the edited line read again (kind, owner, due date,
        privacy). A note that becomes an action gets its action item; an
        action that becomes another kind of note loses it (it was typed as
        an action by mistake). Its words, owner or due date changed here are
        part of the action's history, as from the action dialog."""
        _check_text(text)
        with self._write() as session:
            row = _get(session, NoteRow, note_id, "note")
            row.text = text
            row.tags = convert.join_tags(tags)
            row.edited_at = at
            action = session.scalar(select(ActionItemRow).where(ActionItemRow.note_id == note_id))
            if reading is not None:
                row.private = reading.private
                action = _reread(session, row, action, reading, at)
            if action is not None and action.text != text:  # reworded: in its history
                before, action.text = action.text, text
                record_event(session, action, ActionChange.TEXT, at, before=before, after=text)
            session.flush()
            return convert.note(row)

    def set_note_private(self, note_id: int, private: bool) -> Note:
        """Keep a note (and its action) out of the recap sent to the report, or share it."""
        with self._write() as session:
            row = _get(session, NoteRow, note_id, "note")
            row.private = private
            session.flush()
            return convert.note(row)

    def set_career_mark(self, note_id: int, mark: str | None) -> Note:
        """Mark a note as a career element (a ``CareerElement`` value), take it
        out of the thread (``"none"``), or leave it to its question (None)."""
        if mark is not None and mark not in CAREER_MARKS:
            raise InvalidInput(f"{mark!r} isn't a career element")
        with self._write() as session:
            row = _get(session, NoteRow, note_id, "note")
            row.career = mark
            session.flush()
            return convert.note(row)

    def delete_note(self, note_id: int, at: datetime) -> Note:
        """Soft-delete: the note is hidden (and its open action dropped) until restored."""
        with self._write() as session:
            row = _get(session, NoteRow, note_id, "note")
            row.deleted_at = at
            action = session.scalar(select(ActionItemRow).where(ActionItemRow.note_id == note_id))
            if action is not None and action.status == ActionStatus.OPEN:
                action.status = ActionStatus.DROPPED.value
                action.closed_at = at
            session.flush()
            return convert.note(row)

    def restore_note(self, note_id: int) -> Note:
        """Undo a delete; an action dropped by the delete is open again."""
        with self._write() as session:
            row = _get(session, NoteRow, note_id, "note")
            deleted_at = row.deleted_at
            row.deleted_at = None
            action = session.scalar(select(ActionItemRow).where(ActionItemRow.note_id == note_id))
            if (
                action is not None
                and action.status == ActionStatus.DROPPED
                and action.closed_at == deleted_at
            ):
                action.status = ActionStatus.OPEN.value
                action.closed_at = None
            session.flush()
            return convert.note(row)

    # --- action items --------------------------------------------------------

    def list_actions(
        self,
        *,
        person_id: int | None = None,
        status: ActionStatus | None = None,
        owner: Owner | None = None,
        listed: bool = False,
    ) -> list[ActionItem]:
        """Action items, oldest due date first (no due date last).
        ``listed``: as a list of promises shows them, without those of deleted
        notes (typed by mistake: dropped by the delete, not by anyone)."""
        query = select(ActionItemRow)
        if listed:
            query = query.outerjoin(NoteRow, NoteRow.id == ActionItemRow.note_id).where(
                NoteRow.deleted_at.is_(None)
            )
        if person_id is not None:
            query = query.where(ActionItemRow.person_id == person_id)
        if status is not None:
            query = query.where(ActionItemRow.status == status.value)
        if owner is not None:
            query = query.where(ActionItemRow.owner == owner.value)
        query = query.order_by(ActionItemRow.due.is_(None), ActionItemRow.due, ActionItemRow.id)
        with self._read() as session:
            return [convert.action_item(row) for row in session.scalars(query)]

    # --- asked questions -----------------------------------------------------

    def record_question(
        self,
        meeting_id: int,
        *,
        slug: str,
        text: str,
        elapsed_seconds: float,
        at: datetime,
        uid: str | None = None,
    ) -> AskedQuestion:
        """Record a question asked. Recording the same ``uid`` twice is a no-op
        that returns the first, so a retried or replayed record lands once."""
        with self._write() as session:
            if uid is not None:
                existing = session.scalar(
                    select(AskedQuestionRow).where(AskedQuestionRow.uid == uid)
                )
                if existing is not None:
                    return convert.asked_question(existing)
            _get(session, MeetingRow, meeting_id, "meeting")
            row = AskedQuestionRow(
                meeting_id=meeting_id,
                slug=slug,
                text=text,
                elapsed_seconds=elapsed_seconds,
                asked_at=at,
                followups=0,
            )
            if uid is not None:
                row.uid = uid
            session.add(row)
            session.flush()
            return convert.asked_question(row)

    def update_asked(
        self, uid: str, *, pause_seconds: float | None = None, add_followup: bool = False
    ) -> AskedQuestion:
        """Add the pause held (it adds up over follow-ups) or a follow-up to
        the question recorded with ``uid``."""
        with self._write() as session:
            row = session.scalar(select(AskedQuestionRow).where(AskedQuestionRow.uid == uid))
            if row is None:
                raise NotFound("no asked question with that uid")
            return _update_asked(session, row, pause_seconds, add_followup)

    def update_question(
        self,
        question_id: int,
        *,
        pause_seconds: float | None = None,
        add_followup: bool = False,
    ) -> AskedQuestion:
        """Record how long the pause cue ran (it adds up over follow-ups)."""
        with self._write() as session:
            row = _get(session, AskedQuestionRow, question_id, "asked question")
            return _update_asked(session, row, pause_seconds, add_followup)

    def list_asked(self, meeting_id: int) -> list[AskedQuestion]:
        with self._read() as session:
            rows = session.scalars(
                select(AskedQuestionRow)
                .where(AskedQuestionRow.meeting_id == meeting_id)
                .order_by(AskedQuestionRow.asked_at, AskedQuestionRow.id)
            )
            return [convert.asked_question(row) for row in rows]
