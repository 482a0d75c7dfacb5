"""What the words after `tui1on1 actions` ask for: a list, or one action to
show or change.

A first word that is a change word (``show``, ``done``, ``drop``,
``reopen``, ``due``, ``owner``, ``edit``, in lower case) starts a change:
the action's id and the change's value follow. Any other single word is the
person to list, as ``--person NAME`` would be; a person whose name is one of
the change words is reached with ``--person``. Everything wrong here is a
UsageError: one line, exit 2.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from tui1on1.cli import UsageError

CHANGE_WORDS = ("show", "done", "drop", "reopen", "due", "owner", "edit")

# What each change word takes after the id (shown when it is missing).
_VALUE_NAMES = {"due": "WHEN", "owner": "me|them", "edit": "TEXT"}

_LIST_FLAGS = (("open", "--open"), ("mine", "--mine"), ("theirs", "--theirs"))


@dataclass(frozen=True, slots=True)
class Listing:
    """List the actions (``summary``: the kept-promise rate), maybe for one person."""

    person: str | None
    summary: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """Show or change one action: ``value`` is WHEN, me|them or TEXT ("" otherwise)."""

    word: str
    action_id: int
    value: str = ""
    reason: str | None = None


def read_request(args: argparse.Namespace) -> Listing | Change:
    words: list[str] = list(args.words)
    if words and words[0] in CHANGE_WORDS:
        return _change(words, args)
    if args.reason is not None:
        raise UsageError("--reason goes with `actions drop ID`")
    if len(words) > 1:
        raise UsageError(
            f"`actions` takes one NAME (quote a name with spaces) or a change word first "
            f"({', '.join(CHANGE_WORDS)}); got {_shown(' '.join(words))}"
        )
    person = words[0] if words else args.person
    if words and args.person is not None:
        raise UsageError("give the person once: `actions NAME` or `actions --person NAME`")
    if args.summary:
        for dest, flag in _LIST_FLAGS:
            if getattr(args, dest):
                raise UsageError(
                    f"--summary counts your own promises, open or closed; it doesn't take {flag}"
                )
    return Listing(person=person, summary=args.summary)


def read_action_id(text: str) -> int:
    """The action id typed (a plain number, as the list shows it)."""
    from tui1on1.domain.ledger import parse_action_ref

    try:
        return parse_action_ref(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _change(words: list[str], args: argparse.Namespace) -> Change:
    word, rest = words[0], words[1:]
    for dest, flag in (*_LIST_FLAGS, ("person", "--person"), ("summary", "--summary")):
        if getattr(args, dest) not in (None, False):
            raise UsageError(f"{flag} goes with the list, not with `actions {word}`")
    if args.reason is not None and word != "drop":
        raise UsageError("--reason goes with `actions drop ID`")
    value_name = _VALUE_NAMES.get(word)
    usage = f"`actions {word} ID{' ' + value_name if value_name else ''}`"
    if not rest:
        raise UsageError(
            f"{usage} needs the action's id (`tui1on1 actions` shows it); "
            f"to list a person called {_shown(word)}, use `actions --person {word}`"
        )
    action_id = read_action_id(rest[0])
    value = " ".join(rest[1:])
    if value_name is None and value:
        raise UsageError(f"{usage} takes nothing after the id; got {_shown(value)}")
    if value_name is not None and not value.strip():
        raise UsageError(f"{usage} needs {value_name} after the id")
    return Change(word=word, action_id=action_id, value=value.strip(), reason=args.reason)


def _shown(text: str) -> str:
    from tui1on1.domain.text import safe_terminal_text

    text = " ".join(text.split())
    if len(text) > 40:
        text = text[:39] + "…"
    return f"'{safe_terminal_text(text)}'"
