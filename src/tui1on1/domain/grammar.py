"""The one-line grammar of the notes pane: what a typed line means.

A line is a plain note unless it starts with one of these prefixes:

======  =============================================
``!``   an action item for them (the other person)
``!me`` an action item for me (the manager)
``>``   a quote, in their words
``?``   an open question to come back to
``=``   a decision
``+``   a win
``-``   a concern
``~``   a topic parked for a longer conversation
``*``   an exposure: an opportunity given (a customer meeting, a talk…)
======  =============================================

A career mark may go before all of these: ``&`` then a key or a word, then
whitespace, puts the note in the person's career thread whatever question is
open: ``&a`` (or ``&aspiration``) aspiration, ``&w`` (``&why``) why,
``&m`` (``&moonshot``) moonshot, ``&s`` (``&strength``) a strength in use,
``&u`` (``&unused``, ``&drain``) a strength unused or draining, ``&p``
(``&plan``, ``&step``) a plan step. The rest of the line is read as usual:
``&p ! shadow Sam's on-call @fri`` is an action for them and a plan step.
``&`` was chosen because no other prefix, tag or due date uses it, no prose
line starts with ``&`` and a letter, and it is typed the same on every
keyboard layout (``^`` is a dead key on many). An ``&word`` that is no
mark keeps the whole line as typed (read as usual: in the thread only if
it answers a career question) and says so (``mark_error``).

Decisions, so the grammar stays predictable:

* **A prefix only counts when whitespace follows it** (a space, a tab, or the
  end of the first line), or the private marker ``//`` (``!me//ask HR`` is a
  private action: a privacy slip is worse than a formatting one). This
  applies to ``!`` too, so ordinary notes such as ``-5% churn``,
  ``+1 to that``, ``?!``, ``=)``, ``!!! urgent`` or ``!call Bob`` stay plain
  notes, word for word. One rule for every prefix is easier to remember than
  exceptions — but for the two kinds that hold what is sensitive: ``-``
  and ``~`` glued to a letter still count (``-worried`` is a concern,
  ``~pay band`` a parked topic; ``-5%`` stays a note), since a worry shared
  by a slip is worse than a stray mark. A prefix glued to a letter gets a
  ``prefix_hint`` saying how it was read and how to have it the other way.
* ``!me`` (any case: ``!Me``, ``!ME``) counts only as a whole word:
  ``!me send the doc`` is mine, ``!meeting notes`` is a plain note (no space
  after the ``!``), and ``! me too`` is an action for them with text
  ``me too``.
* Leading whitespace (blank lines included) before the prefix is ignored.
* A leading backslash turns the line into a plain note and is dropped:
  ``\\! not an action`` is the note ``! not an action``; ``\\\\x`` is ``\\x``.
* A prefix with nothing after it (``!``, ``> ``, ``!me``) is an
  :class:`EmptyLineError`, as is an empty or blank line.
* Pasted multi-line text is fine: the prefix is read from the first line, and
  an action's due date from the words that end the whole text.

Tags: ``#word`` anywhere in any kind of line; they stay in the text (see
:mod:`tui1on1.domain.tags` for what counts as one).

Due dates: only for actions, from the ``@word`` among the ``#tags`` and
``@words`` that end the action after its text, in any order
(:mod:`tui1on1.domain.trailingdue`): ``! draft it @+2w #plan`` is due in two
weeks and keeps ``#plan``; ``ask @sam about it @fri`` keeps ``@sam``;
``bob@example.com`` is never a date. A readable date is taken out of the text;
two are refused and an unreadable one stays in the text, each with a calm
``due_error``. An action left without a date whose text looks dated (``in 2
weeks``, ``5/12``, ``@someday``) gets a ``due_warning``
(:mod:`tui1on1.domain.datewords`). Elsewhere ``@`` is just text.
``keep_due=d`` accepts the ISO date ``d`` even when past, so an overdue
action can be edited and keep its date.

Private notes: ``//`` at the very start (before or after a career mark,
before the kind's prefix) makes the note private: kept out of the recap sent
to the person. It counts with or without a space after it, because a private
note shared by mistake is worse than a stray ``//``: ``//note to self`` is the
private note ``note to self``, ``// !me ask HR about her band`` a private
action, ``&a // wants to lead`` a private aspiration. ``\\//`` keeps the line
a plain note: ``\\// x`` is the note ``// x``. ``private`` is True only when the
marker was typed; some kinds are private by default (see
:mod:`tui1on1.domain.noteedit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tui1on1.domain.career import MARK_WORDS
from tui1on1.domain.datewords import due_warning
from tui1on1.domain.exposure import KINDS_HELP as EXPOSURE_KINDS
from tui1on1.domain.glued import glued_prefix_hint, glued_sensitive
from tui1on1.domain.kinds import CareerElement, NoteKind, Owner
from tui1on1.domain.tags import extract_tags
from tui1on1.domain.trailingdue import read_due

__all__ = [
    "KIND_LABELS",
    "KIND_MARKS",
    "MAX_NOTE_CHARS",
    "PLACEHOLDER",
    "PREFIX_HELP",
    "PREFIX_KINDS",
    "PRIVATE_MARK",
    "PRIVATE_MARKER",
    "EmptyLineError",
    "NoteTooLongError",
    "ParsedLine",
    "extract_tags",
    "parse_line",
    "starts_plain",
]

MAX_NOTE_CHARS = 20_000
"""The longest note accepted, counted after surrounding whitespace is stripped."""

PREFIX_KINDS: dict[str, NoteKind] = {
    "!": NoteKind.ACTION,
    ">": NoteKind.QUOTE,
    "?": NoteKind.QUESTION,
    "=": NoteKind.DECISION,
    "+": NoteKind.WIN,
    "-": NoteKind.CONCERN,
    "~": NoteKind.PARKED,
    "*": NoteKind.EXPOSURE,
}
"""The one-character prefixes (each must be followed by whitespace)."""

MARK_HELP = "&a aspiration, &w why, &m moonshot, &s strength, &u unused/draining, &p plan step"
"""The career marks, for messages and the help screen."""
MARKS = "&a &w &m &s &u &p"

PRIVATE_MARKER = "//"
"""Typed first (before or after a career mark), it makes a note private."""

_ME_PREFIX = "!me"
_ESCAPE = "\\"

KIND_LABELS: dict[NoteKind, str] = {
    NoteKind.NOTE: "note",
    NoteKind.ACTION: "action",
    NoteKind.QUOTE: "quote",
    NoteKind.QUESTION: "open q",
    NoteKind.DECISION: "decision",
    NoteKind.WIN: "win",
    NoteKind.CONCERN: "concern",
    NoteKind.PARKED: "parked",
    NoteKind.EXPOSURE: "exposure",
}
"""Short labels for each kind, for the notes list."""

KIND_MARKS: dict[NoteKind, str] = {
    NoteKind.NOTE: "·",
    NoteKind.ACTION: "!",
    NoteKind.QUOTE: ">",
    NoteKind.QUESTION: "?",
    NoteKind.DECISION: "=",
    NoteKind.WIN: "+",
    NoteKind.CONCERN: "-",
    NoteKind.PARKED: "~",
    NoteKind.EXPOSURE: "*",
}
"""One-character marks for each kind, for the notes list."""

PRIVATE_MARK = "◘"
"""A private note's mark in a list: one cell wide in every terminal font."""

PREFIX_HELP: tuple[tuple[str, str], ...] = (
    ("plain text", "a note"),
    ("! text", "an action item for them"),
    ("!me text", "an action item for me"),
    ("> text", "a quote, in their words"),
    ("? text", "an open question to come back to"),
    ("= text", "a decision"),
    ("+ text", "a win"),
    ("- text", "a concern"),
    ("~ text", "a topic parked for a longer talk"),
    ("* kind text", "an exposure given: " + EXPOSURE_KINDS + " (first word)"),
    ("-5% churn", "still a note: a prefix only counts with a space after it"),
    ("#tag", "a tag, anywhere in the line"),
    ("@fri, @+3d, @dec-5", "an action's due date: after its text, among its tags"),
    ("@today, @next-week", "also @tomorrow, @+2w, @+1m, a full date: @2026-12-05"),
    ("&a text", "put in the career thread: " + MARK_HELP),
    ("// text", "a private note: kept out of the recap"),
    ("\\! text", "a backslash first keeps the line a plain note"),
)
"""Rows of (what to type, what it means) for the help screen."""

PLACEHOLDER = "note · ! action · !me mine · > quote · ? question · // private · @fri"
"""A one-line hint for the empty notes input."""

_EMPTY_BODY = {
    NoteKind.ACTION: "an action needs some text after '{prefix}'",
    NoteKind.QUOTE: "a quote needs some text after '>'",
    NoteKind.QUESTION: "a question needs some text after '?'",
    NoteKind.DECISION: "a decision needs some text after '='",
    NoteKind.WIN: "a win needs some text after '+'",
    NoteKind.CONCERN: "a concern needs some text after '-'",
    NoteKind.PARKED: "a parked topic needs some text after '~'",
    NoteKind.EXPOSURE: "an exposure needs some text after '*': what they did, with whom",
}


class EmptyLineError(ValueError):
    """The line has nothing to save. ``str(error)`` is a calm message for the user."""


class NoteTooLongError(ValueError):
    """The line is longer than :data:`MAX_NOTE_CHARS`. The message gives both lengths."""


@dataclass(frozen=True, slots=True)
class ParsedLine:
    """What a line typed in the notes pane means.

    ``text`` is the body with the prefix (and, for an action, the ``@when``
    read as its due date) removed, stripped; tags stay in it. ``owner`` is set
    for actions only. ``due_error`` holds the message when an action's
    ``@when`` could not be read (``due`` is then None); ``due_warning`` the
    message for an action without a due date whose text looks dated (show
    ``due_error or due_warning``). ``private`` is True when ``//`` was typed.
    ``prefix_hint`` says so when a plain note starts with a prefix glued to
    a word (``-worried``), which was likely meant as that kind.
    """

    kind: NoteKind
    text: str
    tags: tuple[str, ...] = ()
    owner: Owner | None = None
    due: date | None = None
    due_error: str | None = None
    career: CareerElement | None = None
    mark_error: str | None = None
    private: bool = False
    due_warning: str | None = None
    prefix_hint: str | None = None


def parse_line(line: str, today: date, *, keep_due: date | None = None) -> ParsedLine:
    """Read one typed (or pasted) line of notes. See the module docstring for the rules.

    ``today`` is the user's local date, used to resolve an action's due date.
    ``keep_due`` (when editing an action) is its current due date: typed as
    ``@YYYY-MM-DD`` it is accepted even if past. Raises
    :class:`EmptyLineError` for a blank line or a prefix with no text, and
    :class:`NoteTooLongError` beyond :data:`MAX_NOTE_CHARS` characters.
    """
    # A NUL can arrive in a paste; PostgreSQL can't store one, so no note
    # holds one on either backend.
    stripped = line.replace("\x00", "").strip()
    if not stripped:
        raise EmptyLineError("there's nothing to save yet — the line is empty")
    if len(stripped) > MAX_NOTE_CHARS:
        raise NoteTooLongError(
            f"that note is {len(stripped):,} characters, and the limit is "
            f"{MAX_NOTE_CHARS:,} — try splitting it into a few notes"
        )

    private, stripped = _split_private(stripped)
    career, mark_error, stripped = _split_mark(stripped)
    if not private:
        private, stripped = _split_private(stripped)
    kind, owner, prefix, body = _split_prefix(stripped)
    if not private and kind is not NoteKind.NOTE:
        # `!me // ...`: the marker after the prefix means what it says too
        # (a privacy slip is worse than a formatting one).
        private, body = _split_private(body)
    if not body:
        if kind is NoteKind.NOTE:  # only a lone backslash gets here
            raise EmptyLineError("there's nothing after the '\\' — type the note after it")
        raise EmptyLineError(_EMPTY_BODY[kind].format(prefix=prefix))

    due: date | None = None
    due_error: str | None = None
    warning: str | None = None
    if kind is NoteKind.ACTION:
        read = read_due(body, today, keep_due=keep_due)
        if read.no_text:
            raise EmptyLineError("an action needs some text before its due date")
        body, due, due_error = read.text, read.due, read.error
        if due is None:
            warning = due_warning(body, today)

    glued = (kind is NoteKind.NOTE and not prefix) or glued_sensitive(kind, stripped)
    hint = glued_prefix_hint(stripped, kind, PREFIX_KINDS) if glued else None
    return ParsedLine(
        kind=kind,
        text=body,
        tags=extract_tags(body),
        owner=owner,
        due=due,
        due_error=due_error,
        career=career,
        mark_error=mark_error,
        private=private,
        due_warning=warning,
        prefix_hint=hint,
    )


_MARK_RE = re.compile(r"&([^\W\d_]+)(?=\s|$)")


def starts_plain(text: str) -> bool:
    """True when stripped ``text``, typed as a line, starts with nothing the
    grammar reads (no prefix, career mark, ``//`` or backslash), so it would
    be a plain note of the same text. Otherwise it needs a ``\\`` first."""
    if text.startswith((_ESCAPE, PRIVATE_MARKER)):
        return False
    mark = _MARK_RE.match(text)
    if mark is not None and mark[1].lower() in MARK_WORDS:
        return False
    return _split_prefix(text)[2] == ""


def _split_private(text: str) -> tuple[bool, str]:
    """Take a leading ``//`` off stripped ``text``: (typed, the rest stripped)."""
    if not text.startswith(PRIVATE_MARKER):
        return False, text
    rest = text[len(PRIVATE_MARKER) :].strip()
    if not rest:
        raise EmptyLineError("a private note needs some text after '//'")
    return True, rest


def _split_mark(text: str) -> tuple[CareerElement | None, str | None, str]:
    """Take a leading career mark (``&a``, ``&why``) off stripped ``text``.

    Returns (element, message for an unknown mark, the rest stripped)."""
    match = _MARK_RE.match(text)
    if match is None:
        return None, None, text
    element = MARK_WORDS.get(match[1].lower())
    if element is None:
        said = f"'&{match[1]}' isn't a career mark; the line is kept as typed. Marks: {MARKS}"
        return None, said, text
    rest = text[match.end() :].strip()
    if not rest:
        raise EmptyLineError(f"a career mark needs some text after '&{match[1]}'")
    return element, None, rest


def _split_prefix(text: str) -> tuple[NoteKind, Owner | None, str, str]:
    """Split stripped, non-empty ``text`` into (kind, owner, prefix, stripped body)."""
    if text.startswith(_ESCAPE):
        return NoteKind.NOTE, None, _ESCAPE, text[1:].strip()
    head = text[: len(_ME_PREFIX)]
    if head.lower() == _ME_PREFIX and _space_or_end(text, len(_ME_PREFIX)):
        return NoteKind.ACTION, Owner.ME, head, text[len(_ME_PREFIX) :].strip()
    kind = PREFIX_KINDS.get(text[0])
    if kind is not None and (_space_or_end(text, 1) or glued_sensitive(kind, text)):
        owner = Owner.THEM if kind is NoteKind.ACTION else None
        return kind, owner, text[0], text[1:].strip()
    return NoteKind.NOTE, None, "", text


def _space_or_end(text: str, index: int) -> bool:
    """True when ``text`` ends at ``index``, has whitespace there, or the
    private marker: ``!me//ask HR`` is a private action, not a shared note."""
    return index >= len(text) or text[index].isspace() or text.startswith(PRIVATE_MARKER, index)
