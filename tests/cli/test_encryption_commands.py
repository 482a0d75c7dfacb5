"""`tui1on1 db encrypt | rekey | decrypt` as a manager runs them: what is on
disk afterwards, what every command still reads, and one calm line (exit 1,
nothing changed) for a wrong, missing or refused passphrase."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage import cipher
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SECRET = "burnout-SENTINEL-7f3a"


def passphrase_file(folder: Path, text: str, name: str = "pass") -> Path:
    path = folder / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def files_holding(root: Path, needle: str) -> list[Path]:
    """Every file under ``root`` whose bytes hold ``needle`` (a `strings` scan)."""
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs / "data" / "tui1on1"


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """The default database with a 1:1 holding the secret in a note and a draft."""
    data_dir.mkdir(parents=True, mode=0o700)
    path = data_dir / "tui1on1.db"
    store = Store.open(f"sqlite:///{path}")
    from tui1on1.storage import migrate

    migrate.upgrade(store.engine)
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.add_note(
        NewNote(uid="n1", meeting_id=meeting.id, kind=NoteKind.NOTE,
                text=f"worried about {SECRET}", created_at=T0 + timedelta(minutes=3))
    )  # fmt: skip
    store.save_draft(meeting.id, f"half typed {SECRET}", T0 + timedelta(minutes=4))
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    store.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypting_leaves_no_note_text_under_the_data_dir_and_everything_still_reads(
    cli, filled, data_dir, tmp_path
):
    assert cli("db", "backup").returncode == 0
    assert files_holding(data_dir, SECRET)  # plain, before: the scan finds it
    secret = passphrase_file(tmp_path, "correct horse battery")
    env = {"TUI1ON1_PASSPHRASE_FILE": str(secret)}
    before = cli("export", "--all", "-o", str(tmp_path / "before.json"), env=env)
    assert before.returncode == 0

    done = cli("db", "encrypt", env=env)

    assert done.returncode == 0, done.stderr
    assert f"encrypted {filled}" in done.stdout
    assert "encrypted too:" in done.stdout and "backups" in done.stdout
    assert "If the passphrase is lost, so are the notes" in done.stderr
    assert "asked each time tui1on1 starts" in done.stdout  # no key store here
    assert files_holding(data_dir, SECRET) == []
    assert cipher.looks_encrypted(filled)
    found = cli("search", "burnout", env=env)
    assert found.returncode == 0 and SECRET in found.stdout
    assert cli("db", "check", env=env).stdout.strip() == "ok: the database is sound"
    after = cli("export", "--all", "-o", str(tmp_path / "after.json"), env=env)
    assert after.returncode == 0
    assert "the database is encrypted, this export is not: keep it somewhere safe" in after.stderr
    assert "this export is not" not in before.stderr  # plain then: nothing to remind
    same = [json.loads((tmp_path / n).read_text()) for n in ("before.json", "after.json")]
    assert same[0]["people"] == same[1]["people"]
    assert SECRET in json.dumps(same[1])  # the note and the draft came through
    assert files_holding(data_dir, SECRET) == []  # the commands left nothing plain either


def test_encrypt_rekey_decrypt_keeps_every_row(cli, filled, tmp_path):
    first = passphrase_file(tmp_path, "correct horse battery")
    second = passphrase_file(tmp_path, "a different long phrase", "new")
    old, new = {"TUI1ON1_PASSPHRASE_FILE": str(first)}, {"TUI1ON1_PASSPHRASE_FILE": str(second)}
    assert cli("db", "encrypt", env=old).returncode == 0
    assert cli("people", "add", "Grace Hopper", env=old).returncode == 0

    rekeyed = cli("db", "rekey", env={**old, "TUI1ON1_NEW_PASSPHRASE_FILE": str(second)})

    assert rekeyed.returncode == 0, rekeyed.stderr
    assert "the passphrase of" in rekeyed.stdout and "is changed" in rekeyed.stdout
    assert "Backups kept outside the data dir stay under the old passphrase" in rekeyed.stdout
    refused = cli("people", env=old)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "doesn't open" in refused.stderr
    assert "Grace Hopper" in cli("people", env=new).stdout

    plain = cli("db", "decrypt", "--yes", env=new)

    assert plain.returncode == 0, plain.stderr
    assert not cipher.looks_encrypted(filled)
    listed = cli("people").stdout  # no passphrase needed any more
    assert "Ada Lovelace" in listed and "Grace Hopper" in listed
    assert SECRET in cli("search", "burnout").stdout


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("wrong", "the passphrase (from TUI1ON1_PASSPHRASE_FILE) doesn't open"),
        ("missing", "is encrypted and its passphrase isn't in a key store here"),
        ("shared", "can be read by others; make it private"),
        ("folder", "isn't a regular file"),
        ("damaged", "is damaged"),
    ],
)
def test_a_passphrase_that_cant_open_it_is_one_calm_line_and_nothing_changes(
    cli, filled, tmp_path, case, expected
):
    right = passphrase_file(tmp_path, "correct horse battery")
    assert cli("db", "encrypt", env={"TUI1ON1_PASSPHRASE_FILE": str(right)}).returncode == 0
    env = {"TUI1ON1_PASSPHRASE_FILE": str(right)}
    if case == "wrong":
        env = {"TUI1ON1_PASSPHRASE_FILE": str(passphrase_file(tmp_path, "guess", "wrong"))}
    elif case == "missing":
        env = {}
    elif case == "shared":
        right.chmod(0o644)
    elif case == "folder":
        env = {"TUI1ON1_PASSPHRASE_FILE": str(tmp_path)}
    else:  # a page in the middle of the file, changed on disk
        data = bytearray(filled.read_bytes())
        data[4096 * 3 + 100 : 4096 * 3 + 140] = b"\x00" * 40
        filled.write_bytes(bytes(data))
    before = digest(filled)

    for command in (("people",), ("search", "burnout"), ("db", "backup")):
        result = cli(*command, env=env)
        assert result.returncode == 1, (command, result)
        assert result.stdout == ""
        assert result.stderr.startswith("tui1on1: ") and result.stderr.count("\n") == 1
        assert expected in result.stderr, result.stderr
        assert "correct horse" not in result.stderr
    assert digest(filled) == before


def test_encrypt_refuses_what_it_cant_do_and_changes_nothing(cli, filled, tmp_path):
    short = passphrase_file(tmp_path, "short")
    refused = cli("db", "encrypt", env={"TUI1ON1_PASSPHRASE_FILE": str(short)})
    assert refused.returncode == 1 and "too short" in refused.stderr
    assert not cipher.looks_encrypted(filled)
    no_terminal = cli("db", "encrypt")  # stdin isn't a terminal under pytest
    assert no_terminal.returncode == 1 and "asked in a terminal" in no_terminal.stderr
    good = {"TUI1ON1_PASSPHRASE_FILE": str(passphrase_file(tmp_path, "correct horse battery"))}
    assert cli("db", "encrypt", env=good).returncode == 0
    again = cli("db", "encrypt", env=good)
    assert again.returncode == 1 and "encrypted already" in again.stderr
    unconfirmed = cli("db", "decrypt", env=good)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr
    assert cipher.looks_encrypted(filled)


def test_with_a_key_store_a_daily_start_asks_nothing(cli, filled, tmp_path, key_store):
    secret = passphrase_file(tmp_path, "correct horse battery")
    done = cli("db", "encrypt", env={"TUI1ON1_PASSPHRASE_FILE": str(secret)})
    assert "kept in your key store" in done.stdout
    assert len(key_store.kept) == 1
    assert "correct horse" not in next(iter(key_store.kept.values()))

    assert "Ada Lovelace" in cli("people").stdout  # no passphrase file, no terminal

    assert cli("db", "decrypt", "--yes").returncode == 0
    assert key_store.kept == {}


def test_a_plain_backup_beside_it_is_encrypted_too_and_restores_with_the_same_key(
    cli, filled, data_dir, tmp_path
):
    env = {"TUI1ON1_PASSPHRASE_FILE": str(passphrase_file(tmp_path, "correct horse battery"))}
    assert cli("db", "backup").returncode == 0
    assert cli("db", "encrypt", env=env).returncode == 0
    backup = next((data_dir / "backups").glob("*.db"))
    assert cipher.looks_encrypted(backup)
    assert cli("people", "add", "After The Backup", env=env).returncode == 0

    restored = cli("db", "restore", str(backup), env=env)

    assert restored.returncode == 0, restored.stderr
    listed = cli("people", env=env).stdout
    assert "Ada Lovelace" in listed and "After The Backup" not in listed
    assert files_holding(data_dir, SECRET) == []


def test_a_discarded_1_1_is_sealed_with_the_database_and_imports_back(
    cli, filled, data_dir, tmp_path
):
    import sqlite3

    [(meeting_id,)] = sqlite3.connect(filled).execute("SELECT id FROM meeting").fetchall()
    store = Store.open(f"sqlite:///{filled}")
    kept = store.discard_meeting(meeting_id, data_dir / "discarded").path
    store.close()
    assert SECRET.encode() in kept.read_bytes()  # plain, while the database is plain
    env = {"TUI1ON1_PASSPHRASE_FILE": str(passphrase_file(tmp_path, "correct horse battery"))}

    done = cli("db", "encrypt", env=env)

    assert f"encrypted too: {kept}" in done.stdout
    assert files_holding(data_dir, SECRET) == []
    assert "no notes match" in cli("search", "burnout", env=env).stderr
    brought = cli("import", str(kept), env=env)
    assert brought.returncode == 0, brought.stderr
    assert SECRET in cli("search", "burnout", env=env).stdout
    assert files_holding(data_dir, SECRET) == []
    elsewhere = cli("--db", f"sqlite:///{tmp_path / 'other.db'}", "import", str(kept))
    assert elsewhere.returncode == 1
    assert "sealed by an encrypted tui1on1 database" in elsewhere.stderr


def test_a_restore_keeps_the_database_encrypted_whatever_the_backup_was_under(
    cli, filled, data_dir, tmp_path, monkeypatch
):
    """A plain backup, and one from before a rekey (its old passphrase given):
    restored, the database is still encrypted under its own passphrase."""
    plain_backup = tmp_path / "plain.db"
    assert cli("db", "backup", str(plain_backup)).returncode == 0
    first = {"TUI1ON1_PASSPHRASE_FILE": str(passphrase_file(tmp_path, "correct horse battery"))}
    assert cli("db", "encrypt", env=first).returncode == 0
    old_backup = tmp_path / "old-passphrase.db"
    assert cli("db", "backup", str(old_backup), env=first).returncode == 0
    second = passphrase_file(tmp_path, "a different long phrase", "new")
    new = {"TUI1ON1_PASSPHRASE_FILE": str(second)}
    rekeyed = cli("db", "rekey", env={**first, "TUI1ON1_NEW_PASSPHRASE_FILE": str(second)})
    assert rekeyed.returncode == 0

    restored = cli("db", "restore", str(plain_backup), env=new)

    assert restored.returncode == 0, restored.stderr
    assert "still encrypted with its own passphrase" in restored.stdout
    assert cipher.looks_encrypted(filled) and files_holding(data_dir, SECRET) == []
    assert "Ada Lovelace" in cli("people", env=new).stdout

    refused = cli("db", "restore", str(old_backup), env=new)  # no terminal to ask in
    assert refused.returncode == 1
    assert "under another passphrase than the database's" in refused.stderr
    assert refused.stderr.count("nothing was changed") == 1
    given = cli("db", "restore", str(old_backup), env=first)  # the old one opens it...
    assert given.returncode == 1  # ...but not the database: the key it needs first
    assert "doesn't open" in given.stderr

    from tui1on1.cli import unlock

    asked: list[str] = []  # in a terminal: the backup's old passphrase is asked
    monkeypatch.setattr(unlock, "can_ask", lambda: True)
    monkeypatch.setattr(
        unlock, "ask_passphrase", lambda p: asked.append(p) or "correct horse battery"
    )
    done = cli("db", "restore", str(old_backup), env=new)
    assert done.returncode == 0, done.stderr
    assert asked == [f"Passphrase {old_backup} was made with: "]
    assert "Ada Lovelace" in cli("people", env=new).stdout  # under the new passphrase now
