"""Every command that needs the database says the same thing the same way
when it can't have it: a wrong URL is a usage error (2), an unusable
database a failure (1); one line each, never a traceback."""

from __future__ import annotations

import pytest

from tui1on1.cli import main

COMMANDS = [
    ["people"],
    ["people", "add", "Ada"],
    ["db", "check"],
    ["search", "mentoring"],
    ["actions"],
    ["export", "--person", "ada"],
    ["export", "--all"],
    ["recap", "ada"],
    ["topic", "ada", "the offsite"],
    ["topic", "ada"],
    ["mirror"],
    ["import", "missing.json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_wrong_database_url_is_a_usage_error(command, capsys):
    code = main(["--db", "nonsense://", *command])
    err = capsys.readouterr().err
    if command[0] == "import":  # the file is read first, and it isn't there
        assert code == 1
    else:
        assert code == 2
        assert "database URL can't be read" in err or "isn't supported" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] not in ("db", "import")],
                         ids=" ".join)  # fmt: skip
def test_an_unreachable_server_is_a_calm_failure(command, capsys):
    code = main(["--db", "postgresql+psycopg://me:s3cret@127.0.0.1:1/x", *command])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "s3cret" not in err
