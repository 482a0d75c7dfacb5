"""`tui1on1 export --all` and `tui1on1 import FILE`, through the real entry point."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import main
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'from.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", role="Engineer", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    for i, (kind, text) in enumerate(
        [
            (NoteKind.NOTE, "wants to lead a team"),
            (NoteKind.QUOTE, "I light up \x1b[31m\u202e"),
            (NoteKind.ACTION, "intro to Sam"),
        ]
    ):
        store.add_note(
            NewNote(uid=f"u{i}", meeting_id=meeting.id, kind=kind, text=text,
                    created_at=T0 + timedelta(minutes=i + 1), action_owner=Owner.ME,
                    action_due=date(2026, 11, 27))
        )  # fmt: skip
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30), summary="ok")
    store.close()
    return url


def test_export_all_to_a_private_file_then_import(db, tmp_path, capsys):
    target = tmp_path / "all.json"
    assert main(["--db", db, "export", "--all", "-o", str(target)]) == 0
    assert (target.stat().st_mode & 0o777) == 0o600
    raw = target.read_text(encoding="utf-8")
    assert raw.isascii() and "\\u001b[31m\\u202e" in raw  # escaped, never raw
    assert raw.startswith('{\n "format": "tui1on1-export",\n "version": 6,')  # indent=1
    doc = json.loads(raw)
    assert [p["name"] for p in doc["people"]] == ["Ada Lovelace"]
    assert capsys.readouterr().err == f"wrote {target}\n"

    other = f"sqlite:///{tmp_path / 'to.db'}"
    assert main(["--db", other, "import", str(target)]) == 0
    assert capsys.readouterr().out == ("added 1 person, 1 meeting, 3 notes\nwith 1 action item\n")
    assert main(["--db", other, "import", str(target)]) == 0
    assert capsys.readouterr().out == (
        "nothing new: 1 person, 1 meeting and 3 notes already there (skipped)\n"
    )
    again = tmp_path / "again.json"
    assert main(["--db", other, "export", "--all", "-o", str(again)]) == 0
    first, second = json.loads(raw), json.loads(again.read_text())
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second


def test_export_all_failing_half_way_leaves_no_file(db, tmp_path, monkeypatch, capsys):
    """The database going away once the file is begun (the header is written,
    then reading the first person fails): exit 1, one calm line, and neither
    the file nor its temp file is left."""
    from tui1on1.storage.errors import DatabaseUnavailable
    from tui1on1.storage.transfer import export as export_module

    def failing(session, person, names, meeting_id, **how):
        raise DatabaseUnavailable("can't reach the database")

    monkeypatch.setattr(export_module, "_person_entry", failing)
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["--db", db, "export", "--all", "-o", str(folder / "all.json")]) == 1
    assert capsys.readouterr().err == "tui1on1: can't reach the database\n"
    assert list(folder.iterdir()) == []


def test_export_all_to_stdout(db, capsys):
    assert main(["--db", db, "export", "--all"]) == 0
    out = capsys.readouterr().out
    assert out.isascii() and json.loads(out)["format"] == "tui1on1-export"
    assert main(["--db", db, "export", "--all", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 6


def test_export_all_as_markdown_is_a_usage_error(db, capsys):
    assert main(["--db", db, "export", "--all", "--format", "md"]) == 2
    assert capsys.readouterr().err == "tui1on1: --all writes JSON\n"


def test_export_all_with_a_person_is_a_usage_error(db, capsys):
    assert main(["--db", db, "export", "--all", "--person", "ada"]) == 2


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tui1on1: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    "content, says",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "isn't a tui1on1 export (it isn't UTF-8 text)"),
        (b"hello, world", "isn't a tui1on1 export (not JSON: Expecting value at line 1)"),
        (b'{"format": "tui1on1-export"', "stops in the middle (at line 1)"),
        (b"", "is empty; nothing was imported"),
        (b'{"format":\n "tui1on1-export", "peo', "a copy or a download cut short?"),
        (b'{"format": x}\n\n', "(not JSON: Expecting value at line 1); nothing was imported"),
        (b"[1, 2, 3]", 'isn\'t a tui1on1 export (no "format": "tui1on1-export")'),
        (b'{"people": []}', 'isn\'t a tui1on1 export (no "format": "tui1on1-export")'),
        (b"[" * 100_000, "isn't a tui1on1 export"),
        (
            b'{"format": "tui1on1-export", "version": 9, "exported_at": "x", "people": []}',
            "can't import",
        ),
    ],
)
def test_importing_garbage_fails_in_one_line_and_touches_nothing(tmp_path, capsys, content, says):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    database = tmp_path / "never.db"
    assert main(["--db", f"sqlite:///{database}", "import", str(bad)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert says in line
    if says != "can't import":
        assert not database.exists()  # the file is read before the database is opened


def test_import_of_a_file_that_is_not_there(tmp_path, capsys):
    missing = tmp_path / "nope.json"
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "import", str(missing)]) == 1
    assert _one_line(capsys.readouterr().err) == f"tui1on1: there is no file at {missing}"
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "import", str(tmp_path)]) == 1
    assert "is a folder" in _one_line(capsys.readouterr().err)


def test_import_names_the_broken_place_and_writes_nothing(db, tmp_path, capsys):
    target = tmp_path / "all.json"
    assert main(["--db", db, "export", "--all", "-o", str(target)]) == 0
    doc = json.loads(target.read_text())
    doc["people"].append(dict(doc["people"][0], name="Grace Hopper"))
    doc["people"][0]["meetings"][0]["notes"][1]["kind"] = "gossip\x1b[2J"
    target.write_text(json.dumps(doc))
    other = tmp_path / "to.db"
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{other}", "import", str(target)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line == (
        f"tui1on1: can't import {target}: people[0].meetings[0].notes[1].kind: "
        "unknown kind 'gossip\\x1b[2J' (expected one of: note, action, quote, question, "
        "decision, win, concern, parked, exposure); nothing was imported"
    )
    assert main(["--db", f"sqlite:///{other}", "people", "--all"]) == 0
    assert "no people yet" in capsys.readouterr().out


def test_import_into_postgresql(db, tmp_path, pg_url, capsys):
    target = tmp_path / "all.json"
    assert main(["--db", db, "export", "--all", "-o", str(target)]) == 0
    assert main(["--db", pg_url, "import", str(target)]) == 0
    assert capsys.readouterr().out.startswith("added 1 person, 1 meeting, 3 notes")
    assert main(["--db", pg_url, "recap", "ada"]) == 0
    assert "I light up \\x1b[31m\\u202e" in capsys.readouterr().out
