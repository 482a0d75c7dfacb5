"""End to end, the console script in tmux over two days: a first start says
yes to encryption, a 1:1 is held, and nothing under the data dir holds its
words while the app runs or after; the next day the app asks the passphrase
(no key store here), a wrong one is said and retried, and the notes are back."""

from __future__ import annotations

import pytest
from tmux_terminal import db_path, on_day, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)

PASSPHRASE = "correct horse battery"
SECRET = "SENTINEL-burnout-4d1e"
MONDAY = on_day("@2026-12-07 10:00:00")
TUESDAY = on_day("@2026-12-08 10:00:00")


def plain_copies(needle: str = SECRET) -> list[str]:
    root = db_path().parent
    data = needle.encode()
    return [str(p) for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


def test_an_encrypted_first_week_keeps_no_note_text_on_disk(terminals, cli, tmp_path):
    term = terminals("meet", "Priya Raman", "--new", prefix=MONDAY, offer=False)
    term.wait_for("Keep your 1:1 notes encrypted?")
    term.type(PASSPHRASE, enter=True)
    term.type(PASSPHRASE, enter=True)
    term.wait_for("ON TRACK")
    term.type(f"worried about {SECRET} on the on-call rota", enter=True)
    term.wait_for(lambda s: SECRET in s and "saving…" not in s)
    term.type(f"half typed {SECRET} draft")
    term.wait_for(lambda s: "draft" in s)
    assert plain_copies() == []  # while it runs: the file, its -wal, the journal

    term.key("C-o")
    term.wait_for("End the 1:1 with Priya Raman?")
    term.key("Enter")
    term.wait_for("Meeting ended and saved")
    term.key("Enter")
    term.key("C-q")
    assert term.exit_code() == 0
    assert not db_path().read_bytes().startswith(b"SQLite format 3")
    assert list((db_path().parent / "backups").glob("*.db"))  # the day's backup
    assert plain_copies() == []

    again = terminals(prefix=TUESDAY)
    again.wait_for("Your notes are encrypted")
    again.type("not the passphrase", enter=True)
    again.wait_for("doesn't open it")
    again.type(PASSPHRASE, enter=True)
    again.wait_for("Priya Raman")
    assert plain_copies() == []
    again.key("C-q")
    code = again.exit_code()
    assert code == 0, again.screen()

    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    found = cli("search", "on-call", env={"TUI1ON1_PASSPHRASE_FILE": str(secret)})
    assert found.returncode == 0, found.stderr
    assert f"worried about {SECRET} on the on-call rota" in found.stdout
    assert (
        "half typed" in cli("search", "draft", env={"TUI1ON1_PASSPHRASE_FILE": str(secret)}).stdout
    )
