"""The career series on the person screen and home (rules: ``domain.series``).

Reads go through the Store in the screens' worker threads: one person's
history for the person screen, everyone's at once for home.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from tui1on1.domain.records import Person
from tui1on1.domain.series import (
    CareerHistory,
    CareerSuggestion,
    career_line,
    career_marker,
    suggest_career,
)
from tui1on1.ui.screens.base import MeetRequest
from tui1on1.ui.services import Services

if TYPE_CHECKING:
    from tui1on1.ui.screens.base import AppScreen

WRAP_SLACK = 12  # cells a word wrap may leave empty at the end of the first row
NOTHING_TO_SUGGEST = (
    "No career conversation to suggest: the series is for your reports, once you have met them."
)


def career_slugs(services: Services) -> frozenset[str]:
    """The questions that feed the career thread (the bank's, yours included,
    and the slugs they replaced): a meeting where one was asked counts as a
    career conversation."""
    return frozenset(slug for slug, e in services.bank.elements().items() if e is not None)


def histories(services: Services, person_id: int | None = None) -> dict[int, CareerHistory]:
    """Everyone's career history by person id (or only ``person_id``'s)."""
    return services.store.career_histories(career_slugs(services), person_id)


def suggestion(
    services: Services, person: Person, history: CareerHistory | None, now: datetime
) -> CareerSuggestion | None:
    """The next career conversation with ``person``; None for someone archived,
    not a report, or never met."""
    if person.archived:
        return None
    weeks = services.settings.career_weeks
    return suggest_career(history or CareerHistory(), person.relationship, now, weeks)


def titles(services: Services) -> dict[str, str]:
    return {slug: playbook.title for slug, playbook in services.playbooks.items()}


def person_line(
    services: Services, found: CareerSuggestion, now: datetime, key: str, width: int
) -> Text:
    """The person screen's line, with the key that starts it, in two rows of
    ``width`` at most: when it would take more, it leaves out the last
    conversation, then the key."""
    room = 2 * width - WRAP_SLACK
    hint = f"  ({key} starts it)"
    lines = [career_line(found, now, titles(services), detail=d) for d in (True, False)]
    for line in lines:
        if cell_len(line + hint) <= room:
            return Text(line).append(hint, style="italic")
    return Text(lines[-1])


def home_marker(services: Services | None, found: CareerSuggestion | None) -> str:
    """Home's words for the highlighted person: " · career due: Moonshot", or ""."""
    if services is None:
        return ""
    marker = career_marker(found, titles(services))
    return f" · {marker}" if marker else ""


def start_career(screen: AppScreen[None], person: Person, found: CareerSuggestion | None) -> None:
    """Start (or resume: a live 1:1 keeps its playbook) the 1:1 with
    ``person`` on the suggested career playbook."""
    if found is None:
        screen.notify(NOTHING_TO_SUGGEST)
        return
    request = MeetRequest(person.name, person_id=person.id, playbook=found.playbook)
    screen.app.open_meeting(request)


def palette_help(services: Services | None, found: CareerSuggestion, key: str) -> str:
    """The palette entry's help: "The next in their series: Moonshot (s)"."""
    title = services.playbook(found.playbook).title if services else found.playbook
    return f"The next in their series: {title}{key}"
