"""Hostile inputs get one calm line, through the real console script.

Bytes that aren't UTF-8 in a name, another program's SQLite file as --db, a
FIFO or /dev/zero where a file is expected, TOML nested thousands deep, URLs
SQLAlchemy refuses or warns about, a folder that can't be read, and the app
started without a terminal: each was a traceback, a hang or a changed file
(issue 13). Each case here runs the installed ``tui1on1`` in a child process
with a timeout, so a hang fails the test instead of stalling the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # every test starts a process

CONSOLE_SCRIPT = Path(sys.executable).parent / "tui1on1"  # installed beside this Python
DEEP = 3000  # levels of nesting; Python's recursion limit is 1000


def tui1on1(
    *argv: str | bytes, cwd: Path | None = None, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """The real console script with this test's XDG dirs; stdin is /dev/null.
    A hang fails the test (TimeoutExpired) after 20 s."""
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *argv],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
        cwd=cwd,
        timeout=20,
    )


def calm(result: subprocess.CompletedProcess[bytes]) -> str:
    """stderr is exactly one line, prefixed like every CLI message: that line."""
    err = result.stderr.decode("utf-8", "backslashreplace")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tui1on1: ") and "Traceback" not in err, err
    return lines[0]


# --- names that aren't UTF-8 --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["people", "add", b"Zo\xeb"],
        ["people", "add", "Zoe", "--role", b"Eng\xe9nieur"],
        ["meet", b"Zo\xeb"],
        ["meet", b"Zo\xeb", "--new"],
        ["export", "--person", b"Zo\xeb"],
        ["recap", b"Zo\xeb"],
        ["actions", "--person", b"Zo\xeb"],
        ["search", b"caf\xe9"],
    ],
    ids=lambda argv: " ".join(a if isinstance(a, str) else "<bytes>" for a in argv),
)
def test_an_argument_that_isnt_utf8_is_one_line_exit_2(isolated_dirs, argv):
    result = tui1on1(*argv)
    line = calm(result)
    assert result.returncode == 2
    assert "isn't UTF-8 text" in line and "\\x" in line
    assert not (isolated_dirs / "data").exists()  # refused before any database


# --- another program's SQLite file --------------------------------------------------------


def foreign_database(path: Path) -> tuple[str, int]:
    """A bookmarks app's SQLite file, rollback journal, 0644: (sha256, mode)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO bookmarks (url) VALUES ('https://example.org')")
    conn.close()
    path.chmod(0o644)
    return fingerprint(path)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    "argv",
    [["people"], ["people", "add", "Ada"], ["db", "check"], ["db", "upgrade"], ["export", "--all"]],
    ids=" ".join,
)
def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path, argv):
    path = tmp_path / "bookmarks.sqlite"
    before = foreign_database(path)
    result = tui1on1("--db", f"sqlite:///{path}", *argv)
    line = calm(result)
    assert result.returncode == 1
    assert "another program's database" in line and "nothing was changed" in line
    assert fingerprint(path) == before  # same bytes, still 0644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.sqlite"]  # no -wal, -shm
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_meet_on_another_programs_database_says_so_before_the_app_starts(tmp_path):
    path = tmp_path / "bookmarks.sqlite"
    before = foreign_database(path)
    result = tui1on1("--db", f"sqlite:///{path}", "meet", "Ada")
    assert "another program's database" in calm(result)
    assert result.returncode == 1 and result.stdout == b""
    assert fingerprint(path) == before


# --- files that aren't files: FIFOs, devices ----------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("argv", [["people"], ["db", "check"], ["meet", "Ada"]], ids=" ".join)
def test_a_fifo_as_the_database_is_refused_not_waited_on(fifo, argv):
    result = tui1on1("--db", f"sqlite:///{fifo}", *argv)
    assert "isn't a database file" in calm(result)
    assert result.returncode in (1, 2)


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
@pytest.mark.parametrize(
    ("name", "argv", "says"),
    [
        ("config.toml", ["people"], "using defaults"),
        ("questions.toml", ["questions", "list"], "cannot be read"),
    ],
    ids=["config", "questions"],
)
def test_a_config_or_questions_file_that_is_a_fifo_or_dev_zero(
    config_dir, tmp_path, kind, name, argv, says
):
    if kind == "fifo":
        os.mkfifo(config_dir / name)
    else:
        (config_dir / name).symlink_to(kind)
    result = tui1on1(*argv)
    line = calm(result)
    assert result.returncode == 0
    assert name in line and says in line
    assert ("named pipe" if kind == "fifo" else "a device") in line


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
@pytest.mark.parametrize(
    "argv", [["import"], ["questions", "check"], ["themes", "check"]], ids=" ".join
)
def test_a_file_argument_that_is_a_fifo_or_dev_zero(fifo, kind, argv):
    target = str(fifo) if kind == "fifo" else kind
    result = tui1on1(*argv, target)
    assert result.returncode == 1
    out = result.stdout.decode()
    text = out if out else calm(result)  # `themes check` lists a file's problems on stdout
    assert ("named pipe" if kind == "fifo" else "a device") in text and "Traceback" not in text


# --- TOML nested deeper than the parser can follow ----------------------------------------


def deep_array(key: str) -> str:
    return f"{key} = {'[' * DEEP}{']' * DEEP}\n"


def test_a_deeply_nested_config_file_is_one_line_on_every_command(config_dir):
    (config_dir / "config.toml").write_text(deep_array("theme"))
    result = tui1on1("people")
    line = calm(result)
    assert result.returncode == 0
    assert "config.toml" in line and "too deeply" in line and "using defaults" in line


def test_a_deeply_nested_questions_file_is_one_warning(config_dir):
    (config_dir / "questions.toml").write_text(deep_array("question"))
    result = tui1on1("questions", "list")
    line = calm(result)
    assert result.returncode == 0 and "questions.toml" in line and "too deeply" in line


def test_a_deeply_nested_theme_file_is_named(config_dir):
    (config_dir / "themes").mkdir()
    (config_dir / "themes" / "deep.toml").write_text('name = "deep"\n' + deep_array("primary"))
    listed = tui1on1("themes", "list")
    assert listed.returncode == 0 and b"Traceback" not in listed.stderr
    assert "deep.toml" in listed.stderr.decode() and "too deeply" in listed.stderr.decode()
    checked = tui1on1("themes", "check", str(config_dir / "themes" / "deep.toml"))
    assert checked.returncode == 1 and b"too deeply" in checked.stdout


def test_a_toml_file_over_a_mebibyte_is_refused_unread(config_dir):
    (config_dir / "config.toml").write_text("# padding\n" * 120_000)  # 1.2 MB
    line = calm(tui1on1("people"))
    assert "config.toml" in line and "larger than 1 MiB" in line


# --- database URLs SQLAlchemy refuses or warns about --------------------------------------


def test_a_sqlite_url_with_a_user_and_password_is_one_line_and_makes_no_file(tmp_path):
    result = tui1on1("--db", "sqlite://user:pw@/somewhere/x.db", "people", cwd=tmp_path)
    line = calm(result)
    assert result.returncode == 2 and "not a user, password or host" in line and "pw" not in line
    assert list(tmp_path.iterdir()) == []  # it made ./somewhere/x.db before


@pytest.mark.parametrize(
    "url", ["sqlite:///x.db?mode=memory", "sqlite:///:memory:?mode=memory&cache=shared"]
)
def test_sqlite_url_options_are_one_line_not_a_warning(tmp_path, url):
    result = tui1on1("--db", url, "people", cwd=tmp_path)
    line = calm(result)
    assert result.returncode == 2 and "no options on a sqlite URL (" in line
    assert b"SAWarning" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_database_in_a_folder_that_cant_be_read_is_one_line(tmp_path):
    """Run as a user without access: a user namespace where the folder's
    owner isn't mapped, so even root there gets EACCES (stat on the path)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) to drop access to a folder")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o700)
    os.chown(locked, 65534, 65534)
    tmp_path.chmod(0o755)
    command = [str(CONSOLE_SCRIPT), "--db", f"sqlite:///{locked / 'x.db'}"]
    for argv in (["db", "check"], ["people"], ["db", "upgrade"]):
        result = subprocess.run(
            ["unshare", "--user", "--map-root-user", *command, *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=dict(os.environ),
            timeout=20,
        )
        if b"unshare failed" in result.stderr:
            pytest.skip("user namespaces are not available here")
        assert "Permission denied" in calm(result), argv
        assert result.returncode == 1


# --- no terminal, no app --------------------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["meet", "Ada", "--new"], ["demo"]], ids=" ".join)
def test_the_app_without_a_terminal_is_one_line_exit_2(isolated_dirs, tmp_path, argv):
    """stdin is /dev/null and stdout a file: before, the meeting was drawn into
    the file and waited forever on keys that never came."""
    with open(tmp_path / "out", "wb") as out:
        result = tui1on1(*argv, stdout=out.fileno())
    assert "needs a terminal" in calm(result)
    assert result.returncode == 2
    assert (tmp_path / "out").read_bytes() == b""  # no escape codes
    assert not (isolated_dirs / "data").exists()  # and no database made
