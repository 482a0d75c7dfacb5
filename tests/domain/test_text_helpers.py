"""The small wording helpers every screen and command shares."""

import pytest

from tui1on1.domain.text import clip, plural


@pytest.mark.parametrize(
    ("count", "word", "many", "expected"),
    [
        (0, "minute", None, "0 minutes"),
        (1, "minute", None, "1 minute"),
        (2, "action", None, "2 actions"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
    ],
)
def test_plural(count, word, many, expected):
    assert plural(count, word, many) == expected


def test_clip_marks_every_cut_with_an_ellipsis():
    assert clip("two notes", 20) == "two notes"
    assert clip("two notes", 9) == "two notes"
    assert clip("two notes", 5) == "two…"
    assert clip("two notes", 1) == "…"
    assert clip("two notes", 0) == ""
