"""Search text: query tokens, the FTS5 and tsquery strings made from them, and
highlighted snippets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.searchtext import (
    ELLIPSIS,
    MAX_QUERY_CHARS,
    MAX_TOKEN_CHARS,
    MAX_TOKENS,
    fts5_match,
    highlight,
    query_tokens,
    snippet,
    tsquery,
)

HOSTILE = [
    # (typed, tokens, FTS5 MATCH string)
    ("multi-agent", ["multi", "agent"], '"multi"* "agent"*'),
    ("O'Brien", ["o", "brien"], '"o" "brien"*'),
    ('"unclosed', ["unclosed"], '"unclosed"*'),
    ("NEAR(", ["near"], '"near"*'),
    ("a AND", ["a", "and"], '"a" "and"*'),
    ("*x", ["x"], '"x"'),
    ("-x", ["x"], '"x"'),
    ("col:x", ["col", "x"], '"col"* "x"'),
    ("text:x", ["text", "x"], '"text"* "x"'),
    ("", [], ""),
    ("   \t\n ", [], ""),
    ("(", [], ""),
    ('"', [], ""),
    ("*", [], ""),
    ("^", [], ""),
    ("🎉🚀", [], ""),
    ("日本語のテキスト", ["日本語のテキスト"], '"日本語のテキスト"*'),
    ("nul\x00byte", ["nul", "byte"], '"nul"* "byte"*'),
    ("Mentoring CAFÉ", ["mentoring", "café"], '"mentoring"* "café"*'),
    ("zero\u200bwidth", ["zero", "width"], None),  # format characters separate words
    ("bidi\u202eevil", ["bidi", "evil"], None),
    ("soft\xadhyphen", ["soft", "hyphen"], None),
    ("x OR y NOT z", ["x", "or", "y", "not", "z"], '"x" "or"* "y" "not"* "z"'),
    ("rowid=1; DROP TABLE note", ["rowid", "1", "drop", "table", "note"], None),
    ("e\u0301cole", ["école"], '"école"*'),  # decomposed accents are composed
    ("\u0301\u0301", [], ""),  # marks alone are no word
    ("dup dup DUP", ["dup"], '"dup"*'),
]


@pytest.mark.parametrize(("typed", "tokens", "match"), HOSTILE)
def test_hostile_inputs_become_quoted_tokens(typed, tokens, match):
    assert query_tokens(typed) == tokens
    if match is not None:
        assert fts5_match(tokens) == match


def test_tokens_are_capped():
    many = " ".join(f"w{i}" for i in range(100))
    assert query_tokens(many) == [f"w{i}" for i in range(MAX_TOKENS)]
    long = "x" * 10_000
    assert query_tokens(long) == ["x" * MAX_TOKEN_CHARS]
    assert len(query_tokens("ab " * 5000)) == 1
    assert query_tokens("(" * MAX_QUERY_CHARS + " found") == []  # only the start is read


def test_lowercase_not_casefold():
    # FTS5 and PostgreSQL lowercase; casefold would make "strasse" of "Straße".
    assert query_tokens("STRAẞE Straße") == ["straße"]


def test_quotes_inside_tokens_are_doubled():
    assert fts5_match(['a"b']) == '"a""b"*'
    assert tsquery(["a'b"]) == "'a''b':*"
    assert tsquery(["a\\b"]) == "'a\\\\b':*"


def test_tsquery_shape():
    assert tsquery(["multi", "agent"]) == "'multi':* & 'agent':*"
    assert tsquery(["o", "brien"]) == "'o' & 'brien':*"
    assert tsquery(["café"]) == "('café':* | 'cafe':*)"
    assert tsquery([]) == ""


# --- property tests --------------------------------------------------------------


def _outside_quotes(text: str, quote: str) -> str:
    """``text`` without its quoted strings (a doubled quote inside is literal)."""
    out, inside, i = [], False, 0
    while i < len(text):
        ch = text[i]
        if ch == quote:
            if inside and text[i + 1 : i + 2] == quote:
                i += 2
                continue
            inside = not inside
        elif not inside:
            out.append(ch)
        i += 1
    assert not inside, f"unbalanced quotes in {text!r}"
    return "".join(out)


@settings(max_examples=300)
@given(st.text())
def test_fts5_match_has_no_unquoted_syntax(typed):
    match = fts5_match(query_tokens(typed))
    assert re.fullmatch(r"[ *]*", _outside_quotes(match, '"'))
    for phrase in re.findall(r'"((?:[^"]|"")*)"', match):
        assert phrase  # no empty phrase


@settings(max_examples=300)
@given(st.text())
def test_tsquery_has_no_unquoted_syntax(typed):
    query = tsquery(query_tokens(typed))
    assert re.fullmatch(r"[ &|():*]*", _outside_quotes(query, "'"))
    # A backslash inside a lexeme only ever escapes another backslash.
    for lexeme in re.findall(r"'((?:[^']|'')*)'", query):
        assert re.fullmatch(r"(?:[^\\]|\\\\)*", lexeme)


@settings(max_examples=300)
@given(st.lists(st.text(), max_size=20))
def test_fts5_match_and_tsquery_of_any_strings_stay_quoted(tokens):
    assert re.fullmatch(r"[ *]*", _outside_quotes(fts5_match(tokens), '"'))
    assert re.fullmatch(r"[ &|():*]*", _outside_quotes(tsquery(tokens), "'"))


@settings(max_examples=300)
@given(st.text(), st.text())
def test_highlight_rejoins_to_the_text(text, typed):
    segments = highlight(text, query_tokens(typed))
    assert "".join(part for part, _ in segments) == text
    assert all(part for part, _ in segments)


@settings(max_examples=300)
@given(st.text(), st.text(), st.integers(min_value=8, max_value=200))
def test_snippet_is_short_and_from_the_text(text, typed, width):
    segments = snippet(text, query_tokens(typed), width)
    shown = "".join(part for part, _ in segments)
    assert len(shown) <= width
    assert "\n" not in shown
    core = shown.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    assert core in text or core.strip() in text


# --- highlight and snippet -------------------------------------------------------


def test_highlight_marks_word_starts_ignoring_case_and_accents():
    segments = highlight(
        "Mentoring at the Café, multi-agent; cafeteria", ["cafe", "mento", "agent"]
    )
    assert segments == [
        ("Mentoring", True),
        (" at the ", False),
        ("Café", True),
        (", multi-", False),
        ("agent", True),
        ("; ", False),
        ("cafeteria", True),
    ]


def test_highlight_accented_token_matches_plain_word():
    assert highlight("cafe", ["café"]) == [("cafe", True)]


def test_highlight_only_word_starts():
    assert highlight("comment", ["men"]) == [("comment", False)]
    assert highlight("anything", []) == [("anything", False)]


def test_snippet_picks_the_first_matching_line():
    text = "first line\nthe second mentions growth\nthird growth"
    assert snippet(text, ["growth"]) == [("the second mentions ", False), ("growth", True)]


def test_snippet_without_match_shows_the_first_line():
    assert snippet("\n  hello there \nmore", ["zzz"]) == [("hello there", False)]


def test_snippet_cuts_around_the_match():
    text = "word " * 60 + "the mentoring talk " + "other " * 60
    segments = snippet(text, ["mento"], width=60)
    shown = "".join(part for part, _ in segments)
    assert shown.startswith(ELLIPSIS) and shown.endswith(ELLIPSIS)
    assert len(shown) <= 60
    assert ("mentoring", True) in segments
    assert "word the " in shown  # some context before the match


def test_snippet_of_a_match_near_the_start_is_cut_at_the_end_only():
    segments = snippet("mentoring " + "x " * 100, ["mento"], width=40)
    shown = "".join(part for part, _ in segments)
    assert segments[0] == ("mentoring", True)
    assert shown.endswith(ELLIPSIS) and not shown.startswith(ELLIPSIS)
    assert len(shown) <= 40
