"""Running the CLI in-process for a test: exit code, stdout, stderr, never a traceback.

``run(capsys, *argv)`` gives ``(code, out, err)``. The ``cli`` fixture (in
tests/conftest.py) gives a ``CliResult`` shaped like ``subprocess.run``'s, so a
test reads the same whether the command ran in this process or in a child:
in-process is ~1 s cheaper per call. Only the smoke tests in tests/cli/test_cli.py
start the real entry point.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import pytest

from tui1on1.cli import main


class CliResult(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


class Cli:
    """``cli("people", "add", "Ada")`` → CliResult, as the console script would end.

    ``env=`` sets environment variables for that call only (as a child's
    environment would be); argparse's own exits (``--help``, ``--version``)
    become the exit code instead of a SystemExit.
    """

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *argv: str, env: Mapping[str, str] | None = None) -> CliResult:
        self._capsys.readouterr()  # only this command's output
        forget_keys()  # each call starts as a new process would: no key found yet
        with self._monkeypatch.context() as patch:
            for name, value in (env or {}).items():
                patch.setenv(name, value)
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = self._capsys.readouterr()
        assert "Traceback" not in captured.out + captured.err
        return CliResult(code, captured.out, captured.err)


def forget_keys() -> None:
    """Drop the database keys this process found (``storage.cipher``)."""
    from tui1on1.storage import cipher

    cipher.forget_all()
