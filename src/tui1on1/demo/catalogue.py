"""The shipped playbooks and questions the demo draws on (never the user's file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui1on1.demo.schedule import PLANNED_MINUTES
from tui1on1.domain.agenda import Playbook, ScheduledSegment, scale
from tui1on1.domain.kinds import CareerElement


@dataclass(frozen=True)
class Catalogue:
    """The shipped playbooks (scaled to PLANNED_MINUTES), questions by whom
    they suit, and where each question's answers go in the career thread."""

    playbooks: dict[str, Playbook]
    schedules: dict[str, tuple[ScheduledSegment, ...]]
    # (category, relationship) -> (slug, text) of each suited question, in bank order
    pool: dict[tuple[str, str], tuple[tuple[str, str], ...]]
    # slug -> the career element its answers belong to (None: not in the thread)
    elements: dict[str, CareerElement | None]


@cache
def catalogue() -> Catalogue:
    from tui1on1.questions import load_bank, load_playbooks

    bank = load_bank()  # shipped questions only: the demo never reads the user's file
    playbooks, _problems = load_playbooks(questions=bank.questions)
    pool: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for question in bank.questions.values():
        for relationship in question.relationships:
            pool.setdefault((question.category, relationship), []).append(
                (question.slug, question.text)
            )
    return Catalogue(
        playbooks=playbooks,
        schedules={slug: scale(p, PLANNED_MINUTES) for slug, p in playbooks.items()},
        pool={key: tuple(value) for key, value in pool.items()},
        elements=bank.elements(),
    )
