"""The promise ledger: every change to an action item after it was made.

Done, open again, dropped (with a reason), rescheduled, reassigned and
reworded each update the action and add an ``action_event`` row in one
transaction. A change given a client ``uid`` lands once: replaying it (the
recovery journal) returns the action as it is. A change to what the action
already says records nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tui1on1.domain.grammar import extract_tags
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import ActionEventRow, ActionItemRow, NoteRow

MAX_REASON_CHARS = 500
_ACTION = ActionItemRow.__table__
_EVENT = ActionEventRow.__table__

_STATUS_CHANGE = {
    ActionStatus.DONE: ActionChange.DONE,
    ActionStatus.DROPPED: ActionChange.DROPPED,
    ActionStatus.OPEN: ActionChange.REOPENED,
}


def _action(session: Session, action_id: int) -> ActionItemRow:
    row = session.get(ActionItemRow, action_id)
    if row is None:
        raise NotFound(f"no action item with id {action_id}")
    return row


def _landed(session: Session, uid: str | None) -> bool:
    """Whether the change made with ``uid`` is in already (a replay)."""
    if uid is None:
        return False
    return session.scalar(select(ActionEventRow.id).where(ActionEventRow.uid == uid)) is not None


def record_event(
    session: Session,
    row: ActionItemRow,
    change: ActionChange,
    at: datetime,
    *,
    before: str | None = None,
    after: str | None = None,
    reason: str = "",
    meeting_id: int | None = None,
    uid: str | None = None,
) -> None:
    """Add one history row for ``row`` (in the caller's transaction)."""
    event = ActionEventRow(
        action_id=row.id,
        change=change.value,
        at=at,
        before=before,
        after=after,
        reason=reason,
        meeting_id=meeting_id,
    )
    if uid is not None:
        event.uid = uid
    session.add(event)


def set_action_text(session: Session, row: ActionItemRow, text: str, at: datetime) -> None:
    """An action's new text; its note (and the note's tags) follow."""
    row.text = text
    note = session.get(NoteRow, row.note_id) if row.note_id else None
    if note is not None:
        note.text = text
        note.tags = convert.join_tags(extract_tags(text))
        note.edited_at = at


def due_text(value: date | None) -> str:
    return value.isoformat() if value else ""


class LedgerStore(SessionBase):
    def get_action(self, action_id: int) -> ActionItem:
        with self._read() as session:
            return convert.action_item(_action(session, action_id))

    def set_action_status(
        self,
        action_id: int,
        status: ActionStatus,
        *,
        meeting_id: int | None,
        at: datetime,
        reason: str = "",
        uid: str | None = None,
    ) -> ActionItem:
        """Mark an action done, dropped (``reason`` optional) or open again;
        ``meeting_id``: the meeting it happened in, if any."""
        reason = " ".join(reason.split())
        if len(reason) > MAX_REASON_CHARS:
            raise InvalidInput(f"a reason can be at most {MAX_REASON_CHARS} characters")
        with self._write() as session:
            row = _action(session, action_id)
            if _landed(session, uid) or row.status == status.value:
                return convert.action_item(row)
            before, row.status = row.status, status.value
            if status is ActionStatus.OPEN:
                row.closed_at = None
                row.closed_meeting_id = None
            else:
                row.closed_at = at
                row.closed_meeting_id = meeting_id
            record_event(
                session,
                row,
                _STATUS_CHANGE[status],
                at,
                before=before,
                after=status.value,
                reason=reason if status is ActionStatus.DROPPED else "",
                meeting_id=meeting_id,
                uid=uid,
            )
            session.flush()
            return convert.action_item(row)

    def reschedule_action(
        self,
        action_id: int,
        due: date | None,
        *,
        at: datetime,
        meeting_id: int | None = None,
        uid: str | None = None,
    ) -> ActionItem:
        """Give an action a new due date (None: no due date)."""

        def apply(_session: Session, row: ActionItemRow) -> tuple[str, str] | None:
            if row.due == due:
                return None
            before, row.due = row.due, due
            return due_text(before), due_text(due)

        return self._change(action_id, ActionChange.DUE, apply, at, meeting_id, uid)

    def reassign_action(
        self,
        action_id: int,
        owner: Owner,
        *,
        at: datetime,
        meeting_id: int | None = None,
        uid: str | None = None,
    ) -> ActionItem:
        """Make an action mine or theirs."""

        def apply(_session: Session, row: ActionItemRow) -> tuple[str, str] | None:
            if row.owner == owner.value:
                return None
            before, row.owner = row.owner, owner.value
            return before, owner.value

        return self._change(action_id, ActionChange.OWNER, apply, at, meeting_id, uid)

    def reword_action(
        self,
        action_id: int,
        text: str,
        *,
        at: datetime,
        meeting_id: int | None = None,
        uid: str | None = None,
    ) -> ActionItem:
        """Change an action's text; its note (and the note's tags) follow."""
        text = text.strip()
        if not text:
            raise InvalidInput("an action needs some text")
        from tui1on1.storage.notes import MAX_NOTE_CHARS

        if len(text) > MAX_NOTE_CHARS:
            raise InvalidInput(f"an action can be at most {MAX_NOTE_CHARS:,} characters")

        def apply(session: Session, row: ActionItemRow) -> tuple[str, str] | None:
            if row.text == text:
                return None
            before = row.text
            set_action_text(session, row, text, at)
            return before, text

        return self._change(action_id, ActionChange.TEXT, apply, at, meeting_id, uid)

    def _change(
        self,
        action_id: int,
        change: ActionChange,
        apply: Callable[[Session, ActionItemRow], tuple[str, str] | None],
        at: datetime,
        meeting_id: int | None,
        uid: str | None,
    ) -> ActionItem:
        """One change to an action and its history row, in one transaction:
        ``apply`` changes the row and returns (before, after), or None when
        the action says that already (nothing recorded); a replayed ``uid``
        changes nothing."""
        with self._write() as session:
            row = _action(session, action_id)
            if not _landed(session, uid) and (values := apply(session, row)) is not None:
                record_event(
                    session,
                    row,
                    change,
                    at,
                    before=values[0],
                    after=values[1],
                    meeting_id=meeting_id,
                    uid=uid,
                )
                session.flush()
            return convert.action_item(row)

    def actions_seen_from(
        self, person_id: int, meeting_id: int, *, made_before: datetime, closed_after: datetime
    ) -> tuple[list[ActionItem], dict[int, list[ActionEvent]]]:
        """The person's actions from before a meeting that its recap may
        show, with their history: made before ``made_before`` outside the
        meeting, open now or closed after ``closed_after``. Actions of
        deleted notes are left out (typed by mistake)."""
        query = (
            select(ActionItemRow)
            .outerjoin(NoteRow, NoteRow.id == ActionItemRow.note_id)
            .where(
                ActionItemRow.person_id == person_id,
                NoteRow.deleted_at.is_(None),
                or_(
                    ActionItemRow.origin_meeting_id.is_(None),
                    ActionItemRow.origin_meeting_id != meeting_id,
                ),
                or_(ActionItemRow.created_at.is_(None), ActionItemRow.created_at < made_before),
                or_(
                    ActionItemRow.status == ActionStatus.OPEN.value,
                    ActionItemRow.closed_at > closed_after,
                ),
            )
            .order_by(ActionItemRow.id)
        )
        with self._read() as session:
            items = [convert.action_item(row) for row in session.scalars(query)]
        return items, self.action_history(item.id for item in items)

    def closed_between(self, person_id: int, meeting_id: int, after: datetime) -> list[ActionItem]:
        """The person's earlier actions closed after ``after`` (the last 1:1's
        end) outside the meeting ``meeting_id``: kept or dropped between
        meetings. Actions of deleted notes are left out (typed by mistake)."""
        query = (
            select(ActionItemRow)
            .outerjoin(NoteRow, NoteRow.id == ActionItemRow.note_id)
            .where(
                ActionItemRow.person_id == person_id,
                ActionItemRow.status != ActionStatus.OPEN.value,
                ActionItemRow.closed_at > after,
                NoteRow.deleted_at.is_(None),
                or_(
                    ActionItemRow.origin_meeting_id.is_(None),
                    ActionItemRow.origin_meeting_id != meeting_id,
                ),
                or_(
                    ActionItemRow.closed_meeting_id.is_(None),
                    ActionItemRow.closed_meeting_id != meeting_id,
                ),
            )
            .order_by(ActionItemRow.closed_at, ActionItemRow.id)
        )
        with self._read() as session:
            return [convert.action_item(row) for row in session.scalars(query)]

    def private_actions(self, actions: Iterable[ActionItem]) -> frozenset[int]:
        """The ids of these actions whose note is private (kept out of the recap)."""
        ids = sorted({a.id for a in actions})
        found: set[int] = set()
        with self._read() as session:
            for start in range(0, len(ids), 500):  # bound parameters stay few
                found.update(
                    session.scalars(
                        select(ActionItemRow.id)
                        .join(NoteRow, NoteRow.id == ActionItemRow.note_id)
                        .where(ActionItemRow.id.in_(ids[start : start + 500]), NoteRow.private)
                    )
                )
        return frozenset(found)

    def texts_written(self, actions: Iterable[ActionItem]) -> dict[int, datetime]:
        """When each of these actions' text was last written, by id: its
        note's last edit (rewording an action edits its note too), else when
        the note was made; an action without a note: when it was made. A
        date phrase in the text (``by fri``) is read as of that day."""
        items = {a.id: a for a in actions}
        ids = sorted(items)
        written = {i: at for i, a in items.items() if (at := a.created_at) is not None}
        with self._read() as session:
            for start in range(0, len(ids), 500):  # bound parameters stay few
                rows = session.execute(
                    select(ActionItemRow.id, NoteRow.edited_at, NoteRow.created_at)
                    .join(NoteRow, NoteRow.id == ActionItemRow.note_id)
                    .where(ActionItemRow.id.in_(ids[start : start + 500]))
                )
                for action_id, edited_at, created_at in rows:
                    written[action_id] = edited_at or created_at
        return written

    def action_history(self, action_ids: Iterable[int]) -> dict[int, list[ActionEvent]]:
        """The changes to each action, oldest first (every id has a list)."""
        ids = sorted(set(action_ids))
        history: dict[int, list[ActionEvent]] = {i: [] for i in ids}
        if not ids:
            return history
        with self._read_rows() as conn:  # plain rows: no ORM objects to make and drop
            for start in range(0, len(ids), 500):  # bound parameters stay few
                rows = conn.execute(
                    select(_EVENT)
                    .where(_EVENT.c.action_id.in_(ids[start : start + 500]))
                    .order_by(_EVENT.c.at, _EVENT.c.id)
                )
                for row in rows:
                    history[row.action_id].append(convert.action_event(row))
        return history

    def my_promises(
        self, *, since: date, person_id: int | None = None
    ) -> tuple[list[ActionItem], dict[int, list[ActionEvent]]]:
        """My actions that bear on the kept-promise rate from ``since`` on:
        still open, closed since then, or due since then; and their history.
        Actions of deleted notes are left out (they were typed by mistake).
        A day more is read than asked: the window is counted in local days
        (the domain trims it), and ``since`` at UTC midnight is late east of UTC.
        Three reads, not one with an OR: each walks its own index (0010) from
        the window's start, however many years of actions there are."""
        since -= timedelta(days=1)
        mine = (
            select(_ACTION)
            .outerjoin(NoteRow, NoteRow.id == _ACTION.c.note_id)
            .where(_ACTION.c.owner == Owner.ME.value, NoteRow.deleted_at.is_(None))
        )
        if person_id is not None:
            mine = mine.where(_ACTION.c.person_id == person_id)
        ways_in = (
            _ACTION.c.status == ActionStatus.OPEN.value,
            _ACTION.c.due >= since,
            _ACTION.c.closed_at >= _start_of(since),
        )
        found: dict[int, ActionItem] = {}
        with self._read_rows() as conn:  # plain rows: no ORM objects to make and drop
            for way in ways_in:
                for row in conn.execute(mine.where(way)):
                    if row.id not in found:
                        found[row.id] = convert.action_item(row)
        items = [found[key] for key in sorted(found)]
        return items, self.action_history(item.id for item in items)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
