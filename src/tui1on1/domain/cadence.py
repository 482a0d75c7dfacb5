"""How often a person's 1:1 is due, as an RFC 5545 RRULE (python-dateutil).

Users type ``weekly``, ``biweekly``, ``monthly`` or a raw RRULE such as
``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU``; the database stores the RRULE text.
"""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import rrule, rrulestr

SHORTHANDS = {
    "weekly": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
}


class CadenceError(ValueError):
    pass


def parse_cadence(text: str) -> str:
    """Turn what the user typed into a normalised RRULE, or raise CadenceError."""
    raw = text.strip()
    if not raw:
        raise CadenceError("a cadence can't be empty: use weekly, biweekly, monthly or an RRULE")
    shorthand = SHORTHANDS.get(raw.lower())
    if shorthand:
        return shorthand
    rule = raw.removeprefix("RRULE:").removeprefix("rrule:").upper()
    if "DTSTART" in rule or "\n" in rule:
        raise CadenceError("give the cadence as one RRULE line without DTSTART")
    try:
        parsed = rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise CadenceError(
            f"couldn't read the cadence '{raw}': use weekly, biweekly, monthly "
            "or an RRULE like FREQ=WEEKLY;INTERVAL=2"
        ) from exc
    if not isinstance(parsed, rrule):
        raise CadenceError("give the cadence as a single RRULE")
    return rule


def describe_cadence(rule: str | None) -> str:
    """Short words for a stored RRULE ('weekly', 'every 2 weeks', or the rule)."""
    if not rule:
        return ""
    for word, value in SHORTHANDS.items():
        if value == rule and word != "fortnightly":
            return word
    return rule


def next_due(rule: str, last_meeting: datetime | None, now: datetime) -> datetime:
    """When the next 1:1 is due: the first occurrence after the last meeting.

    With no meeting yet it is due now. Times are aware; dateutil works on the
    naive local wall time of ``last_meeting`` so 'weekly' keeps the hour across
    a DST change, and the result gets the same tzinfo back.
    """
    if last_meeting is None:
        return now
    tz = last_meeting.tzinfo
    start = last_meeting.replace(tzinfo=None)
    occurrence = rrulestr(rule, dtstart=start).after(start)
    if occurrence is None:  # a rule with COUNT/UNTIL that has run out
        return now
    return occurrence.replace(tzinfo=tz)
