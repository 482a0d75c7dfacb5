"""The six figures of the manager's mirror (see :mod:`tui1on1.domain.mirror`).

Each takes the window's :class:`~tui1on1.domain.mirror.MirrorData` and gives a
:class:`~tui1on1.domain.mirror.Figure`: its value, a weekly trend and one
sentence. With nothing to measure a figure says so and has no value: never
a made-up number.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from dateutil.rrule import rrulestr

from tui1on1.domain.agenda import Playbook, scale
from tui1on1.domain.kinds import MeetingStatus, Owner
from tui1on1.domain.mirror import (
    Figure,
    MirrorData,
    Window,
    local_day,
    percent,
    weekly_count,
    weekly_median,
    weekly_share,
)
from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
from tui1on1.domain.promises import Outcome, promise_outcome, promise_stats
from tui1on1.domain.records import ActionEvent, Meeting, Pause, Person, SegmentLog
from tui1on1.domain.text import plural

#: The segment whose reaching the ``career`` figure counts, by its title.
CAREER_SEGMENT = "Career"
#: A segment counts as reached when it ran at least this long (seconds).
REACHED_SECONDS = 60.0
#: A segment ran over when it ran this much past its planned time (seconds).
OVERRUN_GRACE_SECONDS = 60.0
#: A step of a cadence counts as missed once this long has gone by without a 1:1.
MISSED_AFTER = timedelta(days=1)
#: How many people the cadence sentence names before "and N more".
NAMED = 3


def _mark() -> str:
    return f"{WAIT_TIME_SECONDS:g} s"


def pause(data: MirrorData, window: Window, tz: tzinfo | None) -> Figure:
    """The median pause held after asking, and how many reached the mark."""
    asked = [q for q in data.questions if window.week(local_day(q.asked_at, tz)) is not None]
    timed = [(local_day(q.asked_at, tz), q.pause_seconds) for q in asked]
    held = [(day, s) for day, s in timed if s is not None]
    title = "Pause after asking"
    weekly = weekly_median(window, held)
    if not held:
        if asked:
            sentence = (
                f"No pause was timed after the {plural(len(asked), 'question')} "
                f"you asked in {window.span()}."
            )
        else:
            sentence = f"No questions asked in {window.span()}."
        return Figure("pause", title, None, "", sentence, weekly, {"asked": len(asked)})
    seconds = [s for _day, s in held]
    median = statistics.median(seconds)
    reached = sum(s >= WAIT_TIME_SECONDS for s in seconds)
    n = len(seconds)
    untimed = len(asked) - n
    shown = f"median {median:.1f} s · {reached} of {n} reached {_mark()}"
    # A question with no pause timed (the cue never ran) is said, not dropped.
    aside = f" ({untimed} more with no pause timed)" if untimed else ""
    what = "timed question" if untimed else "question"
    if reached * 2 >= n:
        sentence = (
            f"You waited {_mark()} or more after {reached} of {plural(n, what)}"
            f"{aside} — most people need that long to start a real answer."
        )
    else:
        sentence = (
            f"You waited {_mark()} or more after only {reached} of "
            f"{plural(n, what)}{aside}: after asking, let the silence run — "
            "most people need that long to start a real answer."
        )
    detail = {
        "asked": len(asked),
        "timed": n,
        "reached_mark": reached,
        "mark_seconds": WAIT_TIME_SECONDS,
    }
    return Figure("pause", title, median, shown, sentence, weekly, detail)


def _ended_in(data: MirrorData, window: Window, tz: tzinfo | None) -> list[Meeting]:
    return [
        m
        for m in data.meetings
        if m.status is MeetingStatus.ENDED
        and m.ended_at is not None
        and window.week(local_day(m.started_at, tz)) is not None
    ]


def _run_seconds(log: SegmentLog, pauses: Sequence[Pause]) -> float:
    """How long a logged segment ran, its pauses left out."""
    if log.ended_at is None:
        return 0.0
    ran = (log.ended_at - log.started_at).total_seconds()
    for p in pauses:
        end = p.resumed_at or log.ended_at
        overlap = (min(log.ended_at, end) - max(log.started_at, p.paused_at)).total_seconds()
        ran -= max(overlap, 0.0)
    return max(ran, 0.0)


def _ran(data: MirrorData, meeting: Meeting) -> dict[int, tuple[str, float]]:
    """Each segment index the meeting logged: its title, and how long it ran."""
    ran: dict[int, tuple[str, float]] = {}
    for log in data.segments:
        if log.meeting_id == meeting.id:
            _title, before = ran.get(log.segment_index, (log.title, 0.0))
            ran[log.segment_index] = (log.title, before + _run_seconds(log, meeting.pauses))
    return ran


def career_index(playbook: Playbook) -> int | None:
    """The index of the playbook's Career segment, if it has one."""
    wanted = CAREER_SEGMENT.casefold()
    return next(
        (i for i, s in enumerate(playbook.segments) if s.title.strip().casefold() == wanted),
        None,
    )


def career(
    data: MirrorData, playbooks: Mapping[str, Playbook], window: Window, tz: tzinfo | None
) -> Figure:
    """Of the ended 1:1s on a playbook with a Career segment, those whose
    Career segment ran a minute or more."""
    hits: list[tuple[date, bool]] = []
    for meeting in _ended_in(data, window, tz):
        playbook = playbooks.get(meeting.playbook)
        index = career_index(playbook) if playbook is not None else None
        if index is None:
            continue
        _title, seconds = _ran(data, meeting).get(index, ("", 0.0))
        hits.append((local_day(meeting.started_at, tz), seconds >= REACHED_SECONDS))
    title = "Career segment reached"
    weekly = weekly_share(window, hits)
    if not hits:
        sentence = f"No 1:1s on a playbook with a Career segment in {window.span()}."
        return Figure("career", title, None, "", sentence, weekly, {"meetings": 0, "reached": 0})
    reached = sum(hit for _day, hit in hits)
    n = len(hits)
    shown = f"{reached} of {n} ({percent(reached, n)}%)"
    if reached == n:
        sentence = (
            f"Every meeting with a Career segment got to it ({n} of {n}) — "
            "their growth got real time."
        )
    else:
        sentence = (
            f"{n - reached} of {plural(n, 'meeting')} with a Career segment ended before "
            "it had a minute: keep the earlier segments short so career gets its time."
        )
    detail = {"meetings": n, "reached": reached}
    return Figure("career", title, reached / n, shown, sentence, weekly, detail)


def agenda(data: MirrorData, window: Window, tz: tzinfo | None) -> Figure:
    """Of the talking points added in the window, the share that were theirs."""
    added = [
        (day, not p.mine)
        for p in data.talking_points
        if p.created_at is not None and window.week(day := local_day(p.created_at, tz)) is not None
    ]
    title = "Their talking points"
    weekly = weekly_share(window, added)
    if not added:
        sentence = f"No talking points added in {window.span()}."
        return Figure("agenda", title, None, "", sentence, weekly, {"theirs": 0, "mine": 0})
    theirs = sum(t for _day, t in added)
    n = len(added)
    shown = f"{theirs} theirs · {n - theirs} yours ({percent(theirs, n)}% theirs)"
    if theirs * 2 > n:
        sentence = (
            f"{theirs} of {plural(n, 'talking point')} were theirs — their agenda came first."
        )
    elif theirs * 2 == n:
        sentence = (
            f"Half of the {plural(n, 'talking point')} were theirs: as many as yours — "
            "ask what they want to talk about before you bring yours."
        )
    else:
        sentence = (
            f"Only {theirs} of {plural(n, 'talking point')} were theirs: ask what they "
            "want to talk about before you bring yours."
        )
    detail = {"theirs": theirs, "mine": n - theirs}
    return Figure("agenda", title, theirs / n, shown, sentence, weekly, detail)


def overrun(
    data: MirrorData, playbooks: Mapping[str, Playbook], window: Window, tz: tzinfo | None
) -> Figure:
    """Of the segments run in ended 1:1s, those that ran a minute or more
    past their planned time (the playbook fitted to the meeting's length)."""
    hits: list[tuple[date, bool]] = []
    over_titles: Counter[str] = Counter()
    at_end: Counter[str] = Counter()  # overruns of a playbook's last segment: past the end
    for meeting in _ended_in(data, window, tz):
        playbook = playbooks.get(meeting.playbook)
        if playbook is None:
            continue
        planned = scale(playbook, meeting.planned_minutes)
        day = local_day(meeting.started_at, tz)
        for index, (logged, seconds) in sorted(_ran(data, meeting).items()):
            if index >= len(planned) or planned[index].title.casefold() != logged.casefold():
                continue  # the playbook changed since: its plan isn't this segment's
            ran_over = seconds > planned[index].duration_s + OVERRUN_GRACE_SECONDS
            hits.append((day, ran_over))
            over_titles[logged] += ran_over
            at_end[logged] += ran_over and index == len(planned) - 1
    title = "Segments over time"
    weekly = weekly_share(window, hits)
    if not hits:
        sentence = f"No segments timed in {window.span()}."
        return Figure("overrun", title, None, "", sentence, weekly, {"segments": 0, "over": 0})
    over = sum(hit for _day, hit in hits)
    n = len(hits)
    shown = f"{over} of {n} ran over ({percent(over, n)}%)"
    detail: dict[str, object] = {"segments": n, "over": over, "most_over": None}
    if not over:
        sentence = f"All {plural(n, 'segment')} kept to their planned time, give or take a minute."
    else:
        most, times = over_titles.most_common(1)[0]
        detail["most_over"] = most
        why = ": it ends the 1:1, so those ran past their planned length" if at_end[most] else ""
        sentence = (
            f"{over} of {plural(n, 'segment')} ran a minute or more past their plan, "
            f"'{most}' most often ({plural(times, 'time')}){why}."
        )
    return Figure("overrun", title, over / n, shown, sentence, weekly, detail)


def _local(when: datetime, tz: tzinfo | None) -> datetime:
    """Naive local wall time, as dateutil counts a cadence (see domain.cadence)."""
    return when.astimezone(tz).replace(tzinfo=None)


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
    missed once a day has gone by since them. ``starts``: their 1:1s in the
    window, in order; ``anchor``: their last 1:1 before it."""
    assert person.cadence is not None
    first = datetime.combine(window.start, time.min)
    cutoff = _local(now - MISSED_AFTER, tz)
    previous = _local(anchor, tz) if anchor else None
    if previous is None and person.created_at is not None:
        previous = _local(person.created_at, tz)
    met = previous is not None and anchor is not None
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
        sentence = f"Your cadences called for no 1:1s in {window.span()}."
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
    return Figure("cadence", title, value, shown, sentence, weekly, detail)


def _names(behind: Sequence[tuple[int, str]]) -> str:
    named = [f"{name} ({n})" if n > 1 else name for n, name in behind[:NAMED]]
    if len(behind) > NAMED:
        named.append(f"{plural(len(behind) - NAMED, 'more person', 'more people')}")
    return ", ".join(named)


def promises(data: MirrorData, window: Window, tz: tzinfo | None) -> Figure:
    """My promises kept on time: the kept-promise rate over the window."""
    stats = promise_stats(data.promises, data.events, window.today, days=window.days, tz=tz)
    weekly = weekly_share(window, _judged(data, window, tz))
    title = "Promises kept on time"
    detail = {
        "kept": stats.kept,
        "late": stats.late,
        "overdue": stats.overdue,
        "dropped": stats.dropped,
        "no_due_date": stats.no_due,
        "came_due": stats.came_due,
    }
    if not stats.came_due:
        sentence = f"None of your promises came due in {window.span()}."
        return Figure("promises", title, None, "", sentence, weekly, detail)
    shown = f"kept {stats.kept} of {stats.came_due} ({stats.percent}%)"
    if stats.kept == stats.came_due:
        sentence = (
            f"You kept all {plural(stats.came_due, 'promise')} that came due on time — "
            "they can count on your word."
        )
    else:
        missed = [f"{stats.late} late"] if stats.late else []
        missed += [f"{stats.overdue} still overdue"] if stats.overdue else []
        sentence = (
            f"You kept {stats.kept} of {plural(stats.came_due, 'promise')} on time "
            f"({' · '.join(missed)}): each late one tells them their topic can wait."
        )
    return Figure("promises", title, stats.rate, shown, sentence, weekly, detail)


def _judged(data: MirrorData, window: Window, tz: tzinfo | None) -> Iterable[tuple[date, bool]]:
    """Each of my promises that came due, on the day that places it, and
    whether it was kept (as :func:`promise_stats` judges it)."""
    history: dict[int, list[ActionEvent]] = defaultdict(list)
    for event in data.events:
        history[event.action_id].append(event)
    for action in data.promises:
        if action.owner is not Owner.ME:
            continue
        judged = promise_outcome(action, history.get(action.id, ()), window.today, tz=tz)
        if judged is None or judged.day is None:
            continue
        if judged.outcome in (Outcome.KEPT, Outcome.LATE, Outcome.OVERDUE):
            yield judged.day, judged.outcome is Outcome.KEPT
