"""Prompt rotation: never-asked first, then least recently asked, no repeats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui1on1.domain.prompts import AskedBefore, PromptDeck, rank_questions

T0 = datetime(2026, 11, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Q:
    slug: str
    category: str
    text: str = "?"
    follow_up: bool = False


BANK = [
    Q("a1", "aspiration"),
    Q("a2", "aspiration"),
    Q("w1", "why"),
    Q("f1", "feedback"),
    Q("a3", "aspiration"),
]


def asked(days_ago: int, meetings_ago: int) -> AskedBefore:
    return AskedBefore(asked_at=T0 - timedelta(days=days_ago), meetings_ago=meetings_ago)


def slugs(questions):
    return [q.slug for q in questions]


def test_never_asked_come_first_in_category_order():
    ranked = rank_questions(BANK, ["why", "aspiration"], {})
    assert slugs(ranked) == ["w1", "a1", "a2", "a3"]


def test_recently_asked_are_held_back_and_older_ones_follow_by_age():
    history = {
        "a1": asked(days_ago=7, meetings_ago=1),  # recent: held back
        "a2": asked(days_ago=70, meetings_ago=9),
        "a3": asked(days_ago=40, meetings_ago=5),
    }
    assert slugs(rank_questions(BANK, ["aspiration"], history)) == ["a2", "a3"]


def test_when_everything_was_asked_recently_the_oldest_is_offered():
    history = {
        "a1": asked(days_ago=7, meetings_ago=1),
        "a2": asked(days_ago=14, meetings_ago=2),
        "a3": asked(days_ago=21, meetings_ago=3),
    }
    assert slugs(rank_questions(BANK, ["aspiration"], history)) == ["a3", "a2", "a1"]


def test_deck_moves_wraps_and_picks():
    deck = PromptDeck(rank_questions(BANK, ["aspiration"], {}))
    assert deck.current.slug == "a1" and deck.position == (1, 3)
    assert deck.next().slug == "a2"
    assert deck.next().slug == "a3"
    assert deck.next().slug == "a1"
    assert deck.previous().slug == "a3"
    picked = deck.pick(Q("f1", "feedback"))
    assert deck.current is picked and deck.position == (4, 4)
    assert deck.previous().slug == "a3"


def test_dropping_an_asked_question_keeps_a_sensible_current():
    deck = PromptDeck(rank_questions(BANK, ["aspiration"], {}))
    deck.next()  # a2
    deck.drop("a2")
    assert slugs(deck._items) == ["a1", "a3"]
    assert deck.current.slug in {"a1", "a3"}
    empty = PromptDeck([])
    assert empty.current is None and empty.next() is None and empty.position == (0, 0)
