"""Filters typed into the search box: `person:ada kind:quote #growth since:2026-01-01`.

Everything that isn't a filter is the text to search for. A filter that
can't be read stays in the text and is reported, so nothing typed vanishes.
Filters alone, with no words, are a search too: `person:priya kind:quote`
lists all of Priya's quotes, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui1on1.domain.kinds import NoteKind

KIND_WORDS = {kind.value: kind for kind in NoteKind} | {
    "open-question": NoteKind.QUESTION,
    "topic": NoteKind.PARKED,
}


@dataclass(frozen=True)
class SearchInput:
    text: str = ""
    person: str | None = None
    kind: NoteKind | None = None
    tag: str | None = None
    since: date | None = None
    until: date | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def filtered(self) -> bool:
        """Whether any filter was given (then no words are needed)."""
        return any(
            value is not None
            for value in (self.person, self.kind, self.tag, self.since, self.until)
        )


def parse_search_input(raw: str) -> SearchInput:
    words: list[str] = []
    found: dict[str, Any] = {}
    problems: list[str] = []
    for word in raw.split():
        key, sep, value = word.partition(":")
        key = key.lower()
        if word.startswith("#") and len(word) > 1:
            found["tag"] = word[1:].lower()
        elif sep and value and key in ("person", "who"):
            found["person"] = value.replace("_", " ")
        elif sep and value and key == "kind":
            kind = KIND_WORDS.get(value.lower())
            if kind is None:
                problems.append(f"no kind '{value}': try {', '.join(k.value for k in NoteKind)}")
                words.append(word)
            else:
                found["kind"] = kind
        elif sep and value and key in ("since", "until"):
            try:
                found[key] = date.fromisoformat(value)
            except ValueError:
                problems.append(f"'{value}' isn't a date like 2026-01-31")
                words.append(word)
        else:
            words.append(word)
    return SearchInput(text=" ".join(words), problems=tuple(problems), **found)
