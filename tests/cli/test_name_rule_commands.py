"""One name rule for every command that takes a person.

`meet`, `export --person`, `recap NAME`, `actions --person` and `search
--person` each get the same names: the exact name, a start of the first name
or of the surname, another case, no accents, an ambiguous start (exit 2 and
the candidates), a name nobody has (exit 2). `meet` runs for real: the
console entry point starts the app (headless), which resolves the name when
the meeting loads; whoever it finds has their 1:1 started. On a SQLite file a
name that finds no one person exits 2 with one line before anything is drawn;
where only the app can tell (a PostgreSQL server), it gets a calm screen, left
with q: exit 2 and the same line.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cli_run import run
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.app import OneOnOneApp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PEOPLE = ("Priya Raman", "Zoë Müller", "Ada Lovelace", "Alan Kay")
AMBIGUOUS = "'a' could be several people: Ada Lovelace, Alan Kay; give more of the name"


@pytest.fixture(scope="module")
def names_db(tmp_path_factory) -> Path:
    """Four people, each with one ended 1:1 holding a quote and an action of
    theirs; made once per module, each test gets a copy (``url``)."""
    path = tmp_path_factory.mktemp("names") / "names.db"
    store = Store.open(f"sqlite:///{path}")
    for day, name in enumerate(PEOPLE):
        person = store.add_person(name, now=T0)
        start = T0 + timedelta(days=day)
        meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30,
                                         now=start)  # fmt: skip
        for minute, (kind, text) in enumerate(
            [(NoteKind.QUOTE, f"a quote of {name}"), (NoteKind.ACTION, f"{name} sends the doc")]
        ):
            store.add_note(
                NewNote(uid=f"{name}-{minute}", meeting_id=meeting.id, kind=kind, text=text,
                        created_at=start + timedelta(minutes=minute + 1),
                        action_owner=Owner.THEM if kind is NoteKind.ACTION else None,
                        action_due=date(2026, 12, 1) if kind is NoteKind.ACTION else None)
            )  # fmt: skip
        store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.close()
    return path


@pytest.fixture
def url(tmp_path, names_db) -> str:
    shutil.copy2(names_db, tmp_path / "names.db")
    return f"sqlite:///{tmp_path / 'names.db'}"


def state(url: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Everyone on file; every meeting as (whose, status)."""
    store = Store.open(url)
    try:
        people = store.list_people(include_archived=True)
        names = {p.id: p.name for p in people}
        meetings = [
            (names[m.person_id], m.status.value)
            for p in people
            for m in store.meetings_for(p.id, limit=10)
        ]
        return sorted(names.values()), sorted(meetings)
    finally:
        store.close()


@pytest.fixture
def headless(monkeypatch):
    """`tui1on1 meet ...` in-process with the app headless: once the meeting
    has loaded (or the who-is-it screen is up) note what is on screen, then
    leave: ctrl+q → "leave it running", or q on the who-is-it screen."""
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.who import WhoScreen

    seen: dict[str, object] = {}
    real_run = OneOnOneApp.run

    async def auto(pilot) -> None:
        app = pilot.app
        for _ in range(500):
            screen = app.screen
            if isinstance(screen, MeetingScreen) and screen.model is not None:
                seen["meeting with"] = screen.model.person.name
                seen["title"] = screen.title
                await pilot.press("ctrl+q", "l")
                return
            if isinstance(screen, WhoScreen) and screen.query("#who-hint"):
                seen["who screen"] = " ".join(
                    str(w.render()) for w in screen.query("#who-title, #who-hint")
                )
                await pilot.press("q")
                return
            await pilot.pause(0.02)
        raise AssertionError("neither a meeting nor the who-is-it screen came up")

    monkeypatch.setattr(
        OneOnOneApp,
        "run",
        lambda self, **kw: real_run(self, headless=True, size=(100, 30), auto_pilot=auto),
    )
    monkeypatch.setattr("tui1on1.cli.app_command.terminal_problem", lambda: None)  # headless
    return seen


# (what is typed, whom it finds, or the line on stderr with exit 2)
CASES = [
    pytest.param("Priya Raman", "Priya Raman", id="exact"),
    pytest.param("pri", "Priya Raman", id="first-name-start"),
    pytest.param("ram", "Priya Raman", id="surname-start"),
    pytest.param("pRiYa rAMAN", "Priya Raman", id="other-case"),
    pytest.param("zoe mull", "Zoë Müller", id="no-accents"),
    pytest.param("MÜLLER", "Zoë Müller", id="accented-surname"),
    pytest.param("a", None, id="ambiguous"),
    pytest.param("Nobody", None, id="unknown"),
]


def expected_refusal(typed: str, command: str) -> str:
    if typed == "a":
        return AMBIGUOUS
    line = f"there is no one called {typed}"
    if command == "meet":
        line += f'; to add them, run: tui1on1 meet "{typed}" --new'
    return line


def meet(capsys, url, seen, typed):
    code, _out, err = run(capsys, "--db", url, "meet", typed)
    return code, seen.get("meeting with"), err


def _recap_of(out: str) -> str:
    """Whose recap: its heading is `# 1:1 with NAME — Fri 20 Nov 2026, 09:00`."""
    return out.splitlines()[0].removeprefix("# 1:1 with ").split(" — ")[0]


def export(capsys, url, seen, typed):
    code, out, err = run(capsys, "--db", url, "export", "--person", typed)
    return code, _recap_of(out) if code == 0 else None, err


def recap(capsys, url, seen, typed):
    code, out, err = run(capsys, "--db", url, "recap", typed)
    return code, _recap_of(out) if code == 0 else None, err


def actions(capsys, url, seen, typed):
    code, out, err = run(capsys, "--db", url, "actions", "--person", typed)
    if code != 0:
        return code, None, err
    lines = out.splitlines()
    assert lines[0] == "Theirs" and len(lines) == 2, out
    (who,) = [name for name in PEOPLE if f"  {name}   " in lines[1]]
    return code, who, err


def search(capsys, url, seen, typed):
    # Filters alone: every note with that person, no words needed.
    code, out, err = run(capsys, "--db", url, "search", "--person", typed)
    if code != 0:
        return code, None, err
    lines = out.splitlines()
    assert len(lines) == 2, out
    whose = {name for name in PEOPLE for line in lines if f"  {name}  " in line}
    assert len(whose) == 1, out
    return code, whose.pop(), err


COMMANDS = [meet, export, recap, actions, search]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(("typed", "finds"), CASES)
def test_every_command_finds_people_by_the_same_rule(capsys, url, headless, command, typed, finds):
    before = state(url)
    code, found, err = command(capsys, url, headless, typed)
    if finds is not None:
        assert (code, found, err) == (0, finds, ""), err
    else:
        assert code == 2 and found is None
        assert err == f"tui1on1: {expected_refusal(typed, command.__name__)}\n"
    people, meetings = state(url)
    assert people == before[0]  # no command adds anyone without --new
    if command is meet and finds is not None:
        assert meetings == sorted([*before[1], (finds, "live")])
        assert headless["title"] == finds  # the full name, not what was typed
    else:
        assert meetings == before[1]
    if command is meet and finds is None:  # refused before the app drew anything
        assert headless == {}


def test_meet_new_adds_the_person_and_starts_their_first_1on1(capsys, url, headless):
    code, _out, err = run(capsys, "--db", url, "meet", "  Grace   Hopper ", "--new")
    assert (code, err) == (0, "")
    assert headless["meeting with"] == "Grace Hopper"
    people, meetings = state(url)
    assert people == sorted([*PEOPLE, "Grace Hopper"])
    assert ("Grace Hopper", "live") in meetings
    # The next time a start of the name is enough, and she is not added twice.
    headless.clear()
    code, _out, err = run(capsys, "--db", url, "meet", "grace")
    assert (code, err, headless["meeting with"]) == (0, "", "Grace Hopper")
    assert state(url)[0] == people
    assert state(url)[1].count(("Grace Hopper", "live")) == 1


@pytest.mark.parametrize("typed", ["Priya Raman", "priya  raman", "PRIYA RAMAN", "Zoe Muller"])
def test_meet_new_with_a_name_on_file_refuses(capsys, url, headless, typed):
    before = state(url)
    code, _out, err = run(capsys, "--db", url, "meet", typed, "--new")
    name = "Zoë Müller" if typed.startswith("Zoe") else "Priya Raman"
    assert code == 2
    assert err == (
        f"tui1on1: there is already someone called {name}; "
        f'to meet them, run: tui1on1 meet "{name}"\n'
    )
    assert headless == {}  # refused before the app drew anything
    assert state(url) == before


def test_meet_new_with_a_start_of_a_name_on_file_refuses_and_says_why(capsys, url, headless):
    """A new "Priya" next to "Priya Raman" would quietly change whom `priya`
    finds in every command: --new wants a name the rule finds no one by."""
    before = state(url)
    code, _out, err = run(capsys, "--db", url, "meet", "Priya", "--new")
    assert code == 2 and headless == {}
    assert err == (
        "tui1on1: 'Priya' already finds Priya Raman; give the new person's full name; "
        'to meet them, run: tui1on1 meet "Priya Raman"\n'
    )
    assert state(url) == before
    # A full name of someone new is fine.
    code, _out, err = run(capsys, "--db", url, "meet", "Priya Shah", "--new")
    assert (code, err, headless["meeting with"]) == (0, "", "Priya Shah")
    assert state(url)[0] == sorted([*PEOPLE, "Priya Shah"])


TAKEN = (
    'there is already someone called Ada Lovelace; to meet them, run: tui1on1 meet "Ada Lovelace"'
)


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("typed", "new", "line"),
    [
        ("Nobody", False, expected_refusal("Nobody", "meet")),
        ("a", False, AMBIGUOUS),
        ("ada lovelace", True, TAKEN),
    ],
)
def test_on_a_server_the_app_says_it_on_screen_and_exits_with_the_same_line(
    capsys, pg_url, headless, typed, new, line
):
    """Only the app can read a PostgreSQL database: the who-is-it screen says
    what the line says, q leaves with exit 2, and nobody is added."""
    store = Store.open(pg_url)
    for name in ("Ada Lovelace", "Alan Kay"):
        store.add_person(name, now=T0)
    store.close()
    code, _out, err = run(capsys, "--db", pg_url, "meet", typed, *(["--new"] if new else []))
    assert (code, err) == (2, f"tui1on1: {line}\n")
    assert line.split(";")[0].split(":")[0] in headless["who screen"].replace("\n", " ")
    assert "meeting with" not in headless
    assert state(pg_url)[0] == ["Ada Lovelace", "Alan Kay"]
