"""The mirror's cadence figure: the 1:1s held against what the cadences called
for, counted as home counts "due", someone never met from when they were
added (records and dates: tests/mirror_records.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mirror_records import NOW, PLAYBOOKS, at, meeting, mirror
from tui1on1.domain.mirror import MirrorData, build_mirror
from tui1on1.domain.records import Person


def test_held_and_missed_as_home_counts_due():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=at("2025-01-01"))
    bo = Person(2, "Bo Berg", cadence="FREQ=WEEKLY;INTERVAL=2", created_at=at("2025-01-01"))
    new = Person(3, "Cy New", cadence="FREQ=WEEKLY", created_at=at("2026-12-02", 9))
    soon = Person(4, "Di Soon", cadence="FREQ=WEEKLY", created_at=at("2026-12-07", 9))
    loose = Person(5, "No Cadence", created_at=at("2025-01-01"))
    meetings = (
        meeting(1, at("2026-11-10"), person_id=1),  # a day late for Mon 9 Nov: held
        meeting(2, at("2026-11-17"), person_id=1),
        meeting(3, at("2026-12-01"), person_id=1),  # nothing the week of Mon 23 Nov: missed
        meeting(4, at("2026-11-20"), person_id=2),  # Bo: every 2 weeks from Fri 6 Nov
        meeting(5, at("2026-12-04"), person_id=2),
        meeting(6, at("2026-11-20"), person_id=5),  # no cadence: not counted
    )
    data = MirrorData(
        people=(ada, bo, new, soon, loose),
        meetings=meetings,
        before={1: at("2026-11-02"), 2: at("2026-11-06")},
    )
    figure = mirror(data).figure("cadence")
    # Ada: steps 16, 23 Nov (missed), 30 Nov in the window; 7 Dec not yet a day gone.
    # Bo: 20 Nov, 4 Dec. Cy, added 2 Dec and never met: due at once, and again on
    # the 9th (not yet). Di, added this morning: due less than a day ago, not missed.
    assert figure.detail == {
        "held": 5,
        "due": 6,
        "missed": 2,
        "behind": [{"person": "Ada Lovelace", "missed": 1}, {"person": "Cy New", "missed": 1}],
    }
    assert figure.shown == "5 held · 2 missed"
    assert figure.value == pytest.approx(4 / 6)
    assert figure.sentence == (
        "You held 5 meetings and missed 2 that your cadences called for: Ada Lovelace, Cy New."
        " Not counted: 1 person has no cadence (e on their page sets one)."
    )
    assert figure.weekly == (1.0, 2.0, 0.0, 2.0)


def test_every_1on1_held_even_a_day_late():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=MONTHLY", created_at=at("2025-01-01"))
    data = MirrorData(
        people=(ada,), meetings=(meeting(1, at("2026-11-21")),), before={1: at("2026-10-20")}
    )
    figure = mirror(data).figure("cadence")
    assert figure.sentence == "You held every 1:1 your cadences called for (1 meeting held)."
    assert (figure.value, figure.shown) == (1.0, "1 held · 0 missed")


@pytest.mark.parametrize(
    ("cadence", "weeks", "due"),
    [
        ("FREQ=WEEKLY", 4, 4),
        ("FREQ=WEEKLY", 12, 12),
        ("FREQ=WEEKLY;INTERVAL=2", 4, 2),
        ("FREQ=WEEKLY;INTERVAL=2", 12, 6),
        ("FREQ=MONTHLY", 12, 2),  # 6 Oct, 6 Nov; Sun 6 Dec has Monday's grace
        ("FREQ=WEEKLY;BYDAY=TU,TH", 4, 8),
    ],
)
def test_someone_never_met_misses_every_step(cadence, weeks, due):
    ada = Person(1, "Ada Lovelace", cadence=cadence, created_at=at("2026-01-06"))
    detail = mirror(MirrorData(people=(ada,)), weeks).figure("cadence").detail
    assert (detail["due"], detail["missed"], detail["held"]) == (due, due, 0)


def test_a_step_is_missed_by_the_day_not_the_hour():
    """Fresh eyes saw 2 missed at 09:00, 3 at 10:00 and 4 at 11:30 on one day:
    a Friday step is missed from Sunday, at any hour of Saturday none."""
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=at("2026-11-27", 15))
    data = MirrorData(people=(ada,), meetings=(meeting(1, at("2026-11-27", 15)),), before={})
    for hour, missed in ((0, 0), (9, 0), (23, 0)):
        saturday = datetime(2026, 12, 5, hour, 30, tzinfo=UTC)
        figure = build_mirror(data, PLAYBOOKS, saturday, weeks=4, tz=UTC).figure("cadence")
        assert figure.detail["missed"] == missed, hour
    sunday = datetime(2026, 12, 6, 0, 30, tzinfo=UTC)
    figure = build_mirror(data, PLAYBOOKS, sunday, weeks=4, tz=UTC).figure("cadence")
    assert figure.detail["missed"] == 1


def test_a_1on1_a_little_earlier_in_the_day_than_usual_is_on_time():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=at("2025-01-01"))
    days = ("2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01")
    data = MirrorData(
        people=(ada,),
        meetings=tuple(meeting(i, at(day, 9)) for i, day in enumerate(days)),
        before={1: at("2026-11-03", 11)},
    )
    assert mirror(data).figure("cadence").detail["missed"] == 0


def test_someone_never_met_added_at_any_moment_misses_each_step_since():
    """A person added from the app has microseconds in their created_at:
    dateutil drops them from a cadence's start, and the step at the moment
    they were added fell before it and wasn't counted."""
    added = at("2026-11-16", 9, 30) + timedelta(seconds=12, microseconds=345_678)
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=added)
    bo = Person(2, "Bo Berg", cadence="FREQ=WEEKLY", created_at=at("2025-01-01"))
    data = MirrorData(
        people=(ada, bo),
        meetings=tuple(meeting(i, at(d), person_id=2) for i, d in enumerate(
            ("2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01")
        )),
        before={2: at("2026-11-03")},
    )  # fmt: skip
    figure = mirror(data).figure("cadence")
    # Ada: due Mon 16 Nov when added, then 23 and 30 Nov (7 Dec: not yet a day gone).
    assert figure.detail == {
        "held": 4, "due": 7, "missed": 3, "behind": [{"person": "Ada Lovelace", "missed": 3}],
    }  # fmt: skip
    assert (figure.shown, figure.value) == ("4 held · 3 missed", pytest.approx(4 / 7))
    assert figure.sentence == (
        "You held 4 meetings and missed 3 that your cadences called for: Ada Lovelace (3)."
    )
    assert NOW - added > timedelta(days=21)


def test_someone_never_met_is_due_when_added_whatever_the_rules_days():
    # added on a Wednesday, met on Tuesdays and Thursdays: due at once (as home
    # says), then Thu 19, Tue 24, Thu 26 Nov, Tue 1 and Thu 3 Dec
    added = at("2026-11-18", 9)
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY;BYDAY=TU,TH", created_at=added)
    detail = mirror(MirrorData(people=(ada,))).figure("cadence").detail
    assert (detail["due"], detail["missed"]) == (6, 6)
