"""Succession's rules with fixed people: the bench's order (gaps first,
then mine and the reports as given), who counts as ready, the words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui1on1.domain.kinds import Relationship
from tui1on1.domain.records import Person
from tui1on1.domain.succession import (
    Backfill,
    Readiness,
    SuccessionError,
    bench,
    candidate_words,
    could_step_into,
    parse_readiness,
)

AT = datetime(2026, 12, 1, tzinfo=UTC)


def _p(pid, name, role="", archived=False):
    return Person(id=pid, name=name, role=role, relationship=Relationship.REPORT, cadence=None,
                  default_playbook=None, archived=archived, created_at=AT)  # fmt: skip


def _b(holder, candidate, readiness, bid=0):
    return Backfill(bid, holder, candidate, readiness, "", AT)


ADA, BO, CY = _p(1, "Ada", "Staff engineer"), _p(2, "Bo"), _p(3, "Cy", archived=True)


def test_gaps_first_readiest_first_and_archived_people_left_out():
    roles = bench(
        [ADA, BO],
        [ADA, BO, CY],
        [_b(None, 2, Readiness.LATER), _b(None, 1, Readiness.YEAR), _b(1, 3, Readiness.NOW),
         _b(2, 1, Readiness.NOW)],
    )  # fmt: skip
    assert [(r.title, r.covered, candidate_words(r)) for r in roles] == [
        ("Ada's role (Staff engineer)", False, "no one named yet"),  # Cy is archived
        ("my role", True, "Ada (within a year), Bo (later)"),
        ("Bo's role", True, "Ada (ready now)"),
    ]
    assert could_step_into(
        1, [ADA, BO], [_b(None, 1, Readiness.YEAR), _b(2, 1, Readiness.NOW)]
    ) == [
        ("Bo's role", Readiness.NOW),
        ("my role", Readiness.YEAR),
    ]


def test_later_alone_is_no_back_up():
    (mine,) = bench([], [ADA], [_b(None, 1, Readiness.LATER)])
    assert not mine.covered


@pytest.mark.parametrize(
    ("word", "readiness"),
    [("now", Readiness.NOW), ("Ready-now", Readiness.NOW), ("year", Readiness.YEAR),
     ("within a year", Readiness.YEAR), ("LATER", Readiness.LATER)],
)  # fmt: skip
def test_readiness_as_typed(word, readiness):
    assert parse_readiness(word) is readiness


def test_an_unknown_readiness_says_the_choices():
    with pytest.raises(SuccessionError, match="try now, year"):
        parse_readiness("soon")
