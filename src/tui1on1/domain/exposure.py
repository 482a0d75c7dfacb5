"""The exposure log: opportunities a manager gives someone to be seen and to
grow — a leadership or customer meeting, something they presented, an
introduction, a stretch assignment, a lunch with someone senior.

An exposure is written in two ways, and both are read here the same way:

* in a meeting, as a note of kind ``exposure`` (the ``*`` prefix): its first
  word says the kind when it is one of :data:`KIND_WORDS` (``* customer sat
  in on the Acme renewal``), else the kind is ``other``;
* between meetings (the person screen, ``tui1on1 exposure``), as a row of its
  own with the kind chosen and the day it happened.

The kind word stays in a note's text, so the note reads as typed; it is
taken off only where the kind is shown beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from tui1on1.domain.kinds import ExposureKind

KIND_NAME_WORDS = frozenset(
    {*(kind.value for kind in ExposureKind), "presentation", "introduction", "introduced"}
)
"""First words that only name the kind: taken off where the kind is shown
beside the text (a synonym such as "coffee" or "demo" says more, and stays)."""

KIND_WORDS: dict[str, ExposureKind] = {
    "leadership": ExposureKind.LEADERSHIP,
    "customer": ExposureKind.CUSTOMER,
    "client": ExposureKind.CUSTOMER,
    "presented": ExposureKind.PRESENTED,
    "present": ExposureKind.PRESENTED,
    "presentation": ExposureKind.PRESENTED,
    "talk": ExposureKind.PRESENTED,
    "demo": ExposureKind.PRESENTED,
    "intro": ExposureKind.INTRO,
    "introduction": ExposureKind.INTRO,
    "introduced": ExposureKind.INTRO,
    "stretch": ExposureKind.STRETCH,
    "lunch": ExposureKind.LUNCH,
    "coffee": ExposureKind.LUNCH,
    "other": ExposureKind.OTHER,
}
"""The first word of an exposure note that says its kind (any case, a
trailing ``:`` allowed)."""

KIND_NAMES: dict[ExposureKind, str] = {
    ExposureKind.LEADERSHIP: "leadership meeting",
    ExposureKind.CUSTOMER: "customer meeting",
    ExposureKind.PRESENTED: "presentation",
    ExposureKind.INTRO: "introduction",
    ExposureKind.STRETCH: "stretch assignment",
    ExposureKind.LUNCH: "lunch",
    ExposureKind.OTHER: "other",
}
"""How each kind is said in a list."""

KINDS_HELP = "leadership, customer, presented, intro, stretch, lunch"

MAX_TEXT_CHARS = 500

_FIRST_WORD = re.compile(r"([^\W\d_]+):?(?=\s|$)")


class ExposureError(ValueError):
    """An exposure that can't be kept as given; the message is calm and says why."""


def read_kind(text: str) -> tuple[ExposureKind | None, str]:
    """(the kind its first word says, or None; the text after that word).

    ``"customer: sat in on the Acme QBR"`` → (CUSTOMER, ``"sat in on the Acme QBR"``);
    ``"led the incident review"`` → (None, the text unchanged). A word that
    says more than the kind stays: ``"coffee with the VP"`` → (LUNCH, the
    text unchanged), so the log reads "lunch: coffee with the VP"."""
    stripped = text.strip()
    match = _FIRST_WORD.match(stripped)
    if match is None:
        return None, stripped
    kind = KIND_WORDS.get(match[1].casefold())
    rest = stripped[match.end() :].strip()
    if kind is None or not rest:  # '* talk' alone says what, not which kind
        return None, stripped
    if match[1].casefold() not in KIND_NAME_WORDS:
        return kind, stripped
    return kind, rest


def parse_kind(word: str) -> ExposureKind:
    """A kind given on its own (the CLI, the person screen's form)."""
    kind = KIND_WORDS.get(word.strip().casefold().rstrip(":"))
    if kind is None:
        raise ExposureError(f"'{word}' isn't a kind of exposure: try {KINDS_HELP} or other")
    return kind


def clean_text(text: str) -> str:
    """An exposure's short note: one line, not empty, not too long."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ExposureError("an exposure needs a few words: what happened, with whom")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise ExposureError(
            f"that is {len(cleaned):,} characters; an exposure's note is at most "
            f"{MAX_TEXT_CHARS} — keep the detail in the meeting's notes"
        )
    return cleaned


def kind_hint(text: str) -> str | None:
    """A calm word for a ``*`` line whose first word names no kind: it is
    kept as ``other``, and here is how to say which."""
    kind, _rest = read_kind(text)
    if kind is not None:
        return None
    return f"Kept as kind 'other'. To say which, start with: {KINDS_HELP}."


@dataclass(frozen=True, slots=True)
class Exposure:
    """One opportunity given, from a meeting's note or logged between meetings.

    ``id`` is the logged row's id (None for a meeting's note); ``note_id`` and
    ``meeting_id`` are set for a meeting's note."""

    person_id: int
    kind: ExposureKind
    text: str  # without the kind word
    on: date  # the day it happened (local), or the meeting's day
    id: int | None = None
    uid: str | None = None
    note_id: int | None = None
    meeting_id: int | None = None
    created_at: datetime | None = None
    private: bool = False  # a meeting's note marked private (kept out of the recap)

    @property
    def ref(self) -> str:
        """How it is named on the command line: ``x12`` for a logged one,
        ``n34`` for a meeting's note."""
        return f"x{self.id}" if self.id is not None else f"n{self.note_id}"


def from_note(
    person_id: int,
    note_id: int,
    meeting_id: int,
    text: str,
    on: date,
    created_at: datetime,
    private: bool = False,
) -> Exposure:
    """An exposure typed in a meeting (a note of kind ``exposure``)."""
    kind, rest = read_kind(text)
    return Exposure(
        person_id=person_id,
        kind=kind or ExposureKind.OTHER,
        text=rest or text.strip(),
        on=on,
        note_id=note_id,
        meeting_id=meeting_id,
        created_at=created_at,
        private=private,
    )


def newest_first(exposures: list[Exposure]) -> list[Exposure]:
    """The newest day first; on one day, the later typed or logged first."""
    return sorted(
        exposures,
        key=lambda e: (e.on, e.created_at.timestamp() if e.created_at else 0.0,
                       e.note_id or 0, e.id or 0),
        reverse=True,
    )  # fmt: skip


def since_words(last: date | None, today: date) -> str:
    """``"none yet"``, ``"today"``, ``"yesterday"``, ``"12 days ago"``."""
    if last is None:
        return "none yet"
    days = (today - last).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


_DAYS_AGO = re.compile(r"-?(\d{1,3})d")


def read_day(word: str, today: date) -> date:
    """The day an exposure happened, as typed on the command line or in the
    person screen's form: ``today``, ``yesterday``, ``3d`` (three days ago;
    ``-3d`` too) or a full date ``2026-11-27``. Strict on purpose, like due dates: a day
    in the future is refused (log it once it has happened)."""
    typed = word.strip().lower().lstrip("@")
    if typed in ("", "today"):
        day = today
    elif typed == "yesterday":
        day = date.fromordinal(today.toordinal() - 1)
    elif (ago := _DAYS_AGO.fullmatch(typed)) is not None:
        day = date.fromordinal(today.toordinal() - int(ago[1]))
    else:
        read = _iso_day(typed)
        if read is None:
            raise ExposureError(
                f"'{word.strip()}' isn't a day this reads: try today, yesterday, 3d "
                "(three days ago) or a date like 2026-11-27"
            )
        day = read
    if day > today:
        raise ExposureError(
            f"{day.isoformat()} hasn't come yet: log an exposure once it has happened "
            "(a promise to set one up is an action: '!me set up … @fri')"
        )
    return day


def _iso_day(typed: str) -> date | None:
    if len(typed) != 10:
        return None
    try:
        return date.fromisoformat(typed)
    except ValueError:
        return None
