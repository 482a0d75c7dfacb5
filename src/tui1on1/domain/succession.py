"""Succession: who could step into whose role, and how ready they are.

A role is someone's current role (their ``role`` on file, or "their role"
when none is written) or the manager's own. For each, the people who could
back-fill it, each ready now, within a year, or later. The bench lists every
report's role and the manager's own, those with no one ready (now or within
a year) first: a role that would leave a hole if its holder left tomorrow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from tui1on1.domain.kinds import Relationship
from tui1on1.domain.records import Person

#: Who the bench is about: my reports and theirs. My manager, a skip-level or
#: a peer can't be named ready for more, nor have their role backed up here.
ON_THE_BENCH = (Relationship.REPORT, Relationship.SKIP_REPORT)


class Readiness(StrEnum):
    NOW = "now"
    YEAR = "year"  # within a year
    LATER = "later"


READINESS_WORDS = {
    Readiness.NOW: "ready now",
    Readiness.YEAR: "within a year",
    Readiness.LATER: "later",
}
READINESS_HELP = "now, year (within a year) or later"
MY_ROLE = "my role"
MAX_NOTE_CHARS = 300


_ALIASES = {
    "now": Readiness.NOW,
    "ready now": Readiness.NOW,
    "year": Readiness.YEAR,
    "within a year": Readiness.YEAR,
    "1y": Readiness.YEAR,
    "later": Readiness.LATER,
}


class SuccessionError(ValueError):
    """Something that can't be kept as given; the message is calm and says why."""


def parse_readiness(word: str) -> Readiness:
    typed = word.strip().casefold().replace("-", " ")
    if typed not in _ALIASES:
        raise SuccessionError(f"'{word}' isn't a readiness: try {READINESS_HELP}")
    return _ALIASES[typed]


@dataclass(frozen=True, slots=True)
class Backfill:
    """``candidate_id`` could step into the role of ``holder_id`` (None: mine)."""

    id: int
    holder_id: int | None
    candidate_id: int
    readiness: Readiness
    note: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class BenchRole:
    """One role and who could back-fill it, readiest first."""

    holder: Person | None  # None: the manager's own role
    candidates: tuple[tuple[Person, Backfill], ...]

    @property
    def title(self) -> str:
        """ "Ada Lovelace's role (Staff engineer)", or "my role"."""
        if self.holder is None:
            return MY_ROLE
        role = f" ({self.holder.role})" if self.holder.role else ""
        return f"{self.holder.name}'s role{role}"

    @property
    def short_title(self) -> str:
        """ "Ada Lovelace's role", or "my role" (a header line's room)."""
        return MY_ROLE if self.holder is None else f"{self.holder.name}'s role"

    @property
    def covered(self) -> bool:
        """Someone could step in now or within a year."""
        return any(b.readiness in (Readiness.NOW, Readiness.YEAR) for _p, b in self.candidates)


_ORDER = {Readiness.NOW: 0, Readiness.YEAR: 1, Readiness.LATER: 2}

_RELATION_WORDS = {
    Relationship.MANAGER: "your manager",
    Relationship.SKIP_LEVEL: "your skip-level",
    Relationship.PEER: "a peer",
}


def bench_problem(candidate: Person, holder: Person | None) -> str | None:
    """Why ``candidate`` can't be named for ``holder``'s role (None: mine),
    or None when they can: the bench is my team's, and no one backs up
    their own role."""
    if holder is not None and holder.id == candidate.id:
        return f"{candidate.name} can't back-fill their own role"
    for someone, what in (
        (candidate, "are named for a role"),
        (holder, "have their role backed up"),
    ):
        if someone is not None and someone.relationship not in ON_THE_BENCH:
            who = _RELATION_WORDS.get(someone.relationship, someone.relationship.value)
            return (
                f"{someone.name} is {who}, not on your team: only your reports "
                f"(and theirs) {what} on the bench"
            )
    return None


def bench(
    reports: Sequence[Person], people: Iterable[Person], backfills: Iterable[Backfill]
) -> list[BenchRole]:
    """My role and each report's, those with no one ready first (then as
    given: mine first, then the reports in order)."""
    by_id = {p.id: p for p in people}
    grouped: dict[int | None, list[tuple[Person, Backfill]]] = {}
    for backfill in backfills:
        candidate = by_id.get(backfill.candidate_id)
        if (
            candidate is not None
            and not candidate.archived
            and candidate.relationship in ON_THE_BENCH
        ):
            grouped.setdefault(backfill.holder_id, []).append((candidate, backfill))
    holders: list[Person | None] = [None, *reports]
    roles = [
        BenchRole(
            holder=holder,
            candidates=tuple(
                sorted(
                    grouped.get(holder.id if holder else None, []),
                    key=lambda pb: (_ORDER[pb[1].readiness], pb[0].name.casefold()),
                )
            ),
        )
        for holder in holders
    ]
    return sorted(roles, key=lambda r: r.covered)  # stable: uncovered first, order kept


def candidate_words(role: BenchRole) -> str:
    """ "Bo Chen (ready now), Cy Young (later)" or "no one named yet"."""
    if not role.candidates:
        return "no one named yet"
    return ", ".join(
        f"{p.name} ({READINESS_WORDS[b.readiness]}" + (f": {b.note})" if b.note else ")")
        for p, b in role.candidates
    )


def could_step_into(
    person_id: int, people: Iterable[Person], backfills: Iterable[Backfill]
) -> list[tuple[str, Readiness]]:
    """The roles ``person_id`` could step into, readiest first: ("Ada
    Lovelace's role" or "my role", readiness)."""
    by_id = {p.id: p for p in people}
    found = []
    for b in backfills:
        if b.candidate_id != person_id:
            continue
        holder = by_id.get(b.holder_id) if b.holder_id is not None else None
        if b.holder_id is not None and (holder is None or holder.relationship not in ON_THE_BENCH):
            continue
        found.append((f"{holder.name}'s role" if holder is not None else MY_ROLE, b.readiness))
    return sorted(found, key=lambda tr: (_ORDER[tr[1]], tr[0].casefold()))


def bench_summary(roles: Sequence[BenchRole]) -> str:
    """ "1 of 3 roles with no one ready now or within a year", or "every
    role (3) has someone ready now or within a year"."""
    bare = sum(1 for r in roles if not r.covered)
    if bare:
        return f"{bare} of {len(roles)} roles with no one ready now or within a year"
    return f"every role ({len(roles)}) has someone ready now or within a year"


def read_bench_line(line: str) -> tuple[str, Readiness, str]:
    """``"sam year: ran on-call all autumn"`` → ("sam", YEAR, "ran on-call…"):
    who, how ready (the last words before an optional ":" and a note), the
    note. The name is read against the people later, by the shared rule."""
    head, _, note = line.partition(":")
    words = head.split()
    for size in (3, 2, 1):  # "within a year", "ready now", "now"
        if len(words) > size:
            try:
                readiness = parse_readiness(" ".join(words[-size:]))
            except SuccessionError:
                continue
            note = " ".join(note.split())
            if len(note) > MAX_NOTE_CHARS:
                raise SuccessionError(f"a note here is at most {MAX_NOTE_CHARS} characters")
            return " ".join(words[:-size]), readiness, note
    if not words:
        raise SuccessionError("Type who, then how ready: sam now, or priya year: why")
    raise SuccessionError(f"Say how ready after the name: {READINESS_HELP}")
