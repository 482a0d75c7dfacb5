"""`tui1on1 search`: plain lines, JSON, filters, and calm refusals."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.cli import main
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # 09:00 UTC is the 20th nearly everywhere


def _fill(url: str) -> dict[str, int]:
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", now=T0)
    store.add_person("Ada Byron", now=T0)
    bob = store.add_person("Bob Stone", now=T0)
    made = {}
    for person, day in ((bob, 2), (ada, 0)):  # in time order, as notes are taken
        start = T0 - timedelta(days=day)
        meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30,
                                         now=start)  # fmt: skip

        def note(key, kind, text, tags=(), minute=5, meeting=meeting, start=start):
            saved, _ = store.add_note(
                NewNote(uid=key, meeting_id=meeting.id, kind=kind, text=text, tags=tags,
                        created_at=start + timedelta(minutes=minute))
            )  # fmt: skip
            made[key] = saved.id

        if person is ada:
            note("quote", NoteKind.QUOTE, "I light up when I unblock others", ("energy",))
            note("action", NoteKind.ACTION, "unblock the deploy\nthen \x1b[31mcelebrate", minute=6)
            note("deleted", NoteKind.NOTE, "unblock secret")
            store.delete_note(made["deleted"], start + timedelta(minutes=7))
        else:
            note("bob", NoteKind.WIN, "unblocked the whole team", ("energy", "team"))
        store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.close()
    return made


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """The database _fill makes, made once per module; each test gets a copy."""
    path = tmp_path_factory.mktemp("filled") / "x.db"
    return path, _fill(f"sqlite:///{path}")


@pytest.fixture
def db(tmp_path, filled):
    template, made = filled
    shutil.copy2(template, tmp_path / "x.db")
    return f"sqlite:///{tmp_path / 'x.db'}", dict(made)


def run(url: str, query: str, *args: str) -> list[str]:
    return ["--db", url, "search", *args, "--", query]


def test_plain_output_newest_first(db, capsys):
    url, _ = db
    assert main(run(url, "unblock")) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "2026-11-20  Ada Lovelace  action    unblock the deploy ⏎ then \\x1b[31mcelebrate",
        "2026-11-20  Ada Lovelace  quote     I light up when I unblock others",
        "2026-11-18  Bob Stone     win       unblocked the whole team",
    ]
    assert "\x1b" not in out  # no bold off a terminal, escapes in notes shown escaped
    assert err == ""


def test_both_backends(db_url, capsys):
    made = _fill(db_url)
    assert main(run(db_url, "unbl", "--json")) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["note_id"] for h in hits] == [made["action"], made["quote"], made["bob"]]


def test_json_shape(db, capsys):
    url, made = db
    assert main(run(url, "light", "--json")) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit == {
        "person": "Ada Lovelace",
        "meeting_id": hit["meeting_id"],
        "meeting_started_at": "2026-11-20T09:00:00+00:00",
        "note_id": made["quote"],
        "kind": "quote",
        "text": "I light up when I unblock others",
        "tags": ["energy"],
        "created_at": "2026-11-20T09:05:00+00:00",
    }
    assert isinstance(hit["meeting_id"], int)


def test_json_with_no_hits_is_an_empty_list(db, capsys):
    url, _ = db
    assert main(run(url, "nothing-like-it", "--json")) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err == ""


def test_no_hits_says_so_on_stderr_and_exits_0(db, capsys):
    url, _ = db
    assert main(run(url, "zebra")) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "no notes match 'zebra'"


def test_deleted_notes_are_not_found(db, capsys):
    url, _ = db
    assert main(run(url, "secret")) == 0
    assert "no notes match" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        (["--person", "lovelace"], ["action", "quote"]),
        (["--person", "Bob"], ["bob"]),
        (["--kind", "quote"], ["quote"]),
        (["--kind", "WIN"], ["bob"]),
        (["--tag", "#energy"], ["quote", "bob"]),
        (["--tag", "team"], ["bob"]),
        (["--since", "2026-11-19"], ["action", "quote"]),
        (["--until", "2026-11-19"], ["bob"]),
        (["--since", "2026-11-18", "--until", "2026-11-18"], ["bob"]),
        (["--limit", "1"], ["action"]),
        (["--person", "ada l", "--kind", "action", "--tag", "energy"], []),
    ],
)
def test_filters(db, capsys, args, keys):
    url, made = db
    assert main(run(url, "unblock", "--json", *args)) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["note_id"] for h in hits] == [made[k] for k in keys]


def test_more_hits_than_the_limit_are_mentioned(db, capsys):
    url, _ = db
    assert main(run(url, "unblock", "--limit", "2")) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert "the newest 2 shown" in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--kind", "todo"], "--kind must be one of: note, action, quote, question, decision,"),
        (["--since", "yesterday"], "--since wants a date like 2026-11-20, not 'yesterday'"),
        (["--until", "2026-13-01"], "--until wants a date like"),
        (["--since", "2026-11-21", "--until", "2026-11-20"], "--since is after --until"),
        (["--limit", "0"], "--limit must be 1 to 1000"),
        (["--kind", "\x1b[2J"], "not '\\x1b[2J'"),
    ],
)
def test_bad_options_exit_2_in_one_line(db, capsys, args, says):
    url, _ = db
    assert main(run(url, "unblock", *args)) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert "\x1b" not in err


@pytest.mark.parametrize("query", ["", "   ", "(*", '"', "🎉"])
def test_neither_words_nor_a_filter_exits_2(db, capsys, query):
    url, _ = db
    assert main(run(url, query)) == 2
    err = capsys.readouterr().err
    assert err.endswith(
        "give words to search for, or a filter (--person, --kind, --tag, --since, --until)\n"
    )
    assert ("has no words to search for" in err) == bool(query.strip())
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("query", ["NEAR(", "a AND", "col:x", "text:x", "*x", "-x", '"unclosed',
                                   "O'Brien", "x" * 10_000])  # fmt: skip
def test_hostile_queries_are_calm(db, capsys, query):
    url, _ = db
    assert main(run(url, query)) == 0
    _out, err = capsys.readouterr()
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("ada", "'ada' could be several people: Ada Byron, Ada Lovelace; give more of the name"),
        ("nobody", "there is no one called nobody"),
    ],
)
def test_unknown_or_ambiguous_person_exits_2(db, capsys, name, says):
    url, _ = db
    assert main(run(url, "unblock", "--person", name)) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1


def test_bold_matches_on_a_terminal(db, capsys, monkeypatch):
    url, _ = db
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(run(url, "light")) == 0
    out = capsys.readouterr().out
    assert "I \x1b[1mlight\x1b[22m up when I unblock others" in out


def test_no_color_turns_bold_off(db, capsys, monkeypatch):
    url, _ = db
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(run(url, "light")) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_long_notes_are_cut_around_the_match(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'long.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    text = "filler " * 100 + "the promotion case " + "more " * 100
    store.add_note(NewNote(uid="long", meeting_id=meeting.id, kind=NoteKind.NOTE, text=text,
                           created_at=T0))  # fmt: skip
    store.close()
    assert main(run(url, "promotion")) == 0
    line = capsys.readouterr().out.strip()
    assert "…filler filler" in line and "the promotion case more" in line and line.endswith("…")
    assert len(line) < 220


def test_a_broken_database_url_fails_calmly(tmp_path, capsys):
    missing = tmp_path / "no-such-dir" / "deeper" / "x.db"
    (tmp_path / "no-such-dir").write_text("a file, not a folder")
    assert main(["--db", f"sqlite:///{missing}", "search", "x"]) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("tui1on1: ") and "Traceback" not in err
