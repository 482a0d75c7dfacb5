"""Search text: from what the user typed to a safe full-text query, and back
to highlighted snippets.

Nothing the user types reaches a full-text query language as syntax. The
query is cut into word tokens first (letters, digits and the marks attached to
them, the same idea of a word as SQLite's ``unicode61`` tokenizer), and each
token is then quoted for the backend:

* SQLite FTS5: ``"multi"* "agent"*`` — each token a quoted phrase with a
  prefix ``*``; terms side by side mean AND. :func:`fts5_match`.
* PostgreSQL ``to_tsquery('simple', ...)``: ``'multi':* & 'agent':*`` — each
  token a quoted lexeme with a prefix ``:*``. :func:`tsquery`.

A one-character token is a whole word, not a prefix (see :func:`is_prefix`).

So ``NEAR(``, ``a AND``, ``col:x``, ``-x`` or an unclosed quote search for
their words (or for nothing), never for an operator.

Tokens are lowercased with :meth:`str.lower`, not casefolded: both backends
lowercase (FTS5 keeps ``ß``, ``casefold`` would turn it into ``ss`` and then
not find ``Straße``). Accents are folded by FTS5 itself (``remove_diacritics
2``). PostgreSQL's ``simple`` configuration keeps accents, so :func:`tsquery`
adds the unaccented form of an accented token as an alternative: ``café``
finds "café" and "cafe" on both backends. (``cafe`` finding "café" on
PostgreSQL would need an unaccented search column.)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

MAX_TOKENS = 16
MAX_TOKEN_CHARS = 64
MAX_QUERY_CHARS = MAX_TOKENS * 1024  # only the start of huge input is read
ELLIPSIS = "…"

Segment = tuple[str, bool]  # (text, is part of a matched word)


def _is_word_char(ch: str) -> bool:
    """Letters, digits, private-use characters and combining marks: what
    FTS5's unicode61 tokenizer keeps inside a token."""
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co"


def _is_core_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def _blank_invisible(text: str) -> str:
    """Control (Cc), format (Cf: bidi marks, zero-width, soft hyphen),
    surrogate (Cs) and unassigned (Cn) characters turned into spaces: they
    separate words, as they do for the index."""
    return "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn") else ch for ch in text
    )


def _words(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each run of word characters."""
    start = None
    for i, ch in enumerate(text):
        if _is_word_char(ch):
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


def query_tokens(text: str) -> list[str]:
    """The word tokens of a search query: lowercased, unique, in order, at
    most :data:`MAX_TOKENS` of at most :data:`MAX_TOKEN_CHARS` characters
    each (a cut token still matches as a prefix).

    ``multi-agent`` → ``["multi", "agent"]``; ``O'Brien`` → ``["o", "brien"]``;
    punctuation, emoji and control characters are separators; ``"(*^`` → ``[]``.
    """
    if not isinstance(text, str):
        return []
    clean = unicodedata.normalize("NFC", _blank_invisible(text[:MAX_QUERY_CHARS]))
    tokens: list[str] = []
    for start, end in _words(clean):
        word = clean[start:end].lower()
        word = unicodedata.normalize("NFC", word)[:MAX_TOKEN_CHARS]
        if not any(_is_core_char(ch) for ch in word):
            continue  # only combining marks: nothing a tokenizer would keep
        if word not in tokens:
            tokens.append(word)
            if len(tokens) == MAX_TOKENS:
                break
    return tokens


def is_prefix(token: str) -> bool:
    """Whether ``token`` matches as a word start. A one-character token
    matches whole words only: the index keeps no one-character prefixes, and
    every word starting with "a" is no search (``O'Brien`` still finds
    "O'Brien", through the word "o")."""
    return len(token) > 1


def fts5_match(tokens: Sequence[str]) -> str:
    """An FTS5 MATCH string: every token a quoted phrase, a prefix unless one
    character long, all of them required. ``["multi", "agent"]`` →
    ``"multi"* "agent"*``. An empty list gives ``""`` (the caller should not
    search at all)."""
    return " ".join(
        '"' + token.replace('"', '""') + ('"*' if is_prefix(token) else '"')
        for token in tokens
        if token
    )


def _tsquery_lexeme(token: str) -> str:
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if is_prefix(token) else quoted


def tsquery(tokens: Sequence[str]) -> str:
    """A ``to_tsquery('simple', ...)`` string: every token a quoted lexeme, a
    prefix unless one character long, all of them required. ``["multi", "agent"]`` →
    ``'multi':* & 'agent':*``. An accented token also matches its unaccented
    form: ``["café"]`` → ``('café':* | 'cafe':*)``."""
    parts = []
    for token in tokens:
        if not token:
            continue
        plain = strip_accents(token)
        if plain and plain != token:
            parts.append(f"({_tsquery_lexeme(token)} | {_tsquery_lexeme(plain)})")
        else:
            parts.append(_tsquery_lexeme(token))
    return " & ".join(parts)


def strip_accents(text: str) -> str:
    """``text`` with combining marks removed after NFKD (``café`` → ``cafe``)."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def fold(text: str) -> str:
    """Accent- and case-insensitive form, for comparing words with tokens."""
    return strip_accents(text).casefold()


def highlight(text: str, tokens: Sequence[str]) -> list[Segment]:
    """``text`` cut into segments, words that start with any token marked.

    Matching ignores case and accents, like the search. The segments joined
    give back ``text`` exactly.
    """
    folded = [f for f in (fold(t) for t in tokens) if f]
    segments: list[Segment] = []
    pos = 0

    def add(part: str, hit: bool) -> None:
        if not part:
            return
        if segments and segments[-1][1] == hit:
            segments[-1] = (segments[-1][0] + part, hit)
        else:
            segments.append((part, hit))

    for start, end in _words(text):
        word = text[start:end]
        hit = bool(folded) and fold(word).startswith(tuple(folded))
        add(text[pos:start], False)
        add(word, hit)
        pos = end
    add(text[pos:], False)
    return segments


def _slice(segments: Sequence[Segment], start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for part, hit in segments:
        lo, hi = max(start, pos), min(end, pos + len(part))
        if lo < hi:
            out.append((part[lo - pos : hi - pos], hit))
        pos += len(part)
    return out


def snippet(text: str, tokens: Sequence[str], width: int = 120) -> list[Segment]:
    """The first line of ``text`` with a match (or its first non-blank line),
    shortened to ``width`` characters around the first match, with ``…`` where
    it was cut, as :func:`highlight` segments."""
    width = max(width, 8)
    lines = text.splitlines() or [""]
    chosen = None
    for line in lines:
        segments = highlight(line, tokens)
        if any(hit for _, hit in segments):
            chosen = (line, segments)
            break
    if chosen is None:
        line = next((ln for ln in lines if ln.strip()), lines[0])
        chosen = (line, highlight(line, tokens))
    line, segments = chosen
    stripped_left = len(line) - len(line.lstrip())
    line_end = len(line.rstrip())
    if line_end - stripped_left <= width:
        return _slice(segments, stripped_left, line_end)

    first = stripped_left
    pos = 0
    for part, hit in segments:
        if hit:
            first = pos
            break
        pos += len(part)

    # Some context before the match, the rest after it; cut at spaces when
    # there is one near.
    start = max(stripped_left, first - width // 4)
    if start > stripped_left:
        space = line.find(" ", start, min(first, start + 20))
        if space != -1:
            start = space + 1
    end = line_end
    if end - start > width - (start > stripped_left):
        end = start + width - (start > stripped_left) - 1  # room for both ellipses
        space = line.rfind(" ", first + 1, end + 1)
        if space > start + width // 2:
            end = space
    out = _slice(segments, start, end)
    if start > stripped_left:
        out.insert(0, (ELLIPSIS, False))
    if end < line_end:
        if out and not out[-1][1]:
            out[-1] = (out[-1][0].rstrip(), False)
        out.append((ELLIPSIS, False))
    return _merge(out)


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for part, hit in segments:
        if not part:
            continue
        if out and out[-1][1] == hit:
            out[-1] = (out[-1][0] + part, hit)
        else:
            out.append((part, hit))
    return out
