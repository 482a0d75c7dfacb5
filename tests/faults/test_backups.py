"""Automatic backups: once a day after a 1:1, private, integrity-checked, the
newest 14 kept (and nobody else's files touched); `db backups` lists them."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.cli import main
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage import backups
from tui1on1.storage.backups import KEEP, auto_backup, list_backups
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    store = Store.open(f"sqlite:///{data_dir / 'tui1on1.db'}")
    store.add_person("Ada Lovelace")
    yield store
    store.close()


def people_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in conn.execute("SELECT name FROM person")]
    finally:
        conn.close()


def test_one_backup_a_day_private_and_sound(store, data_dir):
    first = auto_backup(store, data_dir, T0)
    assert first == data_dir / "backups" / "tui1on1-20261120-090000.db"
    assert (first.stat().st_mode & 0o777) == 0o600
    assert (first.parent.stat().st_mode & 0o777) == 0o700
    assert people_in(first) == ["Ada Lovelace"]
    assert auto_backup(store, data_dir, T0 + timedelta(hours=8)) is None  # same day
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no .partial left
    second = auto_backup(store, data_dir, T0 + timedelta(days=1))
    assert second is not None and second.name == "tui1on1-20261121-090000.db"


def test_the_day_is_the_local_one(store, data_dir, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    # 02:00 UTC on the 21st is still the 20th in New York
    assert auto_backup(store, data_dir, T0 - timedelta(hours=2)) is not None
    assert auto_backup(store, data_dir, T0 + timedelta(hours=16)) is None
    made = auto_backup(store, data_dir, T0 + timedelta(hours=16, minutes=1))
    assert made is None
    assert auto_backup(store, data_dir, datetime(2026, 11, 21, 5, 1, tzinfo=UTC)) is not None


def test_the_newest_14_are_kept_and_other_files_are_left_alone(store, data_dir):
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    mine = [folder / "tui1on1-backup-20200101-000000-000000.db", folder / "keep-me.db"]
    for path in mine:
        path.write_bytes(b"not ours")
    made = [auto_backup(store, data_dir, T0 + timedelta(days=day)) for day in range(16)]
    assert all(path is not None for path in made)
    kept = sorted(p.name for p in folder.glob("tui1on1-2*.db"))
    assert kept == sorted(p.name for p in made[-KEEP:])
    assert all(path.read_bytes() == b"not ours" for path in mine)


def test_a_failed_backup_leaves_nothing(store, data_dir, monkeypatch):
    from tui1on1.storage import maintenance

    def broken(engine, tmp):
        tmp.write_bytes(b"half")
        raise maintenance.BackupError("the backup failed its integrity check; nothing was kept")

    monkeypatch.setattr(maintenance, "_sqlite_backup", broken)
    with pytest.raises(maintenance.BackupError):
        auto_backup(store, data_dir, T0)
    assert list((data_dir / "backups").iterdir()) == []
    monkeypatch.undo()
    assert auto_backup(store, data_dir, T0) is not None  # not counted as today's


def test_postgres_without_pg_dump_is_skipped_quietly(data_dir, monkeypatch):
    class PgStore:
        dialect = "postgresql"

        def backup(self, destination):  # pragma: no cover - must not be called
            raise AssertionError("no pg_dump: no backup")

    monkeypatch.setattr(backups.shutil, "which", lambda _name: None)
    assert auto_backup(PgStore(), data_dir, T0) is None
    assert not (data_dir / "backups").exists()


@pytest.mark.postgres
def test_postgres_backups_are_pgdumps(data_dir, monkeypatch):
    import shutil

    url = os.environ.get("TUI1ON1_TEST_PG_URL")
    if not url or shutil.which("pg_dump") is None:
        pytest.skip("needs TUI1ON1_TEST_PG_URL and pg_dump")
    store = Store.open(url)
    try:
        made = [auto_backup(store, data_dir, T0 + timedelta(days=day)) for day in range(2)]
    except Exception as exc:  # a pg_dump that doesn't match the server
        pytest.skip(f"pg_dump can't back up this server: {exc}")
    finally:
        store.close()
    assert [p.suffix for p in made] == [".pgdump", ".pgdump"]
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in made)


def test_db_backups_lists_newest_first(store, data_dir, capsys):
    url = f"sqlite:///{data_dir / 'tui1on1.db'}"
    settings = load_settings(db_arg=url)
    for day in (0, 2, 1):
        auto_backup(store, settings.data_dir, T0 + timedelta(days=day))
    assert main(["--db", url, "db", "backups"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["FILE", "SIZE", "DATE", "ENCRYPTED"]
    names = [Path(line.split()[0]).name for line in lines[1:]]
    assert names == [
        "tui1on1-20261122-090000.db",
        "tui1on1-20261121-090000.db",
        "tui1on1-20261120-090000.db",
    ]
    assert "2026-11-22 09:00" in lines[1] and "KB" in lines[1]
    assert [b.path.name for b in list_backups(settings.data_dir)] == names


def test_db_backups_with_none_yet(capsys, tmp_path):
    assert main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "db", "backups"]) == 0
    out = capsys.readouterr().out
    assert "no backups yet" in out and "tui1on1 db backup" in out
    assert not (tmp_path / "x.db").exists()


async def test_ending_a_meeting_makes_the_days_backup(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent.parent / "ui"))
    try:
        from pilot_helpers import meeting_ready, settle, wait_for
    finally:
        sys.path.pop(0)
    from tui1on1.ui.dialogs.summary import SummaryScreen

    url = f"sqlite:///{tmp_path / 'data' / 'app.db'}"
    settings = load_settings(db_arg=url)
    clock = FakeClock(T0)
    app = OneOnOneApp(
        settings, meet=MeetRequest("Ada Lovelace", new=True), store=Store.open(url), clock=clock
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await meeting_ready(pilot)
        clock.advance(31 * 60)
        await pilot.press("ctrl+o", "enter")  # ending asks first
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot)
    made = list_backups(settings.data_dir)
    assert [b.path.name for b in made] == ["tui1on1-20261120-093100.db"]
    assert (made[0].path.stat().st_mode & 0o777) == 0o600
    assert people_in(made[0].path) == ["Ada Lovelace"]
    conn = sqlite3.connect(made[0].path)
    try:
        assert conn.execute("SELECT status FROM meeting").fetchone()[0] == "ended"
    finally:
        conn.close()


async def test_a_failing_backup_never_disturbs_the_meeting(tmp_path, monkeypatch):
    sys.path.insert(0, str(Path(__file__).parent.parent / "ui"))
    try:
        from pilot_helpers import meeting_ready, settle, wait_for
    finally:
        sys.path.pop(0)
    from tui1on1.storage.errors import DatabaseUnavailable
    from tui1on1.ui.dialogs.summary import SummaryScreen

    def unavailable(*_args):
        raise DatabaseUnavailable("the disk is full, so nothing can be saved right now")

    monkeypatch.setattr(backups, "auto_backup", unavailable)
    url = f"sqlite:///{tmp_path / 'data' / 'app.db'}"
    clock = FakeClock(T0)
    app = OneOnOneApp(
        load_settings(db_arg=url), meet=MeetRequest("Ada Lovelace", new=True),
        store=Store.open(url), clock=clock,
    )  # fmt: skip
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await meeting_ready(pilot)
        original = app.notify
        app.notify = lambda message, **kw: (notes.append(message), original(message, **kw))
        await pilot.press("ctrl+o", "enter")  # ending asks first
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot)
        await wait_for(pilot, lambda: any("Backup skipped" in n for n in notes))
        assert app.services.writer.problem is None  # not retried forever
        await pilot.press("enter")
    assert any("disk is full" in n for n in notes)
