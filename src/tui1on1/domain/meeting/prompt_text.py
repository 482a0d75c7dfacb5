"""The words on the prompt card that are worked out from the meeting: when a
question was last asked, and the read-back of what was agreed."""

from __future__ import annotations

from collections.abc import Iterable

from tui1on1.domain.meeting.notes import NoteRow
from tui1on1.domain.prompts import AskedBefore
from tui1on1.domain.recap_text import strip_tags
from tui1on1.domain.text import clip, plural

WRAP_UP_HINT = "Wrap-up: agree one concrete next step, who owns it, and by when."
READ_BACK = "Read back what you agreed:"
READ_BACK_SHOWN = 4  # the card stays short; the rest are in the notes pane
NO_QUESTIONS = "No questions for this segment: follow their lead."
NOTHING_CARRIED = "Nothing carried over from last time: move on when you're ready."
NEVER_ASKED = "never asked before"


READ_BACK_WIDTH = 66
"""A read-back line's room for who, what and when: it fits the end dialog."""


def read_back(rows: Iterable[NoteRow], shown: int | None = READ_BACK_SHOWN) -> str:
    """A meeting's open actions, who and what and when, mine first ("" while
    there are none): the ones made in it, and the earlier ones still open that were
    reworded, rescheduled or reassigned in it; the first ``shown``, then how
    many more (None: all)."""
    agreed = [  # still open: one done or dropped here is not to be done
        r for r in rows if r.is_open_action and (not r.carried or r.changed_here)
    ]
    actions = sorted((r for r in agreed if not r.private), key=lambda r: not r.mine)
    kept_back = len(agreed) - len(actions)
    if not actions:
        return f"{READ_BACK}\n  {_private_line(kept_back)}" if kept_back else ""
    lines = [READ_BACK]
    for row in actions[:shown]:
        who = "me" if row.mine else "them"
        due = row.due or "no due date"
        room = max(24, READ_BACK_WIDTH - len(who) - len(due))  # the line fits a dialog
        lines.append(f"  {who}: {clip(strip_tags(row.said_text), room)} · {due}")  # said aloud
    if shown is not None and len(actions) > shown:
        lines.append(f"  … and {len(actions) - shown} more in the notes below")
    if kept_back:
        lines.append(f"  {_private_line(kept_back)}")
    return "\n".join(lines)


def _private_line(count: int) -> str:
    """Private promises are not read out: the manager still sees there are some."""
    return f"(and {plural(count, 'private promise')}, not for reading out)"


def memory_line(before: AskedBefore | None) -> str:
    """When a question was last asked of this person, and what they said:
    "asked 3 meetings ago, 12 Oct: 'wants to lead a team'"."""
    if before is None or before.meetings_ago == 0:
        return NEVER_ASKED if before is None else ""
    when = before.asked_at.astimezone()
    ago = "last meeting" if before.meetings_ago == 1 else f"{before.meetings_ago} meetings ago"
    line = f"asked {ago}, {when.day} {when:%b}"
    if before.answer:
        line += f": '{clip(before.answer, 60)}'"
    return line
