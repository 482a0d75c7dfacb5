"""The team view's rules (who needs the manager first, in words) and the
exposure log's (kind words, days as typed), with fixed data and days."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.career import CareerNote, build_thread
from tui1on1.domain.exposure import ExposureError, kind_hint, read_day, read_kind
from tui1on1.domain.kinds import ActionStatus, ExposureKind, NoteKind, PlanStatus, Relationship
from tui1on1.domain.promises import PromiseStats
from tui1on1.domain.records import Person
from tui1on1.domain.series import CareerHistory
from tui1on1.domain.team import PlanStep, attention, next_step, team_row, team_rows, weeks_ago

TODAY = date(2026, 12, 9)


def _person(pid: int, name: str) -> Person:
    return Person(
        id=pid, name=name, role="", relationship=Relationship.REPORT, cadence=None,
        default_playbook=None, archived=False, created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip


def _words(**kwargs):
    base = dict(met=True, aspiration="lead", last_career_talk=TODAY, step=None,
                last_exposure=TODAY, promises=PromiseStats(), today=TODAY)  # fmt: skip
    return [a.words for a in attention(**(base | kwargs))]


def test_attention_in_words_weightiest_first():
    assert _words() == ["no growth plan toward their aspiration"]
    # no exposure is expected of someone not met yet
    assert _words(met=False, aspiration=None, last_career_talk=None, last_exposure=None) == [
        "no 1:1 yet"
    ]
    assert _words(last_exposure=None, known_since=date(2026, 11, 1))[-2:] == [
        "no exposure logged yet",  # added five weeks ago: not "in a year"
        "no growth plan toward their aspiration",
    ]
    assert _words(one_on_one_due=date(2026, 11, 25)) == [
        "1:1 overdue 2 weeks (their cadence)",
        "no growth plan toward their aspiration",
    ]
    # due today, or none called for: not late
    assert not any(w.startswith("1:1 ") for w in _words(one_on_one_due=TODAY))
    assert not any(w.startswith("1:1 ") for w in _words(one_on_one_due=None))
    assert _words(aspiration=None, last_career_talk=None) == ["never asked about their career"]
    step = PlanStep("draft the RFC", date(2026, 12, 1), ActionStatus.OPEN, 1)
    assert _words(
        last_career_talk=date(2026, 10, 28),
        step=step,
        last_exposure=date(2026, 9, 10),
        promises=PromiseStats(kept=1, overdue=2),
    ) == [
        "2 promises of mine overdue",
        "no career conversation in 6 weeks",
        "next step overdue 8 days",
        "no exposure in 90 days",
        "no growth plan toward their aspiration",
    ]
    # the edges: 41 days is not yet six weeks; 89 days is not yet 90
    assert _words(last_career_talk=date(2026, 10, 29), step=step, last_exposure=date(2026, 9, 11))[
        :1
    ] == ["next step overdue 8 days"]
    due_today = PlanStep("x", TODAY, ActionStatus.OPEN, 1)
    assert _words(step=due_today) == ["no growth plan toward their aspiration"]  # not late
    # With a plan: its trouble, and a plan with no open step, need a word.
    assert _words(step=due_today, plan_status=PlanStatus.ON_TRACK) == []
    assert _words(plan_status=PlanStatus.ON_TRACK) == ["no next step on their growth plan"]
    assert _words(step=due_today, plan_status=PlanStatus.STUCK) == ["their growth plan is stuck"]
    assert _words(step=due_today, plan_status=PlanStatus.SLIPPING) == [
        "their growth plan is slipping"
    ]


def _note(nid, meeting, started, text, mark, kind=NoteKind.NOTE):
    return CareerNote(note_id=nid, meeting_id=meeting, meeting_started=started,
                      created_at=started, text=text, kind=kind, mark=mark)  # fmt: skip


def test_the_next_step_is_the_open_one_due_first_and_a_thread_entry_is_a_career_talk():
    oct1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
    nov1 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    thread = build_thread([
        _note(1, 1, oct1, "wants to lead", "aspiration"),
        _note(2, 1, oct1, "shadow on-call", "plan", NoteKind.ACTION),
        _note(3, 2, nov1, "write the RFC", "plan", NoteKind.ACTION),
        _note(4, 2, nov1, "pair with Sam", "plan", NoteKind.ACTION),
    ])  # fmt: skip
    steps = {
        2: PlanStep("shadow on-call", date(2026, 10, 20), ActionStatus.DONE, 2),
        3: PlanStep("write the RFC", None, ActionStatus.OPEN, 3),
        4: PlanStep("pair with Sam", date(2026, 12, 20), ActionStatus.OPEN, 4),
    }
    row = team_row(_person(1, "Ada"), CareerHistory(meetings=2), thread, steps, None,
                   PromiseStats(), 0, TODAY)  # fmt: skip
    assert row.next_step == steps[4]  # a dated step before one without a date; done ones skipped
    assert row.aspiration == "wants to lead" and row.last_career_talk == date(2026, 11, 1)


def test_rows_sorted_by_weight_then_longest_since_a_career_talk_then_name():
    empty = build_thread([])

    def row(pid, name, talk, met=True):
        history = CareerHistory(meetings=1 if met else 0, last_at=talk)
        return team_row(_person(pid, name), history, empty, {}, TODAY, PromiseStats(), 0, TODAY)

    rows = team_rows([
        row(1, "Zoe", datetime(2026, 12, 1, tzinfo=UTC)),
        row(2, "amy", datetime(2026, 12, 1, tzinfo=UTC)),
        row(3, "Bea", datetime(2026, 12, 7, tzinfo=UTC)),
        row(4, "Cal", None, met=False),
        row(5, "Dan", datetime(2026, 9, 1, tzinfo=UTC)),
    ])  # fmt: skip
    assert [r.person.name for r in rows] == ["Cal", "Dan", "amy", "Zoe", "Bea"]


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("customer: sat in on the Acme QBR", ExposureKind.CUSTOMER, "sat in on the Acme QBR"),
        ("Presented the roadmap", ExposureKind.PRESENTED, "the roadmap"),
        ("lunch with Dana", ExposureKind.LUNCH, "with Dana"),
        ("led the incident review", None, "led the incident review"),
        ("intro2 x", None, "intro2 x"),
        # A word that says more than the kind stays, so nothing said is lost.
        ("coffee with the VP of product", ExposureKind.LUNCH, "coffee with the VP of product"),
        ("demo of the new search", ExposureKind.PRESENTED, "demo of the new search"),
        ("client call with Initech", ExposureKind.CUSTOMER, "client call with Initech"),
    ],
)
def test_the_first_word_says_the_kind(text, kind, rest):
    assert read_kind(text) == (kind, rest)
    assert (kind_hint(text) is None) == (kind is not None)


def test_days_as_typed_strictly_and_never_ahead():
    assert read_day("today", TODAY) == TODAY
    assert read_day("yesterday", TODAY) == date(2026, 12, 8)
    assert read_day("3d", TODAY) == read_day("-3d", TODAY) == date(2026, 12, 6)
    assert read_day("2026-11-27", TODAY) == date(2026, 11, 27)
    for bad in ("friday", "27/11", "2026-02-30", "+2d"):
        with pytest.raises(ExposureError, match="isn't a day this reads"):
            read_day(bad, TODAY)
    with pytest.raises(ExposureError, match="hasn't come yet"):
        read_day("2026-12-10", TODAY)


def test_the_weightiest_reason_orders_people_not_a_sum():
    """One overdue promise of mine (5) comes before a late career talk, a
    late step and no exposure (3, 3, 2): three small things don't outweigh
    a broken promise; with the same first reason, the next one decides."""
    empty = build_thread([])

    def row(pid, name, promises, talk_weeks):
        talk = datetime(2026, 12, 9, tzinfo=UTC) - timedelta(weeks=talk_weeks)
        history = CareerHistory(meetings=1, last_at=talk)
        return team_row(_person(pid, name), history, empty, {}, None, promises, 0, TODAY)

    rows = team_rows([
        row(1, "Many", PromiseStats(), 9),  # 3 (talk) + 2 (no exposure)
        row(2, "Broken", PromiseStats(overdue=1), 1),  # 5 + 2
        row(3, "Both", PromiseStats(overdue=1), 9),  # 5 + 3 + 2
    ])  # fmt: skip
    assert [r.person.name for r in rows] == ["Both", "Broken", "Many"]


def test_a_newer_plan_replaces_an_older_step_still_open():
    """The thread says the plan changed: the team view follows the newest
    plan's open step, not an older one due sooner; an older one counts again
    once the newer plan has nothing open."""
    oct1 = datetime(2026, 10, 1, 9, tzinfo=UTC)
    dec1 = datetime(2026, 12, 1, 9, tzinfo=UTC)
    thread = build_thread([
        _note(1, 1, oct1, "shadow on-call", "plan", NoteKind.ACTION),
        _note(2, 2, dec1, "run the guild meeting", "plan", NoteKind.ACTION),
    ])  # fmt: skip
    old = PlanStep("shadow on-call", date(2026, 10, 10), ActionStatus.OPEN, 1)
    new = PlanStep("run the guild meeting", date(2026, 12, 18), ActionStatus.OPEN, 2)
    assert next_step(thread, {1: old, 2: new}) == new
    done = PlanStep("run the guild meeting", date(2026, 12, 18), ActionStatus.DONE, 2)
    assert next_step(thread, {1: old, 2: done}) == old


def test_a_late_1on1_and_no_career_talk_are_both_said():
    """The most neglected have both: a 1:1 overdue by its cadence no longer
    hides eight weeks without a career conversation."""
    assert _words(one_on_one_due=date(2026, 11, 25), last_career_talk=date(2026, 10, 14)) == [
        "1:1 overdue 2 weeks (their cadence)",
        "no career conversation in 8 weeks",
        "no growth plan toward their aspiration",
    ]
    assert _words(one_on_one_due=date(2026, 11, 25), aspiration=None, last_career_talk=None)[
        :2
    ] == ["1:1 overdue 2 weeks (their cadence)", "never asked about their career"]


def test_someone_added_this_month_is_not_flagged_for_no_exposure_yet():
    assert "no exposure logged yet" not in _words(last_exposure=None, known_since=TODAY)
    assert "no exposure logged yet" not in _words(
        last_exposure=None, known_since=TODAY - timedelta(days=29)
    )
    assert "no exposure logged yet" in _words(
        last_exposure=None, known_since=TODAY - timedelta(days=30)
    )


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 12, 7), "this week"),  # Monday of this week (today Wed 9 Dec)
        (date(2026, 12, 9), "this week"),
        (date(2026, 12, 6), "1 week ago"),  # last Sunday: last week, not "this week"
        (date(2026, 12, 2), "1 week ago"),
        (date(2026, 11, 25), "2 weeks ago"),
        (None, "never"),
    ],
)
def test_this_week_is_the_calendar_week(day, said):
    assert weeks_ago(day, TODAY) == said


def test_the_team_header_says_who_is_ready_for_more_and_how_i_listen():
    from tui1on1.domain.mirror import Figure, Mirror, Window
    from tui1on1.domain.succession import Backfill, BenchRole, Readiness
    from tui1on1.domain.team_header import listening_words, ready_words

    ada, bo, cy = _person(1, "Ada Lovelace"), _person(2, "Bo Chen"), _person(3, "Cy Young")
    at = datetime(2026, 12, 1, tzinfo=UTC)

    def named(person, readiness):
        return (person, Backfill(id=0, holder_id=None, candidate_id=person.id,
                                 readiness=readiness, note="", updated_at=at))  # fmt: skip

    roles = [
        BenchRole(holder=None, candidates=(named(bo, Readiness.NOW), named(cy, Readiness.YEAR))),
        BenchRole(holder=ada, candidates=(named(bo, Readiness.NOW),)),
        BenchRole(holder=cy, candidates=(named(ada, Readiness.LATER),)),
    ]
    assert ready_words(roles) == (
        "Ready for more now: Bo Chen for my role and Ada Lovelace's role"
        " · within a year: Cy Young for my role"
    )
    assert ready_words(roles[:1] + roles[2:]) == (
        "Ready for more now: Bo Chen for my role · within a year: Cy Young for my role"
    )
    # ready now for one role, within a year for another: both said
    both = [BenchRole(holder=None, candidates=(named(bo, Readiness.YEAR),)), roles[1]]
    assert ready_words(both) == (
        "Ready for more now: Bo Chen for Ada Lovelace's role · within a year: Bo Chen for my role"
    )
    # two people of one name stay two
    other_bo = Person(id=9, name="Bo Chen", role="", relationship=Relationship.REPORT)
    twins = [BenchRole(holder=None, candidates=(named(bo, Readiness.NOW),)),
             BenchRole(holder=ada, candidates=(named(other_bo, Readiness.NOW),))]  # fmt: skip
    assert ready_words(twins) == (
        "Ready for more now: Bo Chen for my role; Bo Chen for Ada Lovelace's role"
    )
    assert ready_words([BenchRole(holder=ada, candidates=(named(cy, Readiness.YEAR),))]) == (
        "Ready for more within a year: Cy Young for Ada Lovelace's role"
    )
    assert ready_words(roles[2:]) == (
        "Ready for more: no one on the bench is ready now or within a year"
    )

    def figure(key, value, **detail):
        return Figure(key=key, title=key, value=value, shown="", sentence="", weekly=(),
                      detail=detail)  # fmt: skip

    window = Window(4, TODAY)
    listened = Mirror(
        window,
        (
            figure("pause", 4.04, asked=7, timed=6, reached_mark=4),
            figure("agenda", 0.75, theirs=3, mine=1),
        ),
    )
    # against the mark (3 s), with what it rests on
    assert listening_words(listened) == (
        "How you listen, the last 4 weeks: waited 3 s or more after 4 of 6 questions "
        "(median 4.0 s) · 3 of 4 talking points theirs"
    )
    untimed = Mirror(window, (figure("pause", None, asked=2, timed=0), figure("agenda", None)))
    assert listening_words(untimed) == (
        "How you listen, the last 4 weeks: no pause timed (2 asked) · no talking points raised"
    )
    quiet = Mirror(window, (figure("pause", None, asked=0), figure("agenda", None)))
    assert listening_words(quiet) == (
        "How you listen, the last 4 weeks: no question asked · no talking points raised"
    )


def test_the_team_header_says_who_has_not_had_a_career_talk_lately():
    """Never first, then the longest ago, then those not met yet; someone
    within the weeks set isn't named."""
    from tui1on1.domain.team_header import career_due_words

    empty = build_thread([])

    def row(pid, name, weeks_back, met=True):
        talk = (
            None
            if weeks_back is None
            else datetime(2026, 12, 9, 9, tzinfo=UTC) - timedelta(weeks=weeks_back)
        )
        history = CareerHistory(meetings=1 if met else 0, last_at=talk)
        return team_row(_person(pid, name), history, empty, {}, TODAY, PromiseStats(), 0, TODAY)

    rows = [row(1, "Sam Ortiz", 9), row(2, "Grace Hopper", None, met=False), row(3, "Bo Chen", 2),
            row(4, "Hedy Lamarr", None), row(5, "Ada Lovelace", 12)]  # fmt: skip
    assert career_due_words(rows, TODAY) == (
        "No career talk in 6 weeks: Hedy Lamarr (never), Ada Lovelace (12 weeks ago), "
        "Sam Ortiz (9 weeks ago), Grace Hopper (no 1:1 yet)"
    )
    assert career_due_words(rows, TODAY, weeks=10) == (
        "No career talk in 10 weeks: Hedy Lamarr (never), Ada Lovelace (12 weeks ago), "
        "Grace Hopper (no 1:1 yet)"
    )
    assert career_due_words([rows[2]], TODAY) == "Everyone had a career talk in the last 6 weeks"
    assert career_due_words([], TODAY) == ""


def test_the_header_names_the_roles_without_back_up_and_my_longest_overdue_promise():
    from tui1on1.domain.kinds import Owner
    from tui1on1.domain.records import ActionItem
    from tui1on1.domain.succession import BenchRole
    from tui1on1.domain.team_header import gap_words, promises_words

    ada, bo, cy = _person(1, "Ada Lovelace"), _person(2, "Bo Chen"), _person(3, "Cy Young")
    assert gap_words([BenchRole(None, ()), BenchRole(ada, ()), BenchRole(cy, ())]) == (
        "No one ready to back-fill: my role; the roles of Ada Lovelace and Cy Young"
    )
    assert gap_words([BenchRole(bo, ())]) == "No one ready to back-fill: the role of Bo Chen"
    assert gap_words([]) == "Every role has someone ready now or within a year"

    def promise(pid, text, due):
        return ActionItem(id=pid, person_id=pid, owner=Owner.ME, text=text, due=due)

    empty = build_thread([])

    def row(person, open_mine, overdue, late=None):
        return team_row(person, CareerHistory(meetings=1), empty, {}, TODAY,
                        PromiseStats(overdue=overdue), open_mine, TODAY,
                        late_promise=late)  # fmt: skip

    rows = [
        row(ada, 2, 1, promise(1, "book the forum slot", date(2026, 11, 20))),
        row(bo, 1, 1, promise(2, "ask HR about the band", date(2026, 10, 20))),
        row(cy, 1, 0),
    ]
    assert promises_words(rows, TODAY) == (
        "Your promises to them: 4 open · 2 overdue, the longest: ask HR about the band "
        "(Bo Chen, due Tue 20 Oct)"
    )
    assert promises_words(rows[2:], TODAY) == "Your promises to them: 1 open"
    assert promises_words([row(cy, 0, 0)], TODAY) == ""


def test_a_plan_left_behind_by_their_aspiration_and_steps_all_done_are_said():
    """A newer aspiration than the plan was made for: said (1); a plan
    "on track" with its next step overdue says so; steps agreed and all
    done read "none open", not "none agreed"."""
    from tui1on1.domain.growth import GrowthPlan, PlanMark
    from tui1on1.domain.team import plan_words, step_words

    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert "their growth plan predates their latest aspiration" in _words(
        aspiration="staff engineer on the data platform",
        plan_status=PlanStatus.ON_TRACK,
        plan_for="tech lead for payments",
    )
    assert "their growth plan predates their latest aspiration" not in _words(
        aspiration="lead", plan_status=PlanStatus.ON_TRACK, plan_for="lead\nby summer"
    )
    marks = (PlanMark(at, PlanStatus.ON_TRACK),)
    plan = GrowthPlan(uid="g1", person_id=1, goal="Tech lead for payments", aspiration=None,
                      opened=at, options=(), marks=marks)  # fmt: skip
    late = PlanStep("shadow on-call", date(2026, 10, 23), ActionStatus.OPEN, 1)
    row = team_row(_person(1, "Ada"), CareerHistory(meetings=1), build_thread([]), {}, TODAY,
                   PromiseStats(), 0, TODAY, plan=plan)  # fmt: skip
    assert step_words(row, TODAY) == "none agreed"
    assert plan_words(replace(row, next_step=late), TODAY) == (
        "Tech lead for payments — on track (its step overdue) since 2 Nov"
    )
    assert step_words(replace(row, steps_agreed=True), TODAY) == "none open"


def test_a_cut_plan_line_keeps_how_it_stands_and_a_short_terminal_gets_one_line():
    from tui1on1.domain.growth import GrowthPlan, PlanMark
    from tui1on1.domain.mirror import Figure, Mirror, Window
    from tui1on1.domain.team import plan_parts, promise_words
    from tui1on1.domain.team_header import short_words
    from tui1on1.ui.screens.team import plan_line

    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    marks = (PlanMark(at, PlanStatus.ON_TRACK, "migration plan approved"),)
    plan = GrowthPlan(uid="g1", person_id=1, goal="Become the go-to person for observability",
                      aspiration=None, opened=at, options=(), marks=marks)  # fmt: skip
    late = PlanStep("shadow on-call", date(2026, 10, 23), ActionStatus.OPEN, 1)
    row = team_row(_person(1, "Ada"), CareerHistory(meetings=1), build_thread([]), {}, TODAY,
                   PromiseStats(), 1, TODAY, plan=plan)  # fmt: skip
    row = replace(row, next_step=late)
    assert plan_parts(row, TODAY) == (
        "Become the go-to person for observability",
        "on track (its step overdue) since 2 Nov",
        "migration plan approved",
    )
    # short of room the goal gives way, then the date: how it stands is kept
    assert plan_line(row, TODAY, 60) == (
        "  growth plan: Become the… — on track (its step overdue) si…"
    )
    assert plan_line(row, TODAY, 200).endswith(
        "observability — on track (its step overdue) since 2 Nov: migration plan approved"
    )
    assert promise_words(row) == "1 open · none came due yet"

    def figure(key, value, **detail):
        return Figure(key=key, title=key, value=value, shown="", sentence="", weekly=(),
                      detail=detail)  # fmt: skip

    mirror = Mirror(Window(4, TODAY), (figure("pause", 2.7, timed=3, reached_mark=1),
                                       figure("agenda", None)))  # fmt: skip
    assert short_words([], [replace(row, promises=PromiseStats(overdue=1))], mirror) == (
        "Ready for more: 0 now, 0 within a year · my promises: 1 open, 1 overdue · "
        "waited 3 s after 1 of 3 questions"
    )
