"""Someone's growth plan: a goal that serves what they want (the aspiration
in their career thread), the options they brought for getting there, the
one the manager and they agreed on, the steps taken, and how it stands
over time.

A plan is kept as the changes made to it (:class:`PlanEvent`), and read by
folding them, oldest first (:func:`build_plans`):

* ``goal`` opens a plan when none is open; with one open it rewords its
  goal (the earlier wording is kept, so nothing said is lost).
* ``option`` adds an option they proposed; ``pick`` agrees on one and
  ``drop`` sets one aside (either can be changed later).
* ``status`` says how it stands — on track, slipping, stuck — with a short
  note; achieved or set aside closes the plan, so the next goal opens a
  new one and the old stays in the history.

The steps are not kept with the plan: they are the person's career-plan
actions (``&p``, or answers to a plan question; see ``domain.career``),
so a step done, dropped or overdue shows on the plan as it does in every
list. A plan's steps are those agreed while it was open and those still
open when it opened (:func:`steps_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from tui1on1.domain.career import CareerThread, first_line
from tui1on1.domain.kinds import ActionStatus, CareerElement, OptionState, PlanOp, PlanStatus
from tui1on1.domain.records import ActionItem

MAX_TEXT_CHARS = 200
"""A goal, an option or a status note: one line."""

STATUS_NAMES: dict[PlanStatus, str] = {
    PlanStatus.STARTED: "started",
    PlanStatus.ON_TRACK: "on track",
    PlanStatus.SLIPPING: "slipping",
    PlanStatus.STUCK: "stuck",
    PlanStatus.ACHIEVED: "achieved",
    PlanStatus.SET_ASIDE: "set aside",
}
CLOSING = (PlanStatus.ACHIEVED, PlanStatus.SET_ASIDE)

# What may be typed for a status (the first words of a line), longest first.
_STATUS_WORDS: tuple[tuple[str, PlanStatus], ...] = (
    ("set aside", PlanStatus.SET_ASIDE),
    ("set-aside", PlanStatus.SET_ASIDE),
    ("on track", PlanStatus.ON_TRACK),
    ("on-track", PlanStatus.ON_TRACK),
    ("slipping", PlanStatus.SLIPPING),
    ("achieved", PlanStatus.ACHIEVED),
    ("stuck", PlanStatus.STUCK),
)

HELP = (
    "goal TEXT · option TEXT · pick N · drop N · "
    "on track, slipping, stuck, achieved or set aside (then a note)"
)


class PlanError(ValueError):
    """A line that can't change the plan; the message says why, calmly."""


@dataclass(frozen=True, slots=True)
class PlanEvent:
    """One change, as kept. ``target``: the uid of the option picked or
    dropped. ``aspiration``: with a goal, what they said they want then."""

    uid: str
    person_id: int
    at: datetime
    op: PlanOp
    text: str = ""
    target: str | None = None
    status: PlanStatus | None = None
    aspiration: str | None = None
    meeting_id: int | None = None
    id: int = 0


@dataclass(frozen=True, slots=True)
class PlanOption:
    uid: str
    number: int  # 1, 2, … in the order proposed: "pick 2"
    text: str
    state: OptionState
    added: datetime
    decided: datetime | None = None


@dataclass(frozen=True, slots=True)
class PlanMark:
    """How the plan stood from ``at``: its status and what was said."""

    at: datetime
    status: PlanStatus
    note: str = ""


@dataclass(frozen=True)
class GrowthPlan:
    uid: str  # the goal's change that opened it
    person_id: int
    goal: str
    aspiration: str | None
    opened: datetime
    options: tuple[PlanOption, ...]
    marks: tuple[PlanMark, ...]  # oldest first; the first says "started"
    earlier_goals: tuple[str, ...] = ()  # its goal's earlier wordings, oldest first
    closed: datetime | None = None
    goal_changed: datetime | None = None  # when the goal was last worded (opened: None)

    @property
    def status(self) -> PlanStatus:
        return self.marks[-1].status

    @property
    def is_open(self) -> bool:
        return self.closed is None

    @property
    def last_changed(self) -> datetime:
        """When it was last changed (its goal, its status or an option)."""
        times = [self.goal_changed or self.opened, self.marks[-1].at,
                 *(o.decided or o.added for o in self.options)]  # fmt: skip
        return max(times)

    @property
    def status_since(self) -> PlanMark:
        """How it stands, from when: the first of the latest run of marks
        with this status (saying "slipping" again doesn't reset the date),
        with the latest note said in that run."""
        run = [self.marks[-1]]
        for mark in reversed(self.marks[:-1]):
            if mark.status is not run[0].status:
                break
            run.insert(0, mark)
        note = next((m.note for m in reversed(run) if m.note), "")
        return PlanMark(run[0].at, run[0].status, note)

    def option(self, number: int) -> PlanOption | None:
        return next((o for o in self.options if o.number == number), None)


@dataclass
class _Open:
    """A plan while its changes are folded in."""

    uid: str
    person_id: int
    goal: str
    aspiration: str | None
    opened: datetime
    options: list[PlanOption] = field(default_factory=list)
    marks: list[PlanMark] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)
    goal_changed: datetime | None = None

    def freeze(self, closed: datetime | None) -> GrowthPlan:
        return GrowthPlan(
            uid=self.uid,
            person_id=self.person_id,
            goal=self.goal,
            aspiration=self.aspiration,
            opened=self.opened,
            options=tuple(self.options),
            marks=tuple(self.marks),
            earlier_goals=tuple(self.earlier),
            closed=closed,
            goal_changed=self.goal_changed,
        )


def build_plans(events: Iterable[PlanEvent]) -> list[GrowthPlan]:
    """Every plan the changes make, newest first (the open one, if any, first).

    Changes are read by time; those made at the same moment (a coarse clock,
    an import) in the order given — the Store gives them in the order kept."""
    done: list[GrowthPlan] = []
    current: _Open | None = None
    for event in sorted(events, key=lambda e: e.at):  # stable: ties keep their order
        if event.op is PlanOp.GOAL:
            if current is None:
                current = _Open(event.uid, event.person_id, event.text, event.aspiration, event.at)
                current.marks.append(PlanMark(event.at, PlanStatus.STARTED))
            elif event.text != current.goal:
                current.earlier.append(current.goal)
                current.goal = event.text
                current.aspiration = event.aspiration or current.aspiration
                current.goal_changed = event.at
            continue
        if current is None:  # nothing open to change (an import out of order)
            continue
        if event.op is PlanOp.OPTION:
            number = len(current.options) + 1
            current.options.append(
                PlanOption(event.uid, number, event.text, OptionState.PROPOSED, event.at)
            )
        elif event.op in (PlanOp.PICK, PlanOp.DROP):
            current.options = [_decided(o, event) for o in current.options]
        elif event.op is PlanOp.STATUS and event.status is not None:
            current.marks.append(PlanMark(event.at, event.status, event.text))
            if event.status in CLOSING:
                done.append(current.freeze(event.at))
                current = None
    if current is not None:
        done.append(current.freeze(None))
    return done[::-1]


def _decided(option: PlanOption, event: PlanEvent) -> PlanOption:
    """An option after a pick or a drop: the one named takes it; a pick
    puts the option agreed before back among the proposed (one is agreed)."""
    if option.uid == event.target:
        state = OptionState.PICKED if event.op is PlanOp.PICK else OptionState.DROPPED
        return PlanOption(option.uid, option.number, option.text, state, option.added, event.at)
    if event.op is PlanOp.PICK and option.state is OptionState.PICKED:
        return PlanOption(option.uid, option.number, option.text, OptionState.PROPOSED,
                          option.added, event.at)  # fmt: skip
    return option


def open_plan(plans: Iterable[GrowthPlan]) -> GrowthPlan | None:
    return next((p for p in plans if p.is_open), None)


@dataclass(frozen=True, slots=True)
class PlanCommand:
    """A line read: what it asks (its number for pick/drop, its status)."""

    op: PlanOp
    text: str = ""
    number: int = 0
    status: PlanStatus | None = None


def clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_TEXT_CHARS:
        raise PlanError(f"At most {MAX_TEXT_CHARS} characters; this is {len(cleaned)}.")
    return cleaned


def read_plan_line(line: str) -> PlanCommand:
    """What a typed line asks: ``goal TEXT``, ``option TEXT``, ``pick 2``,
    ``drop 3``, or a status with an optional note (``slipping: no time``)."""
    words = " ".join(line.split())
    if not words:
        raise PlanError(f"Type one of: {HELP}.")
    lower = words.lower()
    for said, status in _STATUS_WORDS:
        if lower == said or lower.startswith((said + " ", said + ":")):
            note = words[len(said) :].lstrip(" :—-").strip()
            return PlanCommand(PlanOp.STATUS, clean_text(note), status=status)
    first, _, rest = words.partition(" ")
    first = first.lower().rstrip(":")
    rest = rest.strip().lstrip(":").strip()
    if first in ("goal", "option"):
        if not rest:
            raise PlanError(f"Say the {first} after '{first}'.")
        return PlanCommand(PlanOp(first), clean_text(rest))
    if first in ("pick", "drop"):
        number = rest.removeprefix("#")
        if not number.isdigit():
            raise PlanError(f"Say which option by its number: {first} 2.")
        return PlanCommand(PlanOp(first), number=int(number))
    raise PlanError(f"'{first}' isn't something a plan takes. Type one of: {HELP}.")


def decide(
    command: PlanCommand,
    plan: GrowthPlan | None,
    *,
    person_id: int,
    at: datetime,
    uid: str,
    aspiration: str | None = None,
    meeting_id: int | None = None,
) -> PlanEvent:
    """The change ``command`` makes to the open ``plan`` (None: none open),
    or :class:`PlanError` saying why it can't. A change is never dated before
    the plan's last (a clock set back would file it before what it changes)."""
    if plan is not None and at < plan.last_changed:
        at = plan.last_changed
    if command.op is PlanOp.GOAL:
        if plan is not None and plan.goal == command.text:
            raise PlanError("That is the goal already.")
        # A reworded goal serves what they want now (the thread may have moved on).
        wanted = aspiration or (plan.aspiration if plan is not None else None)
        return PlanEvent(uid, person_id, at, PlanOp.GOAL, command.text,
                         aspiration=wanted, meeting_id=meeting_id)  # fmt: skip
    if plan is None:
        raise PlanError("No plan open: start one with goal and what they are aiming for.")
    if command.op is PlanOp.OPTION:
        same = next((o for o in plan.options if o.text.lower() == command.text.lower()), None)
        if same is not None:
            raise PlanError(f"That is option {same.number} already.")
        return PlanEvent(uid, person_id, at, PlanOp.OPTION, command.text, meeting_id=meeting_id)
    if command.op is PlanOp.STATUS:
        if command.status is plan.status and not command.text:
            since = plan.status_since.at.astimezone()
            raise PlanError(
                f"It is {STATUS_NAMES[plan.status]} already (since {since.day} "
                f"{since:%b}); add a note to say more."
            )
        return PlanEvent(uid, person_id, at, PlanOp.STATUS, command.text,
                         status=command.status, meeting_id=meeting_id)  # fmt: skip
    option = plan.option(command.number)
    if option is None:
        if not plan.options:
            raise PlanError("No options yet: add what they proposed with option TEXT.")
        count = len(plan.options)
        there = "there is only option 1" if count == 1 else f"they are 1 to {count}"
        raise PlanError(f"There is no option {command.number}; {there}.")
    wanted = OptionState.PICKED if command.op is PlanOp.PICK else OptionState.DROPPED
    if option.state is wanted:
        said = "agreed" if wanted is OptionState.PICKED else "set aside"
        raise PlanError(f"Option {option.number} is {said} already.")
    return PlanEvent(uid, person_id, at, command.op, target=option.uid, meeting_id=meeting_id)


def steps_of(
    plan: GrowthPlan, actions: Iterable[ActionItem], plans: Iterable[GrowthPlan] = ()
) -> list[ActionItem]:
    """The plan's steps among someone's career-plan actions: those agreed
    while it was open, and earlier ones agreed while no plan was open and
    still open when it opened (a step typed in the 1:1 before the goal was
    set is one), unless an earlier plan opened after them took them. A step
    agreed under another of ``plans`` stays that plan's: an achieved plan's
    open steps don't become the next one's. Open first,
    due first (none last); then the closed ones, latest first."""
    others = [p for p in plans if p.uid != plan.uid]

    def under_another(agreed: datetime) -> bool:
        return any(p.opened <= agreed and (p.closed is None or agreed <= p.closed)
                   for p in others)  # fmt: skip

    def taken_first(agreed: datetime) -> bool:
        """Agreed while no plan was open: the first plan opened after it takes it."""
        return any(agreed < p.opened < plan.opened for p in others)

    def belongs(action: ActionItem) -> bool:
        agreed = action.created_at
        if agreed is None or (plan.closed is not None and agreed > plan.closed):
            return False
        if agreed >= plan.opened:
            return True
        if under_another(agreed) or taken_first(agreed):
            return False
        if action.status is ActionStatus.OPEN:
            return True
        return action.closed_at is not None and action.closed_at > plan.opened

    mine = [a for a in actions if belongs(a)]
    still = sorted((a for a in mine if a.status is ActionStatus.OPEN),
                   key=lambda a: (a.due is None, a.due or date.max, a.id))  # fmt: skip
    closed = sorted(
        (a for a in mine if a.status is not ActionStatus.OPEN),
        key=lambda a: (a.closed_at or a.created_at or plan.opened, a.id),
        reverse=True,
    )
    return still + closed


def next_step(steps: Iterable[ActionItem]) -> ActionItem | None:
    """The open step due first (one without a date after those with one)."""
    still = [a for a in steps if a.status is ActionStatus.OPEN]
    return min(still, key=lambda a: (a.due is None, a.due or date.max, a.id), default=None)


def plan_notes(thread: CareerThread) -> list[int]:
    """The ids of every note in the thread's plan, each meeting's all (the
    actions among them are the steps)."""
    return [n for entry in thread.timeline(CareerElement.PLAN) for n in entry.note_ids]


def current_aspiration(thread: CareerThread) -> str | None:
    """What they want now: the current aspiration's first line."""
    entry = thread.current(CareerElement.ASPIRATION)
    return first_line(entry.answer) if entry is not None else None
