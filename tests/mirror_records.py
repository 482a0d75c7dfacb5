"""Records for the mirror's rule tests (tests/domain/test_mirror*.py): today is
Mon 7 Dec 2026; the 4-week window is Tue 10 Nov to Mon 7 Dec, its weeks
starting Tue 10, 17, 24 Nov and 1 Dec. Days are counted in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.mirror import MirrorData, build_mirror
from tui1on1.domain.records import AskedQuestion, Meeting, SegmentLog
from tui1on1.questions import load_playbooks

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
PLAYBOOKS, _ = load_playbooks()


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


def mirror(data: MirrorData, weeks: int = 4):
    return build_mirror(data, PLAYBOOKS, NOW, weeks=weeks, tz=UTC)


def question(qid: int, when: datetime, pause: float | None, meeting_id: int = 1) -> AskedQuestion:
    return AskedQuestion(qid, meeting_id, "slug", "text", 60.0, when, pause_seconds=pause)


def meeting(mid: int, start: datetime, minutes: float = 30, **kw) -> Meeting:
    return Meeting(
        id=mid,
        person_id=kw.pop("person_id", 1),
        playbook=kw.pop("playbook", "weekly"),
        planned_minutes=30,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=kw.pop("status", MeetingStatus.ENDED),
        **kw,
    )


def logs(m: Meeting, *minutes: float) -> list[SegmentLog]:
    """Segments 0, 1, … of ``m`` back to back, each running these minutes."""
    out, start = [], m.started_at
    titles = [s.title for s in PLAYBOOKS[m.playbook].segments]
    for index, length in enumerate(minutes):
        end = start + timedelta(minutes=length)
        out.append(SegmentLog(m.id * 100 + index, m.id, index, titles[index], start, end))
        start = end
    return out
