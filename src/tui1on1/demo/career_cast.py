"""What the demo deals out across a roster so that people differ: each
report's moonshots (no two people share one) and the voiced lines they may say
(no line heard from more than two people), with their role, which decides the
strengths they can have."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tui1on1.demo import career_words as cw
from tui1on1.demo.career_phrasing import deal
from tui1on1.demo.career_words import MOONSHOTS

__all__ = ["Cast", "cast_roster", "pick_skills"]


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


def pick_skills(
    rng: random.Random, role: str, tracks: list[cw.Track]
) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two strengths in use and two idle (the second for once the first is put
    to use), all fitting ``role``. The first idle one is often one a step of
    their ``tracks`` exercises, and otherwise one no step of theirs does."""
    pool = list(cw.skills_for(role))
    used = rng.sample(pool, 2)
    exercised = {cw.STEP_SKILLS.get(t) for track in tracks for t in track.steps}
    reachable = [s for s in pool if s in exercised and s not in used]
    idle = [s for s in pool if s not in exercised and s not in used]
    first = rng.choice(reachable if reachable and rng.random() < 0.6 else idle)
    spare = rng.choice([s for s in idle if s != first] or [s for s in pool if s not in used])
    return (used[0], used[1]), (first, spare)
