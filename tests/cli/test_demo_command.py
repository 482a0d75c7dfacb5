"""`tui1on1 demo`: the app on a throwaway database; the user's own data untouched."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from tui1on1.cli import main
from tui1on1.ui.app import OneOnOneApp


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> dict:
    """OneOnOneApp.run records what it was given instead of starting a terminal."""
    seen: dict = {}

    def run(self: OneOnOneApp, *args, **kwargs) -> int:
        settings = self.settings
        folder = Path(settings.data_dir)
        seen["settings"] = settings
        seen["folder"] = folder
        seen["mode"] = stat.S_IMODE(folder.stat().st_mode)
        seen["files"] = sorted(p.name for p in folder.iterdir())
        path = settings.database_url.removeprefix("sqlite:///")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            seen["people"] = [row[0] for row in db.execute("SELECT name FROM person")]
            seen["notes"] = db.execute("SELECT count(*) FROM note").fetchone()[0]
        if "fail" in seen:
            raise seen["fail"]
        return 0

    monkeypatch.setattr(OneOnOneApp, "run", run)
    monkeypatch.setattr("tui1on1.cli.app_command.terminal_problem", lambda: None)  # no terminal
    return seen


def user_database(home: Path) -> list[Path]:
    return list(home.rglob("*.db*"))


def test_demo_runs_the_app_on_a_temporary_database(
    recorded: dict, isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    settings, folder = recorded["settings"], recorded["folder"]
    assert settings.database_source == "demo"
    assert settings.database_url == f"sqlite:///{folder / 'tui1on1.db'}"
    assert recorded["mode"] == 0o700
    assert "tui1on1.db" in recorded["files"]
    assert len(recorded["people"]) == 5 and recorded["notes"] > 1000
    # the user's config dir is still theirs (keys, questions); their data dir isn't used
    assert settings.config_dir == isolated_dirs / "config" / "tui1on1"
    assert not folder.is_relative_to(isolated_dirs)
    assert user_database(isolated_dirs) == []
    assert not (isolated_dirs / "data" / "tui1on1").exists()
    err = capsys.readouterr().err
    assert err.strip() == f"Demo database in {folder}: your own data is untouched"
    assert not folder.exists()


def test_the_temporary_folder_goes_on_an_exception_too(recorded: dict, isolated_dirs: Path):
    recorded["fail"] = RuntimeError("the terminal went away")
    with pytest.raises(RuntimeError):
        main(["demo"])
    assert recorded["people"]
    assert not recorded["folder"].exists()
    assert user_database(isolated_dirs) == []


def test_demo_ignores_the_users_database_url(
    recorded: dict, isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.db"
    monkeypatch.setenv("TUI1ON1_DATABASE_URL", f"sqlite:///{mine}")
    assert main(["demo"]) == 0
    assert recorded["settings"].database_source == "demo"
    assert not mine.exists()
    assert not recorded["folder"].exists()
