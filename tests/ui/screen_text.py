"""What is on the terminal, as plain text lines, read from the app's own
SVG screenshot (what a user would see, not what a widget holds)."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>'
)
CHAR_WIDTH = 12.2  # pixels per cell in Rich's SVG export


def screen_lines(app) -> list[str]:
    """The screen, one string per row (spaces where nothing is written)."""
    svg = app.export_screenshot()
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, raw in _TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        column = round(float(x) / CHAR_WIDTH)  # wide characters count as one: ASCII tests
        row = rows[int(line)]
        for offset, char in enumerate(text):
            if column + offset < len(row):
                row[column + offset] = char
    return ["".join(row).rstrip() for row in rows]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))
