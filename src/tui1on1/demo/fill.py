"""The slot values of one note template: the person's own now and then, else any."""

from __future__ import annotations

import random

from tui1on1.demo import slot_words

_PIN = 0.55  # how often a note uses the person's own slot value


class Fill(dict[str, str]):
    """Slot values for one template: pinned to the person's profile now and then, else random.

    ``{skill2}`` is another skill than ``{skill}``; values may hold slots themselves.
    """

    __slots__ = ("always", "profile", "rng")

    def __init__(self, rng: random.Random, profile: dict[str, str]) -> None:
        super().__init__()
        self.rng = rng
        self.profile = profile
        self.always: frozenset[str] = frozenset()  # slots that always take the profile's value

    def __missing__(self, key: str) -> str:
        rng = self.rng
        base = key[:-1] if key.endswith("2") else key
        options = slot_words.SLOTS[base]
        pinned = self.profile.get(key)
        if pinned is not None and (key in self.always or rng.random() < _PIN):
            value = pinned
        else:
            value = rng.choice(options)
            avoid = (self.get(base), self.get("them"))
            while value in avoid:
                value = rng.choice(options)
        if "{" in value:
            value = value.format_map(self)
        self[key] = value
        return value
