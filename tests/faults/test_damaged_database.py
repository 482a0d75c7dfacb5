"""A damaged database file (bad header, damaged page) or a migration that
breaks: every way in refuses with one calm line naming the file and the way
back (`db restore BACKUP`, `db backups`), and the file's bytes stay the same."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from pilot_wait import wait_for
from tui1on1.cli import main
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import OneOnOneApp
from tui1on1.ui.dialogs.problem import ProblemScreen

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory):
    """A sound database with a few hundred notes, closed (no -wal left);
    made once (400 commits take seconds), each test damages its own copy."""
    path = tmp_path_factory.mktemp("sound") / "tui1on1.db"
    store = Store.open(f"sqlite:///{path}")
    ada = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    for i in range(400):
        store.add_note(
            NewNote(
                uid=f"n{i}",
                meeting_id=meeting.id,
                kind=NoteKind.NOTE,
                text=f"note number {i} about the platform team " * 3,
                created_at=T0 + timedelta(seconds=i),
            )
        )
    store.close()
    assert not (path.parent / "tui1on1.db-wal").exists()
    return path


@pytest.fixture
def db_file(tmp_path, sound_db):
    """This test's copy of the sound database, private as the app makes it."""
    path = tmp_path / "data" / "tui1on1.db"
    path.parent.mkdir(mode=0o700)
    shutil.copy2(sound_db, path)
    return path


def damage_header(path) -> None:
    data = bytearray(path.read_bytes())
    data[0:16] = b"not a database!!"
    path.write_bytes(bytes(data))


def damage_page(path) -> None:
    """Overwrite the middle of a page from the middle of the file on: the
    first one whose damage SQLite's integrity check sees (a page may be
    free, or have its middle unused, as the schema changes)."""
    sound = path.read_bytes()
    page_size = int.from_bytes(sound[16:18], "big")
    pages = len(sound) // page_size
    assert pages > 10
    for page in range(pages // 2, pages):
        data = bytearray(sound)
        offset = page * page_size + page_size // 4
        data[offset : offset + 400] = b"\xff" * 400
        path.write_bytes(bytes(data))
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                return
        finally:
            conn.close()
    raise AssertionError("no page's damage was seen by the integrity check")


DAMAGES = {"header": damage_header, "page": damage_page}


def assert_calm_line(text: str, path) -> None:
    line = text.strip()
    assert "\n" not in line and "Traceback" not in line
    assert str(path) in line and "damaged" in line
    assert "`tui1on1 db restore BACKUP`" in line and "`tui1on1 db backups`" in line


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("command", [["people"], ["search", "platform"], ["db", "upgrade"]])
def test_commands_refuse_a_damaged_file_and_change_nothing(db_file, capsys, damage, command):
    DAMAGES[damage](db_file)
    before, files = digest(db_file), siblings(db_file)
    assert main(["--db", f"sqlite:///{db_file}", *command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_calm_line(captured.err.removeprefix("tui1on1: "), db_file)
    assert digest(db_file) == before
    assert siblings(db_file) == files  # no -wal, -shm or -journal made


@pytest.mark.parametrize("damage", DAMAGES)
def test_db_check_reports_the_damage_and_changes_nothing(db_file, capsys, damage):
    DAMAGES[damage](db_file)
    before, files = digest(db_file), siblings(db_file)
    assert main(["--db", f"sqlite:///{db_file}", "db", "check"]) == 1
    out = capsys.readouterr().out
    assert f"problem: the database file {db_file} is damaged" in out
    if damage == "page":
        assert "problem: integrity:" in out
    assert "tui1on1 db restore BACKUP" in out and "tui1on1 db backups" in out
    assert digest(db_file) == before
    assert siblings(db_file) == files


def test_a_sound_file_still_opens_and_checks(db_file, capsys):
    assert main(["--db", f"sqlite:///{db_file}", "db", "check"]) == 0
    assert main(["--db", f"sqlite:///{db_file}", "people"]) == 0
    assert "Ada Lovelace" in capsys.readouterr().out


def test_a_damaged_file_can_be_restored_from_a_backup(db_file, tmp_path, capsys):
    backup = tmp_path / "good.db"
    assert main(["--db", f"sqlite:///{db_file}", "db", "backup", str(backup)]) == 0
    damage_page(db_file)
    assert main(["--db", f"sqlite:///{db_file}", "people"]) == 1
    assert main(["--db", f"sqlite:///{db_file}", "db", "restore", str(backup)]) == 0
    assert main(["--db", f"sqlite:///{db_file}", "db", "check"]) == 0


async def problem_screen(pilot) -> ProblemScreen:
    """The "Can't open the database" screen, once it shows."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ProblemScreen))
    assert pilot.app.services is None
    return pilot.app.screen


async def problem_text(db_file) -> str:
    app = OneOnOneApp(load_settings(db_arg=f"sqlite:///{db_file}"), clock=FakeClock(T0))
    async with app.run_test(size=(120, 30)) as pilot:
        return (await problem_screen(pilot)).message


@pytest.mark.parametrize("damage", DAMAGES)
async def test_the_app_shows_the_problem_screen_and_changes_nothing(db_file, damage):
    DAMAGES[damage](db_file)
    before, files = digest(db_file), siblings(db_file)
    assert_calm_line(await problem_text(db_file), db_file)
    assert digest(db_file) == before
    assert siblings(db_file) - files <= {"logs"}  # nothing beside the database


@pytest.fixture
def failing_migration(db_file, monkeypatch):
    """The database is one revision behind, and the upgrade to head breaks midway."""
    from alembic import command

    from tui1on1.storage import migrate

    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()

    def explode(config, revision):
        config.attributes["connection"].exec_driver_sql("CREATE TABLE half_applied (id INTEGER)")
        raise RuntimeError("migration failed midway")

    monkeypatch.setattr(command, "upgrade", explode)
    assert migrate.HEAD_REVISION != "0001"
    return db_file


def revision_and_tables(path) -> tuple[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    finally:
        conn.close()
    return revision, names


def assert_migration_line(text: str) -> None:
    line = text.strip()
    assert "\n" not in line and "Traceback" not in line and "midway" not in line
    assert "upgrading the database schema" in line and "rolled back" in line
    assert "revision 0001" in line


def test_a_failing_migration_is_refused_with_one_line(failing_migration, capsys):
    assert main(["--db", f"sqlite:///{failing_migration}", "people"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_migration_line(captured.err.removeprefix("tui1on1: "))
    revision, names = revision_and_tables(failing_migration)
    assert revision == "0001" and "half_applied" not in names


async def test_a_failing_migration_shows_the_problem_screen(failing_migration):
    assert_migration_line(await problem_text(failing_migration))
    revision, names = revision_and_tables(failing_migration)
    assert revision == "0001" and "half_applied" not in names


def test_a_damaged_page_met_while_writing_is_a_calm_unavailable_not_a_crash(tmp_path):
    """SQLite reports a damaged page as a plain DatabaseError; the writer must
    treat it like any outage (journal, retry) and the words must be calm."""
    import sqlite3 as sqlite3_module

    from sqlalchemy.exc import DatabaseError, IntegrityError

    from tui1on1.storage.errors import DatabaseUnavailable
    from tui1on1.storage.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'x.db'}")
    damaged = DatabaseError(
        "INSERT ...", None, sqlite3_module.DatabaseError("database disk image is malformed")
    )
    with pytest.raises(DatabaseUnavailable, match="damaged") as caught, store._write():
        raise damaged
    assert "db restore" in str(caught.value)
    with pytest.raises(IntegrityError), store._write():  # a refusal, not an outage
        raise IntegrityError("INSERT ...", None, sqlite3_module.IntegrityError("UNIQUE"))
    store.close()


async def test_leaving_the_problem_screen_exits_1_with_the_sentence(db_file):
    """q on "Can't open the database": status 1 and the same calm sentence for
    the CLI to print (a database that can't be used exits 1), no crash line."""
    damage_page(db_file)
    app = OneOnOneApp(load_settings(db_arg=f"sqlite:///{db_file}"), clock=FakeClock(T0))
    async with app.run_test(size=(120, 30)) as pilot:
        await problem_screen(pilot)
        await pilot.press("escape")  # no home to go to: the database can't be opened
        await pilot.pause(0.1)
        assert isinstance(app.screen, ProblemScreen)
        await pilot.press("q")
    assert app.return_code == 1
    assert app.crash is None
    assert_calm_line(app.open_error, db_file)
