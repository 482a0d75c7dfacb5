"""Themes: the shipped ones (``themes/*.toml``), the user's, and Textual's own.

A theme file is TOML: the colours of a Textual :class:`~textual.theme.Theme`
plus a ``[variables]`` table for the app's own variables (the clock's three
states and the pause cue) and any of Textual's. Every file is validated before
it is used; a bad one is reported (by file name, with what is wrong) and
skipped, so a theme never stops the app from starting.

The shipped files are package data in an installed wheel
(``tui1on1/themes/``, put there by the ``force-include`` in pyproject.toml);
in a source checkout they are read from the repository's ``themes/`` folder.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from textual.theme import BUILTIN_THEMES, Theme

from tui1on1.schema import Table
from tui1on1.user_files import TooDeep, UnreadableFile, loads_toml, read_regular_file

DEFAULT_THEME = "tui1on1-dark"
FALLBACK_THEME = "textual-dark"  # if even the default can't be loaded
USER_THEMES_DIR = "themes"  # in the config dir
MAX_FILE_BYTES = 64 * 1024

# The app's own variables and their defaults for themes that don't set them
# (Textual's built-in themes, most user themes). "$name" means "this theme's
# value of Textual's variable name".
THEME_VARIABLE_DEFAULTS: dict[str, str] = {
    "clock-on-track": "$success",
    "clock-wrap-up": "$warning",
    "clock-overtime": "$error",
    "pause-cue": "$text-accent",
    "clock-on-track-style": "bold",
    "clock-wrap-up-style": "bold",
    "clock-overtime-style": "bold",
}
# The colours among them; every shipped theme sets these itself (a test checks).
APP_COLOUR_VARIABLES = ("clock-on-track", "clock-wrap-up", "clock-overtime", "pause-cue")

COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
REQUIRED_FIELDS = ("name", "primary")
NUMBER_FIELDS = ("luminosity_spread", "text_alpha")  # Textual's, 0 to 1
KNOWN_FIELDS = frozenset({"name", "dark", "variables", *COLOUR_FIELDS, *NUMBER_FIELDS})
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")

SHIPPED, BUILT_IN, YOURS = "shipped", "built-in", "yours"


@dataclass(frozen=True)
class ThemeProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        from tui1on1.domain.text import safe_terminal_text

        return f"{safe_terminal_text(self.path.name)}: {self.message}"


@dataclass
class ThemeCatalogue:
    """Every theme the app can use; later sources replace earlier ones by name."""

    themes: dict[str, Theme] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # name → SHIPPED, BUILT_IN or YOURS
    files: dict[str, Path] = field(default_factory=dict)  # name → the file it came from
    replaced: dict[str, str] = field(default_factory=dict)  # name → origin it replaced
    problems: list[ThemeProblem] = field(default_factory=list)

    def add(self, theme: Theme, origin: str, path: Path | None = None) -> None:
        if theme.name in self.origins:
            self.replaced[theme.name] = self.origins[theme.name]
        self.themes[theme.name] = theme
        self.origins[theme.name] = origin
        if path is None:
            self.files.pop(theme.name, None)
        else:
            self.files[theme.name] = path

    def ours(self) -> list[Theme]:
        """The themes to register with the app (Textual has its built-ins already)."""
        return [t for name, t in self.themes.items() if self.origins[name] != BUILT_IN]

    def names(self) -> list[str]:
        return sorted(self.themes)

    def default_name(self) -> str:
        return DEFAULT_THEME if DEFAULT_THEME in self.themes else FALLBACK_THEME


# --- reading one file ---------------------------------------------------------


def load_theme_file(path: Path) -> tuple[Theme | None, list[str]]:
    """Read and validate one theme file: the theme, or None and what is wrong."""
    try:
        text = read_regular_file(path, max_bytes=MAX_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None, ["file not found"]
    except UnreadableFile as exc:  # a pipe, a device, a folder, too large
        return None, [str(exc)]
    except UnicodeDecodeError:
        return None, ["is not UTF-8 text"]
    except OSError as exc:
        return None, [f"cannot be read: {exc.strerror or exc}"]
    return parse_theme_text(text)


def parse_theme_text(text: str) -> tuple[Theme | None, list[str]]:
    try:
        data = loads_toml(text)
    except TooDeep as exc:
        return None, [str(exc)]
    except tomllib.TOMLDecodeError as exc:
        return None, [f"is not valid TOML: {exc}"]
    return theme_from_dict(data)


def theme_from_dict(data: Mapping[str, object]) -> tuple[Theme | None, list[str]]:
    """Validate a parsed theme file; every problem is listed, not just the first."""
    table = Table(data)
    table.refuse_unknown(KNOWN_FIELDS, lambda key: f"unknown key {_shown(key)}", sort=True)
    for key in REQUIRED_FIELDS:
        if key not in table:
            table.report(key, f"'{key}' is missing")
    bad_name = "must be 1-64 letters, digits, '-' or '_' (e.g. 'my-theme')"
    name = table.text(
        "name",
        wrong=lambda value: f"name {_shown(value)} {bad_name}",
        check=lambda n: None if NAME_PATTERN.fullmatch(n) else f"name {_shown(n)} {bad_name}",
    )
    colours: dict[str, str | None] = {}
    for key in COLOUR_FIELDS:
        colours[key] = table.text(key, wrong=_not_quoted(key), check=_not_a_colour(key))
    dark = table.boolean(
        "dark", wrong=lambda value: f"'dark' = {_shown(value)} must be true or false", default=True
    )
    numbers: dict[str, float | None] = {}
    for key in NUMBER_FIELDS:
        outside = _not_zero_to_one(key)
        numbers[key] = table.number(key, wrong=outside, check=_zero_to_one(outside))
    variables = table.table("variables", wrong="'variables' must be a table: [variables]")
    for key, value in (variables or {}).items():
        problem = _variable_problem(key, value)
        if problem:
            table.report(key, problem)
    primary = colours["primary"]
    if table.issues or name is None or primary is None or dark is None:
        return None, [issue.message for issue in table.issues]
    spread, alpha = numbers["luminosity_spread"], numbers["text_alpha"]
    theme = Theme(
        name=name,
        primary=primary,
        secondary=colours["secondary"],
        warning=colours["warning"],
        error=colours["error"],
        success=colours["success"],
        accent=colours["accent"],
        foreground=colours["foreground"],
        background=colours["background"],
        surface=colours["surface"],
        panel=colours["panel"],
        boost=colours["boost"],
        dark=dark,
        luminosity_spread=float(spread) if spread is not None else Theme.luminosity_spread,
        text_alpha=float(alpha) if alpha is not None else Theme.text_alpha,
        variables={str(k): str(v) for k, v in (variables or {}).items()},
    )
    return theme, []


def _not_quoted(key: str) -> Callable[[object], str]:
    return lambda value: (
        f"'{key}' = {_shown(value)} " + 'must be a colour in quotes, e.g. "#3a5f8a"'
    )


def _not_a_colour(key: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        from textual.color import Color, ColorParseError

        try:
            Color.parse(value)
        except ColorParseError:
            return (
                f"'{key}' = {_shown(value)} is not a colour "
                "(use #rrggbb, rgb(r,g,b), hsl(h,s%,l%) or a colour name)"
            )
        return None

    return check


def _not_zero_to_one(key: str) -> Callable[[object], str]:
    return lambda value: f"'{key}' = {_shown(value)} must be a number from 0 to 1"


def _zero_to_one(outside: Callable[[object], str]) -> Callable[[float], str | None]:
    return lambda value: None if 0 <= value <= 1 else outside(value)


def _variable_problem(key: object, value: object) -> str | None:
    """Why ``key = value`` can't be a variable, or None.

    A variable takes a value of the kind Textual's default for it has (a
    colour, "auto N%", a text style), checked with Textual's own CSS parser.
    """
    kinds = _variable_kinds()
    kind = kinds.get(str(key))
    where = f"variable {_shown(key)}"
    if kind is None:
        return f"unknown {where} (see `tui1on1 themes` in the README for the names)"
    if not isinstance(value, str):
        return f"{where} = {_shown(value)} must be a string in quotes"
    if kind == "style":
        ok = _css_accepts("text-style", value)
        return None if ok else f'{where} = {_shown(value)} is not a text style (e.g. "bold")'
    words = value.split()
    if (words and words[0] == "auto" and kind != "auto") or (
        value.strip() == "initial" and kind != "initial"
    ):
        ok = False
    else:
        ok = _css_accepts("color", value)
    return None if ok else f"{where} = {_shown(value)} is not a colour"


def _css_accepts(rule: str, value: str) -> bool:
    if not value.strip() or any(c in value for c in ";{}$\n\r"):
        return False
    from textual.css.stylesheet import Stylesheet, StylesheetParseError
    from textual.css.tokenizer import TokenError

    sheet = Stylesheet(variables={"value": value})
    sheet.add_source(f"Screen {{ {rule}: $value; }}", read_from=("theme", ""))
    try:
        sheet.parse()
    except (StylesheetParseError, TokenError, ValueError):
        return False
    return True


@cache
def _variable_kinds() -> dict[str, str]:
    """Every variable a theme may set → "style", "auto", "initial" or "colour"."""
    from textual.design import ColorSystem

    defaults: dict[str, str] = {}
    for dark in (True, False):
        defaults.update(ColorSystem(primary="#000000", dark=dark).generate())
    defaults.update(THEME_VARIABLE_DEFAULTS)
    kinds = {}
    for name, default in defaults.items():
        if "-style" in name:
            kinds[name] = "style"
        elif default.startswith("auto"):
            kinds[name] = "auto"
        elif default == "initial":
            kinds[name] = "initial"
        else:
            kinds[name] = "colour"
    return kinds


def _shown(value: object, limit: int = 40) -> str:
    """A value from a user's file, safe and short enough for one line."""
    from tui1on1.domain.text import safe_terminal_text

    text = safe_terminal_text(repr(value) if not isinstance(value, str) else f"'{value}'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- where themes come from ---------------------------------------------------


def shipped_themes_dir() -> Traversable:
    """The shipped theme files: package data when installed, else the repo's."""
    packaged = resources.files("tui1on1").joinpath("themes")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "themes"


def shipped_themes() -> tuple[list[Theme], list[ThemeProblem]]:
    folder = shipped_themes_dir()
    themes: list[Theme] = []
    problems: list[ThemeProblem] = []
    if not folder.is_dir():
        return themes, [ThemeProblem(Path(str(folder)), "the shipped themes are missing")]
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            theme, found = parse_theme_text(entry.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            theme, found = None, [f"cannot be read: {exc.__class__.__name__}"]
        problems.extend(ThemeProblem(Path(entry.name), message) for message in found)
        if theme is not None:
            themes.append(theme)
    return themes, problems


def user_themes_dir(config_dir: Path) -> Path:
    return config_dir / USER_THEMES_DIR


def user_themes(config_dir: Path) -> tuple[list[tuple[Theme, Path]], list[ThemeProblem]]:
    """The user's ``*.toml`` files in the config dir's ``themes/``; bad ones skipped."""
    folder = user_themes_dir(config_dir)
    themes: list[tuple[Theme, Path]] = []
    problems: list[ThemeProblem] = []
    try:
        paths = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return themes, problems
    seen: dict[str, Path] = {}
    for path in paths:
        theme, found = load_theme_file(path)
        if theme is not None and theme.name in seen:
            found = [f"theme '{theme.name}' is already defined in {seen[theme.name].name}"]
            theme = None
        problems.extend(ThemeProblem(path, message) for message in found)
        if theme is not None:
            seen[theme.name] = path
            themes.append((theme, path))
    return themes, problems


def load_catalogue(config_dir: Path | None) -> ThemeCatalogue:
    """Textual's built-in themes, then the shipped ones, then the user's."""
    catalogue = ThemeCatalogue()
    for theme in BUILTIN_THEMES.values():
        catalogue.add(theme, BUILT_IN)
    shipped, problems = shipped_themes()
    catalogue.problems.extend(problems)
    for theme in shipped:
        catalogue.add(theme, SHIPPED)
    if config_dir is not None:
        mine, problems = user_themes(config_dir)
        catalogue.problems.extend(problems)
        for theme, path in mine:
            catalogue.add(theme, YOURS, path)
    return catalogue


# --- the app's variables ------------------------------------------------------


def theme_variable_defaults(theme: Theme) -> dict[str, str]:
    """THEME_VARIABLE_DEFAULTS resolved for ``theme`` ("$success" → its colour)."""
    generated: dict[str, str] | None = None
    values: dict[str, str] = {}
    for name, default in THEME_VARIABLE_DEFAULTS.items():
        if default.startswith("$"):
            if generated is None:
                generated = {**theme.to_color_system().generate(), **theme.variables}
            default = generated[default[1:]]
        values[name] = default
    return values
