"""A saved note as a line to edit again, and who may read it.

Editing a note puts :func:`to_line` in the input: the line that, typed, gives
the same note (kind, owner, text, tags and due date), so saving the edit
reads it with the grammar again (:func:`tui1on1.domain.grammar.parse_line`,
with ``keep_due`` set to the action's due date so an overdue date is kept).

Privacy. A note is private (kept out of the recap sent to the person) when
``//`` is typed at its start, or when its kind is private by default:
concerns and parked topics unless configured otherwise
(:data:`DEFAULT_PRIVATE_KINDS`). The manager can still share such a note, so
a note's privacy is stored with it and an edit keeps what the manager chose
(:func:`private_after_edit`).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tui1on1.domain.career import ELEMENT_KEYS
from tui1on1.domain.grammar import PREFIX_KINDS, PRIVATE_MARKER, starts_plain
from tui1on1.domain.kinds import CareerElement, NoteKind, Owner

__all__ = [
    "DEFAULT_PRIVATE_KINDS",
    "private_after_edit",
    "private_by_default",
    "private_when_new",
    "shows_marker",
    "to_line",
]

DEFAULT_PRIVATE_KINDS: frozenset[NoteKind] = frozenset({NoteKind.CONCERN, NoteKind.PARKED})
"""The kinds of note that are private unless shared: concerns and parked topics."""

_PREFIXES = {kind: prefix for prefix, kind in PREFIX_KINDS.items()}
_MARK_KEYS = {element: key for key, element in ELEMENT_KEYS.items()}


def private_by_default(
    kind: NoteKind, private_kinds: Collection[NoteKind] = DEFAULT_PRIVATE_KINDS
) -> bool:
    """True when a new note of this ``kind`` is private without ``//``."""
    return kind in private_kinds


def private_when_new(
    kind: NoteKind, marker: bool, private_kinds: Collection[NoteKind] = DEFAULT_PRIVATE_KINDS
) -> bool:
    """A new note's privacy: ``//`` typed (``marker``), or its kind's default."""
    return marker or private_by_default(kind, private_kinds)


def private_after_edit(
    *,
    was_private: bool,
    old_kind: NoteKind,
    new_kind: NoteKind,
    marker: bool,
    private_kinds: Collection[NoteKind] = DEFAULT_PRIVATE_KINDS,
) -> bool:
    """A note's privacy once an edit is saved.

    ``marker`` says whether ``//`` starts the edited line. The rule:

    * ``//`` typed: private.
    * Otherwise, the kind unchanged: a kind private by default keeps the
      note's current privacy (a concern the manager shared stays shared, a
      private one stays private: :func:`to_line` shows no ``//`` for either);
      any other kind becomes shared (its line showed ``//`` and the manager
      took it away).
    * Otherwise, the kind changed: the new kind's default.
    """
    if marker:
        return True
    if new_kind is old_kind:
        return was_private and private_by_default(new_kind, private_kinds)
    return private_by_default(new_kind, private_kinds)


def shows_marker(
    kind: NoteKind, private: bool, private_kinds: Collection[NoteKind] = DEFAULT_PRIVATE_KINDS
) -> bool:
    """Whether the line to edit starts with ``//``: a private note whose kind
    isn't private anyway (see :func:`private_after_edit`)."""
    return private and not private_by_default(kind, private_kinds)


def to_line(
    kind: NoteKind,
    text: str,
    *,
    owner: Owner | None = None,
    due: date | None = None,
    private_marker: bool = False,
    career: CareerElement | None = None,
) -> str:
    """The line that, typed in the notes input, gives this note back.

    ``// `` first when ``private_marker`` (use :func:`shows_marker`), then the
    career mark (``&a``) when ``career`` is given, the kind's prefix (``!``
    or ``!me`` for an action, by ``owner``; a plain note whose text would
    read as a prefix gets a ``\\`` instead), the text, and for an action its
    due date as `` @YYYY-MM-DD``. ``parse_line(to_line(...), today,
    keep_due=due)`` gives back the same kind, owner, text, tags and due date
    for any note ``parse_line`` made (an action whose text ends with another
    readable ``@when`` would get two dates, and says so).
    """
    if kind is NoteKind.ACTION:
        prefix = "!me " if owner is Owner.ME else "! "
    elif kind is NoteKind.NOTE:
        prefix = "" if starts_plain(text) else "\\"
    else:
        prefix = _PREFIXES[kind] + " "
    line = prefix + text
    if kind is NoteKind.ACTION and due is not None:
        line += f" @{due.isoformat()}"
    if career is not None:
        line = f"&{_MARK_KEYS[career]} {line}"
    if private_marker:
        line = f"{PRIVATE_MARKER} {line}"
    return line
