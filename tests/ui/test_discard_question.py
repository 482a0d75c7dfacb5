"""The discard question counts as the end summary does (notes apart from
actions) and says what earlier promises go back to as they were."""

from __future__ import annotations

import pytest

from tui1on1.domain.meeting import DiscardCounts
from tui1on1.ui.dialogs.discard import discard_question

TAIL = "removed from history and search and kept only in this file:"


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        (DiscardCounts(0, 0, 0, 0), f"It will be {TAIL}"),
        (DiscardCounts(1, 0, 0, 0), f"Its 1 note will be {TAIL}"),
        (DiscardCounts(6, 4, 0, 0), f"Its 6 notes and 4 actions will be {TAIL}"),
        (DiscardCounts(0, 1, 0, 0), f"Its 1 action will be {TAIL}"),
        (
            DiscardCounts(2, 1, 2, 0),
            f"Of the earlier promises, 2 promises closed in it will be open again. "
            f"Its 2 notes and 1 action will be {TAIL}",
        ),
        (
            DiscardCounts(2, 0, 1, 1),
            "Of the earlier promises, 1 promise closed in it will be open again and "
            f"1 promise changed in it will go back to how it was. Its 2 notes will be {TAIL}",
        ),
        (
            DiscardCounts(0, 0, 0, 3),
            "Of the earlier promises, 3 promises changed in it will go back to how they were. "
            f"It will be {TAIL}",
        ),
    ],
)
def test_the_question_says_what_goes_and_what_comes_back(counts, said) -> None:
    question, text = discard_question("Priya Raman", counts)
    assert question == "Discard this 1:1 with Priya Raman?"
    assert text == said
