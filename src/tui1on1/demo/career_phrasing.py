"""Which line a demo answer is written in: never the same headline twice in a
row for an element, no template again while others are fresh, a quote now and
then, and of the lines that sound like one person only those dealt to them."""

from __future__ import annotations

import random
import re

from tui1on1.demo.career_lines import VOICED
from tui1on1.domain.kinds import CareerElement

__all__ = ["Phrasing", "Pool", "deal"]

_QUOTE = 0.3  # how often the answer is written down in their own words
_RECENT = 3  # a line isn't used again under the same name within this many
_SENTENCE = re.compile(r"(?<=[.?!] )[a-z]")

# (note kind, templates) to choose a line from
Pool = tuple[tuple[str, tuple[str, ...]], ...]

_VOICED = frozenset(t for group in VOICED for t in group)


def deal(pair: int, pairs: int, shift: int) -> frozenset[str]:
    """The voiced lines (:data:`~tui1on1.demo.career_lines.VOICED`) dealt to
    the ``pair``-th of ``pairs`` pairs of people: each line goes to one pair."""
    return frozenset(
        line
        for g, group in enumerate(VOICED)
        for k, line in enumerate(group)
        if (k + g + shift) % max(1, pairs) == pair % max(1, pairs)
    )


class Phrasing:
    """One person's choice of lines, remembering what was said lately."""

    def __init__(self, rng: random.Random, voice: frozenset[str]) -> None:
        self.rng = rng
        self.voice = voice  # the voiced lines this person may use
        self.heads: dict[CareerElement, str] = {}  # element -> its last headline, casefolded
        self.recent: dict[str, list[str]] = {}  # pool name -> templates used lately

    def line(self, name: str, templates: tuple[str, ...]) -> str:
        """A template from ``templates``, not one of those used lately under ``name``."""
        recent = self.recent.setdefault(name, [])
        templates = self.mine(templates) or templates
        fresh = [t for t in templates if t not in recent] or list(templates)
        line = self.rng.choice(fresh)
        recent.append(line)
        del recent[: max(0, len(recent) - min(_RECENT, len(templates) - 1))]
        return line

    def mine(self, templates: tuple[str, ...]) -> tuple[str, ...]:
        """Those of ``templates`` this person says: the plain ones and their own."""
        return tuple(t for t in templates if t not in _VOICED or t in self.voice)

    def say(
        self, element: CareerElement, pool: Pool, fill: dict[str, str], goals: tuple[str, ...]
    ) -> tuple[str, str]:
        """The kind and text of an answer's headline: a line from ``pool`` (a
        quote now and then) that says something else than the element's last
        headline (``goals``: other ways to say the direction, to that end).
        A line naming ``{since}`` is used only when ``fill`` has it."""
        usable = [
            (kind, [t for t in self.mine(lines) if "{since}" not in t or "since" in fill])
            for kind, lines in pool
        ]
        usable = [(kind, lines) for kind, lines in usable if lines]
        quotes = [u for u in usable if u[0] == "quote"]
        notes = [u for u in usable if u[0] != "quote"]
        order = [*quotes, *notes] if self.rng.random() < _QUOTE else [*notes, *quotes]
        last = self.heads.get(element)
        kind, text = "note", ""
        for kind, lines in order:  # another kind of line if this one can only repeat
            for _try in range(4):
                text = self.line(f"{element.value}-{kind}", tuple(lines)).format_map(fill)
                if text.casefold() != last:
                    break
                fill = {**fill, "goal": self.rng.choice(goals)}
            else:
                continue
            break
        if kind == "quote":  # their own sentences, each starting with a capital
            text = _SENTENCE.sub(lambda m: m.group(0).upper(), text)
        self.heads[element] = text.casefold()
        return kind, text
