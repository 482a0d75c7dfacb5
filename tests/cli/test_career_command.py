"""`tui1on1 career NAME [--json]`: the career thread from the shell.

The data is Ada's three 1:1s (tests/career_story.py): an aspiration that
changed, a Why? answer of two notes, a strength, a plan step, a note marked
as the moonshot and an aside marked out of the thread. Days are local: the
tests run in New York, where 15:00 UTC is the same day.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from career_story import DAYS, ONE_STEP, STRENGTHS, WHERE_NEXT, tell_story
from tui1on1.cli import career_command
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    monkeypatch.setattr(career_command, "today", lambda: date(2026, 12, 1))
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def url(tmp_path) -> str:
    """Ada's story, Alan Kay (never asked anything) and Ada Byron (archived)."""
    url = f"sqlite:///{tmp_path / 'career.db'}"
    store = Store.open(url)
    tell_story(store)
    store.add_person("Alan Kay")
    byron = store.add_person("Ada Byron")
    store.update_person(byron.id, archived=True)
    store.close()
    return url


STORY = f"""\
Ada Lovelace: career thread

Aspiration — 30 Nov: staff engineer on the data platform (changed)
  30 Nov  staff engineer on the data platform
          asked: {WHERE_NEXT}
          was: wants to lead a team within 2 years (9 Nov)
  9 Nov   wants to lead a team within 2 years
          asked: {WHERE_NEXT}

Why — 9 Nov: likes unblocking others
  9 Nov   likes unblocking others
          + misses it since the reorg
          after Why? on: {WHERE_NEXT}

Moonshot — 30 Nov: start an internal database guild (new)
  30 Nov  start an internal database guild  (marked)

Strengths used — 23 Nov: debugging production incidents
  23 Nov  debugging production incidents
          asked: {STRENGTHS}

Plan step — 23 Nov: shadow Sam's team lead for a week
  23 Nov  shadow Sam's team lead for a week
          asked: {ONE_STEP}
"""


def test_the_thread_of_three_meetings_as_text(cli, url):
    result = cli("--db", url, "career", "ada lovelace")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == STORY + (
        "\n"
        "Growth plan:\n"
        "No growth plan yet. Set a goal for what they want: "
        "tui1on1 plan 'ada lovelace' goal \"…\".\n"
    )


def entry(
    day,
    answered,
    started,
    answer,
    question,
    *,
    notes=None,
    marked=False,
    was=None,
    why=False,
    status=None,
):
    return {
        "date": day,
        "answered_at": answered,
        "meeting_started": started,
        "answer": answer,
        "headline": answer.split("\n")[0],
        "notes": notes or [answer],
        "question": question,
        "marked": marked,
        "after_why": why,
        "action_status": status,
        "was": was,
    }


def test_the_thread_as_json(cli, url):
    result = cli("--db", url, "career", "lovelace", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.isascii() and result.stdout.startswith('{\n  "person": "Ada Lovelace",')
    staff = entry(
        "2026-11-30",
        "2026-11-30T15:04:00+00:00",
        "2026-11-30T15:00:00+00:00",
        "staff engineer on the data platform",
        WHERE_NEXT,
        was="wants to lead a team within 2 years",
    )
    lead = entry(
        "2026-11-09",
        "2026-11-09T15:08:00+00:00",
        "2026-11-09T15:00:00+00:00",
        "wants to lead a team within 2 years",
        WHERE_NEXT,
    )
    why = entry(
        "2026-11-09",
        "2026-11-09T15:10:00+00:00",
        "2026-11-09T15:00:00+00:00",
        "likes unblocking others\nmore than writing code",
        WHERE_NEXT,
        notes=["likes unblocking others\nmore than writing code", "misses it since the reorg"],
        why=True,
    )
    guild = entry(
        "2026-11-30",
        "2026-11-30T15:12:00+00:00",
        "2026-11-30T15:00:00+00:00",
        "start an internal database guild",
        None,
        marked=True,
    )
    strength = entry(
        "2026-11-23",
        "2026-11-23T15:05:00+00:00",
        "2026-11-23T15:00:00+00:00",
        "debugging production incidents",
        STRENGTHS,
    )
    step = entry(
        "2026-11-23",
        "2026-11-23T15:18:00+00:00",
        "2026-11-23T15:00:00+00:00",
        "shadow Sam's team lead for a week",
        ONE_STEP,
        status="open",
    )

    def element(key, title, change, *timeline):
        return {
            "element": key,
            "title": title,
            "change": change,
            "current": timeline[0] if timeline else None,
            "timeline": list(timeline),
        }

    assert json.loads(result.stdout) == {
        "person": "Ada Lovelace",
        "elements": [
            element("aspiration", "Aspiration", "changed", staff, lead),
            element("why", "Why", None, why),
            element("moonshot", "Moonshot", "new", guild),
            element("strength-used", "Strengths used", None, strength),
            element("strength-unused", "Unused/draining", None),
            element("plan", "Plan step", None, step),
        ],
        "growth_plans": [],
    }


def test_no_thread_yet_says_what_to_do(cli, url):
    result = cli("--db", url, "career", "alan")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "No career thread yet for Alan Kay: ask about their aspiration "
        "(the aspiration playbook: `--playbook aspiration`).\n"
        "\n"
        "Growth plan:\n"
        'No growth plan yet. Set a goal for what they want: tui1on1 plan alan goal "…".\n'
    )
    data = json.loads(cli("--db", url, "career", "alan", "--json").stdout)
    assert data["person"] == "Alan Kay"
    assert [(e["element"], e["change"], e["current"], e["timeline"]) for e in data["elements"]] == [
        (key, None, None, [])
        for key in ("aspiration", "why", "moonshot", "strength-used", "strength-unused", "plan")
    ]


@pytest.mark.parametrize(
    "name, says",
    [
        ("zed", "tui1on1: there is no one called zed\n"),
        (
            "a",
            "tui1on1: 'a' could be several people: Ada Byron (archived), Ada Lovelace, Alan Kay; "
            "give more of the name\n",
        ),
        (
            "ada",
            "tui1on1: 'ada' could be several people: Ada Byron (archived), Ada Lovelace; "
            "give more of the name\n",
        ),
    ],
)
def test_a_name_that_finds_no_one_person_exits_2_in_one_line(cli, url, name, says):
    for extra in ((), ("--json",)):
        result = cli("--db", url, "career", name, *extra)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", says)


def test_archived_people_are_found(cli, url):
    result = cli("--db", url, "career", "byron")
    assert result.returncode == 0
    assert result.stdout.startswith("No career thread yet for Ada Byron:")


def test_a_database_that_cant_be_used_is_one_calm_line(cli, tmp_path):
    result = cli("--db", "sqlite:////nonexistent-dir/x/y.db", "career", "ada")
    assert result.returncode in (1, 2) and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("tui1on1: ")


def test_the_users_own_questions_decide_where_answers_go(cli, url, config_dir):
    """A question in questions.toml with `career = "moonshot"`: its answer is
    the moonshot, and a broken entry in the file is a warning, not a failure."""
    (config_dir / "questions.toml").write_text(
        '[[question]]\nslug = "my-big-dream"\ncategory = "growth"\ncareer = "moonshot"\n'
        'text = "If nothing stood in the way, what would you build?"\n'
        'probes = ["Why that?", "Who with?"]\n\n'
        '[[question]]\nslug = "broken"\ncategory = "growth"\n',
        encoding="utf-8",
    )
    store = Store.open(url)
    alan = store.find_person("Alan Kay")
    start = DAYS[2] + timedelta(days=1)
    meeting, _ = store.start_meeting(alan.id, playbook="weekly", planned_minutes=30, now=start)
    asked = store.record_question(
        meeting.id, slug="my-big-dream", text="If nothing stood in the way?", elapsed_seconds=60,
        at=start + timedelta(minutes=1),
    )  # fmt: skip
    store.add_note(
        NewNote(uid="dream", meeting_id=meeting.id, kind=NoteKind.NOTE,
                text="a compiler for \x1b[31mkids\u202e", asked_question_id=asked.id,
                created_at=start + timedelta(minutes=2))
    )  # fmt: skip
    store.close()

    result = cli("--db", url, "career", "alan")
    assert result.returncode == 0
    assert result.stderr.startswith("tui1on1: warning: questions.toml line ")
    assert result.stdout == (
        "Alan Kay: career thread\n"
        "\n"
        "Moonshot — 1 Dec: a compiler for \\x1b[31mkids\\u202e (new)\n"
        "  1 Dec  a compiler for \\x1b[31mkids\\u202e\n"
        "         asked: If nothing stood in the way?\n"
        "\n"
        "Growth plan:\n"
        'No growth plan yet. Set a goal for what they want: tui1on1 plan alan goal "…".\n'
    )
    data = json.loads(cli("--db", url, "career", "alan", "--json").stdout)
    assert data["elements"][2]["current"]["answer"] == "a compiler for \x1b[31mkids\u202e"


def test_help_describes_it_with_an_example(cli):
    result = cli("career", "--help")
    assert result.returncode == 0
    assert "current value" in result.stdout and "newest first" in result.stdout
    assert "tui1on1 career ada --json" in result.stdout
    assert "career" in cli("--help").stdout


def test_days_are_the_local_ones(cli, url, monkeypatch):
    """In Auckland, 15:00 UTC on 30 Nov is already 1 Dec: so say both outputs."""
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    out = cli("--db", url, "career", "lovelace").stdout
    assert "Aspiration — 1 Dec: staff engineer on the data platform (changed)" in out
    assert "was: wants to lead a team within 2 years (10 Nov)" in out
    data = json.loads(cli("--db", url, "career", "lovelace", "--json").stdout)
    current = data["elements"][0]["current"]
    assert (current["date"], current["answered_at"]) == ("2026-12-01", "2026-11-30T15:04:00+00:00")
