"""`tui1on1 plan NAME [WORDS…] [--json]` and the plan under `tui1on1 career
NAME`: a report who said what they want in a 1:1, a plan shaped over two
months from the shell (goal, options, one agreed, one dropped, slipping then
on track), a step agreed as an &p action in a later 1:1, and what the
manager reads back — in words and in JSON. Bad lines exit 2, lines the plan
can't take exit 1, each with one calm line."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import career_command, plan_command
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)  # a Monday, 10:00 in Berlin
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def at(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    monkeypatch.setattr(plan_command, "now", lambda: when)
    monkeypatch.setattr(career_command, "today", lambda: when.astimezone().date())


def meet(store: Store, person_id: int, start: datetime, notes: list[tuple[str, NewNote]]) -> None:
    meeting, _ = store.start_meeting(person_id, playbook="weekly", planned_minutes=30, now=start)
    for minute, (uid, note) in enumerate(notes, start=2):
        store.add_note(
            NewNote(
                uid=uid,
                meeting_id=meeting.id,
                kind=note.kind,
                text=note.text,
                created_at=start + timedelta(minutes=minute),
                action_owner=note.action_owner,
                action_due=note.action_due,
                career=note.career,
            )
        )
    store.end_meeting(meeting.id, start + timedelta(minutes=30))


def said(kind: NoteKind, text: str, **extra: object) -> NewNote:
    return NewNote(uid="", meeting_id=0, kind=kind, text=text, **extra)  # type: ignore[arg-type]


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'plan.db'}"
    store = Store.open(url)
    priya = store.add_person("Priya Raman", role="Engineer", now=T0 - timedelta(weeks=20))
    store.add_person("Sam Okafor", role="Engineer", now=T0)
    meet(store, priya.id, T0, [
        ("a1", said(NoteKind.NOTE, "wants to lead the payments team", career="aspiration")),
    ])  # fmt: skip
    store.close()
    return url


def test_a_plan_shaped_over_two_months_reads_back_as_the_manager_shaped_it(cli, url, monkeypatch):
    day = T0 + timedelta(hours=1)
    at(monkeypatch, day)
    started = cli("--db", url, "plan", "priya", "goal", "Tech lead for payments within a year")
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines()[:3] == [
        "Priya Raman: Plan started with that goal.",
        "Goal: Tech lead for payments within a year",
        "  opened 5 Oct",
    ]
    for line in ("option run the Q1 migration", "option mentor the new hire",
                 "option write the on-call RFC"):  # fmt: skip
        assert cli("--db", url, "plan", "priya", *line.split()).returncode == 0
    at(monkeypatch, day + timedelta(days=7))
    picked = cli("--db", url, "plan", "priya", "pick", "1")
    assert picked.stdout.splitlines()[0] == "Priya Raman: Option 1 agreed."
    cli("--db", url, "plan", "priya", "drop", "2")
    # A step agreed in the next 1:1, as an &p action for them.
    store = Store.open(url)
    meet(store, 1, T0 + timedelta(days=14), [
        ("s1", said(NoteKind.ACTION, "draft the migration RFC", action_owner=Owner.THEM,
                    action_due=date(2026, 11, 20), career="plan")),
    ])  # fmt: skip
    store.close()
    at(monkeypatch, day + timedelta(days=30))
    slipping = cli("--db", url, "plan", "priya", "slipping:", "on", "call", "all", "month")
    assert slipping.stdout.splitlines()[0] == "Priya Raman: Now slipping."

    at(monkeypatch, NOW)
    shown = cli("--db", url, "plan", "pri")
    assert shown.returncode == 0
    assert shown.stdout == (
        "Priya Raman:\n"
        "Goal: Tech lead for payments within a year\n"
        "  opened 5 Oct · slipping since 4 Nov: on call all month\n"
        "  for what they want: wants to lead the payments team\n"
        "  options:\n"
        "    1. run the Q1 migration (agreed)\n"
        "    2. mentor the new hire (set aside)\n"
        "    3. write the on-call RFC\n"
        "  steps:\n"
        "    1  draft the migration RFC — overdue 12 days\n"
        "  over time: 5 Oct started · 4 Nov slipping: on call all month\n"
    )
    shape = json.loads(cli("--db", url, "plan", "priya", "--json").stdout)
    [plan] = shape["plans"]
    assert shape["person"] == "Priya Raman"
    assert (plan["goal"], plan["status"], plan["open"]) == (
        "Tech lead for payments within a year", "slipping", True,
    )  # fmt: skip
    assert [(o["number"], o["state"]) for o in plan["options"]] == [
        (1, "picked"), (2, "dropped"), (3, "proposed"),
    ]  # fmt: skip
    assert plan["steps"] == [
        {
            "id": 1,
            "text": "draft the migration RFC",
            "owner": "them",
            "status": "open",
            "due": "2026-11-20",
            "agreed_at": "2026-10-19T08:02:00+00:00",
            "closed_at": None,
        }
    ]
    assert [(m["status"], m["note"]) for m in plan["history"]] == [
        ("started", ""), ("slipping", "on call all month"),
    ]  # fmt: skip

    # The career thread shows the plan under it, and carries it in JSON.
    career = cli("--db", url, "career", "priya")
    assert career.stdout.endswith(
        "\nGrowth plan:\n"
        "Goal: Tech lead for payments within a year\n"
        "  opened 5 Oct · slipping since 4 Nov: on call all month\n"
        "  for what they want: wants to lead the payments team\n"
        "  options:\n"
        "    1. run the Q1 migration (agreed)\n"
        "    2. mentor the new hire (set aside)\n"
        "    3. write the on-call RFC\n"
        "  steps:\n"
        "    1  draft the migration RFC — overdue 12 days\n"
        "  over time: 5 Oct started · 4 Nov slipping: on call all month\n"
    )
    assert (
        json.loads(cli("--db", url, "career", "priya", "--json").stdout)["growth_plans"]
        == shape["plans"]
    )


def test_achieving_a_plan_closes_it_and_the_next_goal_starts_a_new_one(cli, url, monkeypatch):
    at(monkeypatch, T0 + timedelta(hours=1))
    cli("--db", url, "plan", "priya", "goal", "Run the Q1 migration")
    at(monkeypatch, T0 + timedelta(days=40))
    done = cli("--db", url, "plan", "priya", "achieved", "shipped", "on", "time")
    assert done.stdout.splitlines()[:2] == [
        "Priya Raman: Plan closed: achieved.",
        "No plan open; the last (Run the Q1 migration) was achieved 14 Nov. "
        "A new goal starts the next one.",
    ]
    at(monkeypatch, NOW)
    cli("--db", url, "plan", "priya", "goal", "Tech lead for payments")
    assert cli("--db", url, "plan", "priya").stdout.splitlines()[-2:] == [
        "Earlier plans:",
        "  5 Oct – 14 Nov  Run the Q1 migration — achieved: shipped on time",
    ]


def test_no_plan_yet_says_how_to_start_one(cli, url, monkeypatch):
    at(monkeypatch, NOW)
    result = cli("--db", url, "plan", "sam")
    assert result.returncode == 0
    assert result.stdout == (
        "Sam Okafor:\n"
        'No growth plan yet. Set a goal for what they want: tui1on1 plan sam goal "…".\n'
    )
    assert json.loads(cli("--db", url, "plan", "sam", "--json").stdout) == {
        "person": "Sam Okafor",
        "plans": [],
    }


@pytest.mark.parametrize(
    ("words", "code", "said"),
    [
        (["promote", "her"], 2, "'promote' isn't something a plan takes. Type one of: goal TEXT"),
        (["pick", "two"], 2, "Say which option by its number: pick 2."),
        (["goal"], 2, "Say the goal after 'goal'."),
        (["option", "lead", "it"], 1, "Sam Okafor: No plan open: start one with goal"),
    ],
)
def test_a_line_that_does_not_read_or_cannot_apply_exits_with_one_calm_line(
    cli, url, monkeypatch, words, code, said
):
    at(monkeypatch, NOW)
    result = cli("--db", url, "plan", "sam", *words)
    assert result.returncode == code
    assert result.stdout == ""
    assert said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_closing_a_plan_with_a_step_still_open_says_the_step(cli, url, monkeypatch):
    """Fresh eyes closed a plan as achieved with its step two weeks overdue, and
    the step went out of sight; dropping the agreed option said nothing of it."""
    at(monkeypatch, T0 + timedelta(hours=1))
    cli("--db", url, "plan", "priya", "goal", "Tech lead for payments")
    cli("--db", url, "plan", "priya", "option", "run the Q1 migration")
    dropped = cli("--db", url, "plan", "priya", "pick", "1")
    dropped = cli("--db", url, "plan", "priya", "drop", "1")
    assert dropped.stdout.splitlines()[0] == (
        "Priya Raman: Option 1 set aside; no option is agreed now (pick N agrees one)."
    )
    store = Store.open(url)
    priya = store.find_person("Priya Raman")
    assert priya is not None
    meet(store, priya.id, T0 + timedelta(days=7), [
        ("s1", said(NoteKind.ACTION, "draft the migration RFC", action_owner=Owner.THEM,
                    action_due=date(2026, 10, 23), career="plan")),
    ])  # fmt: skip
    store.close()
    at(monkeypatch, datetime(2026, 11, 6, 9, 0, tzinfo=UTC))
    done = cli("--db", url, "plan", "priya", "achieved")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:4] == [
        "Priya Raman: Plan closed: achieved.",
        "No plan open; the last (Tech lead for payments) was achieved 6 Nov. "
        "A new goal starts the next one.",
        "  its step still open (actions done N, actions drop N):",
        "    1  draft the migration RFC — overdue 2 weeks",
    ]
