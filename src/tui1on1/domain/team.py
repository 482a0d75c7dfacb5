"""The team view: for each report, where their growth stands and what needs
the manager's attention first.

One row per report (not peers or managers: growing people is what a manager
owes their reports): their current aspiration, how long since the last
career conversation, their growth plan and its next step (a career-plan
action still open) and whether it is overdue, how long since they were last given exposure, and
my promises to them. :func:`attention` names what needs doing, most pressing
first; :func:`team_rows` sorts everyone by it.

What needs attention, and how much it weighs:

=====================================  ======
no 1:1 yet (before anything else)        6
my promises to them overdue              5
their 1:1 overdue by its cadence         4
never asked about their career           4
career conversation due (past weeks)     3
their next step overdue                  3
their growth plan stuck                  3
their aspiration not asked yet           2
their growth plan slipping               2
no exposure in :data:`EXPOSURE_DAYS`     2  (once met)
an aspiration but no growth plan         1
a growth plan with no open step          1
a newer aspiration than their plan's     1
=====================================  ======

People are ordered by their weightiest reason, then their next one, and so
on (not by a sum: three small things don't outweigh a broken promise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui1on1.domain.career import CareerThread, first_line
from tui1on1.domain.duedates import format_day
from tui1on1.domain.growth import STATUS_NAMES, GrowthPlan, plan_notes, steps_of
from tui1on1.domain.growth import next_step as next_plan_step
from tui1on1.domain.growth_words import status_words
from tui1on1.domain.kinds import ActionStatus, CareerElement, PlanStatus
from tui1on1.domain.ledger import overdue_words
from tui1on1.domain.promises import PromiseStats
from tui1on1.domain.records import ActionItem, Person
from tui1on1.domain.series import DEFAULT_CAREER_WEEKS, CareerHistory
from tui1on1.domain.succession import READINESS_WORDS, Readiness
from tui1on1.domain.text import plural

EXPOSURE_DAYS = 90
"""Past this many days without an exposure, someone is flagged."""
EXPOSURE_WINDOW_DAYS = 365
"""How far back the team view looks for the last exposure ("over a year")."""
PLAN_TROUBLE: dict[PlanStatus, tuple[str, int]] = {
    PlanStatus.STUCK: ("their growth plan is stuck", 3),
    PlanStatus.SLIPPING: ("their growth plan is slipping", 2),
}
"""A plan said to be stuck or slipping needs a word in the next 1:1."""
EXPOSURE_GRACE_DAYS = 30
"""Someone added this recently isn't flagged for no exposure yet."""
THREAD_WINDOW_DAYS = 365
"""How far back it reads the career thread for the current aspiration (plan
steps still open are read whenever they were agreed)."""


@dataclass(frozen=True, slots=True)
class PlanStep:
    """An agreed step toward what they want: a career-plan action."""

    text: str
    due: date | None
    status: ActionStatus
    note_id: int


@dataclass(frozen=True, slots=True)
class Attention:
    """One thing that needs the manager, in words, with its weight."""

    words: str
    weight: int


@dataclass(frozen=True, slots=True)
class TeamRow:
    person: Person
    aspiration: str | None  # the current aspiration's first line
    aspiration_on: date | None
    last_career_talk: date | None
    met: bool
    next_step: PlanStep | None
    last_exposure: date | None  # within EXPOSURE_WINDOW_DAYS
    promises: PromiseStats
    open_mine: int
    attention: tuple[Attention, ...]
    steps_into: tuple[tuple[str, Readiness], ...] = ()  # roles they could take, readiest first
    backed_up: bool = True  # someone could take their role now or within a year
    plan: GrowthPlan | None = None  # their growth plan, if one is open
    steps_agreed: bool = False  # a step was agreed (next_step None: none still open)
    late_promise: ActionItem | None = None  # my promise to them overdue longest


def next_step(thread: CareerThread, steps: dict[int, PlanStep]) -> PlanStep | None:
    """The step to check next: from the newest plan (the latest meeting that
    agreed steps with one still open), the open one due first (one without a
    date after those with one). A newer plan replaces an older one, as the
    career thread says ("changed"); an older step still open counts only
    when no newer plan has an open step. ``steps`` holds the plan actions by
    their note id."""
    for entry in thread.timeline(CareerElement.PLAN):  # newest first
        open_steps = [
            steps[note_id]
            for note_id in entry.note_ids
            if note_id in steps and steps[note_id].status is ActionStatus.OPEN
        ]
        if open_steps:
            return min(open_steps, key=lambda s: (s.due is None, s.due or date.max, s.note_id))
    return None


def weeks_ago(day: date | None, today: date) -> str:
    """ "never", "this week" (this calendar week, from Monday), "1 week ago"
    (any day of the week before, or a week or more), "7 weeks ago"."""
    if day is None:
        return "never"
    if day >= today - timedelta(days=today.weekday()):
        return "this week"
    weeks = max(1, (today - day).days // 7)
    return f"{plural(weeks, 'week')} ago"


def exposure_words(row: TeamRow, today: date) -> str:
    """ "12 days ago", "today", or, with none in the past year, "none yet"
    for someone added within it and "none in a year" otherwise."""
    if row.last_exposure is None:
        added = row.person.created_at
        recent = added is not None and (today - _local_day(added)).days < EXPOSURE_WINDOW_DAYS
        return "none yet" if recent else "none in a year"
    return days_ago(row.last_exposure, today)


def days_ago(day: date | None, today: date) -> str:
    """ "none in a year", "today", "yesterday", "40 days ago"."""
    if day is None:
        return "none in a year"
    days = (today - day).days
    if days <= 1:
        return "today" if days <= 0 else "yesterday"
    return f"{days} days ago"


def attention(
    *,
    met: bool,
    aspiration: str | None,
    last_career_talk: date | None,
    step: PlanStep | None,
    last_exposure: date | None,
    promises: PromiseStats,
    today: date,
    weeks: int = DEFAULT_CAREER_WEEKS,
    one_on_one_due: date | None = None,
    known_since: date | None = None,
    plan_status: PlanStatus | None = None,
    plan_for: str | None = None,
) -> tuple[Attention, ...]:
    """What needs the manager about one report, weightiest first.
    ``one_on_one_due``: when their cadence calls for the next 1:1 (None:
    no cadence); ``known_since``: the day they were added; ``plan_for``:
    the aspiration their open growth plan was made for."""
    found: list[Attention] = []
    if promises.overdue:
        found.append(Attention(f"{plural(promises.overdue, 'promise')} of mine overdue", 5))
    if not met:
        found.append(Attention("no 1:1 yet", 6))
    else:
        _met_attention(found, aspiration, last_career_talk, today, weeks, one_on_one_due)
    if step is not None and (late := overdue_words(step.due, today)):
        found.append(Attention(f"next step {late}", 3))
    if plan_status in PLAN_TROUBLE:
        words, weight = PLAN_TROUBLE[plan_status]
        found.append(Attention(words, weight))
    if aspiration and plan_for and first_line(plan_for) != aspiration:
        # Said again in other words, or changed: the text can't tell which.
        found.append(Attention("their growth plan predates their latest aspiration", 1))
    if met:  # no exposure is expected of someone not met yet
        _exposure_attention(found, last_exposure, today, known_since)
    if aspiration is not None and plan_status is None:
        found.append(Attention("no growth plan toward their aspiration", 1))
    elif plan_status is not None and step is None:
        found.append(Attention("no next step on their growth plan", 1))

    return tuple(sorted(found, key=lambda a: -a.weight))  # stable: ties as found


def _exposure_attention(
    found: list[Attention], last_exposure: date | None, today: date, known_since: date | None
) -> None:
    """None for :data:`EXPOSURE_DAYS`, or none logged (from
    :data:`EXPOSURE_GRACE_DAYS` after they were added)."""
    if last_exposure is None:
        days_known = (today - known_since).days if known_since is not None else None
        if days_known is None or days_known >= EXPOSURE_GRACE_DAYS:  # not the day they're added
            new = days_known is not None and days_known < EXPOSURE_WINDOW_DAYS
            words = "no exposure logged yet" if new else "no exposure logged in a year"
            found.append(Attention(words, 2))
    elif (today - last_exposure).days >= EXPOSURE_DAYS:
        found.append(Attention(f"no exposure in {plural((today - last_exposure).days, 'day')}", 2))


def _met_attention(
    found: list[Attention],
    aspiration: str | None,
    last_career_talk: date | None,
    today: date,
    weeks: int,
    one_on_one_due: date | None,
) -> None:
    """Someone met: their 1:1 late by its cadence, and — whether or not it
    is — their career conversations (the most neglected have both)."""
    if one_on_one_due is not None and (late := overdue_words(one_on_one_due, today)):
        found.append(Attention(f"1:1 {late} (their cadence)", 4))
    if last_career_talk is None and aspiration is None:
        found.append(Attention("never asked about their career", 4))
    elif last_career_talk is not None:
        since = (today - last_career_talk).days
        if since >= 7 * weeks:
            found.append(Attention(f"no career conversation in {plural(since // 7, 'week')}", 3))
        if aspiration is None and since < THREAD_WINDOW_DAYS:
            found.append(Attention("their aspiration not asked yet", 2))


def team_row(
    person: Person,
    history: CareerHistory | None,
    thread: CareerThread,
    steps: dict[int, PlanStep],
    last_exposure: date | None,
    promises: PromiseStats,
    open_mine: int,
    today: date,
    weeks: int = DEFAULT_CAREER_WEEKS,
    steps_into: tuple[tuple[str, Readiness], ...] = (),
    backed_up: bool = True,
    one_on_one_due: date | None = None,
    plan: GrowthPlan | None = None,
    plan_actions: Sequence[ActionItem] = (),
    late_promise: ActionItem | None = None,
) -> TeamRow:
    """``plan``: their open growth plan, whose steps (among their career-plan
    ``plan_actions``) then give the next step; without one, the thread's
    newest plan entry does (:func:`next_step`). ``late_promise``: my
    promise to them overdue longest."""
    current = thread.current(CareerElement.ASPIRATION)
    aspiration = first_line(current.answer) if current is not None else None
    # A career conversation: one the series counts (a career question asked,
    # or a career playbook held — the first 1:1 only with a career question
    # asked in it), or any meeting that added to their thread (an
    # aspiration marked &a in a weekly is one too).
    talks = [history.last_at] if history is not None and history.last_at else []
    talks += [e.meeting_started for entries in thread.timelines.values() for e in entries[:1]]
    talk_day = _local_day(max(talks)) if talks else None
    met = history is not None and history.meetings > 0
    if plan is None:
        step = next_step(thread, steps)
        agreed = any(n in steps for n in plan_notes(thread))
    else:
        planned = steps_of(plan, plan_actions)
        step, agreed = _plan_step(planned), bool(planned)
    return TeamRow(
        person=person,
        aspiration=aspiration or None,
        aspiration_on=_local_day(current.meeting_started) if current is not None else None,
        last_career_talk=talk_day,
        met=met,
        next_step=step,
        last_exposure=last_exposure,
        promises=promises,
        open_mine=open_mine,
        attention=attention(
            met=met,
            aspiration=aspiration or None,
            last_career_talk=talk_day,
            step=step,
            last_exposure=last_exposure,
            promises=promises,
            today=today,
            weeks=weeks,
            one_on_one_due=one_on_one_due,
            known_since=_local_day(person.created_at) if person.created_at else None,
            plan_status=plan.status if plan is not None else None,
            plan_for=plan.aspiration if plan is not None else None,
        ),
        steps_into=steps_into,
        backed_up=backed_up,
        plan=plan,
        steps_agreed=agreed or step is not None,
        late_promise=late_promise,
    )


def _plan_step(planned: Sequence[ActionItem]) -> PlanStep | None:
    """The open plan's next step among its steps, as the team view shows a step."""
    found = next_plan_step(planned)
    if found is None or found.note_id is None:
        return None
    return PlanStep(text=found.text, due=found.due, status=found.status, note_id=found.note_id)


def plan_parts(row: TeamRow, today: date) -> tuple[str, str, str]:
    """Their open plan in three parts, so a cut line keeps how it stands:
    the goal's first line, the status ("slipping since 4 Nov", "on track
    (its step overdue) since 2 Nov" when its next step is late) and the
    note said with it ("" for none). All "" with no plan open."""
    if row.plan is None:
        return "", "", ""
    status, _said, note = status_words(row.plan, today).partition(": ")
    step = row.next_step
    if row.plan.status is PlanStatus.ON_TRACK and step and step.due and step.due < today:
        # The status is the manager's word, the date isn't: said first, a cut keeps it.
        name = STATUS_NAMES[PlanStatus.ON_TRACK]
        status = status.replace(name, f"{name} (its step overdue)", 1)
    return first_line(row.plan.goal), status, note


def plan_words(row: TeamRow, today: date) -> str:
    """ "Tech lead for payments — slipping since 4 Nov: on call", or "none open"."""
    goal, status, note = plan_parts(row, today)
    if not goal:
        return "none open"
    return f"{goal} — {status}" + (f": {note}" if note else "")


def aspiration_words(row: TeamRow, today: date) -> str:
    """Their current aspiration's first line, or why there is none: "not
    asked yet", or "none in the last year" (the thread is read a year back)."""
    if row.aspiration is not None:
        return row.aspiration
    talk = row.last_career_talk
    if talk is not None and (today - talk).days >= THREAD_WINDOW_DAYS:
        return "none in the last year"
    return "not asked yet"


def step_words(row: TeamRow, today: date) -> str:
    """The next step with its date: "draft the RFC (due Fri 18 Dec)",
    "… (overdue since Fri 20 Nov)", "… (no due date)", or "none agreed"."""
    step = row.next_step
    if step is None:
        return "none open" if row.steps_agreed else "none agreed"
    if step.due is None:
        return f"{step.text} (no due date)"
    if step.due < today:
        return f"{step.text} (overdue since {format_day(step.due, today)})"
    return f"{step.text} (due {format_day(step.due, today)})"


def promise_words(row: TeamRow) -> str:
    """ "1 open · kept 75% · 1 overdue", "none open · kept 100%", "none
    open", "1 open · none came due yet"."""
    if not row.open_mine and row.promises.percent is None:
        return "none open"
    if row.promises.percent is None:
        return f"{row.open_mine} open · none came due yet"
    open_part = f"{row.open_mine} open" if row.open_mine else "none open"
    return f"{open_part} · kept {row.promises.short()}"


def steps_into_words(row: TeamRow) -> str:
    """ "my role (within a year), Ada Lovelace's role (ready now)", or ""."""
    return ", ".join(f"{title} ({READINESS_WORDS[r]})" for title, r in row.steps_into)


def team_rows(rows: list[TeamRow]) -> list[TeamRow]:
    """Who needs attention first: the weightiest reason first, then the next
    one (so one overdue promise of mine, 5, comes before a career talk late
    and a step late, 3 and 3), then the longest since a career conversation
    (never first), then by name."""
    return sorted(
        rows,
        key=lambda r: (
            (*(-a.weight for a in r.attention), 1),
            r.last_career_talk or date.min,
            r.person.name.casefold(),
        ),
    )


def _local_day(when: datetime) -> date:
    return when.astimezone().date()
