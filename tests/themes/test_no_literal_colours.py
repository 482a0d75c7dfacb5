"""Every colour in the app's stylesheets comes from a theme variable."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from textual.color import COLOR_NAME_TO_RGB

SRC = Path(__file__).parents[2] / "src" / "tui1on1"

HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\s*\(", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def literal_colours(css: str) -> list[str]:
    """The colour literals in the declarations of ``css`` (selectors like #id are skipped)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for block in re.findall(r"\{([^{}]*)\}", css):
        for declaration in block.split(";"):
            if ":" not in declaration:
                continue
            prop, value = (part.strip() for part in declaration.split(":", 1))
            value = re.sub(r"\$[A-Za-z0-9_-]+", "", value)  # variables are fine
            found += [f"{prop}: {m}" for m in HEX.findall(value)]
            found += [f"{prop}: {m.group(0)}" for m in FUNCTION.finditer(value)]
            found += [f"{prop}: {w}" for w in WORD.findall(value) if w.lower() in COLOR_NAME_TO_RGB]
    return found


def test_the_checker_finds_literal_colours():
    css = """
    #remaining, #add-button { color: $clock-on-track; }
    Screen { background: #1b1e24; color: rgb(1, 2, 3); border: tall red; }
    /* a comment with #fff and red */
    Foo { text-style: bold; border-left: thick $primary; width: auto; }
    """
    assert literal_colours(css) == ["background: #1b1e24", "color: rgb(", "border: red"]


def test_no_tcss_file_has_a_literal_colour():
    sheets = sorted(SRC.rglob("*.tcss"))
    assert sheets  # app.tcss at least
    for sheet in sheets:
        assert literal_colours(sheet.read_text(encoding="utf-8")) == [], sheet.name


def test_no_inline_css_in_python_has_a_literal_colour():
    for module in sorted(SRC.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            names = {t.id for t in node.targets if isinstance(t, ast.Name)}
            if names & {"CSS", "DEFAULT_CSS"} and isinstance(node.value, ast.Constant):
                assert literal_colours(str(node.value.value)) == [], module.name
