"""`tui1on1 themes`, `themes check FILE` and `--theme NAME`."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES

from cli_run import run

THEMES = Path(__file__).parents[2] / "themes"


def _rows(out: str) -> dict[str, list[str]]:
    rows = {}
    for line in out.split("\n\n")[0].splitlines():
        name, *rest = line.split()
        rows[name] = rest
    return rows


def test_themes_lists_shipped_yours_and_built_in_with_the_one_in_use(capsys, config_dir):
    (config_dir / "themes").mkdir()
    (config_dir / "themes" / "mine.toml").write_text(
        'name = "mine"\nprimary = "#336699"\ndark = false\n', encoding="utf-8"
    )
    (config_dir / "themes" / "bad.toml").write_text('name = "bad"\n', encoding="utf-8")
    (config_dir / "config.toml").write_text('theme = "mine"\n', encoding="utf-8")
    code, out, err = run(capsys, "themes")
    assert code == 0
    rows = _rows(out)
    assert rows["tui1on1-dark"] == ["dark", "shipped"]
    assert rows["tui1on1-paper"] == ["light", "shipped"]
    mine = str(config_dir / "themes" / "mine.toml")
    assert rows["mine"] == ["light", "yours", mine, "(in", "use)"]
    assert rows["nord"] == ["dark", "built-in"]
    assert set(BUILTIN_THEMES) <= set(rows)
    assert list(rows)[:4] == sorted(p.stem for p in THEMES.glob("*.toml"))
    assert "bad.toml: 'primary' is missing (skipped)" in err
    code, listed, _ = run(capsys, "themes", "list")
    assert (code, listed) == (0, out)


def test_the_default_is_in_use_without_a_config(capsys, config_dir):
    code, out, _ = run(capsys, "themes")
    assert code == 0
    assert _rows(out)["tui1on1-dark"] == ["dark", "shipped", "(in", "use)"]


def test_themes_check_a_good_file(capsys, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('name = "t"\nprimary = "#336699"\n', encoding="utf-8")
    code, out, err = run(capsys, "themes", "check", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"{path}: ok, theme 't' (dark)"
    assert "clock-on-track, clock-wrap-up, clock-overtime, pause-cue" in out


@pytest.mark.parametrize("shipped", sorted(THEMES.glob("*.toml")), ids=lambda p: p.stem)
def test_themes_check_passes_every_shipped_file(capsys, shipped):
    code, out, _ = run(capsys, "themes", "check", str(shipped))
    assert code == 0
    kind = "light" if "paper" in shipped.stem else "dark"
    assert out == f"{shipped}: ok, theme '{shipped.stem}' ({kind})\n"


def test_themes_check_lists_every_problem_and_exits_1(capsys, tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('name = "t"\naccent = "#12"\nshade = 1\n', encoding="utf-8")
    code, out, _ = run(capsys, "themes", "check", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}: unknown key 'shade'",
        f"{path}: 'primary' is missing",
        f"{path}: 'accent' = '#12' is not a colour "
        "(use #rrggbb, rgb(r,g,b), hsl(h,s%,l%) or a colour name)",
    ]


def test_themes_check_a_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "themes", "check", str(tmp_path / "nope.toml"))
    assert (code, out) == (1, "")
    assert err == f"tui1on1: can't check {tmp_path / 'nope.toml'}: there is no such file\n"


@pytest.mark.parametrize("argv", [["--theme", "nope"], ["--theme", "nope", "meet", "Ada"]])
def test_an_unknown_theme_exits_2_listing_the_valid_names(capsys, config_dir, argv):
    (config_dir / "themes").mkdir()
    (config_dir / "themes" / "mine.toml").write_text(
        'name = "mine"\nprimary = "#336699"\n', encoding="utf-8"
    )
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("tui1on1: there is no theme 'nope'; choose one of: ")
    names = err.strip().split("choose one of: ")[1].split(", ")
    assert {"tui1on1-dark", "tui1on1-paper", "mine", "nord", "textual-dark"} <= set(names)
    assert names == sorted(names)
