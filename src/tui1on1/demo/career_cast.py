"""What the demo deals out across a roster so that people differ: each
report's moonshots (no two people share one) and the voiced lines they may say
(no line heard from more than two people), with their role, which decides the
strengths they can have."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tui1on1.demo.career_phrasing import deal
from tui1on1.demo.career_words import MOONSHOTS

__all__ = ["Cast", "cast_roster"]


@dataclass(frozen=True)
class Cast:
    """One report's share: their role, two moonshots (the first, and one they
    may move to) and the voiced lines that are theirs."""

    role: str
    moonshots: tuple[str, str]
    voice: frozenset[str]


def cast_roster(seed: int, roles: list[str | None]) -> list[Cast | None]:
    """Per person of a roster (``roles``: a report's role, None for someone
    above), their :class:`Cast` (None for those above)."""
    rng = random.Random(f"tui1on1-demo:{seed}:cast")
    shots = rng.sample(MOONSHOTS, len(MOONSHOTS))
    shift = rng.randrange(1_000)
    pairs = (sum(role is not None for role in roles) + 1) // 2
    casts: list[Cast | None] = []
    ordinal = 0
    for role in roles:
        if role is None:
            casts.append(None)
            continue
        first, second = (shots[(2 * ordinal + k) % len(shots)] for k in (0, 1))
        casts.append(Cast(role, (first, second), deal(ordinal // 2, pairs, shift)))
        ordinal += 1
    return casts
