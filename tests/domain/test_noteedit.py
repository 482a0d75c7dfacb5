"""Private notes, and a saved note back as a line: editing re-reads the grammar."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tui1on1.domain.grammar import EmptyLineError, NoteTooLongError, ParsedLine, parse_line
from tui1on1.domain.kinds import CareerElement, NoteKind, Owner
from tui1on1.domain.noteedit import (
    DEFAULT_PRIVATE_KINDS,
    private_after_edit,
    private_by_default,
    private_when_new,
    shows_marker,
    to_line,
)

TODAY = date(2026, 12, 7)  # a Monday
NOTE, ACTION, CONCERN, PARKED = NoteKind.NOTE, NoteKind.ACTION, NoteKind.CONCERN, NoteKind.PARKED
ASPIRATION = CareerElement.ASPIRATION


# --- the // marker ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "text", "career"),
    [
        ("// - worried about burnout", CONCERN, "worried about burnout", None),
        ("// !me ask HR about her band", ACTION, "ask HR about her band", None),
        ("//note to self", NOTE, "note to self", None),
        ("//  spaced", NOTE, "spaced", None),
        ("  // indented", NOTE, "indented", None),
        ("//\tafter a tab", NOTE, "after a tab", None),
        ("&a // wants to lead", NOTE, "wants to lead", ASPIRATION),
        ("// &a wants to lead", NOTE, "wants to lead", ASPIRATION),
        ("&a //wants to lead", NOTE, "wants to lead", ASPIRATION),
        ("// &p ! shadow on-call @fri", ACTION, "shadow on-call", CareerElement.PLAN),
        ("&p // ! shadow on-call @fri", ACTION, "shadow on-call", CareerElement.PLAN),
        ("//// doubled", NOTE, "// doubled", None),  # one marker; the rest is text
        ("// \\! not an action", NOTE, "! not an action", None),
        ("//-5% churn", NOTE, "-5% churn", None),
        ("//>_< rough week", NOTE, ">_< rough week", None),
        ("// > a quote", NoteKind.QUOTE, "a quote", None),
    ],
)
def test_the_private_marker_in_every_position(
    line: str, kind: NoteKind, text: str, career: CareerElement | None
) -> None:
    parsed = parse_line(line, TODAY)
    assert (parsed.kind, parsed.text, parsed.career, parsed.private) == (kind, text, career, True)


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("\\// x", NOTE, "// x"),
        ("\\//note", NOTE, "//note"),
        ("- worried about burnout", CONCERN, "worried about burnout"),  # private by kind, not typed
        ("see a.com//x", NOTE, "see a.com//x"),
        ("! read //docs", ACTION, "read //docs"),
        ("> he said // twice", NoteKind.QUOTE, "he said // twice"),
        ("/ slash", NOTE, "/ slash"),
    ],
)
def test_no_marker_where_none_was_typed(line: str, kind: NoteKind, text: str) -> None:
    parsed = parse_line(line, TODAY)
    assert (parsed.kind, parsed.text, parsed.private) == (kind, text, False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("//", "a private note needs some text after '//'"),
        ("//   ", "a private note needs some text after '//'"),
        ("&a //", "a private note needs some text after '//'"),
        ("// !", "an action needs some text after '!'"),
        ("// &a", "a career mark needs some text after '&a'"),
    ],
)
def test_a_marker_with_nothing_after_it(line: str, message: str) -> None:
    with pytest.raises(EmptyLineError, match=message):
        parse_line(line, TODAY)


def test_kinds_private_by_default() -> None:
    assert sorted(DEFAULT_PRIVATE_KINDS) == sorted({CONCERN, PARKED})
    assert [kind for kind in NoteKind if private_by_default(kind)] == [CONCERN, PARKED]
    assert private_by_default(NoteKind.WIN, {NoteKind.WIN})
    assert not private_by_default(CONCERN, set())
    assert private_when_new(CONCERN, False)
    assert private_when_new(NOTE, True)
    assert not private_when_new(NOTE, False)
    assert not private_when_new(CONCERN, False, frozenset())


# --- privacy after an edit --------------------------------------------------------------


@pytest.mark.parametrize(
    ("was_private", "old_kind", "new_kind", "marker", "private"),
    [
        # // typed: private, whatever else
        (False, NOTE, NOTE, True, True),
        (False, ACTION, NoteKind.WIN, True, True),
        (True, CONCERN, CONCERN, True, True),
        # kind unchanged, private by default: the note keeps what the manager chose
        (True, CONCERN, CONCERN, False, True),
        (False, CONCERN, CONCERN, False, False),  # a concern made shared stays shared
        (True, PARKED, PARKED, False, True),
        (False, PARKED, PARKED, False, False),
        # kind unchanged, shared by default: the // was taken away
        (True, NOTE, NOTE, False, False),
        (True, ACTION, ACTION, False, False),
        (False, NoteKind.WIN, NoteKind.WIN, False, False),
        # kind changed: the new kind's default
        (False, NOTE, CONCERN, False, True),
        (True, NOTE, PARKED, False, True),
        (True, CONCERN, NOTE, False, False),
        (False, CONCERN, PARKED, False, True),
        (True, PARKED, NoteKind.DECISION, False, False),
    ],
)
def test_privacy_after_an_edit(
    was_private: bool, old_kind: NoteKind, new_kind: NoteKind, marker: bool, private: bool
) -> None:
    after = private_after_edit(
        was_private=was_private, old_kind=old_kind, new_kind=new_kind, marker=marker
    )
    assert after is private


def test_privacy_after_an_edit_with_configured_kinds() -> None:
    wins = frozenset({NoteKind.WIN})
    edit = {"old_kind": NoteKind.WIN, "new_kind": NoteKind.WIN, "marker": False}
    assert private_after_edit(was_private=True, private_kinds=wins, **edit) is True
    concern = {"old_kind": CONCERN, "new_kind": CONCERN, "marker": False}
    assert private_after_edit(was_private=True, private_kinds=wins, **concern) is False


@pytest.mark.parametrize(
    ("kind", "private", "shown"),
    [(NOTE, True, True), (NOTE, False, False), (CONCERN, True, False), (CONCERN, False, False)],
)
def test_the_marker_shows_only_when_the_kind_does_not_say_it(
    kind: NoteKind, private: bool, shown: bool
) -> None:
    assert shows_marker(kind, private) is shown


def test_editing_keeps_the_privacy_the_line_shows() -> None:
    """to_line and private_after_edit together: saving an edit unchanged
    changes nothing, for every kind and privacy."""
    for kind in NoteKind:
        for private in (False, True):
            owner = Owner.ME if kind is ACTION else None
            line = to_line(kind, "text", owner=owner, private_marker=shows_marker(kind, private))
            parsed = parse_line(line, TODAY)
            after = private_after_edit(
                was_private=private, old_kind=kind, new_kind=parsed.kind, marker=parsed.private
            )
            assert (parsed.kind, after) == (kind, private)


# --- to_line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "extra", "line"),
    [
        (NOTE, "talked about the offsite", {}, "talked about the offsite"),
        (NOTE, "! not an action", {}, "\\! not an action"),
        (NOTE, "!me not mine", {}, "\\!me not mine"),
        (NOTE, "// not private", {}, "\\// not private"),
        (NOTE, "\\x", {}, "\\\\x"),
        (NOTE, "&a not a mark", {}, "\\&a not a mark"),
        (NOTE, "&zz kept as typed", {}, "&zz kept as typed"),
        (NOTE, "-5% churn", {}, "-5% churn"),
        (NOTE, "note to self", {"private_marker": True}, "// note to self"),
        (NOTE, "wants to lead", {"career": ASPIRATION}, "&a wants to lead"),
        (NOTE, "wants", {"career": ASPIRATION, "private_marker": True}, "// &a wants"),
        (ACTION, "send the doc #x", {"owner": Owner.THEM}, "! send the doc #x"),
        (
            ACTION,
            "book the room",
            {"owner": Owner.ME, "due": date(2026, 11, 3)},
            "!me book the room @2026-11-03",
        ),
        (NoteKind.QUOTE, "I feel stretched", {}, "> I feel stretched"),
        (CONCERN, "on-call is heavy", {}, "- on-call is heavy"),
        (PARKED, "career path", {}, "~ career path"),
    ],
)
def test_to_line(kind: NoteKind, text: str, extra: dict[str, object], line: str) -> None:
    assert to_line(kind, text, **extra) == line  # type: ignore[arg-type]  # a table of keywords


def test_an_overdue_action_edited_keeps_its_date_and_re_reads_the_rest() -> None:
    overdue = TODAY - timedelta(days=10)
    line = to_line(ACTION, "send the report", owner=Owner.THEM, due=overdue)
    assert parse_line(line, TODAY, keep_due=overdue).due == overdue
    # the manager retypes the date and the owner: both are read again
    edited = line.replace(f"@{overdue.isoformat()}", "@fri #q4").replace("! ", "!me ", 1)
    parsed = parse_line(edited, TODAY, keep_due=overdue)
    assert (parsed.owner, parsed.text, parsed.due) == (
        Owner.ME,
        "send the report #q4",
        date(2026, 12, 11),
    )
    # a note becomes an action, an action a decision
    assert parse_line("! " + "follow up", TODAY).kind is ACTION
    assert parse_line("= " + line[2:], TODAY, keep_due=overdue).kind is NoteKind.DECISION


def test_an_unread_date_is_read_when_edited() -> None:
    """An action saved with @someday, edited to @+1m, gets its date."""
    saved = parse_line("! write the design doc @someday", TODAY)
    line = to_line(saved.kind, saved.text, owner=saved.owner, due=saved.due)
    assert line == "! write the design doc @someday"
    edited = parse_line(line.replace("@someday", "@+1m"), TODAY, keep_due=saved.due)
    assert (edited.text, edited.due) == ("write the design doc", date(2027, 1, 7))


def _round_trip(parsed: ParsedLine, today: date) -> ParsedLine:
    line = to_line(
        parsed.kind,
        parsed.text,
        owner=parsed.owner,
        due=parsed.due,
        private_marker=parsed.private,
        career=parsed.career,
    )
    return parse_line(line, today, keep_due=parsed.due)


def _same(first: ParsedLine, second: ParsedLine) -> None:
    assert (second.kind, second.owner, second.text, second.tags, second.due) == (
        first.kind,
        first.owner,
        first.text,
        first.tags,
        first.due,
    )
    assert (second.private, second.career) == (first.private, first.career)


_LINE_START = st.sampled_from(
    ["", "! ", "!me ", "> ", "? ", "= ", "+ ", "- ", "~ ", "\\", "\\! ", "&a ", "&zz ", "// "]
)
_PIECES = st.sampled_from(
    [
        "send",
        "the",
        "doc",
        "#plan",
        "#x",
        "@fri",
        "@+2w",
        "@sam",
        "@someday",
        "@2026-12-01",
        "@",
        "!",
        "!me",
        ">",
        "//",
        "\\",
        "&a",
        "me",
        "bob@example.com",
        "\n",
        "#1",
        "@fri.",
        "5/12",
    ]
)


@settings(max_examples=400)
@given(
    marker=st.booleans(),
    start=_LINE_START,
    pieces=st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=6)), min_size=1, max_size=7),
    later=st.integers(min_value=0, max_value=400),
)
def test_to_line_round_trip(marker: bool, start: str, pieces: list[str], later: int) -> None:
    """Whatever a line gave, the line to edit it gives it back — days later too,
    when its due date has gone by."""
    line = ("// " if marker else "") + start + " ".join(pieces)
    parsed = None
    with contextlib.suppress(EmptyLineError, NoteTooLongError):
        parsed = parse_line(line, TODAY)
    assume(parsed is not None)
    assert parsed is not None
    _same(parsed, _round_trip(parsed, TODAY))
    _same(parsed, _round_trip(parsed, TODAY + timedelta(days=later)))
