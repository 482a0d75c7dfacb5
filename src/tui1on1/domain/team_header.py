"""The team view's header: the five answers a manager reads first — who
hasn't had a career conversation lately (:func:`career_due_words`), whose
role has no back-up (:func:`gap_words`), who is ready for more
(:func:`ready_words`), what I promised them (:func:`promises_words`) and
how I listen (:func:`listening_words`); below a tall terminal's height, the
last three in one line (:func:`short_words`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from tui1on1.domain.career import first_line
from tui1on1.domain.duedates import format_day
from tui1on1.domain.mirror import Mirror
from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
from tui1on1.domain.series import DEFAULT_CAREER_WEEKS
from tui1on1.domain.succession import MY_ROLE, BenchRole, Readiness
from tui1on1.domain.team import TeamRow, weeks_ago
from tui1on1.domain.text import plural


def ready_words(roles: Sequence[BenchRole]) -> str:
    """Who is ready for more, from the bench: "Ready for more now: Bo Chen
    for Ada Lovelace's role · within a year: Sam Ortiz for my role", or that
    the bench names no one."""
    now, soon = _ready(roles, Readiness.NOW), _ready(roles, Readiness.YEAR)
    if not now and not soon:
        return "Ready for more: no one on the bench is ready now or within a year"
    if not now:
        return f"Ready for more within a year: {_who_for(soon)}"
    line = f"Ready for more now: {_who_for(now)}"
    return f"{line} · within a year: {_who_for(soon)}" if soon else line


def _ready(roles: Sequence[BenchRole], readiness: Readiness) -> dict[int, tuple[str, list[str]]]:
    """By person id (two people may share a name): their name and the roles."""
    ready: dict[int, tuple[str, list[str]]] = {}
    for role in roles:
        for person, backfill in role.candidates:
            if backfill.readiness is readiness:
                ready.setdefault(person.id, (person.name, []))[1].append(role.short_title)
    return ready


def _who_for(ready: Mapping[int, tuple[str, list[str]]]) -> str:
    return "; ".join(f"{name} for {' and '.join(titles)}" for name, titles in ready.values())


def career_due(
    rows: Sequence[TeamRow], today: date, weeks: int = DEFAULT_CAREER_WEEKS
) -> list[tuple[TeamRow, str]]:
    """Who hasn't had a career conversation in ``weeks`` weeks, with how long
    ("never", "9 weeks ago", "no 1:1 yet"): never first, then the longest
    ago, then those not met yet; by name within each."""
    due: list[tuple[tuple[int, date, str], TeamRow, str]] = []
    for row in rows:
        talk, name = row.last_career_talk, row.person.name.casefold()
        if not row.met:
            due.append(((2, date.min, name), row, "no 1:1 yet"))
        elif talk is None:
            due.append(((0, date.min, name), row, "never"))
        elif (today - talk).days >= 7 * weeks:
            due.append(((1, talk, name), row, weeks_ago(talk, today)))
    return [(row, words) for _, row, words in sorted(due, key=lambda found: found[0])]


def career_due_words(
    rows: Sequence[TeamRow], today: date, weeks: int = DEFAULT_CAREER_WEEKS
) -> str:
    """ "No career talk in 6 weeks: Hedy Lamarr (never), Sam Ortiz (9 weeks
    ago), Grace Hopper (no 1:1 yet)", or "Everyone had a career talk in the
    last 6 weeks" ("" with no reports)."""
    span = plural(weeks, "week")
    due = career_due(rows, today, weeks)
    if not due:
        return f"Everyone had a career talk in the last {span}" if rows else ""
    return f"No career talk in {span}: " + ", ".join(
        f"{row.person.name} ({words})" for row, words in due
    )


def gap_words(bare: Sequence[BenchRole]) -> str:
    """The roles no one is ready to back-fill, short: "No one ready to
    back-fill: my role; the roles of Ada Lovelace and Cy Young", or "Every
    role has someone ready now or within a year"."""
    if not bare:
        return "Every role has someone ready now or within a year"
    mine = [MY_ROLE] if any(role.holder is None for role in bare) else []
    holders = [role.holder.name for role in bare if role.holder is not None]
    theirs = []
    if holders:
        names = holders[0] if len(holders) == 1 else f"{', '.join(holders[:-1])} and {holders[-1]}"
        theirs = [f"the role{'s' if len(holders) > 1 else ''} of {names}"]
    return "No one ready to back-fill: " + "; ".join(mine + theirs)


def listening_words(mirror: Mirror) -> str:
    """How I listen, from the mirror, against the mark and with how much it
    rests on: "How you listen, the last 4 weeks: waited 3 s or more after 4
    of 6 questions (median 4.0 s) · 3 of 4 talking points theirs"."""
    pause, agenda = mirror.figure("pause"), mirror.figure("agenda")
    timed, reached = _count(pause.detail, "timed"), _count(pause.detail, "reached_mark")
    theirs, mine = _count(agenda.detail, "theirs"), _count(agenda.detail, "mine")
    parts = [
        f"waited {WAIT_TIME_SECONDS:g} s or more after {reached} of {plural(timed, 'question')} "
        f"(median {pause.value:.1f} s)"
        if pause.value is not None and timed
        else _untimed(pause.detail),
        f"{theirs} of {plural(theirs + mine, 'talking point')} theirs"
        if theirs + mine
        else "no talking points raised",
    ]
    return f"How you listen, {mirror.window.span()}: " + " · ".join(parts)


def short_words(roles: Sequence[BenchRole], rows: Sequence[TeamRow], mirror: Mirror) -> str:
    """The last three answers in one line, for a short terminal: "Ready for
    more: 1 now, 2 within a year · my promises: 4 open, 4 overdue · waited
    3 s after 1 of 3 questions"."""
    now, soon = _ready(roles, Readiness.NOW), _ready(roles, Readiness.YEAR)
    ready = f"Ready for more: {len(now)} now, {len(soon)} within a year"
    still = sum(row.open_mine for row in rows)
    late = sum(row.promises.overdue for row in rows)
    promised = f"my promises: {still} open, {late} overdue" if still else "no promises open"
    pause = mirror.figure("pause")
    timed, reached = _count(pause.detail, "timed"), _count(pause.detail, "reached_mark")
    listened = (
        f"waited {WAIT_TIME_SECONDS:g} s after {reached} of {plural(timed, 'question')}"
        if timed
        else _untimed(pause.detail)
    )
    return " · ".join((ready, promised, listened))


def _untimed(detail: Mapping[str, object]) -> str:
    """No pause to speak of: "no question asked", or "no pause timed (2 asked)"."""
    asked = _count(detail, "asked")
    return f"no pause timed ({asked} asked)" if asked else "no question asked"


def _count(detail: Mapping[str, object], key: str) -> int:
    value = detail.get(key, 0)
    return value if isinstance(value, int) else 0


def promises_words(rows: Sequence[TeamRow], today: date) -> str:
    """What I promised them all, and the one overdue longest: "Your
    promises to them: 6 open · 2 overdue, the longest: book the forum slot
    (Ada Lovelace, due Tue 20 Oct)", or "" with none open."""
    still = sum(row.open_mine for row in rows)
    if not still:
        return ""
    line = f"Your promises to them: {still} open"
    late = sum(row.promises.overdue for row in rows)
    if not late:
        return line
    line += f" · {late} overdue"
    if (longest := longest_overdue(rows)) is not None:
        due, name, text = longest
        line += f", the longest: {first_line(text)} ({name}, due {format_day(due, today)})"
    return line


def longest_overdue(rows: Sequence[TeamRow]) -> tuple[date, str, str] | None:
    """My promise overdue longest across the team: (due, their name, its
    text), or None."""
    dated = [(row.late_promise.due, row.person.name, row.late_promise.text)
             for row in rows if row.late_promise is not None and row.late_promise.due]  # fmt: skip
    return min(dated) if dated else None
