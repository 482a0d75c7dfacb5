"""What the grammar says of a prefix glued to a word (``-worried``,
``!call Bob``): how the line was read, and how to have it the other way.
See :mod:`tui1on1.domain.grammar` for the rule."""

from __future__ import annotations

from collections.abc import Mapping

from tui1on1.domain.kinds import NoteKind

SENSITIVE = (NoteKind.CONCERN, NoteKind.PARKED)
"""The kinds that hold what is sensitive (a worry, pay): glued to a word,
their prefix still counts, since a slip there would share the note."""


def glued_sensitive(kind: NoteKind, text: str) -> bool:
    """``-worried`` or ``~pay band``: the prefix glued to a letter."""
    return kind in SENSITIVE and len(text) > 1 and text[1].isalpha()


_KIND_NAMES = {
    NoteKind.ACTION: "an action",
    NoteKind.QUOTE: "a quote",
    NoteKind.QUESTION: "an open question",
    NoteKind.DECISION: "a decision",
    NoteKind.WIN: "a win",
    NoteKind.CONCERN: "a concern",
    NoteKind.PARKED: "a parked topic",
    NoteKind.EXPOSURE: "an exposure",
}


def glued_prefix_hint(
    text: str, kind: NoteKind, prefix_kinds: Mapping[str, NoteKind]
) -> str | None:
    """A calm word when a line starts with a prefix glued to a letter: a
    concern or parked topic (``-worried``, ``~pay``) is read as one, kept
    private as those are; any other (``!call Bob``) stays a plain, shared
    note — and the user hears how to have it the other way. ``-5%``,
    ``+1`` and ``=)`` say nothing."""
    mark = prefix_kinds.get(text[0])
    if mark is None or len(text) < 2 or not text[1].isalpha():
        return None
    word = text.split(None, 1)[0]
    if text[0] == "*" and "*" in text[1:]:
        return None  # *emphasis*, as in Markdown: not a slip
    if kind in SENSITIVE:
        return (
            f"'{word}' was read as {_KIND_NAMES[kind]}: glued to a word, '-' and '~' still "
            f"count (a slip there mustn't share it). For a plain note, put a backslash "
            f"first: '\\{word}'."
        )
    return (
        f"'{word}' was saved as a plain note. For {_KIND_NAMES[mark]}, put a space "
        f"after '{text[0]}': '{text[0]} {text[1:].split(None, 1)[0]}'."
    )
