"""The demo's exposure log: opportunities the manager gave each report, some
typed in a 1:1 (``* customer …``), some logged between meetings.

Drawn from a generator of its own, seeded by the person's name, so adding
them leaves every other draw of the year (and the career story) unchanged.
Some reports get them often, some rarely and one hardly ever, so the team
view has someone to flag.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

Entry = dict[str, Any]

_TYPED: tuple[str, ...] = (
    "customer: sat in on the renewal call with Acme",
    "presented the migration plan at the engineering all-hands",
    "leadership: joined the quarterly planning review",
    "intro: met Sam, who runs the platform group",
    "stretch: owns the incident review process this quarter",
    "presented: demo of the new search at the product review",
    "customer: ran the onboarding workshop for Globex",
    "lunch with the VP of product, they set it up themselves",
)
_LOGGED: tuple[tuple[str, str], ...] = (
    ("intro", "met Dana from the data team about the ranking work"),
    ("leadership", "sat in on the staff meeting"),
    ("presented", "gave the tech talk on caching"),
    ("customer", "joined the escalation call with Initech"),
    ("stretch", "leading the hiring loop for the new role"),
    ("lunch", "coffee with the design director"),
)


def add_exposures(person: Entry, now: datetime, seed: int = 7) -> list[Entry]:
    """Append exposure notes to some of ``person``'s ended meetings and
    return their exposures logged between meetings (the export's shape)."""
    rng = random.Random(f"tui1on1-demo-exposure:{seed}:{person['name']}")
    every = rng.choice((4, 6, 9, 40))  # meetings between exposures: often … hardly ever
    meetings = [m for m in person["meetings"] if m["status"] == "ended" and m["notes"]]
    logged: list[Entry] = []
    for index, meeting in enumerate(meetings):
        if index % every != every - 1:
            continue
        last = meeting["notes"][-1]
        typed = datetime.fromisoformat(last["created_at"])
        segment = meeting["segments"][last["segment_index"]]
        bound = min(
            datetime.fromisoformat(meeting["ended_at"]),
            datetime.fromisoformat(segment["ended_at"]),
        )
        gap = (bound - typed) / 2  # typed after the last note, inside its segment
        if gap < timedelta(seconds=1):
            continue
        at = typed + gap
        if rng.random() < 0.7:
            meeting["notes"].append(
                {
                    "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "kind": "exposure",
                    "text": rng.choice(_TYPED),
                    "tags": [],
                    "elapsed_seconds": round(last["elapsed_seconds"] + gap.total_seconds(), 1),
                    "segment_index": last["segment_index"],
                    "asked_question": None,
                    "created_at": at.isoformat(),
                    "edited_at": None,
                    "deleted_at": None,
                    "action": None,
                }
            )
        else:
            on = (at + timedelta(days=rng.randint(2, 5))).date()
            if on >= now.date():
                continue
            kind, text = rng.choice(_LOGGED)
            logged.append(
                {
                    "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "kind": kind,
                    "text": text,
                    "on": on.isoformat(),
                    "created_at": (at + timedelta(days=5)).isoformat(),
                }
            )
    return logged
