"""The home table's words: a person's row (when they were last met and are
next due, how long a live meeting has run, the length trend), the line under
the table about the highlighted person, and which columns fit."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text

from tui1on1.domain.cadence import describe_cadence, next_due
from tui1on1.domain.overview import PersonOverview
from tui1on1.domain.text import clip, plural, safe_terminal_text

SPARK = "▁▂▃▄▅▆▇█"
NAME_WIDTH = 28  # longer names and roles are cut, ending in "…"
ROLE_WIDTH = 24


def relative_day(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    days = (now.astimezone().date() - when.astimezone().date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    return f"{plural(days, 'day')} ago" if days > 0 else f"in {plural(-days, 'day')}"


def live_since(started: datetime, now: datetime) -> str:
    """'since 10:02 today', 'since 16:40 yesterday', 'since Mon 7 Dec, 7 days ago'."""
    local = started.astimezone()
    days = (now.astimezone().date() - local.date()).days
    if days <= 0:
        return f"since {local:%H:%M} today"
    if days == 1:
        return f"since {local:%H:%M} yesterday"
    return f"since {local:%a} {local.day} {local:%b}, {plural(days, 'day')} ago"


def live_age(started: datetime, now: datetime) -> str:
    """'7 days', '13 hours': how long a forgotten meeting has been live."""
    hours = int((now - started).total_seconds() // 3600)
    if hours < 48:
        return plural(hours, "hour")
    # Calendar days, as live_since counts them: "since Mon 7 Dec, 7 days ago"
    # and "left running 7 days" must agree.
    return plural((now.astimezone().date() - started.astimezone().date()).days, "day")


def row_cells(row: PersonOverview, now: datetime) -> dict[str, str | Text]:
    """One person's row, column → text (cut to fit later: see ``cut``)."""
    person = row.person
    name = clip(safe_terminal_text(person.name), NAME_WIDTH)
    name += "  ● live" if row.live_meeting_id else ""
    if person.archived:
        name += "  (archived)"
    return {
        "name": name,
        "role": clip(safe_terminal_text(person.role), ROLE_WIDTH),
        "relationship": person.relationship.value,
        "last": relative_day(row.last_started_at, now),
        "due": due_text(row, now),
        "open": f"{row.open_mine} / {row.open_theirs}",
        "lengths": trend_text(row.recent_minutes),
    }


def detail_words(row: PersonOverview, edit_key: str, width: int) -> tuple[str, bool]:
    """The line under the table about ``row``'s person (who, cadence, their
    meetings' lengths) and whether the length trend's bars go beside it, at
    ``width`` columns."""
    cadence = describe_cadence(row.person.cadence) or f"no cadence ({edit_key} sets one)"
    who = [row.person.name, row.person.role, row.person.relationship.value]
    text = " · ".join(safe_terminal_text(part) for part in who if part)
    text += f" · {cadence}"
    # A trend needs two ended meetings: none or one gets no line, not a
    # flat one or a lone bar. Below 60 columns the words need the room.
    minutes = row.recent_minutes
    show_trend = len(minutes) >= 2 and width >= NARROW
    if show_trend:
        low, high = round(min(minutes)), round(max(minutes))
        text += f" · lengths {low} min" if low == high else f" · lengths {low}–{high} min"
    elif row.last_started_at is None:
        text += " · not met yet"
    return text, show_trend


def due_text(row: PersonOverview, now: datetime) -> Text:
    """When the next 1:1 is due; overdue is bold and worded, not only coloured.
    Without a cadence nothing is ever due: it says so (e sets one)."""
    person = row.person
    if not person.cadence:
        return Text("no cadence", style="dim")
    last = row.last_started_at
    if last is None:
        # Never met: the first 1:1 was due when they were added; a whole
        # cadence later it is overdue by as much (as the mirror counts it).
        added = person.created_at
        if added is None or next_due(person.cadence, added.astimezone(), now) >= now:
            return Text("due now", style="bold")
        last = added
    due = next_due(person.cadence, last.astimezone(), now)
    late = (now.astimezone().date() - due.astimezone().date()).days
    if late > 0:
        return Text(f"overdue {plural(late, 'day')}", style="bold")
    return Text("today" if late == 0 else relative_day(due, now))


def trend_text(minutes: tuple[float, ...]) -> str:
    """A tiny text sparkline of meeting lengths, for the table: a trend
    needs two meetings at least."""
    if len(minutes) < 2:
        return ""
    low, high = min(minutes), max(minutes)
    span = (high - low) or 1.0
    return "".join(SPARK[round((m - low) / span * (len(SPARK) - 1))] for m in minutes)


# The table's columns, left to right, and the order they are given room in as
# the terminal narrows: a column that doesn't fit is left out whole, and so is
# every column after it in ROOM_ORDER (the promise counts go before the role,
# the length trend last); the role is cut (ending in "…") before it is left out.
COLUMNS = ("name", "role", "relationship", "last", "due", "open", "lengths")
HEADERS = {
    "name": "Name",
    "role": "Role",
    "relationship": "Relationship",
    "last": "Last 1:1",
    "due": "Next due",
    "open": "Open me/them",
    "lengths": "Lengths",
}
# The relationship is also in the line under the table; the promise counts are not.
ROOM_ORDER = ("name", "due", "last", "open", "relationship", "role", "lengths")
CELL_PADDING = 2  # a space either side of every cell
TABLE_CHROME = 3  # the focus bar and the scrollbar
MIN_ROLE = 8
NARROW = 60  # columns: below this the detail line has no length trend
DETAIL_CHROME = 28  # beside the detail line: its padding and the 24-cell trend bars


def fit_columns(rows: list[dict[str, str | Text]], room: int) -> dict[str, int]:
    """column → the width its text may take, for the columns that fit in ``room``."""
    widths = {
        column: max([cell_len(HEADERS[column])] + [cell_len(str(row[column])) for row in rows])
        for column in COLUMNS
    }
    chosen: dict[str, int] = {}
    used = 0
    for column in ROOM_ORDER:
        width = widths[column]
        left = room - used - CELL_PADDING
        if width > left and column == "role" and left >= MIN_ROLE:
            width = left
        if width > left and column != "name":
            break  # nothing that matters less takes the room this one lacked
        chosen[column] = width
        used += width + CELL_PADDING
    return chosen


def cut(cell: str | Text, width: int) -> str | Text:
    if isinstance(cell, Text) or cell_len(cell) <= width:
        return cell
    return clip(cell, width)
