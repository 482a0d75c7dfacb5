"""The demo's bench: who could step into whose role, so the team view and
`tui1on1 bench` have something true-looking to say — one report could take
the manager's role within a year, each report could back-fill the next
one's, some now, some later, and the first report's role has no one."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

Entry = dict[str, Any]

_READINESS = ("now", "later", "year")
_NOTES = {
    "now": "has run it for two weeks already",
    "year": "needs a stretch assignment first",
    "later": "interested; too early to say",
}


def backfills_for(name: str, reports: list[str], now: datetime) -> list[Entry]:
    """The roles ``name`` (one of ``reports``, in roster order) could step into."""
    if name not in reports:
        return []
    index = reports.index(name)
    found: list[Entry] = []
    if index == len(reports) - 1 and len(reports) > 1:  # the last: my role, within a year
        found.append(_entry(name, None, "year", now, 0))
    if index + 1 < len(reports):
        readiness = _READINESS[index % len(_READINESS)]
        found.append(_entry(name, reports[index + 1], readiness, now, index + 1))
    return found


def _entry(name: str, holder: str | None, readiness: str, now: datetime, n: int) -> Entry:
    return {
        "uid": uuid.uuid5(uuid.NAMESPACE_URL, f"tui1on1-demo:{name}:{holder}:{n}").hex,
        "for": holder,
        "readiness": readiness,
        "note": _NOTES[readiness],
        "updated_at": (now - timedelta(days=20 + 7 * n)).replace(microsecond=0).isoformat(),
    }
