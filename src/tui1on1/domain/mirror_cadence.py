"""The mirror's cadence figure: the 1:1s held with the people who have a
cadence, against the steps of their cadences (see :mod:`tui1on1.domain.mirror`).

Steps are counted as home counts "due": the next is due one cadence step
after the last 1:1, and someone never met is due from when they were added
(the moment they were added is their first step), so a report never met
lowers the figure as every step of theirs goes by.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from dateutil.rrule import rrulestr

from tui1on1.domain.mirror import Figure, MirrorData, Window, local_day, weekly_count
from tui1on1.domain.records import Person
from tui1on1.domain.text import plural

#: A step of a cadence counts as missed once the day after its day has ended
#: without a 1:1 (a step on Monday is missed from Wednesday): counted by local
#: days, so the figure doesn't change with the hour.
GRACE_DAYS = 1
#: How many people the cadence sentence names before "and N more".
NAMED = 3


def _local(when: datetime, tz: tzinfo | None) -> datetime:
    """Naive local wall time to the second, as dateutil counts a cadence (see
    domain.cadence). dateutil drops a start's microseconds, so the first step
    of someone never met (the moment they were added, 12:00:00.4) would fall
    before that start and never be counted: the seconds are what count."""
    return when.astimezone(tz).replace(tzinfo=None, microsecond=0)


def _missed(
    person: Person,
    starts: Sequence[datetime],
    anchor: datetime | None,
    window: Window,
    now: datetime,
    tz: tzinfo | None,
) -> tuple[int, int]:
    """The 1:1s ``person``'s cadence called for in the window that were held
    and missed, as home counts "due": the next is due one cadence step after
    the last 1:1 (someone never met is due from when they were added). A 1:1
    held, even late, stands for the latest step due by the end of its day;
    each earlier step since the one before went by without one. Steps still open count as
    missed once the day after theirs has ended. ``starts``: their 1:1s in the
    window, in order; ``anchor``: their last 1:1 before it."""
    assert person.cadence is not None
    first = datetime.combine(window.start, time.min)
    today = _local(now, tz).date()
    cutoff = datetime.combine(today - timedelta(days=GRACE_DAYS + 1), time.max)
    previous = _local(anchor, tz) if anchor else None
    if previous is None and person.created_at is not None:
        previous = _local(person.created_at, tz)
    met = previous is not None and anchor is not None
    # Never met: due from the moment they were added, whatever the rule's days
    # (dateutil starts a rule like BYDAY=TU on its first Tuesday instead).
    added = not met and previous is not None
    start = previous or first
    called = missed = 0
    for end in [*(_local(s, tz) for s in starts), None]:
        # A 1:1 stands for a step due any time that day: 11:30 keeps a 11:38 step.
        until = cutoff if end is None else datetime.combine(end.date(), time.max)
        try:
            steps = rrulestr(person.cadence, dtstart=start).between(start, until, inc=True)
        except (ValueError, TypeError):
            return 0, 0  # a cadence that can't be read calls for nothing
        if met:
            steps = [s for s in steps if s != start]
        elif added and start <= until and start not in steps:
            steps.insert(0, start)
        skipped = steps if end is None else steps[:-1]
        called += sum(s >= first for s in steps)
        missed += sum(s >= first for s in skipped)
        if end is not None:
            start, met = end, True
    return called, missed


def cadence(data: MirrorData, window: Window, now: datetime, tz: tzinfo | None) -> Figure:
    """The 1:1s held with people who have a cadence, and those it called for
    that were missed."""
    people = {p.id: p for p in data.people if p.cadence and not p.archived}
    anchors: dict[int, datetime] = dict(data.before)
    starts: dict[int, list[datetime]] = defaultdict(list)
    days: list[date] = []
    for meeting in data.meetings:
        if meeting.person_id not in people:
            continue
        day = local_day(meeting.started_at, tz)
        if day < window.start:  # read for the time zones' sake: it anchors the cadence
            last = anchors.get(meeting.person_id, meeting.started_at)
            anchors[meeting.person_id] = max(meeting.started_at, last)
        elif window.week(day) is not None:
            starts[meeting.person_id].append(meeting.started_at)
            days.append(day)
    counted = {
        pid: _missed(p, sorted(starts[pid]), anchors.get(pid), window, now, tz)
        for pid, p in people.items()
    }
    title = "1:1s held vs cadence"
    weekly = weekly_count(window, days)
    held = len(days)
    missed = sum(m for _called, m in counted.values())
    due = sum(c for c, _missed in counted.values())
    detail: dict[str, object] = {"held": held, "due": due, "missed": missed, "behind": []}
    if not people:
        weekly = (None,) * window.weeks
        sentence = "No one has a cadence yet, so no 1:1 was due: set one when you edit a person."
        return Figure("cadence", title, None, "", sentence, weekly, detail)
    if not due:
        sentence = f"Your cadences called for no 1:1s in {window.span()}." + _uncounted(data)
        return Figure("cadence", title, None, f"{held} held", sentence, weekly, detail)
    behind = sorted(
        ((m, people[pid].name) for pid, (_c, m) in counted.items() if m),
        key=lambda pair: (-pair[0], pair[1].casefold()),
    )
    detail["behind"] = [{"person": name, "missed": n} for n, name in behind]
    shown = f"{held} held · {missed} missed"
    if not behind:
        sentence = f"You held every 1:1 your cadences called for ({plural(held, 'meeting')} held)."
    else:
        sentence = (
            f"You held {plural(held, 'meeting')} and missed {missed} that your cadences "
            f"called for: {_names(behind)}."
        )
    value = (due - missed) / due
    return Figure("cadence", title, value, shown, sentence + _uncounted(data), weekly, detail)


def _uncounted(data: MirrorData) -> str:
    """Who the figure leaves out: a 1:1 with someone who has no cadence is
    neither held nor missed against one, and saying so keeps "you held 1"
    from reading as all the 1:1s held."""
    without = sum(1 for p in data.people if not p.cadence and not p.archived)
    if not without:
        return ""
    who = plural(without, "person", "people")
    has = "has" if without == 1 else "have"
    return f" Not counted: {who} {has} no cadence (e on their page sets one)."


def _names(behind: Sequence[tuple[int, str]]) -> str:
    named = [f"{name} ({n})" if n > 1 else name for n, name in behind[:NAMED]]
    if len(behind) > NAMED:
        named.append(f"{plural(len(behind) - NAMED, 'more person', 'more people')}")
    return ", ".join(named)
