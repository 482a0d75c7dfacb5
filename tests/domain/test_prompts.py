"""Prompt rotation: never-asked first, then least recently asked, no repeats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui1on1.domain.prompts import (
    AskedBefore,
    PromptDeck,
    fold_replaced,
    follow_ups,
    rank_questions,
    segment_questions,
)

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


# --- a segment's deck: lead first, categories in turn, follow-ups after an ask ---

SEGMENT_BANK = [
    Q("a1", "aspiration"),
    Q("a2", "aspiration"),
    Q("a3", "aspiration"),
    Q("m1", "moonshot"),
    Q("m2", "moonshot"),
    Q("s1", "strengths"),
    Q("w-lead", "why"),
    Q("w-back", "why", follow_up=True),
    Q("w-again", "why", follow_up=True),
]
CAREER = ["aspiration", "moonshot", "strengths", "why"]


def test_a_segment_opens_on_its_lead_then_takes_its_categories_in_turn():
    deck = segment_questions(SEGMENT_BANK, CAREER, ["m2", "a3"], {})
    assert slugs(deck) == ["m2", "a3", "a1", "m1", "s1", "w-lead", "a2"]


def test_leads_rotate_the_least_recently_asked_first_however_recent():
    history = {"m2": asked(days_ago=7, meetings_ago=1), "a3": asked(days_ago=14, meetings_ago=2)}
    deck = segment_questions(SEGMENT_BANK, CAREER, ["m2", "a3", "s1"], history)
    assert slugs(deck)[:3] == ["s1", "a3", "m2"]  # never asked, then the older of the two


def test_follow_ups_and_questions_asked_earlier_are_never_offered_cold():
    deck = segment_questions(SEGMENT_BANK, CAREER, [], {}, skip={"a1", "m1"})
    assert "w-back" not in slugs(deck) and "w-again" not in slugs(deck)
    assert slugs(deck) == ["a2", "m2", "s1", "w-lead", "a3"]


def test_follow_ups_are_ranked_like_the_rest_and_skip_the_asked():
    history = {"w-back": asked(days_ago=7, meetings_ago=1)}
    assert slugs(follow_ups(SEGMENT_BANK, CAREER, history)) == ["w-again", "w-back"]
    assert slugs(follow_ups(SEGMENT_BANK, CAREER, {}, skip={"w-back"})) == ["w-again"]


def test_added_follow_ups_come_right_after_the_current_prompt():
    deck = PromptDeck(segment_questions(SEGMENT_BANK, CAREER, ["m2"], {}))
    deck.add_next(follow_ups(SEGMENT_BANK, CAREER, {}))
    assert deck.current.slug == "m2"
    assert [deck.next().slug, deck.next().slug, deck.next().slug] == ["w-back", "w-again", "a1"]
    deck.add_next(follow_ups(SEGMENT_BANK, CAREER, {}))  # already there: nothing moves
    assert deck.position[1] == 9


def test_what_was_asked_under_a_replaced_slug_counts_for_its_successor():
    history = {"old": asked(days_ago=30, meetings_ago=4), "new": asked(days_ago=60, meetings_ago=8)}
    folded = fold_replaced(history, {"old": "new", "gone": "other"})
    assert folded["new"] == history["old"]  # the later asking wins
    assert "other" not in folded
