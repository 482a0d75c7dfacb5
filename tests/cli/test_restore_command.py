"""`tui1on1 db restore BACKUP`: checks the backup, keeps the old file, refuses
while the database is in use; `db check` never creates a missing database."""

from __future__ import annotations

import sqlite3

import pytest

from tui1on1.cli import main
from tui1on1.storage.store import Store


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "data" / "tui1on1.db"
    store = Store.open(f"sqlite:///{path}")
    store.add_person("Ada Lovelace")
    store.close()
    return path


def names(path) -> list[str]:
    return [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM person ORDER BY name")]


def test_restore_puts_the_backup_back_and_keeps_the_old_file(db_file, tmp_path, capsys):
    url = f"sqlite:///{db_file}"
    backup = tmp_path / "backup.db"
    assert main(["--db", url, "db", "backup", str(backup)]) == 0
    store = Store.open(url)
    store.add_person("Added After The Backup")
    store.close()
    assert main(["--db", url, "db", "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert names(db_file) == ["Ada Lovelace"]
    assert (db_file.stat().st_mode & 0o777) == 0o600
    kept = next(db_file.parent.glob("tui1on1.db.before-restore-*"))
    assert str(kept) in out and "Added After The Backup" in names(kept)
    assert main(["--db", url, "db", "check"]) == 0


def test_restore_rescues_a_damaged_database(db_file, tmp_path):
    url = f"sqlite:///{db_file}"
    backup = tmp_path / "backup.db"
    assert main(["--db", url, "db", "backup", str(backup)]) == 0
    db_file.write_bytes(b"this is not a database" * 100)
    assert main(["--db", url, "db", "check"]) == 1
    assert main(["--db", url, "db", "restore", str(backup)]) == 0
    assert names(db_file) == ["Ada Lovelace"]


@pytest.mark.parametrize("content", [b"garbage" * 50, None])
def test_restore_refuses_a_bad_backup_and_changes_nothing(db_file, tmp_path, capsys, content):
    backup = tmp_path / "bad.db"
    if content is not None:
        backup.write_bytes(content)
    before = db_file.read_bytes()
    assert main(["--db", f"sqlite:///{db_file}", "db", "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing was changed" in err
    assert db_file.read_bytes() == before


def test_restore_refuses_a_database_that_is_not_tui1on1s(db_file, tmp_path, capsys):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    assert main(["--db", f"sqlite:///{db_file}", "db", "restore", str(other)]) == 1
    assert "isn't a tui1on1 database" in capsys.readouterr().err


def test_restore_refuses_while_the_database_is_in_use(db_file, tmp_path, capsys):
    url = f"sqlite:///{db_file}"
    backup = tmp_path / "backup.db"
    assert main(["--db", url, "db", "backup", str(backup)]) == 0
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another instance in the middle of a write
    try:
        assert main(["--db", url, "db", "restore", str(backup)]) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "a running tui1on1 is using the database" in capsys.readouterr().err
    assert not list(db_file.parent.glob("*.before-restore-*"))


def test_check_does_not_create_a_missing_database(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "tui1on1.db"
    assert main(["--db", f"sqlite:///{missing}", "db", "check"]) == 1
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_restore_refuses_while_an_idle_instance_has_the_database_open(db_file, tmp_path, cli):
    """SQLite can't tell (an idle reader in WAL mode holds no lock that BEGIN
    EXCLUSIVE conflicts with): the instance lock does."""
    url = f"sqlite:///{db_file}"
    backup = tmp_path / "backup.db"
    assert cli("--db", url, "db", "backup", str(backup)).returncode == 0
    running = Store.open(url)
    running.add_person("Added While Running")
    try:
        refused = cli("--db", url, "db", "restore", str(backup))
        assert refused.returncode == 1
        assert refused.stderr == (
            "tui1on1: a running tui1on1 is using the database; quit it first — "
            "nothing was changed\n"
        )
        assert not list(db_file.parent.glob("*.before-restore-*"))
        running.add_person("Still Saved Where It Shows")
    finally:
        running.close()
    assert "Still Saved Where It Shows" in names(db_file)
    assert cli("--db", url, "db", "restore", str(backup)).returncode == 0  # quit: it works
    assert names(db_file) == ["Ada Lovelace"]


def test_the_lock_file_is_private_and_never_followed(db_file, tmp_path, cli):
    url = f"sqlite:///{db_file}"
    lock = db_file.with_name("tui1on1.db.lock")
    assert (lock.stat().st_mode & 0o777) == 0o600
    backup = tmp_path / "backup.db"
    assert cli("--db", url, "db", "backup", str(backup)).returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    victim.chmod(0o644)
    lock.unlink()
    lock.symlink_to(victim)
    refused = cli("--db", url, "db", "restore", str(backup))
    assert refused.returncode == 1 and "symbolic link" in refused.stderr
    assert "nothing was changed" in refused.stderr
    store = Store.open(url)  # an instance still opens
    store.close()
    assert victim.read_text() == "keep me" and (victim.stat().st_mode & 0o777) == 0o644
