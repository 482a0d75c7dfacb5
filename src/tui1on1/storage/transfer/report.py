"""What an import added and what it skipped, in sentences for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tui1on1.domain.text import safe_terminal_text


@dataclass
class ImportReport:
    """What an import added and what it skipped because it was there already."""

    people_added: int = 0
    people_skipped: int = 0
    meetings_added: int = 0
    meetings_skipped: int = 0
    notes_added: int = 0
    notes_skipped: int = 0
    actions_added: int = 0
    actions_skipped: int = 0
    questions_added: int = 0
    questions_skipped: int = 0
    points_added: int = 0
    points_skipped: int = 0
    exposures_added: int = 0
    exposures_skipped: int = 0
    backfills_added: int = 0
    backfills_skipped: int = 0
    plan_events_added: int = 0
    plan_events_skipped: int = 0
    # (person's name, started_at) of live meetings imported as ended, because
    # that person had a live meeting already.
    ended_live: list[tuple[str, datetime]] = field(default_factory=list)

    @property
    def added_anything(self) -> bool:
        return bool(
            self.people_added
            or self.meetings_added
            or self.notes_added
            or self.points_added
            or self.exposures_added
            or self.backfills_added
            or self.plan_events_added
        )

    def lines(self) -> list[str]:
        """Human sentences, e.g. 'added 3 people, 52 meetings, 811 notes (12
        already there, skipped)'."""
        trio = (
            (self.people_added, self.people_skipped, "person", "people"),
            (self.meetings_added, self.meetings_skipped, "meeting", "meetings"),
            (self.notes_added, self.notes_skipped, "note", "notes"),
        )
        if not self.added_anything:
            already = [_count(s, one, many) for _a, s, one, many in trio if s]
            if not already:
                return ["the file holds no one, so there was nothing to import"]
            return [f"nothing new: {_and(already)} already there (skipped)"]
        parts: list[str] = []
        for added, skipped, one, many in trio:
            part = _count(added, one, many)
            if skipped:
                part += f" ({skipped} already there, skipped)"
            parts.append(part)
        lines = ["added " + ", ".join(parts)]
        extras: list[str] = []
        if self.actions_added:
            extras.append(_count(self.actions_added, "action item", "action items"))
        if self.questions_added:
            extras.append(_count(self.questions_added, "asked question", "asked questions"))
        if self.points_added:
            points = _count(self.points_added, "talking point", "talking points")
            if self.points_skipped:
                points += f" ({self.points_skipped} already there, skipped)"
            extras.append(points)
        if self.exposures_added:
            exposures = _count(self.exposures_added, "logged exposure", "logged exposures")
            if self.exposures_skipped:
                exposures += f" ({self.exposures_skipped} already there, skipped)"
            extras.append(exposures)
        if self.backfills_added:
            extras.append(_count(self.backfills_added, "backfill", "backfills"))
        if self.plan_events_added:
            changes = _count(self.plan_events_added, "growth-plan change", "growth-plan changes")
            if self.plan_events_skipped:
                changes += f" ({self.plan_events_skipped} already there, skipped)"
            extras.append(changes)
        if extras:
            lines.append(f"with {_and(extras)}")
        for name, started in self.ended_live:
            local = started.astimezone()
            when = f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"
            lines.append(
                f"{safe_terminal_text(name)} already had a live meeting, so the one "
                f"from {when} was imported as ended"
            )
        return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
