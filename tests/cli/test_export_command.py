"""`tui1on1 export`: a meeting as Markdown or JSON, to stdout or a 0600 file."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import main
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", role="Engineer")
    store.add_person("Ada Byron")
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    asked = store.record_question(
        meeting.id, slug="aspiration-where-next", text="Where next?", elapsed_seconds=90, at=T0
    )

    def note(uid, kind, text, **kw):
        store.add_note(
            NewNote(uid=uid, meeting_id=meeting.id, kind=kind, text=text,
                    created_at=T0 + timedelta(minutes=2), **kw)
        )  # fmt: skip

    note("a", NoteKind.NOTE, "wants to lead a team", asked_question_id=asked.id)
    note("b", NoteKind.QUOTE, "I light up\nwhen unblocking")
    note("c", NoteKind.ACTION, "intro to Sam", action_owner=Owner.ME, action_due=date(2026, 11, 27))
    note("d", NoteKind.ACTION, "draft the proposal \x1b[31m", action_owner=Owner.THEM)
    store.end_meeting(meeting.id, T0 + timedelta(minutes=31), summary="good")
    store.close()
    return url, meeting.id


def test_markdown_recap_to_stdout(db, capsys):
    url, _ = db
    assert main(["--db", url, "export", "--person", "lovelace"]) == 0
    assert capsys.readouterr().out == (
        "# 1:1 with Ada Lovelace — 2026-11-20 (Fri)\n"
        "\n"
        "We met for 31 minutes.\n"
        "\n"
        "## What we discussed\n"
        "\n"
        "- wants to lead a team\n"
        "- “I light up\n"
        "  when unblocking”\n"
        "\n"
        "## What I'll do\n"
        "\n"
        "- intro to Sam — by 2026-11-27 (Fri)\n"
        "\n"
        "## What you'll do\n"
        "\n"
        "- draft the proposal \\x1b[31m\n"  # escape sequences are shown, never sent
    )  # the question asked is the manager's script: its answer is the note


def test_json_to_a_private_file(db, tmp_path, capsys):
    url, meeting_id = db
    target = tmp_path / "out" / "recap.json"
    target.parent.mkdir()
    os.umask(0o022)
    try:
        code = main(["--db", url, "export", "--meeting", str(meeting_id), "--format", "json",
                     "-o", str(target)])  # fmt: skip
    finally:
        os.umask(0o077)
    assert code == 0
    assert (target.stat().st_mode & 0o777) == 0o600
    data = json.loads(target.read_text())
    assert data["version"] == 2 and data["person"]["name"] == "Ada Lovelace"
    assert data["meeting"]["status"] == "ended" and data["meeting"]["summary"] == "good"
    assert [n["kind"] for n in data["notes"]] == ["note", "quote", "action", "action"]
    assert data["notes"][0]["asked_question_id"] == data["asked_questions"][0]["id"]
    assert {a["owner"]: a["due"] for a in data["actions"]} == {"me": "2026-11-27", "them": None}
    assert data["actions"][1]["text"] == "draft the proposal \x1b[31m"  # JSON escapes it
    assert [n["private"] for n in data["notes"]] == [False] * 4
    assert [a["private"] for a in data["actions"]] == [False, False]
    assert data["earlier_actions"] == []


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["--person", "ada"], "could be several people: Ada Byron, Ada Lovelace;", 2),
        (["--person", "nobody"], "no one called nobody", 2),
        (["--person", "byron"], "no meetings with Ada Byron yet", 1),
        (["--meeting", "999"], "no meeting 999", 1),
    ],
)
def test_export_says_calmly_what_it_cannot_find(db, capsys, args, message, code):
    url, _ = db
    assert main(["--db", url, "export", *args]) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_export_needs_to_know_which_meeting(db, capsys):
    url, _ = db
    assert main(["--db", url, "export"]) == 2
    assert "--person --meeting --all is required" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("seconds", "line"),
    [(20, "We met for under a minute."), (65, "We met for 1 minute."),
     (130, "We met for 2 minutes.")],
)  # fmt: skip
def test_the_recap_says_how_long_in_words(tmp_path, capsys, seconds, line):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    grace = store.add_person("Grace Hopper")
    meeting, _ = store.start_meeting(grace.id, playbook="weekly", planned_minutes=30, now=T0)
    store.end_meeting(meeting.id, T0 + timedelta(seconds=seconds))
    store.close()
    assert main(["--db", url, "recap", "grace"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == line
