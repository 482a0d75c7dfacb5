"""The demo's calendar: who the people are, and when each of their 1:1s happened.

:func:`roster` makes the people (from one generator, so adding people never
changes the first ones); :func:`schedule` gives each person's meetings as
:class:`Slot` records, on their cadence with skipped, moved and late weeks,
overtime and pauses. What was said in them is :mod:`tui1on1.demo.content`'s.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui1on1.demo import people_words
from tui1on1.domain.agenda import ScheduledSegment

PLANNED_MINUTES = 30
UP = ("manager", "skip-level")

# Chances and shapes of the calendar, in one place.
_SKIP = 0.06  # a week the 1:1 didn't happen
_HOLIDAY_SKIP = 0.7
_MOVED = 0.08  # moved a day
_LATE_MINUTES = (-1, 0, 0, 0, 1, 1, 2, 3, 5, 8)
_OVERTIME = 0.1
_PAUSE = 0.12
_SPECIAL = 0.1  # a report's meeting on another playbook than their default
_SPECIAL_PLAYBOOKS = ("aspiration", "moonshot", "strengths", "growth-plan")
_QUARTERLY_DAYS = 84

# playbook slug -> its segments scaled to PLANNED_MINUTES
Schedules = Mapping[str, tuple[ScheduledSegment, ...]]


@dataclass(frozen=True)
class Who:
    name: str
    first: str
    role: str
    relationship: str
    cadence: str
    default_playbook: str
    weekday: int  # 0 = Monday
    minute: int  # minute of the day (UTC) the 1:1 is booked at
    start_days: float  # how many days before now their meetings start
    stop_days: float  # how many days before now they stop (0 = still going)
    archived: bool


def roster(rng: random.Random, count: int, weeks: int) -> list[Who]:
    firsts = list(people_words.FIRST_NAMES)
    rng.shuffle(firsts)
    names: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in range(count):
        first = firsts[i % len(firsts)]
        while True:
            name = f"{first} {rng.choice(people_words.LAST_NAMES)}"
            if name.casefold() not in seen:
                break
        seen.add(name.casefold())
        names.append((name, first))

    ups: list[str] = []
    if count >= 10:
        ups = ["manager", "skip-level"]
    elif count >= 2:
        ups = [rng.choice(UP)]
    relationships = ["report"] * (count - len(ups)) + ups
    span = weeks * 7.0
    roster = []
    for i, ((name, first), relationship) in enumerate(zip(names, relationships, strict=True)):
        if relationship == "report":
            role = rng.choice(people_words.REPORT_ROLES)
            cadence = "FREQ=WEEKLY" if rng.random() < 0.7 else "FREQ=WEEKLY;INTERVAL=2"
            playbook = rng.choices(("weekly", "growth-plan", "strengths"), (8, 1, 1))[0]
        else:
            role = rng.choice(
                people_words.MANAGER_ROLES
                if relationship == "manager"
                else people_words.SKIP_LEVEL_ROLES
            )
            cadence = "FREQ=WEEKLY" if relationship == "manager" else "FREQ=WEEKLY;INTERVAL=2"
            playbook = "managing-up"
        joiner = count >= 4 and i == 1  # someone who joined part-way
        leaver = count >= 8 and i == 2  # someone who left (archived)
        roster.append(
            Who(
                name=name,
                first=first,
                role=role,
                relationship=relationship,
                cadence=cadence,
                default_playbook=playbook,
                weekday=rng.randrange(5),
                minute=rng.randrange(16, 34) * 30,  # 08:00 to 16:30
                start_days=span * rng.uniform(0.25, 0.55) if joiner else span,
                stop_days=span * rng.uniform(0.15, 0.4) if leaver else 0.0,
                archived=leaver,
            )
        )
    return roster


@dataclass(frozen=True)
class Slot:
    """When one meeting happened and how its time went."""

    start: datetime
    ended: datetime
    playbook: str
    elapsed: float  # meeting-clock seconds at the end (pauses left out)
    pause_at: float | None  # meeting-clock seconds when the pause began
    pause_len: float
    windows: tuple[tuple[float, float], ...]  # each segment's [start, end) in clock seconds

    def wall(self, elapsed: float) -> datetime:
        if self.pause_at is not None and elapsed >= self.pause_at:
            elapsed += self.pause_len
        return self.start + timedelta(seconds=elapsed)


def schedule(who: Who, rng: random.Random, now: datetime, schedules: Schedules) -> list[Slot]:
    """When each of ``who``'s meetings happened, from ``who.start_days`` ago
    until now (or until they left): their cadence, less skipped weeks."""
    interval = timedelta(days=14 if "INTERVAL=2" in who.cadence else 7)
    begin = now - timedelta(days=who.start_days)
    stop = now - timedelta(days=who.stop_days)
    day = begin.date() + timedelta(days=(who.weekday - begin.weekday()) % 7)
    booked = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(minutes=who.minute)
    if booked < begin:
        booked += timedelta(days=7)
    slots: list[Slot] = []
    last_quarterly: datetime | None = None
    while booked <= stop:
        holiday = (booked.month == 12 and booked.day >= 22) or (
            booked.month == 1 and booked.day <= 2
        )
        skipped = rng.random() < _SKIP or (holiday and rng.random() < _HOLIDAY_SKIP)
        if not skipped:
            start = booked
            if rng.random() < _MOVED:
                shift = {0: 1, 4: -1}.get(who.weekday) or rng.choice((-1, 1))
                start += timedelta(days=shift)
            start += timedelta(seconds=rng.choice(_LATE_MINUTES) * 60 + rng.randrange(60))
            playbook = _playbook(who, rng, len(slots), start, last_quarterly)
            if playbook == "quarterly" or not slots:
                last_quarterly = start
            slot = _timing(rng, start, playbook, schedules)
            if slot.ended <= stop:  # stop is now unless they left
                slots.append(slot)
        booked += interval
    return slots


def _playbook(
    who: Who, rng: random.Random, index: int, start: datetime, last_quarterly: datetime | None
) -> str:
    if who.relationship in UP:
        return "managing-up"
    if index == 0:
        return "first"
    if last_quarterly is not None and (start - last_quarterly).days >= _QUARTERLY_DAYS:
        return "quarterly"
    if rng.random() < _SPECIAL:
        return rng.choice(_SPECIAL_PLAYBOOKS)
    return who.default_playbook


def _timing(rng: random.Random, start: datetime, playbook: str, schedules: Schedules) -> Slot:
    """How one meeting's time went: its length, a pause now and then, and
    each segment's window on the meeting clock."""
    planned = PLANNED_MINUTES * 60.0
    if rng.random() < _OVERTIME:
        elapsed = float(round(rng.uniform(31, 38) * 60))
    else:
        elapsed = float(round(rng.uniform(25, 30) * 60))
    pause_at: float | None = None
    pause_len = 0.0
    if rng.random() < _PAUSE:
        pause_at = float(round(rng.uniform(360, elapsed - 240)))
        pause_len = float(round(rng.uniform(45, 360)))
    if elapsed < planned:  # they moved on early: every segment a little shorter
        factor = elapsed / planned
        windows = [(s.start_s * factor, s.end_s * factor) for s in schedules[playbook]]
    else:
        windows = [(s.start_s, s.end_s) for s in schedules[playbook]]
    windows[-1] = (windows[-1][0], elapsed)
    return Slot(
        start=start,
        ended=start + timedelta(seconds=elapsed + pause_len),
        playbook=playbook,
        elapsed=elapsed,
        pause_at=pause_at,
        pause_len=pause_len,
        windows=tuple(windows),
    )
