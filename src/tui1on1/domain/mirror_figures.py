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
from datetime import date, datetime, tzinfo

from tui1on1.domain.agenda import Playbook, scale
from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.mirror import (
    Figure,
    MirrorData,
    Window,
    local_day,
    percent,
    weekly_median,
    weekly_share,
)
from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
from tui1on1.domain.records import Meeting, Pause, SegmentLog
from tui1on1.domain.text import plural

#: The segment whose reaching the ``career`` figure counts, by its title.
CAREER_SEGMENT = "Career"
#: A segment counts as reached when it ran at least this long (seconds).
REACHED_SECONDS = 60.0
#: A segment ran over when it ran this much past its planned time (seconds).
OVERRUN_GRACE_SECONDS = 60.0


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


def _career_logs(logs: Iterable[SegmentLog], playbook: Playbook | None) -> list[SegmentLog] | None:
    """A meeting's logs of its Career segment (its index in the meeting's
    playbook, under that title: a log from before a playbook switch isn't
    it); None when the meeting's agenda has no Career segment."""
    index = career_index(playbook) if playbook is not None else None
    if index is None:
        return None
    wanted = CAREER_SEGMENT.casefold()
    return [
        log for log in logs if log.segment_index == index and log.title.strip().casefold() == wanted
    ]


def _during(log: SegmentLog, meeting: Meeting, at: datetime) -> bool:
    """Whether ``at`` fell while the logged segment was on."""
    end = log.ended_at or meeting.ended_at
    return log.started_at <= at and (end is None or at < end)


def _said_at(data: MirrorData) -> dict[int, list[datetime]]:
    """Meeting id → when each question was asked and each note typed in it."""
    said: dict[int, list[datetime]] = defaultdict(list)
    for q in data.questions:
        said[q.meeting_id].append(q.asked_at)
    for meeting_id, typed in data.noted:
        said[meeting_id].append(typed)
    return said


def career(
    data: MirrorData, playbooks: Mapping[str, Playbook], window: Window, tz: tzinfo | None
) -> Figure:
    """Of the ended 1:1s whose agenda had a Career segment, those that got to
    it: a question was asked or a note typed while it was on. The clock moves
    the agenda on by itself, so time in the segment alone says nothing: a
    Career segment that ran its minutes with nothing asked or noted in it was
    not reached, nor one the 1:1 ended before (or within a minute of)."""
    said = _said_at(data)
    logs_of: dict[int, list[SegmentLog]] = defaultdict(list)
    for log in data.segments:
        logs_of[log.meeting_id].append(log)
    hits: list[tuple[date, bool]] = []
    ended_before = silent = 0
    for meeting in _ended_in(data, window, tz):
        logs = _career_logs(logs_of[meeting.id], playbooks.get(meeting.playbook))
        if logs is None:
            continue
        reached = any(_during(log, meeting, at) for log in logs for at in said.get(meeting.id, ()))
        if not reached:
            ran = sum(_run_seconds(log, meeting.pauses) for log in logs)
            ended_before += ran < REACHED_SECONDS
            silent += ran >= REACHED_SECONDS
        hits.append((local_day(meeting.started_at, tz), reached))
    title = "Career segment reached"
    weekly = weekly_share(window, hits)
    reached_n = sum(hit for _day, hit in hits)
    n = len(hits)
    detail = {
        "meetings": n,
        "reached": reached_n,
        "ended_before": ended_before,
        "nothing_said": silent,
    }
    if not hits:
        sentence = f"No 1:1s on a playbook with a Career segment in {window.span()}."
        return Figure("career", title, None, "", sentence, weekly, detail)
    shown = f"{reached_n} of {n} ({percent(reached_n, n)}%)"
    if reached_n == n:
        sentence = (
            f"Every meeting with a Career segment got to it ({n} of {n} with a question "
            "asked or a note taken there) — their growth got real time."
        )
    else:
        sentence = _career_missed(n - reached_n, n, ended_before, silent)
    return Figure("career", title, reached_n / n, shown, sentence, weekly, detail)


def _career_missed(missed: int, n: int, ended_before: int, silent: int) -> str:
    parts = [f"{ended_before} ended first"] if ended_before else []
    parts += [f"{silent} had nothing asked or noted there"] if silent else []
    if not silent:
        advice = "keep the earlier segments short so career gets its time"
    elif not ended_before:
        advice = "when the clock reaches Career, ask one career question"
    else:
        advice = "keep earlier segments short and ask one career question"
    return (
        f"{missed} of {plural(n, 'meeting')} didn't get to Career ({', '.join(parts)}): {advice}."
    )


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
    if theirs == n == 1:
        sentence = "The one talking point was theirs — their agenda came first."
    elif theirs * 2 > n:
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
