"""Running the CLI in-process for a test: exit code, stdout, stderr, never a traceback."""

from __future__ import annotations

from tui1on1.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err
