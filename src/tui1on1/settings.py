"""Where things live and what the user configured.

Kept free of SQLAlchemy and Textual so the CLI can read it before deciding what
to import. Precedence for the database: ``--db`` > ``TUI1ON1_DATABASE_URL`` >
``database_url`` in the config file > a SQLite file in the data dir.
"""

from __future__ import annotations

import os
import re
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


def save_theme(config_file: Path, theme: str) -> None:
    """Set ``theme`` in the config file, keeping every other setting (0600).

    The line ``theme = …`` is replaced (or added above the first table), so
    comments survive; if that edit wouldn't read back as the same settings
    with the new theme, the whole file is written out again instead. Raises
    ConfigError if the file exists but can't be read as TOML: it is then left
    alone rather than overwritten.
    """
    from tui1on1.privacy import ensure_private_dir, write_private_file

    try:
        text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{config_file} can't be read ({exc}); theme not saved") from None
    wanted = {**data, "theme": theme}
    updated = _with_top_level_line(text, "theme", f"theme = {_toml_value(theme)}")
    try:
        readable = tomllib.loads(updated) == wanted
    except tomllib.TOMLDecodeError:
        readable = False
    if not readable:
        updated = _toml_document(wanted)
        if tomllib.loads(updated) != wanted:  # a value this writer can't express
            raise ConfigError(
                f"{config_file} holds settings that can't be rewritten; theme not saved"
            )
    ensure_private_dir(config_file.parent)
    write_private_file(config_file, updated.encode("utf-8"))


def _with_top_level_line(text: str, key: str, line: str) -> str:
    """``text`` with the top-level ``key = …`` line replaced by ``line`` (or added)."""
    lines = text.splitlines()
    assignment = re.compile(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")
    first_table = len(lines)
    for number, current in enumerate(lines):
        if current.lstrip().startswith("["):
            first_table = number
            break
        if assignment.match(current):
            lines[number] = line
            return "\n".join(lines) + "\n"
    lines.insert(first_table, line)
    return "\n".join(lines) + "\n"


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_value(key)


def _toml_value(value: object) -> str:
    """One TOML value; strings are escaped so any text reads back as itself."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and value != value:
            return "nan"
        if isinstance(value, float) and value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        escaped = []
        for ch in value:
            if ch == "\\" or ch == '"':
                escaped.append("\\" + ch)
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                escaped.append(f"\\u{ord(ch):04x}")
            else:
                escaped.append(ch)
        return '"' + "".join(escaped) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + items + "}" if items else "{}"
    return value.isoformat()  # dates and times, as tomllib gives them


def _toml_document(data: dict) -> str:
    """``data`` as a TOML file: plain keys first, then a [table] per dict."""
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in data.items()
             if not isinstance(v, dict)]  # fmt: skip
    for key, table in data.items():
        if isinstance(table, dict):
            lines.append("")
            lines.append(f"[{_toml_key(key)}]")
            lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"
