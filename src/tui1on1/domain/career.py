"""The career thread: what a person has said about their career, and how it changed.

Six elements make the thread (:class:`CareerElement`): the aspiration, the
*why* behind it, the moonshot, strengths in use, strengths unused or draining,
and the plan step. A note belongs to an element in one of two ways:

* **The manager marked it** (``c`` on a note, or ``&a``…``&p`` typed before
  it). A mark always wins; "not career" (``NOT_CAREER``) takes a note out.
* **It answers a career question.** A note answers the question the manager
  asked last (ctrl+g) when it is typed in the same agenda segment, before the
  next question; after a *Why?* (ctrl+y) it answers that follow-up. Concerns,
  open questions and parked topics never answer (:func:`answers_question`):
  they are the manager's own, or for later. Notes and quotes answering an
  aspiration, moonshot or strengths question belong to that question's
  element; after a *Why?* follow-up they belong to Why; a plan question's
  answer also counts the actions for them and the decisions typed during it
  (the step). Actions for me, wins, decisions elsewhere, concerns, open
  questions and parked topics never join the thread on their own.

An entry is one answer: the notes answering one question (or its Why?) in
one meeting, in the order typed, read as their first; the notes a meeting's
marks put in an element make one entry of their own. An entry names the question its
first note answered, unless the manager's mark put that note somewhere its
question doesn't (then it reads "marked by you"). The thread keeps every entry,
newest first, so the manager sees what each one replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from tui1on1.domain.kinds import CareerElement, NoteKind, Owner
from tui1on1.domain.text import safe_terminal_text

__all__ = [
    "CAREER_CATEGORIES",
    "CAREER_MARKS",
    "ELEMENTS",
    "ELEMENT_KEYS",
    "ELEMENT_TITLES",
    "MARK_WORDS",
    "MAX_ANSWER_CHARS",
    "NOT_CAREER",
    "CareerEntry",
    "CareerNote",
    "CareerThread",
    "answers_question",
    "auto_element",
    "build_thread",
    "career_label",
    "category_element",
    "effective_element",
    "first_line",
    "format_current",
    "format_day",
    "shorten",
]

#: The elements in display order.
ELEMENTS: tuple[CareerElement, ...] = tuple(CareerElement)

#: Short titles for rows and headings.
ELEMENT_TITLES: dict[CareerElement, str] = {
    CareerElement.ASPIRATION: "Aspiration",
    CareerElement.WHY: "Why",
    CareerElement.MOONSHOT: "Moonshot",
    CareerElement.STRENGTH_USED: "Strengths used",
    CareerElement.STRENGTH_UNUSED: "Unused/draining",
    CareerElement.PLAN: "Plan step",
}

#: One key per element: the second keystroke after ``c``, and ``&a`` in a line.
ELEMENT_KEYS: dict[str, CareerElement] = {
    "a": CareerElement.ASPIRATION,
    "w": CareerElement.WHY,
    "m": CareerElement.MOONSHOT,
    "s": CareerElement.STRENGTH_USED,
    "u": CareerElement.STRENGTH_UNUSED,
    "p": CareerElement.PLAN,
}

#: Words that may stand for a key after ``&`` (``&why``, ``&step``).
MARK_WORDS: dict[str, CareerElement] = {
    **ELEMENT_KEYS,
    "aspiration": CareerElement.ASPIRATION,
    "why": CareerElement.WHY,
    "moonshot": CareerElement.MOONSHOT,
    "strength": CareerElement.STRENGTH_USED,
    "strengths": CareerElement.STRENGTH_USED,
    "unused": CareerElement.STRENGTH_UNUSED,
    "drain": CareerElement.STRENGTH_UNUSED,
    "draining": CareerElement.STRENGTH_UNUSED,
    "plan": CareerElement.PLAN,
    "step": CareerElement.PLAN,
}

#: The mark that takes a note out of the thread (stored as the note's mark).
NOT_CAREER = "none"

#: Every mark a note may carry (and a bank question's ``career`` key may say).
CAREER_MARKS: tuple[str, ...] = (*(e.value for e in CareerElement), NOT_CAREER)

#: The bank categories whose questions belong to an element unless a
#: question says otherwise (its ``career`` key).
CAREER_CATEGORIES: dict[str, CareerElement] = {
    "aspiration": CareerElement.ASPIRATION,
    "why": CareerElement.WHY,
    "moonshot": CareerElement.MOONSHOT,
    "strengths": CareerElement.STRENGTH_USED,
    "plan": CareerElement.PLAN,
}

#: How long the answer part of a row may be, ellipsis included.
MAX_ANSWER_CHARS = 70

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ANSWER_KINDS = (NoteKind.NOTE, NoteKind.QUOTE)


def answers_question(kind: NoteKind) -> bool:
    """Whether a note of ``kind`` typed while a question is open is its answer."""
    return kind not in (NoteKind.CONCERN, NoteKind.QUESTION, NoteKind.PARKED)


def category_element(category: str, override: str | None = None) -> CareerElement | None:
    """The element a question's answers belong to: its own ``career`` key
    (``"none"`` for none) or else its category's."""
    if override is not None:
        return None if override == NOT_CAREER else CareerElement(override)
    return CAREER_CATEGORIES.get(category)


def auto_element(
    question: CareerElement | None, kind: NoteKind, owner: Owner | None, answers_why: bool
) -> CareerElement | None:
    """The element a note answering a question belongs to without a mark."""
    if question is None:
        return None
    if answers_why:
        return CareerElement.WHY if kind in _ANSWER_KINDS else None
    if kind in _ANSWER_KINDS:
        return question
    if question is CareerElement.PLAN and (
        kind is NoteKind.DECISION or (kind is NoteKind.ACTION and owner is not Owner.ME)
    ):
        return CareerElement.PLAN
    return None


def career_label(
    element: CareerElement | None, auto: CareerElement | None, mark: str | None = None
) -> str:
    """How a note shows where it went: "career: why" when its question put
    it there, "marked: why" when the manager's mark did, "marked: not
    career" when a mark took an answer out, "" when it was never in."""
    if element is None:
        return "marked: not career" if mark == NOT_CAREER and auto is not None else ""
    how = "career" if element is auto else "marked"
    return f"{how}: {ELEMENT_TITLES[element].lower()}"


def effective_element(mark: str | None, auto: CareerElement | None) -> CareerElement | None:
    """The manager's mark wins; no mark leaves the automatic element."""
    if mark is None:
        return auto
    if mark == NOT_CAREER:
        return None
    try:
        return CareerElement(mark)
    except ValueError:  # a mark this version doesn't know: not in the thread
        return None


@dataclass(frozen=True, slots=True)
class CareerNote:
    """A note that may belong to the thread, with what decides where."""

    note_id: int
    meeting_id: int
    meeting_started: datetime
    created_at: datetime
    text: str
    kind: NoteKind
    owner: Owner | None = None  # actions only
    mark: str | None = None  # the manager's mark: an element, NOT_CAREER, or None
    question: str = ""  # the question it answers, as asked
    question_id: int | None = None  # that question's asking (its answers go together)
    question_element: CareerElement | None = None
    answers_why: bool = False
    action_status: str | None = None  # an action's: open, done or dropped

    @property
    def auto(self) -> CareerElement | None:
        return auto_element(self.question_element, self.kind, self.owner, self.answers_why)

    @property
    def element(self) -> CareerElement | None:
        return effective_element(self.mark, self.auto)

    @property
    def by_mark(self) -> bool:
        """In the thread because the manager put it there, not its question."""
        return self.mark is not None and self.element is not self.auto


@dataclass(frozen=True, slots=True)
class CareerEntry:
    """One element's notes from one meeting, read as the first of them."""

    element: CareerElement
    meeting_id: int
    meeting_started: datetime
    answered_at: datetime  # when its first note was taken
    answer: str  # the first note's full text, as typed
    note_id: int  # the first note (the one a mark changes)
    notes: tuple[str, ...]  # every note's text, the first included, in order
    question: str  # the question the first note answered ("" when put here by a mark)
    marked: bool  # the manager's mark put the first note here (not its question)
    after_why: bool = False  # the first note answered a Why? on ``question``
    action_status: str | None = None  # the first note's action: open, done or dropped
    auto: CareerElement | None = None  # where the first note's question alone puts it
    note_ids: tuple[int, ...] = ()  # every note's id, the first included, in order

    @property
    def headline(self) -> str:
        return first_line(self.answer)


@dataclass(frozen=True, slots=True)
class CareerThread:
    """Every entry per element, newest first, and the meetings that had one."""

    timelines: dict[CareerElement, tuple[CareerEntry, ...]]
    conversations: tuple[int, ...]  # meeting ids with an entry, newest first

    @property
    def empty(self) -> bool:
        return not any(self.timelines.values())

    def timeline(self, element: CareerElement) -> tuple[CareerEntry, ...]:
        return self.timelines.get(element, ())

    def current(self, element: CareerElement) -> CareerEntry | None:
        entries = self.timeline(element)
        return entries[0] if entries else None

    def before(self, entry: CareerEntry) -> CareerEntry | None:
        """The newest entry of the same element from an earlier meeting
        (answers in one meeting stand side by side; they replace nothing)."""
        entries = self.timeline(entry.element)
        if entry not in entries:
            return None
        later = entries[entries.index(entry) + 1 :]
        return next((e for e in later if e.meeting_id != entry.meeting_id), None)

    def was(self, entry: CareerEntry) -> CareerEntry | None:
        """What ``entry`` changed from: the entry before it (from an earlier
        meeting), when that one said something else."""
        before = self.before(entry)
        if before is None or before.headline.casefold() == entry.headline.casefold():
            return None
        return before

    def change(self, element: CareerElement) -> str:
        """``"new"`` or ``"changed"`` when the latest career conversation
        set this element (first ever, or different words from before); else ``""``."""
        entry = self.current(element)
        if entry is None or not self.conversations or entry.meeting_id != self.conversations[0]:
            return ""
        if self.before(entry) is None:
            return "new"
        return "changed" if self.was(entry) is not None else ""


def build_thread(notes: Iterable[CareerNote]) -> CareerThread:
    """Group the notes into entries: one per answer (the notes answering one
    question, or its Why?, in one meeting) and one for the notes a meeting's
    marks put in an element."""
    groups: dict[tuple[CareerElement, int, object], list[CareerNote]] = {}
    for note in sorted(notes, key=lambda n: (n.meeting_started, n.created_at, n.note_id)):
        element = note.element
        if element is not None:
            answer = "marked" if note.by_mark else (note.question_id, note.answers_why)
            groups.setdefault((element, note.meeting_id, answer), []).append(note)
    timelines: dict[CareerElement, list[CareerEntry]] = {}
    starts: dict[int, datetime] = {}
    for (element, meeting_id, _answer), members in groups.items():
        first = members[0]
        timelines.setdefault(element, []).append(
            CareerEntry(
                element=element,
                meeting_id=meeting_id,
                meeting_started=first.meeting_started,
                answered_at=first.created_at,
                answer=first.text,
                note_id=first.note_id,
                notes=tuple(n.text for n in members),
                question="" if first.by_mark else first.question,
                marked=first.by_mark,
                after_why=first.answers_why and not first.by_mark,
                action_status=first.action_status,
                auto=first.auto,
                note_ids=tuple(n.note_id for n in members),
            )
        )
        starts[meeting_id] = first.meeting_started
    newest_first = {
        element: tuple(
            sorted(
                entries,
                key=lambda e: (e.meeting_started, e.meeting_id, e.answered_at, e.note_id),
                reverse=True,
            )
        )
        for element, entries in timelines.items()
    }
    conversations = tuple(sorted(starts, key=lambda m: (starts[m], m), reverse=True))
    return CareerThread(
        timelines={e: newest_first[e] for e in ELEMENTS if e in newest_first},
        conversations=conversations,
    )


def first_line(text: str) -> str:
    """The first line of ``text`` after leading and trailing blanks are dropped.

    Only real line breaks split (not the other characters ``str.splitlines``
    treats as breaks, which are control characters to be shown escaped).
    """
    return _LINE_BREAK.split(text.strip(), maxsplit=1)[0].rstrip()


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" if it was cut.

    The cut falls on a word boundary when one is close to the limit.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"


def format_day(when: datetime, today: date, tz: tzinfo | None = None) -> str:
    """``12 Oct``, or ``30 Dec 2025`` outside ``today``'s year, in ``tz``
    (local time when None)."""
    local = when.astimezone(tz)
    if local.year == today.year:
        return f"{local.day} {local:%b}"
    return f"{local.day} {local:%b %Y}"


def format_current(
    thread: CareerThread, today: date, *, tz: tzinfo | None = None, limit: int = MAX_ANSWER_CHARS
) -> list[tuple[CareerElement, str, str, str]]:
    """One row per element that has an entry: (element, title,
    "12 Oct: wants to lead a team", change marker). The answer is its first
    line, control characters escaped, shortened to ``limit``."""
    rows: list[tuple[CareerElement, str, str, str]] = []
    for element in ELEMENTS:
        entry = thread.current(element)
        if entry is None:
            continue
        answer = shorten(safe_terminal_text(entry.headline), limit)
        day = format_day(entry.answered_at, today, tz)
        rows.append((element, ELEMENT_TITLES[element], f"{day}: {answer}", thread.change(element)))
    return rows
