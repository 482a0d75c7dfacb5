"""Tests for tui1on1.domain.grammar: what a line typed in the notes pane means."""

from __future__ import annotations

import ast
import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.grammar import (
    KIND_LABELS,
    KIND_MARKS,
    MAX_NOTE_CHARS,
    PLACEHOLDER,
    PREFIX_HELP,
    PREFIX_KINDS,
    EmptyLineError,
    NoteTooLongError,
    ParsedLine,
    extract_tags,
    parse_line,
)
from tui1on1.domain.kinds import NoteKind, Owner

TODAY = date(2026, 11, 20)  # a Friday
PREFIX_CHARS = "!>?=+-~*"
# Text is kept verbatim except for NUL, which is dropped (see the NUL test).
NO_NUL = st.characters(blacklist_characters="\x00")

NOTE = NoteKind.NOTE
ACTION = NoteKind.ACTION
ME = Owner.ME
THEM = Owner.THEM


def test_fixed_today_is_a_friday() -> None:
    assert TODAY.weekday() == 4


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        # plain notes
        ("talked about the offsite", NOTE, "talked about the offsite"),
        ("  padded  ", NOTE, "padded"),
        # every prefix, followed by whitespace
        ("> I feel stretched", NoteKind.QUOTE, "I feel stretched"),
        ("? how is the new team", NoteKind.QUESTION, "how is the new team"),
        ("~ career path", NoteKind.PARKED, "career path"),
        ("= ship on friday", NoteKind.DECISION, "ship on friday"),
        ("+ launched the beta", NoteKind.WIN, "launched the beta"),
        ("- on-call is heavy", NoteKind.CONCERN, "on-call is heavy"),
        (">\tquoted after a tab", NoteKind.QUOTE, "quoted after a tab"),
        ("-   many spaces", NoteKind.CONCERN, "many spaces"),
        # leading whitespace before the prefix is ignored
        ("   > indented quote", NoteKind.QUOTE, "indented quote"),
        ("\n\n  ? after blank lines", NoteKind.QUESTION, "after blank lines"),
        # without whitespace after it, a prefix is just text
        ("-5% churn", NOTE, "-5% churn"),
        ("+1 to that", NOTE, "+1 to that"),
        ("?!", NOTE, "?!"),
        ("=)", NOTE, "=)"),
        ("~/projects is full", NOTE, "~/projects is full"),
        (">_< rough week", NOTE, ">_< rough week"),
        ("--- break ---", NOTE, "--- break ---"),
        ("!!! urgent", NOTE, "!!! urgent"),
        ("!call Bob", NOTE, "!call Bob"),
        ("!meeting notes", NOTE, "!meeting notes"),
        ("!mine", NOTE, "!mine"),
        # a prefix char later in the line means nothing
        ("well - maybe", NOTE, "well - maybe"),
        ("hi! > there", NOTE, "hi! > there"),
        # escapes
        ("\\! not an action", NOTE, "! not an action"),
        ("\\> not a quote", NOTE, "> not a quote"),
        ("\\!me not mine", NOTE, "!me not mine"),
        ("  \\- not a concern", NOTE, "- not a concern"),
        ("\\\\x", NOTE, "\\x"),
        ("\\plain", NOTE, "plain"),
        ("\\ spaced", NOTE, "spaced"),
        # @ is only text outside actions
        ("> see you @fri", NoteKind.QUOTE, "see you @fri"),
        ("lunch @fri", NOTE, "lunch @fri"),
    ],
)
def test_kinds_and_text(line: str, kind: NoteKind, text: str) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.kind is kind
    assert parsed.text == text
    assert parsed.owner is None
    assert parsed.due is None
    assert parsed.due_error is None


@pytest.mark.parametrize(
    ("line", "owner", "text", "due"),
    [
        ("! send the doc", THEM, "send the doc", None),
        ("!\tsend the doc", THEM, "send the doc", None),
        ("!me book the room", ME, "book the room", None),
        ("!ME book the room", ME, "book the room", None),
        ("!Me\tbook the room", ME, "book the room", None),
        ("  !me indented", ME, "indented", None),
        ("! me too", THEM, "me too", None),
        ("! !me", THEM, "!me", None),
        # due dates: each form, removed from the text when readable
        ("! send the doc @fri", THEM, "send the doc", date(2026, 11, 27)),  # Fri on a Fri
        ("! send the doc @FRI", THEM, "send the doc", date(2026, 11, 27)),
        ("! send it @today", THEM, "send it", date(2026, 11, 20)),
        ("! send it @tomorrow", THEM, "send it", date(2026, 11, 21)),
        ("! send it @mon", THEM, "send it", date(2026, 11, 23)),
        ("! send it @thurs", THEM, "send it", date(2026, 11, 26)),
        ("!me draft it @+3d", ME, "draft it", date(2026, 11, 23)),
        ("!me draft it @+0d", ME, "draft it", date(2026, 11, 20)),
        ("!me draft it @+2w", ME, "draft it", date(2026, 12, 4)),
        ("!me draft it @+1m", ME, "draft it", date(2026, 12, 20)),
        ("!me draft it @next-week", ME, "draft it", date(2026, 11, 23)),
        ("! renew @2026-12-05", THEM, "renew", date(2026, 12, 5)),
        ("! renew @dec-5", THEM, "renew", date(2026, 12, 5)),
        ("! renew @5dec", THEM, "renew", date(2026, 12, 5)),
        ("! renew @dec5", THEM, "renew", date(2026, 12, 5)),
        ("! renew @5-dec", THEM, "renew", date(2026, 12, 5)),
        ("! renew @december-5", THEM, "renew", date(2026, 12, 5)),
        ("! review @nov-19", THEM, "review", date(2027, 11, 19)),  # rolled to next year
        ("! review @feb-29", THEM, "review", date(2028, 2, 29)),
        ("! tidy   spacing    @fri   ", THEM, "tidy   spacing", date(2026, 11, 27)),
        # not a due date: an email, an @word before the end, a lone @
        ("! mail bob@example.com", THEM, "mail bob@example.com", None),
        ("! ask @fri fri", THEM, "ask @fri fri", None),
        ("! @someday", THEM, "@someday", None),  # the first word is the text
        ("! ping @ ", THEM, "ping @", None),
        ("! ping a@fri", THEM, "ping a@fri", None),
    ],
)
def test_actions(line: str, owner: Owner, text: str, due: date | None) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.kind is ACTION
    assert parsed.owner is owner
    assert parsed.text == text
    assert parsed.due == due
    assert parsed.due_error is None


@pytest.mark.parametrize(
    ("line", "text", "fragment"),
    [
        ("! renew @2026-02-30", "renew @2026-02-30", "doesn't exist"),
        ("! renew @feb-30", "renew @feb-30", "doesn't exist"),
        ("! renew @2025-01-01", "renew @2025-01-01", "in the past"),
        ("! renew @13/02", "renew @13/02", "could be read more than one way"),
        ("! renew @yesterday", "renew @yesterday", "in the past"),
        ("!me thank @alice", "thank @alice", "couldn't read the due date '@alice'"),
        ("! do it @someday", "do it @someday", "couldn't read"),
        ("! x @fri @mon", "x @fri @mon", "'@fri' and '@mon' are both due dates"),
    ],
)
def test_unreadable_due_date_keeps_the_token_and_explains(
    line: str, text: str, fragment: str
) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.kind is ACTION
    assert parsed.text == text
    assert parsed.due is None
    assert parsed.due_error is not None
    assert fragment in parsed.due_error


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("#hiring is slow", ("hiring",)),
        ("talked #Hiring and #hiring and #HIRING", ("hiring",)),
        ("order: #b then #a then #b", ("b", "a")),
        ("#team-health, #q4_goals and #infra/db.", ("team-health", "q4_goals", "infra/db")),
        ("#1 priority is rest", ()),  # "number one", not a tag
        ("#2-3 items and #42", ()),
        ("#2026-q4 plan", ("2026-q4",)),
        ("#1st try", ("1st",)),
        ("learning C# and F#", ()),
        ("see a.com/#x and x.html#y", ()),
        ("# heading and ## more and ##tag", ()),
        ("#_ and #- alone", ()),
        ("trailing #dash- and #slash/", ("dash", "slash")),
        ("(#paren) [#bracket] '#quoted' \"#dq\"", ("paren", "bracket", "quoted", "dq")),
        ("list:#a,#b;#c", ("a", "b", "c")),
        ("unicode #café #Ärger #日本", ("café", "ärger", "日本")),
        ("email bob@x.com#frag", ()),
        ("@#x", ()),
        ("no tags here", ()),
    ],
)
def test_tags(line: str, tags: tuple[str, ...]) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.tags == tags
    assert parsed.text == line.strip()  # tags stay in the text
    assert extract_tags(line) == tags


@pytest.mark.parametrize(
    ("line", "kind", "tags"),
    [
        ("! fix #infra alerts @fri", ACTION, ("infra",)),
        ("> #culture is great", NoteKind.QUOTE, ("culture",)),
        ("\\#escaped-prefix-only still tags", NOTE, ("escaped-prefix-only",)),
    ],
)
def test_tags_in_every_kind(line: str, kind: NoteKind, tags: tuple[str, ...]) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.kind is kind
    assert parsed.tags == tags


def test_multi_line_paste_reads_prefix_from_first_line_and_due_from_the_end() -> None:
    parsed = parse_line("! draft the plan\nwith #budget numbers\nand owners @dec-5\n", TODAY)
    assert parsed.kind is ACTION
    assert parsed.owner is THEM
    assert parsed.text == "draft the plan\nwith #budget numbers\nand owners"
    assert parsed.tags == ("budget",)
    assert parsed.due == date(2026, 12, 5)


def test_multi_line_prefix_on_a_later_line_means_nothing() -> None:
    parsed = parse_line("first line\n! second line @fri", TODAY)
    assert parsed.kind is NOTE
    assert parsed.text == "first line\n! second line @fri"
    assert parsed.due is None


def test_multi_line_prefix_alone_on_the_first_line() -> None:
    parsed = parse_line("!\nbody on the next line", TODAY)
    assert parsed == ParsedLine(kind=ACTION, text="body on the next line", owner=THEM)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\n\t \n", "empty"),
        ("!", "an action needs some text after '!'"),
        ("! ", "an action needs some text after '!'"),
        ("  !  \n ", "an action needs some text after '!'"),
        ("!me", "an action needs some text after '!me'"),
        ("!me   ", "an action needs some text after '!me'"),
        ("!ME", "after '!ME'"),
        (">", "a quote needs some text after '>'"),
        ("> ", "a quote needs some text after '>'"),
        ("?", "a question needs some text after '?'"),
        ("=", "a decision needs some text after '='"),
        ("+ ", "a win needs some text after '+'"),
        ("-", "a concern needs some text after '-'"),
        ("~", "a parked topic needs some text after '~'"),
        ("\\", "nothing after the '\\'"),
        ("\\   ", "nothing after the '\\'"),
        ("! @fri", "before its due date"),
        ("!me @+3d", "before its due date"),
    ],
)
def test_empty_lines_and_bodies(line: str, fragment: str) -> None:
    with pytest.raises(EmptyLineError) as caught:
        parse_line(line, TODAY)
    assert fragment in str(caught.value)


def test_too_long() -> None:
    parse_line("x" * MAX_NOTE_CHARS, TODAY)  # exactly the limit is fine
    parse_line("  " + "x" * MAX_NOTE_CHARS + "\n\n", TODAY)  # surrounding blanks don't count
    with pytest.raises(NoteTooLongError) as caught:
        parse_line("x" * (MAX_NOTE_CHARS + 5), TODAY)
    message = str(caught.value)
    assert "20,000" in message
    assert "20,005" in message


def test_error_classes_are_value_errors() -> None:
    assert MAX_NOTE_CHARS == 20_000
    assert issubclass(EmptyLineError, ValueError)
    assert issubclass(NoteTooLongError, ValueError)


def test_parsed_line_is_frozen() -> None:
    parsed = parse_line("hello", TODAY)
    assert parsed == ParsedLine(kind=NOTE, text="hello")
    with pytest.raises(AttributeError):
        parsed.text = "changed"  # type: ignore[misc]


def test_labels_and_marks_cover_every_kind() -> None:
    assert set(KIND_LABELS) == set(NoteKind)
    assert set(KIND_MARKS) == set(NoteKind)
    assert all(len(mark) == 1 for mark in KIND_MARKS.values())
    assert len(set(KIND_MARKS.values())) == len(NoteKind)
    assert len(set(KIND_LABELS.values())) == len(NoteKind)
    assert all(0 < len(label) <= 8 for label in KIND_LABELS.values())
    # the mark of a prefixed kind is its prefix
    for prefix, kind in PREFIX_KINDS.items():
        assert KIND_MARKS[kind] == prefix
    assert set(PREFIX_KINDS) == set(PREFIX_CHARS)
    assert set(PREFIX_KINDS.values()) == set(NoteKind) - {NOTE}


def test_help_rows_and_placeholder() -> None:
    assert len(PLACEHOLDER) <= 70
    assert "\n" not in PLACEHOLDER
    assert PREFIX_HELP
    for keys, meaning in PREFIX_HELP:
        assert keys and meaning
        assert keys.isprintable() and meaning.isprintable()
    typed = " ".join(keys for keys, _ in PREFIX_HELP)
    for prefix in [*PREFIX_KINDS, "!me", "#", "@", "\\", "//", "&"]:
        assert prefix in typed


def test_help_examples_do_what_they_say() -> None:
    assert parse_line("! text", TODAY).owner is THEM
    assert parse_line("!me text", TODAY).owner is ME
    for example in ("@fri", "@+3d", "@dec-5", "@today", "@next-week", "@tomorrow"):
        assert parse_line(f"! call {example}", TODAY).due is not None
    assert parse_line("-5% churn", TODAY).kind is NOTE


def test_no_ui_or_storage_imports() -> None:
    import tui1on1.domain.datewords as datewords
    import tui1on1.domain.duedates as duedates
    import tui1on1.domain.grammar as grammar
    import tui1on1.domain.noteedit as noteedit
    import tui1on1.domain.tags as tags
    import tui1on1.domain.trailingdue as trailingdue

    for module in (grammar, duedates, datewords, noteedit, tags, trailingdue):
        with open(module.__file__, encoding="utf-8") as source:
            tree = ast.parse(source.read())
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        roots = {name.split(".")[0] for name in imported}
        assert not roots & {"textual", "sqlalchemy", "rich"}


# --- properties ----------------------------------------------------------------

_ERRORS = (EmptyLineError, NoteTooLongError)


def _starts_with_prefix(stripped: str) -> bool:
    """Whether a prefix rule could apply (a prefix char, the escape, the
    private marker, or a career mark's ``&`` before a letter comes first)."""
    if stripped[:1] == "&" and stripped[1:2].isalpha():
        return True
    if stripped.startswith("//"):
        return True
    return bool(stripped) and (stripped[0] in PREFIX_CHARS or stripped[0] == "\\")


@settings(max_examples=300)
@given(line=st.text())
def test_parse_line_only_raises_documented_errors(line: str) -> None:
    try:
        parsed = parse_line(line, TODAY)
    except _ERRORS as error:
        assert str(error)
    else:
        assert parsed.text
        assert parsed.text == parsed.text.strip()
        assert (parsed.owner is not None) == (parsed.kind is ACTION)
        assert parsed.due is None or parsed.due_error is None
        assert all(tag and tag == tag.lower() and "#" not in tag for tag in parsed.tags)
        assert len(set(parsed.tags)) == len(parsed.tags)


@settings(max_examples=300)
@given(
    line=st.text(
        alphabet=st.sampled_from(list("!>?=+-~\\#@ \n\tmeafri+3d-/x1")),
        max_size=30,
    )
)
def test_parse_line_only_raises_documented_errors_on_grammar_soup(line: str) -> None:
    with contextlib.suppress(*_ERRORS):
        parse_line(line, TODAY)


@settings(max_examples=300)
@given(line=st.text(NO_NUL, min_size=1))
def test_lines_without_a_prefix_are_notes_verbatim(line: str) -> None:
    stripped = line.strip()
    if not stripped or _starts_with_prefix(stripped):
        return
    parsed = parse_line(line, TODAY)
    assert parsed.kind is NOTE
    assert parsed.text == stripped
    assert parsed.owner is None
    assert parsed.due is None
    assert parsed.due_error is None


@settings(max_examples=300)
@given(
    prefix=st.sampled_from(sorted(set(PREFIX_CHARS) - {"!"})),
    # A body starting with "//" is private (its own test, below).
    body=st.text(NO_NUL, min_size=1).filter(
        lambda body: body.strip() and not body.strip().startswith("//")
    ),
    gap=st.sampled_from([" ", "\t", "  ", "\n"]),
)
def test_prefix_then_whitespace_gives_its_kind(prefix: str, body: str, gap: str) -> None:
    parsed = parse_line(prefix + gap + body, TODAY)
    assert parsed.kind is PREFIX_KINDS[prefix]
    assert parsed.text == body.strip()
    assert parsed.due is None and parsed.due_error is None


@settings(max_examples=300)
@given(
    prefix=st.sampled_from(list(PREFIX_CHARS)),
    rest=st.text(NO_NUL, min_size=1).filter(lambda rest: not rest[0].isspace()),
)
def test_prefix_without_whitespace_is_a_note(prefix: str, rest: str) -> None:
    line = prefix + rest
    if line[:3].lower() == "!me" and (len(line) == 3 or line[3].isspace()):
        return  # that's the !me prefix
    if rest.startswith("//") or (line[:3].lower() == "!me" and line[3:5] == "//"):
        return  # a private marker glued to the prefix (its own test, below)
    if prefix in "-~" and rest[0].isalpha():
        return  # a concern or parked topic glued to its word (its own test, below)
    parsed = parse_line(line, TODAY)
    assert parsed.kind is NOTE
    assert parsed.text == line.strip()


@settings(max_examples=200)
@given(line=st.text(NO_NUL, min_size=1).filter(lambda line: line.strip()))
def test_escaped_lines_are_notes(line: str) -> None:
    parsed = parse_line("\\" + line, TODAY)
    assert parsed.kind is NOTE
    assert parsed.text == line.strip()


@settings(max_examples=200)
@given(
    words=st.lists(
        st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8),
        min_size=1,
        max_size=5,
    ),
    n=st.integers(min_value=0, max_value=3650),
    mine=st.booleans(),
)
def test_actions_with_a_relative_due_date(words: list[str], n: int, mine: bool) -> None:
    body = " ".join(words)
    parsed = parse_line(f"{'!me' if mine else '!'} {body} @+{n}d", TODAY)
    assert parsed.kind is ACTION
    assert parsed.owner is (ME if mine else THEM)
    assert parsed.text == body
    assert (parsed.due - TODAY).days == n  # type: ignore[operator]


def test_a_nul_in_a_paste_is_dropped_so_every_backend_can_store_the_note() -> None:
    parsed = parse_line("! nul\x00 here @fri", TODAY)
    assert (parsed.kind, parsed.text) == (NoteKind.ACTION, "nul here")
    with pytest.raises(EmptyLineError):
        parse_line("\x00 \x00", TODAY)


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("!me // write her a peer note", NoteKind.ACTION, "write her a peer note"),
        ("- // not sleeping well", NoteKind.CONCERN, "not sleeping well"),
        ("> //quote to self", NoteKind.QUOTE, "quote to self"),
    ],
)
def test_the_private_marker_right_after_a_prefix_is_read_too(line, kind, text):
    """A privacy slip is worse than a formatting one: `!me // …` is private."""
    parsed = parse_line(line, date(2026, 12, 7))
    assert (parsed.kind, parsed.text, parsed.private) == (kind, text, True)


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("!me//ask HR about her band", NoteKind.ACTION, "ask HR about her band"),
        ("!//send the abstract", NoteKind.ACTION, "send the abstract"),
        ("-//worried about burnout", NoteKind.CONCERN, "worried about burnout"),
        ("~// pay band", NoteKind.PARKED, "pay band"),
    ],
)
def test_the_private_marker_glued_to_a_prefix_is_read(line, kind, text):
    """`!me//…` typed fast is a private action, never a shared plain note."""
    parsed = parse_line(line, date(2026, 12, 7))
    assert (parsed.kind, parsed.text, parsed.private) == (kind, text, True)


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        (
            "!call Bob",
            "'!call' was saved as a plain note. For an action, put a space after '!': '! call'.",
        ),
        (
            ">like this",
            "'>like' was saved as a plain note. For a quote, put a space after '>': '> like'.",
        ),
        ("-5% churn", None),
        ("+1 to that", None),
        ("=)", None),
        ("\\-worried", None),
        ("- worried", None),
        ("plain words", None),
        ("!me intro to Sam", None),
        ("! send the draft", None),
        ("!me//ask HR", None),
    ],
)
def test_a_prefix_glued_to_a_word_stays_a_note_and_says_how_to_make_it_that_kind(line, hint):
    parsed = parse_line(line, date(2026, 12, 7))
    assert parsed.prefix_hint == hint
    if hint:
        assert (parsed.kind, parsed.text, parsed.private) == (NoteKind.NOTE, line, False)


@pytest.mark.parametrize(
    ("line", "kind", "text", "said"),
    [
        ("-worried about burnout", NoteKind.CONCERN, "worried about burnout", "a concern"),
        ("~pay band", NoteKind.PARKED, "pay band", "a parked topic"),
        ("&a -wants more scope", NoteKind.CONCERN, "wants more scope", "a concern"),
    ],
)
def test_a_concern_or_parked_topic_glued_to_its_word_is_read_as_that_kind(line, kind, text, said):
    """A worry typed fast must not go out in the recap as a plain note."""
    parsed = parse_line(line, date(2026, 12, 7))
    assert (parsed.kind, parsed.text) == (kind, text)
    word = line.split("&a ")[-1].split()[0]
    assert parsed.prefix_hint == (
        f"'{word}' was read as {said}: glued to a word, '-' and '~' still count (a slip "
        f"there mustn't share it). For a plain note, put a backslash first: '\\{word}'."
    )
