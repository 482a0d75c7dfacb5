"""The app's person picker ("Open person" in the palette).

It lists people like Textual's own ``search_commands`` (fuzzy, as you type),
but whoever the one name rule finds (``domain.people``: the exact name, then
a name with a word starting that way, case and accents ignored) comes first,
sorted by name, before the looser fuzzy matches. So "pri" puts Priya Raman
first, "zoe" finds Zoë Müller, as `tui1on1 meet` would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.command import CommandPalette, Hit, Hits, SimpleCommand, SimpleProvider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import Screen

from tui1on1.domain.people import rule_matches
from tui1on1.domain.records import Person
from tui1on1.domain.text import safe_terminal_text

RULE_SCORE = 1_000_000.0  # above any fuzzy score; minus the rank keeps the rule's order


class PeopleProvider(SimpleProvider):
    def __init__(
        self, screen: Screen[Any], people: Sequence[Person], open_person: Callable[[int], object]
    ) -> None:
        self.people = list(people)
        self.commands = {
            p.id: SimpleCommand(
                safe_terminal_text(p.name),
                lambda p=p: open_person(p.id),
                safe_terminal_text(p.role) + (" (archived)" if p.archived else ""),
            )
            for p in self.people
        }
        super().__init__(screen, list(self.commands.values()))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        first = {p.id: rank for rank, p in enumerate(rule_matches(self.people, query))}
        for person in self.people:
            name, callback, help_text = self.commands[person.id]
            rank = first.get(person.id)
            score = RULE_SCORE - rank if rank is not None else matcher.match(name)
            if score > 0:
                yield Hit(
                    score, self._highlight(matcher, name), callback, text=name, help=help_text
                )

    @staticmethod
    def _highlight(matcher: Matcher, name: str) -> Content:
        """The name with the fuzzy match's letters styled; the name is plain
        text, never markup (a "[" in a name stays a "[")."""
        content = Content(name)
        score, offsets = matcher.fuzzy_search.match(matcher.query, name)
        if score:
            for offset in offsets:
                if not name[offset].isspace():
                    content = content.stylize(matcher.match_style, offset, offset + 1)
        return content


def people_palette(
    screen: Screen[Any], people: Sequence[Person], open_person: Callable[[int], object]
) -> CommandPalette:
    """The palette to push: "Open person…" over ``people``."""
    return CommandPalette(
        # Textual takes a SimpleProvider instance here (App.search_commands
        # does the same) but its ProviderSource type names classes only.
        providers=[PeopleProvider(screen, people, open_person)],  # type: ignore[list-item]
        placeholder="Open person…",
    )
