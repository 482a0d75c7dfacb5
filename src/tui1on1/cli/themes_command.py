"""`tui1on1 themes`: list the colour themes, check a theme file.

None of this touches the database, so nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui1on1.cli import EXIT_FAILURE, EXIT_OK
from tui1on1.domain.text import safe_terminal_text
from tui1on1.settings import Settings

IN_USE = "(in use)"


def themes(settings: Settings, args: argparse.Namespace) -> int:
    if getattr(args, "themes_command", None) == "check":
        return check(args.file)
    return list_themes(settings)


def list_themes(settings: Settings) -> int:
    """Every theme: name, dark or light, where it comes from; the one in use marked."""
    from tui1on1.ui.theming import BUILT_IN, SHIPPED, YOURS, load_catalogue, user_themes_dir

    catalogue = load_catalogue(settings.config_dir)
    for problem in catalogue.problems:
        _warn(f"{problem.path}: {problem.message} (skipped)")
    configured = settings.config.theme
    in_use = configured if configured in catalogue.themes else catalogue.default_name()
    order = {SHIPPED: 0, YOURS: 1, BUILT_IN: 2}
    names = sorted(catalogue.themes, key=lambda n: (order[catalogue.origins[n]], n))
    width = max(len(safe_terminal_text(n)) for n in names)
    for name in names:
        theme = catalogue.themes[name]
        origin = catalogue.origins[name]
        line = f"{safe_terminal_text(name).ljust(width)}  {'dark ' if theme.dark else 'light'}"
        line += f"  {origin.ljust(8)}"
        if origin == YOURS:
            line += f"  {safe_terminal_text(str(catalogue.files[name]))}"
            if name in catalogue.replaced:
                line += f" (replaces the {catalogue.replaced[name]} one)"
        if name == in_use:
            line += f"  {IN_USE}"
        print(line.rstrip())
    print("\nChoose one with --theme NAME, 'Theme' in the app's palette (ctrl+p), or")
    print(f'theme = "NAME" in {settings.config_file}')
    print(f"Your own: *.toml in {user_themes_dir(settings.config_dir)}")
    return EXIT_OK


def check(file: str) -> int:
    """Validate one theme file: its problems on stdout (exit 1), or what it defines."""
    from tui1on1.ui.theming import APP_COLOUR_VARIABLES, load_theme_file

    path = Path(file)
    shown = safe_terminal_text(file)
    try:
        if not path.exists():
            return _fail(f"can't check {shown}: there is no such file")
    except (OSError, ValueError) as exc:  # a name too long to stat, a NUL in it
        reason = getattr(exc, "strerror", None) or exc
        return _fail(f"can't check {shown}: {safe_terminal_text(str(reason))}")
    theme, problems = load_theme_file(path)
    if theme is None:
        for problem in problems:
            print(f"{shown}: {problem}")
        return EXIT_FAILURE
    kind = "dark" if theme.dark else "light"
    print(f"{shown}: ok, theme '{theme.name}' ({kind})")
    derived = [name for name in APP_COLOUR_VARIABLES if name not in theme.variables]
    if derived:
        print(f"  not set, so taken from its success/warning/error/accent: {', '.join(derived)}")
    return EXIT_OK


def unknown_theme_problem(settings: Settings, name: str) -> str | None:
    """Why ``--theme name`` can't be used, or None if there is such a theme."""
    from tui1on1.ui.theming import load_catalogue

    catalogue = load_catalogue(settings.config_dir)
    if name in catalogue.themes:
        return None
    return (
        f"there is no theme '{safe_terminal_text(name)}'; "
        f"choose one of: {', '.join(catalogue.names())}"
    )


def _warn(message: str) -> None:
    print(f"tui1on1: warning: {safe_terminal_text(message)}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"tui1on1: {message}", file=sys.stderr)
    return EXIT_FAILURE
