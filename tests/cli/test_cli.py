"""The non-interactive command line: help, locate, people, db upkeep, bad input.

The tests run ``tui1on1.cli.main`` in-process through the ``cli`` fixture
(tests/cli_run.py), with the per-test XDG dirs from ``isolated_dirs``: exit
code, stdout and stderr as the console script would end. Two smoke tests,
marked slow, start the real entry points (the ``tui1on1`` console script and
``python -m tui1on1``) to show they are wired to the same main. The default
command and ``meet`` open the app and are tested with the UI.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tui1on1 import __version__
from tui1on1.cli import main

SECRET = "s3cret-Pa55"
UNREACHABLE_PG = f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/db"
CONSOLE_SCRIPT = Path(sys.executable).parent / "tui1on1"  # installed beside this Python


def run_entry_point(*command: str) -> subprocess.CompletedProcess[str]:
    """A real process, with this test's XDG dirs (from ``isolated_dirs``)."""
    return subprocess.run(
        list(command), capture_output=True, text=True, env=dict(os.environ), timeout=60
    )


def one_calm_line(stderr: str) -> str:
    """stderr is exactly one line, prefixed like every CLI message, no traceback."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("tui1on1: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def table(stdout: str) -> list[list[str]]:
    """The rows of a printed table, split on runs of two or more spaces."""
    import re

    return [re.split(r"\s{2,}", line.strip()) for line in stdout.splitlines() if line.strip()]


@pytest.fixture
def config_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs / "config" / "tui1on1"


# --- the real entry points (slow: each starts a Python) ---------------------------------------


@pytest.mark.slow
def test_the_console_script_starts_and_shows_help_and_version():
    shown = run_entry_point(str(CONSOLE_SCRIPT), "--help")
    assert (shown.returncode, shown.stderr) == (0, ""), shown.stderr
    assert "usage: tui1on1" in shown.stdout
    for command in ("meet", "people", "locate", "db"):
        assert command in shown.stdout
    version = run_entry_point(str(CONSOLE_SCRIPT), "--version")
    assert (version.returncode, version.stdout) == (0, f"tui1on1 {__version__}\n")
    bad = run_entry_point(str(CONSOLE_SCRIPT), "--bogus")
    assert (bad.returncode, bad.stdout) == (2, "")
    one_calm_line(bad.stderr)


@pytest.mark.slow
def test_python_m_adds_lists_and_exports_people(data_dir, tmp_path):
    module = [sys.executable, "-m", "tui1on1"]
    added = run_entry_point(*module, "people", "add", "Ada Lovelace", "--cadence", "weekly")
    assert (added.returncode, added.stdout.strip()) == (0, "added Ada Lovelace"), added.stderr
    listed = run_entry_point(*module, "people")
    assert listed.returncode == 0, listed.stderr
    assert table(listed.stdout)[1] == ["Ada Lovelace", "report", "weekly"]
    target = tmp_path / "export.json"
    exported = run_entry_point(*module, "export", "--all", "-o", str(target))
    assert exported.returncode == 0, exported.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text())
    assert data["format"] == "tui1on1-export"
    assert "Ada Lovelace" in target.read_text()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


# --- help and version -------------------------------------------------------------------


def test_help_lists_the_commands(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("meet", "people", "locate", "db"):
        assert command in result.stdout
    assert result.stderr == ""


def test_help_in_process(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: tui1on1" in out and "locate" in out


@pytest.mark.parametrize("argv", [["db", "--help"], ["people", "add", "--help"]])
def test_subcommand_help(cli, argv):
    result = cli(*argv)
    assert result.returncode == 0
    assert "usage: tui1on1" in result.stdout


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout == "tui1on1 0.1.0\n"
    assert __version__ == "0.1.0"


def test_version_in_process(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"tui1on1 {__version__}"


# --- locate --------------------------------------------------------------------------------


def test_locate_follows_the_xdg_dirs(cli, isolated_dirs, data_dir, config_dir):
    result = cli("locate")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split(None, 2)[-1] == str(config_dir / "config.toml")
    assert lines[1].split(None, 2)[-1] == str(data_dir)
    assert f"sqlite:///{data_dir / 'tui1on1.db'}" in lines[2]
    assert "(from default)" in lines[2]


def test_locate_hides_the_password_of_a_db_argument(cli):
    result = cli("--db", f"postgresql+psycopg://bob:{SECRET}@localhost:5432/x", "locate")
    assert result.returncode == 0
    assert "postgresql+psycopg://bob:***@localhost:5432/x" in result.stdout
    assert "(from --db)" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_locate_hides_the_password_in_process(capsys):
    assert main(["--db", "postgresql+psycopg://bob:s3cret@localhost:5432/x", "locate"]) == 0
    captured = capsys.readouterr()
    assert "bob:***@localhost:5432/x" in captured.out
    assert "s3cret" not in captured.out + captured.err


def test_locate_honours_the_environment_variable(cli):
    url = f"postgresql+psycopg://env:{SECRET}@db.example/team"
    result = cli("locate", env={"TUI1ON1_DATABASE_URL": url})
    assert result.returncode == 0
    assert "postgresql+psycopg://env:***@db.example/team" in result.stdout
    assert "(from TUI1ON1_DATABASE_URL)" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_db_argument_beats_the_environment_variable(cli, tmp_path):
    chosen = tmp_path / "chosen.db"
    result = cli(
        "--db",
        f"sqlite:///{chosen}",
        "locate",
        env={"TUI1ON1_DATABASE_URL": f"sqlite:///{tmp_path / 'env.db'}"},
    )
    assert f"sqlite:///{chosen}  (from --db)" in result.stdout
    assert "env.db" not in result.stdout


def test_locate_uses_the_config_file_and_hides_its_password(cli, config_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text(
        f'database_url = "postgresql+psycopg://cfg:{SECRET}@h/db"\n'
    )
    result = cli("locate")
    assert result.returncode == 0
    assert "postgresql+psycopg://cfg:***@h/db  (from config file)" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_a_broken_config_file_is_reported_and_defaults_are_used(cli, config_dir, data_dir):
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text("database_url = [\n")
    result = cli("locate")
    assert result.returncode == 0
    assert "(from default)" in result.stdout
    assert "config.toml" in one_calm_line(result.stderr)


# --- people ------------------------------------------------------------------------------


def test_people_add_then_list(cli, data_dir):
    added = cli("people", "add", "Ada Lovelace", "--role", "Engineer", "--cadence", "weekly")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added Ada Lovelace"
    listed = cli("people")
    assert listed.returncode == 0, listed.stderr
    assert table(listed.stdout) == [
        ["NAME", "ROLE", "RELATIONSHIP", "CADENCE"],
        ["Ada Lovelace", "Engineer", "report", "weekly"],
    ]
    assert (data_dir / "tui1on1.db").exists()


def test_people_with_no_one_yet(cli):
    result = cli("people")
    assert result.returncode == 0
    assert "no people yet" in result.stdout


def test_people_in_process_with_relationship_and_rrule(capsys, data_dir):
    assert main(["people", "add", "Grace Hopper", "--relationship", "skip-level"]) == 0
    assert main(["people", "add", "Linus", "--cadence", "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"]) == 0
    capsys.readouterr()
    assert main(["people"]) == 0
    rows = table(capsys.readouterr().out)
    assert rows[1] == ["Grace Hopper", "skip-level"]  # no role, no cadence
    assert rows[2] == ["Linus", "report", "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"]


def test_adding_the_same_name_twice_is_refused_in_one_line(cli):
    assert cli("people", "add", "Ada Lovelace").returncode == 0
    again = cli("people", "add", "ada  LOVELACE")
    assert again.returncode == 2
    # The person on file is named as stored, not as typed.
    assert one_calm_line(again.stderr) == "tui1on1: there is already someone called Ada Lovelace"
    assert again.stdout == ""
    assert len(table(cli("people").stdout)) == 2  # header and Ada only


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("Ada Lovélace", "there is already someone called Ada Lovelace"),
        ("Ada", "'Ada' already finds Ada Lovelace; give the new person's full name"),
        ("love", "'love' already finds Ada Lovelace; give the new person's full name"),
    ],
)
def test_a_name_the_rule_already_finds_someone_by_is_refused(cli, typed, says):
    """A new "Ada" next to "Ada Lovelace" would quietly change whom `ada`
    finds in every command: refused, with what to do instead."""
    assert cli("people", "add", "Ada Lovelace").returncode == 0
    refused = cli("people", "add", typed)
    assert (refused.returncode, one_calm_line(refused.stderr)) == (2, f"tui1on1: {says}")
    assert cli("people", "add", "Ada Byron").returncode == 0  # a full name is fine
    assert [row[0] for row in table(cli("people").stdout)[1:]] == ["Ada Byron", "Ada Lovelace"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["people", "add", "X", "--cadence", "nonsense"], "cadence"),
        (["people", "add", ""], "empty"),
        (["people", "add", "x" * 500], "80"),
    ],
)
def test_values_the_store_refuses_fail_calmly(cli, argv, says):
    result = cli(*argv)
    assert result.returncode == 2  # what was typed, like any bad argument
    assert says in one_calm_line(result.stderr)
    assert "no people yet" in cli("people").stdout


def test_terminal_escapes_already_in_the_database_are_shown_escaped(capsys, data_dir):
    assert main(["people", "add", "Eve", "--role", "Lead\x1b[31m"]) == 2  # refused on the way in
    assert main(["people", "add", "Eve"]) == 0
    conn = sqlite3.connect(data_dir / "tui1on1.db")  # ...but another tool may have put one there
    with conn:
        conn.execute("UPDATE person SET role = 'Lead' || char(27) || '[31m'")
    conn.close()
    capsys.readouterr()
    assert main(["people"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Lead\\x1b[31m" in out


# --- bad arguments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--bogus"],
        ["meet"],
        ["meet", "Ada", "--minutes", "abc"],
        ["meet", "Ada", "--minutes", "0"],
        ["meet", "Ada", "--minutes", "241"],
        ["people", "add"],
        ["people", "add", "X", "--relationship", "boss"],
        ["db"],
        ["db", "vacuum"],
        ["--db", "nonsense://", "people"],
        ["--db", "mysql://u:pw@localhost/db", "people"],
        ["--db", ":::", "db", "check"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(cli, argv):
    result = cli(*argv)
    assert result.returncode == 2, result.stderr
    one_calm_line(result.stderr)
    assert result.stdout == ""


def test_bad_arguments_in_process(capsys):
    assert main(["meet", "Ada", "--minutes", "abc"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'abc' isn't a whole number" in err


# --- db upkeep ------------------------------------------------------------------------------


def test_db_check_on_a_database_in_use_is_ok(cli):
    assert cli("people", "add", "Ada").returncode == 0
    result = cli("db", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok")


def test_db_check_before_first_use_creates_nothing_then_upgrade_makes_it(cli):
    check = cli("db", "check")
    assert check.returncode == 1
    assert "no database at" in check.stderr and "yet" in check.stderr
    upgrade = cli("db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert "up to date" in upgrade.stdout
    assert cli("db", "check").returncode == 0


def test_db_upgrade_twice_is_fine(cli):
    assert cli("db", "upgrade").returncode == 0
    again = cli("db", "upgrade")
    assert again.returncode == 0
    assert again.stdout.strip() == "the schema is up to date"


def test_db_check_finds_a_damaged_database(cli, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 200)
    result = cli("--db", f"sqlite:///{bad}", "db", "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_db_backup_to_a_path_is_private_and_complete(cli, tmp_path):
    for name in ("Ada Lovelace", "Grace Hopper"):
        assert cli("people", "add", name).returncode == 0
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    result = cli("db", "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        names = sorted(row[0] for row in conn.execute("SELECT name FROM person"))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert names == ["Ada Lovelace", "Grace Hopper"]
    assert [p.name for p in target.parent.iterdir()] == ["copy.db"]  # no leftovers


def test_db_backup_never_overwrites(cli, tmp_path):
    assert cli("people", "add", "Ada").returncode == 0
    target = tmp_path / "copy.db"
    target.write_bytes(b"precious")
    result = cli("db", "backup", str(target))
    assert result.returncode == 1
    assert "already exists" in one_calm_line(result.stderr)
    assert target.read_bytes() == b"precious"


def test_db_backup_to_a_folder_that_does_not_exist(cli, tmp_path):
    assert cli("people", "add", "Ada").returncode == 0
    result = cli("db", "backup", str(tmp_path / "nope" / "copy.db"))
    assert result.returncode == 1
    assert "doesn't exist" in one_calm_line(result.stderr)


def test_db_backup_that_cannot_be_written_fails_calmly(cli, tmp_path):
    assert cli("people", "add", "Ada").returncode == 0
    (tmp_path / ".copy.db.partial").mkdir()  # something is in the way (works as root too)
    result = cli("db", "backup", str(tmp_path / "copy.db"))
    assert result.returncode == 1
    assert "can't write the backup" in one_calm_line(result.stderr)
    assert not (tmp_path / "copy.db").exists()


def test_db_backup_without_a_path_goes_to_the_data_dir(cli, data_dir):
    assert cli("people", "add", "Ada Lovelace").returncode == 0
    result = cli("db", "backup")
    assert result.returncode == 0, result.stderr
    backups = data_dir / "backups"
    [written] = list(backups.iterdir())
    assert written.name.startswith("tui1on1-backup-") and written.suffix == ".db"
    assert str(written) in result.stdout
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    conn = sqlite3.connect(f"file:{written}?mode=ro", uri=True)
    try:
        assert [row[0] for row in conn.execute("SELECT name FROM person")] == ["Ada Lovelace"]
    finally:
        conn.close()


# --- PostgreSQL ----------------------------------------------------------------------------------


@pytest.mark.postgres
def test_people_on_postgresql(cli, pg_url):
    from sqlalchemy.engine import make_url

    password = make_url(pg_url).password
    added = cli("--db", pg_url, "people", "add", "Ada Lovelace", "--cadence", "biweekly")
    assert added.returncode == 0, added.stderr
    listed = cli("--db", pg_url, "people")
    assert listed.returncode == 0, listed.stderr
    assert table(listed.stdout)[1] == ["Ada Lovelace", "report", "biweekly"]
    dup = cli("--db", pg_url, "people", "add", "ADA LOVELACE")
    assert dup.returncode == 2
    assert one_calm_line(dup.stderr) == "tui1on1: there is already someone called Ada Lovelace"
    check = cli("--db", pg_url, "db", "check")
    assert check.returncode == 0 and check.stdout.startswith("ok")
    located = cli("--db", pg_url, "locate")
    if password:
        assert password not in located.stdout


PASSWORD_ROLE = "tui1on1_pwtest"  # scripts/pg-throwaway makes the server ask it for a password


@pytest.fixture
def password_role(pg_url):
    """A login role with a known password on the test server; yields (user, password)."""
    from contextlib import suppress

    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import ProgrammingError

    right = "right-" + SECRET
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        with suppress(ProgrammingError):  # left by an earlier run, or another session's
            conn.execute(text(f"CREATE ROLE {PASSWORD_ROLE} LOGIN"))
        conn.execute(text(f"ALTER ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{right}'"))
    admin.dispose()
    yield PASSWORD_ROLE, right


@pytest.mark.postgres
def test_a_wrong_password_fails_in_one_line_without_the_password(cli, pg_url, password_role):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    user, right = password_role
    base = make_url(pg_url).set(username=user)
    # Control: the role gets in with its password, so a refusal below is the
    # password's doing (a server that trusts the role can't run this test).
    engine = create_engine(base.set(password=right))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == user
    engine.dispose()
    wrong = base.set(password=SECRET).render_as_string(hide_password=False)
    assert SECRET in wrong
    result = cli("--db", wrong, "people")
    hint = f"is the server asking {user} for a password (scripts/pg-throwaway does)?"
    assert result.returncode == 1, f"{hint}\n{result.stdout}{result.stderr}"
    line = one_calm_line(result.stderr)
    assert "refused the user name or password" in line, f"{hint}\n{line}"
    assert f"{user}:***@" in line
    assert result.stdout == ""
    assert SECRET not in result.stdout + result.stderr
    assert right not in result.stdout + result.stderr


@pytest.mark.parametrize("argv", [["people"], ["people", "add", "Ada"], ["db", "upgrade"]])
def test_an_unreachable_server_fails_in_one_line_without_the_password(cli, argv):
    result = cli("--db", UNREACHABLE_PG, *argv)
    assert result.returncode == 1
    line = one_calm_line(result.stderr)
    assert "can't reach" in line
    assert "u:***@127.0.0.1:1/db" in line
    assert SECRET not in result.stdout + result.stderr


def test_a_backup_of_an_unreachable_server_fails_in_one_line(cli, data_dir):
    result = cli("--db", UNREACHABLE_PG, "db", "backup")
    assert result.returncode == 1
    one_calm_line(result.stderr)  # pg_dump's own reason
    assert SECRET not in result.stdout + result.stderr
    backups = data_dir / "backups"
    assert not backups.exists() or list(backups.iterdir()) == []  # no partial file left


def test_an_unreachable_server_from_the_brief_url(cli):
    result = cli("--db", "postgresql+psycopg://u:pw@127.0.0.1:1/db", "people")
    assert result.returncode == 1
    line = one_calm_line(result.stderr)
    assert ":pw@" not in line and "u:***@" in line


def test_db_check_on_an_unreachable_server_reports_a_problem(cli):
    result = cli("--db", UNREACHABLE_PG, "db", "check")
    assert result.returncode == 1
    assert "can't reach" in result.stdout + result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_server_from_the_environment_variable(cli):
    result = cli("people", env={"TUI1ON1_DATABASE_URL": UNREACHABLE_PG})
    assert result.returncode == 1
    one_calm_line(result.stderr)
    assert SECRET not in result.stdout + result.stderr
