"""`tui1on1 topic NAME ["TEXT"] [--mine] [--json]`: a talking point kept for
the next 1:1, one calm line; without TEXT, what waits, in the order the
meeting raises it; bad arguments exit 2."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.cli import topic_command
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    clock = iter(T0 + timedelta(days=i) for i in range(100))
    monkeypatch.setattr(topic_command, "now", lambda: next(clock))
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def url(tmp_path) -> str:
    """Priya, with a parked topic and an open question from last week's 1:1;
    Pritam (so `pri` is ambiguous)."""
    url = f"sqlite:///{tmp_path / 'topics.db'}"
    store = Store.open(url)
    priya = store.add_person("Priya Raman", now=T0 - timedelta(days=30))
    store.add_person("Pritam Das", now=T0 - timedelta(days=30))
    start = T0 - timedelta(days=7)
    meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=start)
    for uid, kind, text in (
        ("q", NoteKind.QUESTION, "which team after the reorg?"),
        ("p", NoteKind.PARKED, "promotion timeline"),
    ):
        store.add_note(NewNote(uid=uid, meeting_id=meeting.id, kind=kind, text=text,
                               created_at=start + timedelta(minutes=5)))  # fmt: skip
    store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.close()
    return url


def test_a_point_is_kept_with_one_calm_line_and_listed_in_the_meetings_order(cli, url):
    theirs = cli("--db", url, "topic", "priya", "they want to talk about on-call")
    assert theirs == (0, "Priya Raman's topic will wait at your next 1:1: "
                         "they want to talk about on-call\n", "")  # fmt: skip
    mine = cli("--db", url, "topic", "raman", "ask about\nthe conference ", "--mine")
    assert mine == (0, "Your topic will wait at your next 1:1 with Priya Raman: "
                       "ask about the conference\n", "")  # fmt: skip
    cli("--db", url, "topic", "PRIYA R", "the team offsite")
    listed = cli("--db", url, "topic", "priya")
    assert listed.returncode == 0 and listed.stderr == ""
    assert listed.stdout == (
        "Waiting for your next 1:1 with Priya Raman:\n"
        "  their topic    they want to talk about on-call  (1 Dec)\n"
        "  their topic    the team offsite  (3 Dec)\n"
        "  my topic       ask about the conference  (2 Dec)\n"
        "  parked         promotion timeline  (24 Nov)\n"
        "  open question  which team after the reorg?  (24 Nov)\n"
    )


def test_json_lists_what_waits_and_says_what_was_added(cli, url):
    added = cli("--db", url, "topic", "priya", "ask about the conference", "--mine", "--json")
    assert added.returncode == 0
    assert json.loads(added.stdout) == {
        "person": "Priya Raman",
        "added": {"kind": "mine", "text": "ask about the conference",
                  "added_at": "2026-12-01T15:00:00+00:00"},
    }  # fmt: skip
    listed = cli("--db", url, "topic", "priya", "--json")
    assert json.loads(listed.stdout) == {
        "person": "Priya Raman",
        "waiting": [
            {"kind": "mine", "text": "ask about the conference",
             "added_at": "2026-12-01T15:00:00+00:00"},
            {"kind": "parked", "text": "promotion timeline",
             "added_at": "2026-11-24T15:05:00+00:00"},
            {"kind": "question", "text": "which team after the reorg?",
             "added_at": "2026-11-24T15:05:00+00:00"},
        ],
    }  # fmt: skip


def test_nothing_waiting_is_said_and_is_no_error(cli, url):
    assert cli("--db", url, "topic", "pritam") == (
        0, "Nothing waits for your next 1:1 with Pritam Das.\n", "")  # fmt: skip
    assert json.loads(cli("--db", url, "topic", "pritam", "--json").stdout) == {
        "person": "Pritam Das", "waiting": []}  # fmt: skip


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["topic", "pri", "x"],
            "'pri' could be several people: Pritam Das, Priya Raman; give more",
        ),
        (["topic", "nobody", "x"], "there is no one called nobody"),
        (["topic", "priya", "   "], "a talking point needs some text"),
        (["topic", "priya", "x" * 501], "a talking point can be at most 500 characters"),
        (["topic", "priya", "--mine"], "--mine goes with a talking point"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_keep_nothing(cli, url, argv, message):
    result = cli("--db", url, *argv)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"tui1on1: {message}")
    assert len(result.stderr.splitlines()) == 1
    store = Store.open(url)
    try:
        assert all(store.talking_points(p.id) == [] for p in store.list_people())
    finally:
        store.close()


def test_no_name_is_a_usage_error(cli, url):
    result = cli("--db", url, "topic")
    assert result.returncode == 2 and "NAME" in result.stderr


def test_mine_may_come_before_the_text(cli, url):
    """Typed the way it is said: `topic priya --mine "ask about the talk"`."""
    cli("--db", url, "people", "add", "Priya Raman")
    done = cli("--db", url, "topic", "priya", "--mine", "ask about the conference talk")
    assert (done.returncode, done.stderr) == (0, "")
    listed = cli("--db", url, "topic", "priya")
    assert "  my topic       ask about the conference talk  (1 Dec)" in listed.stdout
    # Only the topic command's flags move: `meet` keeps --minutes with its value.
    meet = cli("--db", url, "meet", "topic", "--minutes", "45")
    assert meet.returncode == 2 and "there is no one called topic" in meet.stderr
