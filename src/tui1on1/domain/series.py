"""Which playbook a 1:1 opens on, and the career conversations as a series.

**The playbook a 1:1 opens on** (:func:`opening_playbook`): the one asked
for (``--playbook``, or a career conversation started from the person
screen); else, with a report never met, ``first``; else their saved
default, except that ``first`` happens once (a default of ``first`` gives
their usual playbook from the second meeting on); else the usual playbook
for how they relate to you (:data:`USUAL_PLAYBOOK`: ``weekly``,
``skip-level-down``, ``managing-up`` or ``peer``).

**The career series** (:func:`suggest_career`), for reports met at least
once: a career conversation is a meeting on a career playbook
(``aspiration``, ``moonshot``, ``strengths``, ``growth-plan``,
``quarterly``) or one where a career question was asked (a question that
feeds the career thread). The first 1:1 (``first``) starts the series but
counts as a career conversation only when a career question was asked in
it: getting to know someone isn't one by itself (:func:`held_as_talk`).
The next is due once the last is ``weeks`` weeks behind (counted in local
days), or at once when there has been none. It suggests the playbook
after the last career playbook held, in the order of :data:`CAREER_SERIES`,
then round again from ``aspiration``; someone never in one gets
``aspiration``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from tui1on1.domain.kinds import Relationship
from tui1on1.domain.text import plural

FIRST = "first"
WEEKLY = "weekly"
#: The career playbooks, in the order the series suggests them.
CAREER_SERIES = ("first", "aspiration", "moonshot", "strengths", "growth-plan", "quarterly")
DEFAULT_CAREER_WEEKS = 6
MAX_CAREER_WEEKS = 52


#: The playbook a relationship's 1:1s open on when the person has no default.
USUAL_PLAYBOOK: Mapping[Relationship, str] = {
    Relationship.REPORT: WEEKLY,
    Relationship.SKIP_REPORT: "skip-level-down",
    Relationship.MANAGER: "managing-up",
    Relationship.SKIP_LEVEL: "managing-up",
    Relationship.PEER: "peer",
}
#: Whose first 1:1 opens on ``first`` (it is a direct manager's first
#: conversation; anyone else gets their usual playbook from the start).
FIRST_FOR = frozenset({Relationship.REPORT})


def opening_playbook(
    *,
    met_before: bool,
    saved: str | None,
    asked: str | None = None,
    relationship: Relationship = Relationship.REPORT,
) -> str:
    """The playbook a new 1:1 opens on (see the module's docstring)."""
    if asked:
        return asked
    if not met_before and relationship in FIRST_FOR:
        return FIRST
    if saved and saved != FIRST:
        return saved
    return USUAL_PLAYBOOK.get(relationship, WEEKLY)


def held_as_talk(playbook: str) -> bool:
    """A meeting on ``playbook`` is a career conversation by being held (a
    career playbook other than the first 1:1); any other counts only when
    a career question was asked in it."""
    return playbook in CAREER_SERIES and playbook != FIRST


def next_in_series(last: str | None) -> str:
    """The career playbook after ``last`` (the last career playbook held)."""
    if last not in CAREER_SERIES or last == CAREER_SERIES[-1]:
        return CAREER_SERIES[1]  # first happens once; the series goes round from aspiration
    return CAREER_SERIES[CAREER_SERIES.index(last) + 1]


@dataclass(frozen=True, slots=True)
class CareerHistory:
    """What the series needs of one person's meetings (live ones included)."""

    meetings: int = 0
    #: The latest career conversation: when it started, and its playbook.
    last_at: datetime | None = None
    last_playbook: str | None = None
    #: The playbook of the latest meeting held on a career playbook.
    last_series: str | None = None


@dataclass(frozen=True, slots=True)
class CareerSuggestion:
    """The next career conversation with someone."""

    playbook: str  # the suggested career playbook
    due: bool
    due_on: date  # the local day it is (or was) due
    last_at: datetime | None  # the last career conversation, if any
    last_playbook: str | None


def suggest_career(
    history: CareerHistory,
    relationship: Relationship,
    now: datetime,
    weeks: int = DEFAULT_CAREER_WEEKS,
) -> CareerSuggestion | None:
    """The next career conversation, or None: not a report, or never met."""
    if relationship is not Relationship.REPORT or history.meetings == 0:
        return None
    today = now.astimezone().date()
    playbook = next_in_series(history.last_series)
    if history.last_at is None:
        return CareerSuggestion(playbook, True, today, None, None)
    last_day = history.last_at.astimezone().date()
    due_on = date.fromordinal(last_day.toordinal() + 7 * weeks)
    return CareerSuggestion(
        playbook, today >= due_on, due_on, history.last_at, history.last_playbook
    )


def _span(days: int) -> str:
    """Days below two weeks ("10 days"), then whole weeks ("3 weeks")."""
    return plural(days, "day") if days < 14 else plural(days // 7, "week")


def _ago(days: int) -> str:
    return {0: "today", 1: "yesterday"}.get(days) or f"{_span(days)} ago"


def _within(days: int) -> str:
    return {0: "today", 1: "tomorrow"}.get(days) or f"in {_span(days)}"


def _day(when: datetime, today: date) -> str:
    local = when.astimezone()
    return f"{local.day} {local:%b}" + ("" if local.year == today.year else f" {local.year}")


def career_line(
    suggestion: CareerSuggestion, now: datetime, titles: Mapping[str, str], *, detail: bool = True
) -> str:
    """The person screen's line: "Career conversation due: Moonshot — the
    last was 9 weeks ago (Strengths review, 12 Oct)", or "Next career
    conversation: Moonshot, in 2 weeks (the last: Strengths review, 12 Oct)";
    without ``detail``, no parentheses. ``titles``: playbook titles by slug."""
    today = now.astimezone().date()
    name = titles.get(suggestion.playbook, suggestion.playbook)
    if suggestion.last_at is None:
        return f"Career conversation due: {name} — none held yet"
    held = suggestion.last_playbook or ""
    what = (
        titles.get(held, held)
        if held in CAREER_SERIES
        else f"career questions in {titles.get(held, held)}"
    )
    last = f"{what}, {_day(suggestion.last_at, today)}"
    if suggestion.due:
        ago = _ago((today - suggestion.last_at.astimezone().date()).days)
        line = f"Career conversation due: {name} — the last was {ago}"
        return f"{line} ({last})" if detail else line
    line = f"Next career conversation: {name}, {_within((suggestion.due_on - today).days)}"
    return f"{line} (the last: {last})" if detail else line


def career_marker(suggestion: CareerSuggestion | None, titles: Mapping[str, str]) -> str:
    """Home's short word for the highlighted person: "career due: Moonshot",
    or "" when nothing is due."""
    if suggestion is None or not suggestion.due:
        return ""
    return f"career due: {titles.get(suggestion.playbook, suggestion.playbook)}"
