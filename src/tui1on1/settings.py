"""Where things live and what the user configured.

Kept free of SQLAlchemy and Textual so the CLI can read it before deciding what
to import. Precedence for the database: ``--db`` > ``TUI1ON1_DATABASE_URL`` >
``database_url`` in the config file > a SQLite file in the data dir.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "tui1on1"
ENV_DATABASE_URL = "TUI1ON1_DATABASE_URL"
DB_FILENAME = "tui1on1.db"

# Keys the config file may hold, with the type each must have.
CONFIG_KEYS: dict[str, type | tuple[type, ...]] = {
    "database_url": str,
    "pause_seconds": (int, float),
    "theme": str,
    "keys": dict,
}


class ConfigError(ValueError):
    """The config file could not be read; the message says where and why."""


@dataclass(frozen=True)
class Settings:
    config_dir: Path
    data_dir: Path
    database_url: str
    database_source: str  # "--db", the env var, "config file" or "default"
    config: dict = field(default_factory=dict)
    config_problems: tuple[str, ...] = ()

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def is_default_sqlite(self) -> bool:
        return self.database_source == "default"

    @property
    def pause_seconds(self) -> float:
        return float(self.config.get("pause_seconds", 8.0))


def default_dirs() -> tuple[Path, Path]:
    """The platform's config and data dirs (XDG vars are honoured on Linux)."""
    return (
        Path(user_config_dir(APP_NAME, appauthor=False)),
        Path(user_data_dir(APP_NAME, appauthor=False)),
    )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def read_config(path: Path) -> tuple[dict, list[str]]:
    """Read the TOML config file; problems are returned, never raised.

    A broken file must not stop the app: it starts on defaults and says why.
    """
    if not path.exists():
        return {}, []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: could not be read ({exc.__class__.__name__}); using defaults"]
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: {exc}; using defaults"]
    config: dict = {}
    problems: list[str] = []
    for key, value in raw.items():
        expected = CONFIG_KEYS.get(key)
        if expected is None:
            problems.append(f"{path}: unknown setting '{key}' ignored")
        elif not isinstance(value, expected) or isinstance(value, bool):
            problems.append(f"{path}: setting '{key}' has the wrong type; ignored")
        else:
            config[key] = value
    pause = config.get("pause_seconds")
    if pause is not None and not 1 <= pause <= 60:
        problems.append(f"{path}: pause_seconds must be between 1 and 60; using 8")
        del config["pause_seconds"]
    return config, problems


def load_settings(db_arg: str | None = None, environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    config_dir, data_dir = default_dirs()
    config, problems = read_config(config_dir / "config.toml")
    if db_arg:
        url, source = db_arg, "--db"
    elif env.get(ENV_DATABASE_URL):
        url, source = env[ENV_DATABASE_URL], ENV_DATABASE_URL
    elif config.get("database_url"):
        url, source = config["database_url"], "config file"
    else:
        url, source = sqlite_url(data_dir / DB_FILENAME), "default"
    return Settings(
        config_dir=config_dir,
        data_dir=data_dir,
        database_url=url,
        database_source=source,
        config=config,
        config_problems=tuple(problems),
    )
