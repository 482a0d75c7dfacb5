"""A meeting as the Markdown recap you would send to the other person.

Pure functions of records: the CLI gathers them from the Store. The recap to
send holds only the shared notes, grouped for a reader who wasn't taking
notes: what we discussed, what we decided, wins, concerns, what each of us
will do and by when, what was done or dropped since last time and what is
still open. The actions are as they stood at the end of the meeting (the
CLI reads them back from their history), so a recap reads the same whenever
it is made.
It has no tags, no elapsed times and no questions from the manager's script
(their answers are the notes). ``all_notes`` adds the private notes, each
marked "(private)", and the questions asked: the manager's own file.

Text written by the user is kept as typed, except that tags are taken out
and control characters are escaped so a recap pasted into a terminal or chat
can't carry escape sequences. The JSON export is in :mod:`recap_json`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from tui1on1.domain.datewords import tried_dates_out
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.recap_text import bullet, clean, day
from tui1on1.domain.records import ActionItem, AskedQuestion, Meeting, Note, Person, SegmentLog
from tui1on1.domain.text import plural, safe_terminal_text

PRIVATE_MARK = "(private) "
NOTHING_SHARED = "Nothing to share from this meeting."
NOTHING_NEW = "Nothing new to share from this meeting; where earlier promises stand:"
DROPPED_HEADING = "Dropped since last time"

_LABELS = {NoteKind.QUESTION: "Open question: ", NoteKind.PARKED: "For another time: "}
_DISCUSSED = (NoteKind.NOTE, NoteKind.QUOTE, NoteKind.QUESTION, NoteKind.PARKED)
_SECTIONS = (
    ("What we discussed", _DISCUSSED),
    ("What we decided", (NoteKind.DECISION,)),
    ("Wins", (NoteKind.WIN,)),
    ("Opportunities", (NoteKind.EXPOSURE,)),
    ("Concerns", (NoteKind.CONCERN,)),
)
_WHO = {Owner.ME: "Me", Owner.THEM: "You"}


@dataclass(frozen=True)
class MeetingRecord:
    person: Person
    meeting: Meeting
    notes: Sequence[Note]
    asked: Sequence[AskedQuestion]
    actions: Sequence[ActionItem]  # those that came from this meeting
    segments: Sequence[SegmentLog]
    # Earlier actions seen from this one, as of its end: closed in it or
    # since the last meeting, or open. ``private_earlier`` holds the ids of
    # those whose note is private; ``drop_reasons`` the reasons given for
    # dropping them, by id.
    earlier_actions: Sequence[ActionItem] = ()
    private_earlier: frozenset[int] = frozenset()
    drop_reasons: Mapping[int, str] = field(default_factory=dict)

    def is_private(self, action: ActionItem) -> bool:
        """Whether an action is the manager's alone: its note is private."""
        if action.id in self.private_earlier:
            return True
        return any(n.private for n in self.notes if n.id == action.note_id)

    def done_since_last_time(self) -> list[ActionItem]:
        """Earlier actions done in this meeting, or between meetings since
        the last one (``earlier_actions`` holds only those): mine first,
        then theirs."""
        return self._closed(ActionStatus.DONE)

    def dropped_since_last_time(self) -> list[ActionItem]:
        """Earlier actions dropped in this meeting or since the last one:
        mine first, then theirs."""
        return self._closed(ActionStatus.DROPPED)

    def _closed(self, status: ActionStatus) -> list[ActionItem]:
        items = [a for a in self.earlier_actions if a.status is status]
        return sorted(items, key=lambda a: (a.owner is not Owner.ME, a.id))

    def still_open(self) -> list[ActionItem]:
        """Earlier actions still open: mine first, then theirs; each group
        overdue-first by due date, those with no date last."""
        items = [a for a in self.earlier_actions if a.status is ActionStatus.OPEN]
        return sorted(items, key=lambda a: (a.owner is not Owner.ME, a.due is None, a.due, a.id))


def markdown(record: MeetingRecord, *, today: date, all_notes: bool = False) -> str:
    """The recap to send (``all_notes``: the manager's own file). An open
    action is past its date if it was on the day the meeting ended (on
    ``today``, the local date, while the meeting is live)."""
    ended = record.meeting.ended_at
    on = ended.astimezone().date() if ended is not None else today

    def shown(private: bool) -> bool:
        return all_notes or not private

    def mark(private: bool) -> str:
        return PRIVATE_MARK if private else ""

    sections: list[tuple[str, list[str]]] = []
    for heading, kinds in _SECTIONS:
        items = [
            bullet(mark(n.private) + _note_text(n))
            for n in record.notes
            if n.kind in kinds and shown(n.private) and clean(n.text)
        ]
        sections.append((heading, items))
    for owner, heading in ((Owner.ME, "What I'll do"), (Owner.THEM, "What you'll do")):
        mine = [a for a in record.actions if a.owner is owner]
        items = [
            bullet(mark(private) + _action_text(a, on, earlier=False))
            for a, private in _visible(record, mine, shown)
            if a.status is not ActionStatus.DROPPED
        ]
        sections.append((heading, items))
    from_this_meeting = any(items for _, items in sections)
    for heading, actions in (
        ("Done since last time", record.done_since_last_time()),
        (DROPPED_HEADING, record.dropped_since_last_time()),
        ("Still open", record.still_open()),
    ):
        items = [
            bullet(
                mark(private)
                + f"{_WHO[a.owner]}: "
                + _earlier_text(record, a, on, reasons=all_notes)
            )
            for a, private in _visible(record, actions, shown)
        ]
        sections.append((heading, items))
    if all_notes:
        asked = [bullet(safe_terminal_text(q.text)) for q in record.asked]
        sections.append(("Questions I asked", asked))

    lines = [*_header(record), ""]
    if not from_this_meeting:
        earlier = any(items for _, items in sections)
        lines += [NOTHING_NEW if earlier else NOTHING_SHARED, ""]
    for heading, items in sections:
        if items:
            lines += [f"## {heading}", "", *items, ""]
    return "\n".join(lines).rstrip() + "\n"


def _header(record: MeetingRecord) -> list[str]:
    meeting = record.meeting
    started = meeting.started_at.astimezone().date()
    title = f"# 1:1 with {safe_terminal_text(record.person.name)} — {day(started)}"
    if meeting.ended_at is None:
        return [title, "", "The meeting is still going: these are the notes so far."]
    minutes = round((meeting.ended_at - meeting.started_at).total_seconds() / 60)
    length = plural(minutes, "minute") if minutes else "under a minute"
    return [title, "", f"We met for {length}."]


def _visible(
    record: MeetingRecord, actions: Iterable[ActionItem], shown: Callable[[bool], bool]
) -> list[tuple[ActionItem, bool]]:
    """The actions to show, each with whether it is private."""
    pairs = [(a, record.is_private(a)) for a in actions]
    return [(a, private) for a, private in pairs if shown(private) and clean(a.text)]


def _note_text(note: Note) -> str:
    body = clean(note.text)
    if note.kind is NoteKind.QUOTE:
        return f"“{body}”"
    return _LABELS.get(note.kind, "") + body


def _earlier_text(record: MeetingRecord, action: ActionItem, on: date, *, reasons: bool) -> str:
    """An earlier action; a dropped one with the reason given, if any, in the
    manager's own file only (``reasons``): a reason is typed as a note to
    self ("HR said no"), so the recap to send never carries one."""
    if action.status is ActionStatus.DROPPED:
        reason = clean(record.drop_reasons.get(action.id, "")) if reasons else ""
        text = _words(action, on)
        return f"{text} — {reason}" if reason else text
    return _action_text(action, on, earlier=True)


def _words(action: ActionItem, today: date) -> str:
    """An action's words for the reader: a date typed in them that didn't
    read (``@fridya``) is left out once the action has a date or is closed."""
    if action.due is None and action.status is ActionStatus.OPEN:
        return clean(action.text)
    return clean(tried_dates_out(action.text, today))


def _action_text(action: ActionItem, today: date, *, earlier: bool) -> str:
    text = _words(action, today)
    if action.status is ActionStatus.DONE:
        return text if earlier else f"{text} (done)"
    if action.due is None:
        return text
    if earlier and action.due < today:
        return f"{text} — was due {day(action.due)}"
    return f"{text} — by {day(action.due)}"
