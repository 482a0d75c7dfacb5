"""Theme files: validation, the shipped themes, the user's themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui1on1.ui.theming import (
    APP_COLOUR_VARIABLES,
    BUILT_IN,
    DEFAULT_THEME,
    SHIPPED,
    THEME_VARIABLE_DEFAULTS,
    YOURS,
    load_catalogue,
    load_theme_file,
    shipped_themes,
    shipped_themes_dir,
    theme_variable_defaults,
    user_themes,
)

REPO_THEMES = Path(__file__).parents[2] / "themes"
SHIPPED_NAMES = {
    "tui1on1-dark",
    "tui1on1-paper",
    "tui1on1-high-contrast",
    "tui1on1-colour-blind",
}

GOOD = """\
name = "my-theme"
dark = false
primary = "#34598a"
background = "#ffffff"
error = "rgb(200, 30, 30)"
success = "hsl(140, 40%, 30%)"

[variables]
clock-overtime = "#aa0000"
clock-overtime-style = "bold reverse"
footer-key-foreground = "#34598a"
text-muted = "auto 80%"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- one file ---------------------------------------------------------------


def test_a_good_file_loads_with_its_colours_and_variables(tmp_path):
    theme, problems = load_theme_file(write(tmp_path, "mine.toml", GOOD))
    assert problems == []
    assert theme is not None
    assert (theme.name, theme.dark, theme.primary) == ("my-theme", False, "#34598a")
    assert theme.variables["clock-overtime-style"] == "bold reverse"
    assert theme.variables["text-muted"] == "auto 80%"


def test_dark_defaults_to_true_and_only_name_and_primary_are_required(tmp_path):
    theme, problems = load_theme_file(write(tmp_path, "t.toml", 'name = "t"\nprimary = "red"\n'))
    assert problems == [] and theme is not None and theme.dark is True


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('primary = "#34598a"', 'primary = "#34598"'), "'primary' = '#34598' is not a colour"),
        (('error = "rgb(200, 30, 30)"', 'error = "blurple"'),
         "'error' = 'blurple' is not a colour"),
        (('error = "rgb(200, 30, 30)"', "error = 12"), "'error' = 12 must be a colour in quotes"),
        (('clock-overtime = "#aa0000"', 'clock-overtime = "#ggg"'),
         "variable 'clock-overtime' = '#ggg' is not a colour"),
        (('clock-overtime = "#aa0000"', 'clock-overtime = "auto 90%"'),
         "variable 'clock-overtime' = 'auto 90%' is not a colour"),
        (('clock-overtime-style = "bold reverse"', 'clock-overtime-style = "heavy"'),
         "variable 'clock-overtime-style' = 'heavy' is not a text style"),
        (('text-muted = "auto 80%"', 'text-muted = "#fff; background: red"'),
         "variable 'text-muted' = '#fff; background: red' is not a colour"),
    ],
    ids=["short-hex", "unknown-name", "not-a-string", "variable", "auto-for-a-colour",
         "style", "css-injection"],
)  # fmt: skip
def test_a_bad_colour_is_named_with_its_value(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    theme, problems = load_theme_file(write(tmp_path, "bad.toml", GOOD.replace(old, new)))
    assert theme is None
    assert len(problems) == 1
    assert problems[0].startswith(expected)  # and a hint may follow


@pytest.mark.parametrize("field", ["name", "primary"])
def test_a_missing_required_field_is_reported(tmp_path, field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(f"{field} ="))
    theme, problems = load_theme_file(write(tmp_path, "t.toml", text))
    assert theme is None
    assert problems == [f"'{field}' is missing"]


def test_an_unknown_key_is_reported_not_ignored(tmp_path):
    text = GOOD.replace("dark = false", 'dark = false\nprimery = "#000000"')
    text += 'clock-overtiem = "#000000"\n'
    theme, problems = load_theme_file(write(tmp_path, "t.toml", text))
    assert theme is None
    assert problems[0] == "unknown key 'primery'"
    assert problems[1].startswith("unknown variable 'clock-overtiem'")


def test_every_problem_is_listed_at_once(tmp_path):
    text = 'name = "no spaces allowed"\ndark = "yes"\naccent = "nope"\ntext_alpha = 2\n'
    theme, problems = load_theme_file(write(tmp_path, "t.toml", text))
    assert theme is None
    assert problems == [
        "'primary' is missing",
        "name 'no spaces allowed' must be 1-64 letters, digits, '-' or '_' (e.g. 'my-theme')",
        "'accent' = 'nope' is not a colour "
        "(use #rrggbb, rgb(r,g,b), hsl(h,s%,l%) or a colour name)",
        "'dark' = 'yes' must be true or false",
        "'text_alpha' = 2 must be a number from 0 to 1",
    ]


@pytest.mark.parametrize(
    ("content", "start"),
    [
        (b'name = "x\n', "is not valid TOML"),
        (b"\xff\xfe name", "is not UTF-8 text"),
        (b'name = "x"\nprimary = "red"\nvariables = "red"\n', "'variables' must be a table"),
    ],
)
def test_unreadable_files(tmp_path, content, start):
    path = tmp_path / "t.toml"
    path.write_bytes(content)
    theme, problems = load_theme_file(path)
    assert theme is None and problems[0].startswith(start)


def test_a_missing_file(tmp_path):
    assert load_theme_file(tmp_path / "nope.toml") == (None, ["file not found"])


# --- the shipped themes -----------------------------------------------------


def test_the_shipped_themes_all_load_and_set_every_app_colour():
    themes, problems = shipped_themes()
    assert problems == []
    assert {t.name for t in themes} == SHIPPED_NAMES
    for theme in themes:
        assert set(APP_COLOUR_VARIABLES) <= set(theme.variables), theme.name
        assert all(getattr(theme, f) for f in ("background", "foreground", "surface")), theme.name
    assert DEFAULT_THEME in SHIPPED_NAMES


def test_in_a_checkout_the_shipped_themes_are_the_repositorys_files():
    assert Path(str(shipped_themes_dir())).resolve() == REPO_THEMES.resolve()
    assert {p.stem for p in REPO_THEMES.glob("*.toml")} == SHIPPED_NAMES


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    c = Color.parse(colour)
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_clock_and_cue_colours_are_readable_on_every_shipped_background():
    themes, _ = shipped_themes()
    for theme in themes:
        needed = 7.0 if theme.name == "tui1on1-high-contrast" else 4.5  # WCAG AAA / AA
        for name in APP_COLOUR_VARIABLES:
            ratio = _contrast(theme.variables[name], theme.background)
            assert ratio >= needed, f"{theme.name} {name}: {ratio:.1f}"


def test_the_colour_blind_themes_clock_states_differ_by_more_than_hue():
    themes, _ = shipped_themes()
    theme = next(t for t in themes if t.name == "tui1on1-colour-blind")
    states = ("on-track", "wrap-up", "overtime")
    styles = {theme.variables[f"clock-{state}-style"] for state in states}
    assert len(styles) == 3  # plain, bold, bold reverse: told apart without colour
    lightness = sorted(_luminance(theme.variables[f"clock-{s}"]) for s in states)
    assert lightness == sorted(set(lightness))


def test_themes_without_the_apps_variables_get_them_from_their_own_colours():
    nord = BUILTIN_THEMES["nord"]
    values = theme_variable_defaults(nord)
    assert set(values) == set(THEME_VARIABLE_DEFAULTS)
    for name, source in (("on-track", "success"), ("wrap-up", "warning"), ("overtime", "error")):
        derived, own = Color.parse(values[f"clock-{name}"]), Color.parse(getattr(nord, source))
        assert max(abs(a - b) for a, b in zip(derived.rgb, own.rgb, strict=True)) <= 1
    assert values["clock-overtime-style"] == "bold"


# --- the user's themes ------------------------------------------------------


def test_user_themes_are_added_replace_by_name_and_bad_files_are_skipped(tmp_path):
    folder = tmp_path / "themes"
    write(folder, "mine.toml", GOOD)
    write(folder, "paper.toml", 'name = "tui1on1-paper"\nprimary = "#000000"\ndark = false\n')
    write(folder, "nord.toml", 'name = "nord"\nprimary = "#123456"\n')
    write(folder, "broken.toml", 'name = "broken"\nprimary = "#12"\n')
    write(folder, "again.toml", GOOD)  # sorted before mine.toml: it wins, mine is skipped
    write(folder, "notes.txt", "not a theme")
    catalogue = load_catalogue(tmp_path)
    assert catalogue.origins["my-theme"] == YOURS
    assert catalogue.files["my-theme"] == folder / "again.toml"
    assert catalogue.origins["tui1on1-paper"] == YOURS
    assert catalogue.themes["tui1on1-paper"].primary == "#000000"
    assert catalogue.replaced == {"tui1on1-paper": SHIPPED, "nord": BUILT_IN}
    assert catalogue.origins["tui1on1-dark"] == SHIPPED
    assert catalogue.origins["dracula"] == BUILT_IN
    assert "broken" not in catalogue.themes
    assert [str(p) for p in catalogue.problems] == [
        "broken.toml: 'primary' = '#12' is not a colour "
        "(use #rrggbb, rgb(r,g,b), hsl(h,s%,l%) or a colour name)",
        "mine.toml: theme 'my-theme' is already defined in again.toml",
    ]


def test_no_user_themes_folder_is_fine(tmp_path):
    assert user_themes(tmp_path / "nowhere") == ([], [])
