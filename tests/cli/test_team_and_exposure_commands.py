"""`tui1on1 team [--json]` and `tui1on1 exposure NAME [KIND TEXT]`: a team
of three reports and a peer, met on different days — who needs the manager
first, in words and in JSON; exposures logged from the shell and typed in a
1:1 ('* customer …') read together; bad arguments exit 2 with one calm line."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import exposure_command, team_command
from tui1on1.domain.growth import read_plan_line
from tui1on1.domain.kinds import NoteKind, Owner, Relationship
from tui1on1.domain.records import NewNote
from tui1on1.domain.succession import Readiness
from tui1on1.storage.store import Store

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # a Wednesday
WEEK = timedelta(weeks=1)
DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    monkeypatch.setattr(team_command, "now", lambda: NOW)
    monkeypatch.setattr(exposure_command, "now", lambda: NOW)
    yield
    monkeypatch.undo()
    time.tzset()


def _meet(store, person, start, notes):
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=start)
    for i, (kind, text, extra) in enumerate(notes):
        store.add_note(
            NewNote(
                uid=f"{person.id}-{start:%j}-{i}",
                meeting_id=meeting.id,
                kind=kind,
                text=text,
                created_at=start + timedelta(minutes=2 + i),
                **extra,
            )
        )
    store.end_meeting(meeting.id, start + timedelta(minutes=30))


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", role="Staff engineer", now=NOW - 30 * WEEK)
    bo = store.add_person("Bo Chen", role="Designer", now=NOW - 30 * WEEK)
    store.add_person("Cy Young", now=NOW - WEEK)
    dee = store.add_person("Dee Peer", relationship=Relationship.PEER.value, now=NOW - 30 * WEEK)
    me = {"action_owner": Owner.ME}
    them = {"action_owner": Owner.THEM}
    # Ada: a career talk 8 weeks ago; the step she agreed is overdue; so is mine.
    _meet(store, ada, NOW - 8 * WEEK, [
        (NoteKind.NOTE, "wants to lead a small team", {"career": "aspiration"}),
        (NoteKind.ACTION, "shadow Sam's on-call", them | {"career": "plan",
                                                          "action_due": date(2026, 11, 20)}),
        (NoteKind.ACTION, "ask HR about the band", me | {"action_due": date(2026, 12, 1)}),
    ])  # fmt: skip
    _meet(store, ada, NOW - 2 * WEEK, [(NoteKind.NOTE, "sprint went fine", {})])
    # Bo: a career talk last week, a step ahead, an exposure typed in the 1:1.
    _meet(store, bo, NOW - WEEK, [
        (NoteKind.NOTE, "design systems lead", {"career": "aspiration"}),
        (NoteKind.ACTION, "draft the tokens RFC", them | {"career": "plan",
                                                         "action_due": date(2026, 12, 18)}),
        (NoteKind.EXPOSURE, "customer: ran the Acme design review", {}),
    ])  # fmt: skip
    # Bo's growth plan, set in that 1:1; stuck since two days ago.
    for at, line in ((NOW - WEEK + timedelta(minutes=20), "goal Design systems lead by summer"),
                     (NOW - WEEK + timedelta(minutes=21), "option own the tokens work"),
                     (NOW - WEEK + timedelta(minutes=22), "pick 1"),
                     (NOW - 2 * DAY, "stuck: no time this quarter")):  # fmt: skip
        store.change_plan(bo.id, read_plan_line(line), at=at)
    _meet(store, dee, NOW - WEEK, [(NoteKind.NOTE, "peer sync", {})])
    # The bench: Bo could take Ada's role now, Ada mine within a year.
    store.set_backfill(ada.id, bo.id, Readiness.NOW, at=NOW - WEEK)
    store.set_backfill(None, ada.id, Readiness.YEAR, at=NOW - WEEK)
    store.close()
    return url


def test_the_team_says_who_needs_the_manager_first(cli, url):
    code, out, err = cli("--db", url, "team")
    assert (code, err) == (0, "")
    assert out == (
        "Your team, who needs you first (3 reports):\n"
        "\n"
        "Cy Young — no 1:1 yet\n"
        "  aspiration     not asked yet\n"
        "  career talk    never\n"
        "  growth plan    none open\n"
        "  next step      none agreed\n"
        "  exposure       none yet\n"
        "  my promises    none open\n"
        "\n"
        "Ada Lovelace — 1 promise of mine overdue; no career conversation in 8 weeks; "
        "next step overdue 2 weeks; no exposure logged yet; "
        "no growth plan toward their aspiration\n"
        "  aspiration     wants to lead a small team\n"
        "  career talk    8 weeks ago\n"
        "  growth plan    none open\n"
        "  next step      shadow Sam's on-call (overdue since Fri 20 Nov)\n"
        "  exposure       none yet\n"
        "  my promises    1 open · kept 0% · 1 overdue\n"
        "  could step in  my role (within a year)\n"
        "\n"
        "Bo Chen — their growth plan is stuck\n"
        "  aspiration     design systems lead\n"
        "  career talk    1 week ago\n"
        "  growth plan    Design systems lead by summer — stuck since 7 Dec: no time this quarter\n"
        "  next step      draft the tokens RFC (due Fri 18 Dec)\n"
        "  exposure       7 days ago\n"
        "  my promises    none open\n"
        "  could step in  Ada Lovelace's role (ready now)\n"
        "\n"
        "No career talk in 6 weeks: Ada Lovelace (8 weeks ago), Cy Young (no 1:1 yet)\n"
        "No one ready to back-fill: Bo Chen's role (Designer), Cy Young's role (tui1on1 bench)\n"
        "Ready for more now: Bo Chen for Ada Lovelace's role · within a year: Ada Lovelace"
        " for my role\n"
        "Your promises to them: 1 open · 1 overdue, the longest: ask HR about the band"
        " (Ada Lovelace, due Tue 1 Dec)\n"
        "How you listen, the last 4 weeks: no question asked · no talking points raised "
        "(tui1on1 mirror)\n"
    )


def test_the_team_in_json(cli, url):
    code, out, _err = cli("--db", url, "team", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["as_of"] == "2026-12-09"
    assert doc["ready_now"] == [
        {"person": "Bo Chen", "role": "Ada Lovelace's role (Staff engineer)"}
    ]
    assert doc["no_back_up"] == ["Bo Chen's role (Designer)", "Cy Young's role"]
    assert doc["ready_within_a_year"] == [{"person": "Ada Lovelace", "role": "my role"}]
    assert doc["career_talk_due"] == {
        "weeks": 6,
        "people": [
            {"person": "Ada Lovelace", "last_career_conversation": "2026-10-14", "met": True},
            {"person": "Cy Young", "last_career_conversation": None, "met": False},
        ],
    }
    assert doc["listening"] == {
        "weeks": 4,
        "median_pause_seconds": None,
        "questions_timed": 0,
        "reached_mark": 0,
        "mark_seconds": 3.0,
        "their_talking_points_share": None,
    }
    assert doc["my_promises"] == {
        "open": 1,
        "overdue": 1,
        "longest_overdue": {
            "person": "Ada Lovelace",
            "text": "ask HR about the band",
            "due": "2026-12-01",
        },
    }
    assert [r["person"] for r in doc["team"]] == ["Cy Young", "Ada Lovelace", "Bo Chen"]
    ada = doc["team"][1]
    assert ada == {
        "person": "Ada Lovelace",
        "role": "Staff engineer",
        "aspiration": "wants to lead a small team",
        "aspiration_on": "2026-10-14",
        "last_career_conversation": "2026-10-14",
        "growth_plan": None,
        "steps_agreed": True,
        "next_step": {"text": "shadow Sam's on-call", "due": "2026-11-20", "overdue": True},
        "last_exposure": None,
        "days_since_exposure": None,
        "my_open_promises": 1,
        "kept_promise_percent": 0,
        "my_overdue_promises": 1,
        "could_step_into": [{"role": "my role", "readiness": "year"}],
        "role_backed_up": True,
        "attention": [
            {"why": "1 promise of mine overdue", "weight": 5},
            {"why": "no career conversation in 8 weeks", "weight": 3},
            {"why": "next step overdue 2 weeks", "weight": 3},
            {"why": "no exposure logged yet", "weight": 2},
            {"why": "no growth plan toward their aspiration", "weight": 1},
        ],
    }
    assert [r["steps_agreed"] for r in doc["team"]] == [False, True, True]
    bo = doc["team"][2]
    assert bo["last_exposure"] == "2026-12-02" and bo["days_since_exposure"] == 7
    assert bo["growth_plan"] == {
        "goal": "Design systems lead by summer",
        "status": "stuck",
        "opened_at": "2026-12-02T15:20:00+00:00",
    }
    assert bo["next_step"] == {"text": "draft the tokens RFC", "due": "2026-12-18",
                               "overdue": False}  # fmt: skip
    assert bo["attention"] == [{"why": "their growth plan is stuck", "weight": 3}]


def test_exposures_logged_and_typed_read_together(cli, url):
    added = cli("--db", url, "exposure", "bo", "intro", "met Sam from platform", "--on", "3d")
    assert added == (0, "Logged for Bo Chen: Sun  6 Dec  introduction: met Sam from platform\n", "")
    code, out, err = cli("--db", url, "exposure", "bo")
    assert (code, err) == (0, "")
    assert out == (
        "Exposure given to Bo Chen (the last one 3 days ago):\n"
        "  x1  Sun  6 Dec  introduction: met Sam from platform\n"
        "  n7  Wed  2 Dec  customer meeting: ran the Acme design review\n"
    )
    doc = json.loads(cli("--db", url, "exposure", "bo", "--json")[1])
    assert doc["days_since_last"] == 3
    assert [(e["ref"], e["kind"], e["in_meeting"]) for e in doc["exposures"]] == [
        ("x1", "intro", False),
        ("n7", "customer", True),
    ]
    team = json.loads(cli("--db", url, "team", "--json")[1])
    assert team["team"][2]["last_exposure"] == "2026-12-06"
    assert cli("--db", url, "exposure", "bo", "--delete", "x1") == (
        0,
        "Deleted from Bo Chen's log: Sun  6 Dec  introduction: met Sam from platform\n",
        "",
    )
    # One typed in the 1:1 is deleted as its note, there too; a bare number
    # could be either kind, and is refused.
    code, _out, err = cli("--db", url, "exposure", "bo", "--delete", "7")
    assert code == 2 and "they look like x12 (logged) or n34 (typed in a 1:1)" in err
    assert cli("--db", url, "exposure", "bo", "--delete", "n7") == (
        0,
        "Deleted from Bo Chen's log: Wed  2 Dec  customer meeting: ran the Acme design review "
        "(the note is deleted from its 1:1 too)\n",
        "",
    )
    assert cli("--db", url, "exposure", "bo")[1].startswith("No exposure logged for Bo Chen yet")
    code, _out, err = cli("--db", url, "exposure", "ada", "--delete", "n7")
    assert code == 1 and "n7 isn't one of Ada Lovelace's exposures" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["party", "x"], "'party' isn't a kind of exposure: try leadership, customer, presented"),
        (["lunch"], 'say what happened after the kind: tui1on1 exposure ada lunch "TEXT"'),
        (["lunch", "with Dana", "--on", "2026-12-10"], "2026-12-10 hasn't come yet"),
        (["lunch", "with Dana", "--on", "friday"], "'friday' isn't a day this reads"),
        (["lunch", "  "], "an exposure needs a few words"),
        (["--on", "3d"], "--on goes with an exposure"),
    ],
)
def test_a_bad_exposure_is_refused_with_one_calm_line(cli, url, args, said):
    code, out, err = cli("--db", url, "exposure", "ada", *args)
    assert (code, out) == (2, "")
    assert err.startswith("tui1on1: ") and said in err and err.count("\n") == 1


def test_an_empty_log_and_an_empty_team_say_what_to_do(cli, url, tmp_path):
    assert cli("--db", url, "exposure", "cy")[1] == (
        'No exposure logged for Cy Young yet: tui1on1 exposure cy KIND "what happened" '
        "(leadership, customer, presented, intro, stretch, lunch or other), or "
        '"* customer …" in a 1:1.\n'
    )
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert cli("--db", empty, "team")[1].startswith("No reports yet: the team view is for")


def test_a_private_one_is_marked_and_a_kind_word_alone_is_other(cli, url, tmp_path):
    store = Store.open(url)
    cy = store.find_person("Cy Young")
    assert cy is not None
    meeting, _ = store.start_meeting(cy.id, playbook="weekly", planned_minutes=30, now=NOW)
    for uid, text, private in (("p", "lunch with the VP, set up quietly", True),
                               ("t", "talk", False)):  # fmt: skip
        store.add_note(NewNote(uid=uid, meeting_id=meeting.id, kind=NoteKind.EXPOSURE, text=text,
                               created_at=NOW, private=private))  # fmt: skip
    store.end_meeting(meeting.id, NOW + WEEK / 7 / 48)
    store.close()
    listed = cli("--db", url, "exposure", "cy")[1].splitlines()
    assert [line.split(None, 1)[1] for line in listed[1:]] == [
        "Wed  9 Dec  other: talk",
        "Wed  9 Dec  ◘ lunch: with the VP, set up quietly",
    ]
    doc = json.loads(cli("--db", url, "exposure", "cy", "--json")[1])
    assert [e["private"] for e in doc["exposures"]] == [False, True]


def test_a_promise_named_in_the_team_lines_is_printed_safely(cli, url):
    """The longest-overdue promise is my own words: control sequences in it
    (an imported note, say) never reach the terminal."""
    store = Store.open(url)
    try:
        cy = store.find_person("Cy Young")
        _meet(store, cy, NOW - 9 * WEEK, [
            (NoteKind.ACTION, "fix \x1b[2Jthe laptop", {"action_owner": Owner.ME,
                                                      "action_due": date(2026, 10, 1)}),
        ])  # fmt: skip
    finally:
        store.close()
    code, out, _err = cli("--db", url, "team")
    assert code == 0 and "\x1b" not in out
    assert "the longest: fix" in out and "the laptop (Cy Young, due Thu 1 Oct)" in out
