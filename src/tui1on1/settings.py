"""Where things live and what the user configured.

Kept free of SQLAlchemy and Textual so the CLI can read it before deciding what
to import. Precedence for the database: ``--db`` > ``TUI1ON1_DATABASE_URL`` >
``database_url`` in the config file > a SQLite file in the data dir.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.noteedit import DEFAULT_PRIVATE_KINDS
from tui1on1.domain.pausecue import BREATH_SECONDS, SECOND_WAIT_SECONDS, PauseLengths
from tui1on1.domain.series import DEFAULT_CAREER_WEEKS, MAX_CAREER_WEEKS
from tui1on1.pause_config import read_pause_table
from tui1on1.schema import Table
from tui1on1.user_files import (
    MAX_TOML_BYTES,
    TooDeep,
    UnreadableFile,
    loads_toml,
    read_regular_file,
)

APP_NAME = "tui1on1"
ENV_DATABASE_URL = "TUI1ON1_DATABASE_URL"
DB_FILENAME = "tui1on1.db"

# Keys the config file may hold (each checked by read_config).
CONFIG_KEYS = ("database_url", "pause_seconds", "theme", "keys", "pause", "career_weeks", "notes")
NOTES_KEYS = ("private_by_default",)


class ConfigError(ValueError):
    """The config file could not be read; the message says where and why."""


@dataclass(frozen=True)
class Config:
    """What the config file says, checked once when it is read; None: not set."""

    database_url: str | None = None
    pause_seconds: float | None = None  # 1 to 60: every question's cue
    theme: str | None = None
    # [pause]: a length for some kinds of question (category → 1 to 60),
    # the second wait after the first answer, the breath before answering.
    pause: dict[str, float] = field(default_factory=dict)
    second_wait: bool | None = None
    second_wait_seconds: float | None = None
    breath_seconds: float | None = None
    # The [keys] table as written: each rebinding is checked by the app
    # (ui/keys.py), which knows the bindings and says which it refused.
    keys: dict[str, object] = field(default_factory=dict)
    career_weeks: int | None = None  # 1 to 52: weeks until a career conversation is due
    # [notes] private_by_default: the kinds of note saved private (None: not set).
    private_by_default: tuple[NoteKind, ...] | None = None


@dataclass(frozen=True)
class Settings:
    config_dir: Path
    data_dir: Path
    database_url: str
    database_source: str  # "--db", the env var, "config file" or "default"
    config: Config = field(default_factory=Config)
    config_problems: tuple[str, ...] = ()

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def is_default_sqlite(self) -> bool:
        return self.database_source == "default"

    @property
    def pause_lengths(self) -> PauseLengths:
        """How long each pause cue runs (see :class:`PauseLengths`)."""
        config = self.config
        second = config.second_wait_seconds or SECOND_WAIT_SECONDS  # set: 1 to 60
        return PauseLengths(
            every=config.pause_seconds,
            by_category=dict(config.pause),
            second_wait=None if config.second_wait is False else second,
            breath=config.breath_seconds or BREATH_SECONDS,
        )

    @property
    def career_weeks(self) -> int:
        weeks = self.config.career_weeks
        return weeks if weeks is not None else DEFAULT_CAREER_WEEKS

    @property
    def private_kinds(self) -> frozenset[NoteKind]:
        """The kinds of note saved private unless the line says otherwise."""
        kinds = self.config.private_by_default
        return frozenset(DEFAULT_PRIVATE_KINDS if kinds is None else kinds)


def default_dirs() -> tuple[Path, Path]:
    """The platform's config and data dirs (XDG vars are honoured on Linux)."""
    return (
        Path(user_config_dir(APP_NAME, appauthor=False)),
        Path(user_data_dir(APP_NAME, appauthor=False)),
    )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def read_config(path: Path) -> tuple[Config, list[str]]:
    """Read the TOML config file; problems are returned, never raised.

    A broken file must not stop the app: it starts on defaults and says why.
    """
    try:
        raw = loads_toml(read_regular_file(path, max_bytes=MAX_TOML_BYTES).decode("utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return Config(), []
    except UnreadableFile as exc:
        return Config(), [f"{path}: {exc}; using defaults"]
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [f"{path}: could not be read ({exc.__class__.__name__}); using defaults"]
    except (tomllib.TOMLDecodeError, TooDeep) as exc:
        return Config(), [f"{path}: {exc}; using defaults"]
    table = Table(raw)
    table.refuse_unknown(CONFIG_KEYS, lambda key: f"unknown setting '{key}' ignored")

    def wrong(key: str) -> str:
        return f"setting '{key}' has the wrong type; ignored"

    database_url = table.text("database_url", wrong=wrong("database_url"))
    pause = table.number("pause_seconds", wrong=wrong("pause_seconds"))
    theme = table.text("theme", wrong=wrong("theme"))
    keys = table.table("keys", wrong=wrong("keys"))
    pause_table = table.table("pause", wrong=wrong("pause"))
    weeks = table.number("career_weeks", wrong=wrong("career_weeks"))
    notes_table = table.table("notes", wrong=wrong("notes"))
    place = {key: number for number, key in enumerate(raw)}  # problems in the file's order
    issues = sorted(table.issues, key=lambda issue: place.get(issue.key or "", 0))
    problems = [f"{path}: {issue.message}" for issue in issues]
    if pause is not None and not 1 <= pause <= 60:
        problems.append(
            f"{path}: pause_seconds must be between 1 and 60; "
            "each kind of question keeps its own length"
        )
        pause = None
    pauses = read_pause_table(pause_table or {}, every=pause)
    problems += [f"{path}: {problem}" for problem in pauses.problems]
    if weeks is not None and (not 1 <= weeks <= MAX_CAREER_WEEKS or weeks != int(weeks)):
        problems.append(
            f"{path}: career_weeks must be a whole number from 1 to {MAX_CAREER_WEEKS}; "
            f"using {DEFAULT_CAREER_WEEKS}"
        )
        weeks = None
    private_kinds, notes_problems = read_notes_table(notes_table or {})
    problems += [f"{path}: {problem}" for problem in notes_problems]
    config = Config(
        database_url=database_url,
        pause_seconds=pause,
        theme=theme,
        keys=keys or {},
        pause=pauses.by_category,
        second_wait=pauses.second_wait,
        second_wait_seconds=pauses.second_wait_seconds,
        breath_seconds=pauses.breath_seconds,
        career_weeks=None if weeks is None else int(weeks),
        private_by_default=private_kinds,
    )
    return config, problems


def read_notes_table(raw: dict[str, object]) -> tuple[tuple[NoteKind, ...] | None, list[str]]:
    """``[notes]``: ``private_by_default``, a list of kinds of note (``[]``
    shares every kind). A kind that doesn't exist is left out and told; a
    value that isn't a list of words keeps the default."""
    table = Table(raw)
    table.refuse_unknown(NOTES_KEYS, lambda key: f"[notes] unknown setting '{key}' ignored")
    default = ", ".join(f'"{kind}"' for kind in sorted(DEFAULT_PRIVATE_KINDS))
    written = table.text_list(
        "private_by_default",
        wrong=f"[notes] private_by_default must be a list of kinds of note; using [{default}]",
    )
    problems = [issue.message for issue in table.issues]
    if written is None:
        return None, problems
    names = [kind.value for kind in NoteKind]
    kinds: list[NoteKind] = []
    for name in written:
        if name.strip().lower() in names:
            kinds.append(NoteKind(name.strip().lower()))
            continue
        close = difflib.get_close_matches(name.lower(), names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"kinds of note: {', '.join(names)}"
        problems.append(f"[notes] no kind of note '{name}' ({hint}); ignored")
    return tuple(dict.fromkeys(kinds)), problems


def load_settings(db_arg: str | None = None, environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    config_dir, data_dir = default_dirs()
    config, problems = read_config(config_dir / "config.toml")
    if db_arg:
        url, source = db_arg, "--db"
    elif env.get(ENV_DATABASE_URL):
        url, source = env[ENV_DATABASE_URL], ENV_DATABASE_URL
    elif config.database_url:
        url, source = config.database_url, "config file"
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
    """Set ``theme`` in the config file, keeping everything else in it (0600).

    The file is edited with tomlkit, so its comments, layout and every other
    value stay as they were. Raises ConfigError if the file exists but can't
    be read as TOML: it is then left alone rather than overwritten.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from tui1on1.privacy import ensure_private_dir, write_private_file

    try:
        try:
            text = read_regular_file(config_file, max_bytes=MAX_TOML_BYTES).decode("utf-8")
        except FileNotFoundError:
            text = ""
        loads_toml(text)  # the reader the app uses decides what is readable
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TooDeep) as exc:
        raise ConfigError(f"{config_file} can't be read ({exc}); theme not saved") from None
    except UnreadableFile as exc:
        raise ConfigError(f"{config_file} {exc}; theme not saved") from None
    try:
        document = tomlkit.parse(text)
        document["theme"] = theme
        updated = tomlkit.dumps(document)
    except TOMLKitError:
        raise ConfigError(
            f"{config_file} holds settings that can't be rewritten; theme not saved"
        ) from None
    ensure_private_dir(config_file.parent)
    write_private_file(config_file, updated.encode("utf-8"))
