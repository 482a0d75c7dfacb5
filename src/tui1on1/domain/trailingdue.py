"""The due date at the end of an action: which ``@word`` it is, and what it says.

An action's text comes first; after it, at the very end, stands a run of
words that are ``#tags`` or start with ``@`` (the *trailing run*). The first
word of the text never belongs to the run, so an action always has some text.
In that run:

* exactly one ``@word`` that :func:`tui1on1.domain.duedates.resolve_due` can
  read is the due date: it is taken out of the text (the tags and any other
  ``@word`` stay, as typed);
* two or more readable ones are refused, all of them kept in the text: a
  guess between them could be wrong without anyone noticing;
* with none readable, the ``@word`` nearest the end says why it couldn't be
  read (``ask @sam`` as the last words gives that message too: the action is
  kept, without a date).

``.``, ``,``, ``;``, ``:``, ``!`` and ``?`` right after an ``@word`` are
punctuation, not part of the date: ``@fri.`` is Friday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tui1on1.domain.duedates import DueDateError, resolve_due
from tui1on1.domain.tags import is_tag_word

__all__ = ["AtWord", "DueRead", "at_words", "read_due"]

_WORD_RE = re.compile(r"\S+")
_PUNCTUATION = ".,;:!?"
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


@dataclass(frozen=True, slots=True)
class AtWord:
    """A word that starts with ``@`` and has something after it."""

    start: int
    end: int
    token: str  # what follows the @, without trailing punctuation
    in_run: bool  # in the trailing run, where a due date is read
    first: bool  # the first word of the text
    due: date | None  # what it reads as (None when it can't be read)
    error: str | None  # why it can't be read


@dataclass(frozen=True, slots=True)
class DueRead:
    """An action's body read for its due date.

    ``text`` is the body without the ``@word`` that was read. ``several``
    tells two or more readable dates in the run (``error`` says which).
    ``no_text`` is set when the body is only a date (and tags or other
    ``@words``): there is no action to keep.
    """

    text: str
    due: date | None = None
    error: str | None = None
    several: bool = False
    no_text: bool = False


def at_words(body: str, today: date, *, keep_due: date | None = None) -> list[AtWord]:
    """Every ``@word`` of a stripped action body, in order, read as a date."""
    words = list(_WORD_RE.finditer(body))
    run_start = len(words)
    while run_start > 1 and _in_run(words[run_start - 1][0]):
        run_start -= 1
    found: list[AtWord] = []
    for index, match in enumerate(words):
        token = _at_token(match[0])
        if token is None:
            continue
        due, error = _read(token, today, keep_due)
        found.append(
            AtWord(match.start(), match.end(), token, index >= run_start, index == 0, due, error)
        )
    return found


def read_due(body: str, today: date, *, keep_due: date | None = None) -> DueRead:
    """Read a stripped action body's due date (see the module docstring).

    An ISO date equal to ``keep_due`` is accepted even when it is in the past
    (an overdue action being edited keeps its date); every other past date is
    refused as usual.
    """
    found = at_words(body, today, keep_due=keep_due)
    run = [word for word in found if word.in_run]
    readable = [word for word in run if word.due is not None]
    if found and found[0].first and found[0].due is not None:
        rest = _WORD_RE.findall(body)[1:]
        if all(_in_run(word) for word in rest):
            return DueRead(body, no_text=True)
    if len(readable) > 1:
        shown = [f"'@{word.token}'" for word in readable]
        listed = ", ".join(shown[:-1]) + " and " + shown[-1]
        both = "both" if len(shown) == 2 else "all"
        return DueRead(
            body,
            error=f"{listed} are {both} due dates, so none was used — keep the one you mean",
            several=True,
        )
    if readable:
        word = readable[0]
        after = body[word.end :].lstrip()
        text = body[: word.start] + after if after else body[: word.start].rstrip()
        return DueRead(text, due=word.due)
    if run:
        return DueRead(body, error=run[-1].error)
    return DueRead(body)


def _in_run(word: str) -> bool:
    return is_tag_word(word) or _at_token(word) is not None


def _at_token(word: str) -> str | None:
    """What follows the ``@`` of an ``@word``, punctuation at its end dropped."""
    if not word.startswith("@"):
        return None
    token = word[1:].rstrip(_PUNCTUATION)
    return token or None


def _read(token: str, today: date, keep_due: date | None) -> tuple[date | None, str | None]:
    if keep_due is not None and (match := _ISO_RE.fullmatch(token)):
        try:
            if date(int(match[1]), int(match[2]), int(match[3])) == keep_due:
                return keep_due, None
        except ValueError:
            pass  # not a date: resolve_due says why
    try:
        return resolve_due(token, today), None
    except DueDateError as error:
        return None, str(error)
