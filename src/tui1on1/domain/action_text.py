"""New words for an action, typed outside the notes pane (the Actions
dialog's `e`, `tui1on1 actions edit`): read as the notes pane reads an
action, with one rule for both places.

The text may start with its prefix (``! …``, ``!me …``) or not, and a
``@when`` after it reschedules. What an edit of the words can't do is said,
never dropped without a word: a prefix naming the other owner, or a ``//``
on an action that is shared, would change who it belongs to or who sees it,
and each place has its own key or command for that (``owner_hint``,
``private_hint``), so the edit is refused and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui1on1.domain.grammar import EmptyLineError, NoteTooLongError, parse_line
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.recap_text import strip_tags

__all__ = ["ActionText", "ActionTextRefused", "read_action_text"]


class ActionTextRefused(ValueError):
    """The typed words can't be taken; ``str(error)`` is one calm sentence."""


@dataclass(frozen=True, slots=True)
class ActionText:
    """The action's new words, its new due date when one was typed (None
    keeps the date it has), and a warning for date-like words left in it."""

    text: str
    due: date | None
    warning: str | None


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def read_action_text(
    typed: str,
    today: date,
    *,
    owner: Owner,
    private: bool,
    keep_due: date | None,
    owner_hint: str,
    private_hint: str,
) -> ActionText:
    """Read ``typed`` as the new words of an action owned by ``owner``.

    Raises :class:`ActionTextRefused` when the words are empty, only tags,
    too long, carry a date that can't be read, or would change the owner or
    make it private."""
    try:
        parsed = parse_line(typed, today, keep_due=keep_due)
        prefixed = parsed.kind is NoteKind.ACTION
        if not prefixed:
            parsed = parse_line("! " + typed, today, keep_due=keep_due)
    except (EmptyLineError, NoteTooLongError) as exc:
        raise ActionTextRefused(_sentence(str(exc)) + "; nothing changed.") from None
    if parsed.due_error:
        raise ActionTextRefused(_sentence(parsed.due_error) + "; nothing changed.")
    if prefixed and parsed.owner is not owner:
        whose = "mine" if parsed.owner is Owner.ME else "theirs"
        prefix = "!me" if parsed.owner is Owner.ME else "!"
        raise ActionTextRefused(f"'{prefix}' would make it {whose}: {owner_hint}. Nothing changed.")
    if parsed.private and not private:
        raise ActionTextRefused(f"'//' would make it private: {private_hint}. Nothing changed.")
    if not strip_tags(parsed.text).strip():
        raise ActionTextRefused("An action needs some words besides its tags; nothing changed.")
    warning = None if parsed.due else parsed.due_warning
    return ActionText(parsed.text, parsed.due, warning)
