"""Rules for people's names and roles, and the one rule for finding a person
by a typed name."""

from __future__ import annotations

import shlex
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar

from tui1on1.domain.text import safe_terminal_text

MAX_NAME_CHARS = 80
MAX_ROLE_CHARS = 120


def _has_control(text: str) -> bool:
    # Cc: C0/C1 controls (NUL, ESC, BEL...); Cf: format chars incl. bidi overrides.
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d" for ch in text)


def clean_name(name: str) -> str:
    """Return the name as stored (NFC, inner whitespace folded) or raise ValueError."""
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned:
        raise ValueError("a name can't be empty")
    if len(cleaned) > MAX_NAME_CHARS:
        raise ValueError(
            f"a name can be at most {MAX_NAME_CHARS} characters (this one has {len(cleaned)})"
        )
    if _has_control(cleaned):
        raise ValueError("a name can't contain control or direction-override characters")
    return cleaned


def name_key(name: str) -> str:
    """The case-insensitive identity of a name: 'Ada  Lovelace' == 'ada lovelace'."""
    return clean_name(name).casefold()


def clean_role(role: str) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", role).split())
    if len(cleaned) > MAX_ROLE_CHARS:
        raise ValueError(f"a role can be at most {MAX_ROLE_CHARS} characters")
    if _has_control(cleaned):
        raise ValueError("a role can't contain control or direction-override characters")
    return cleaned


# --- the one rule for a typed name ---------------------------------------------
#
# Every command and screen that takes a person (`meet`, `export --person`,
# `recap NAME`, `actions --person`, `search --person`, `person:` in the search
# box, the app's person picker) finds them the same way:
#
# 1. the exact name, ignoring case, extra spaces and accents ("zoe muller" is
#    "Zoë Müller"); when two people differ only by accents ("Zoe", "Zoë"),
#    the one typed with the same accents wins;
# 2. else a unique start of the whole name or of any word in it, ignoring
#    case and accents: "pri", "PRI", "raman", "priya r" find "Priya Raman",
#    "mull" finds "Zoë Müller" (words are split at spaces and punctuation,
#    so "luc" finds "Jean-Luc Picard");
# 3. else, when several people start that way, it is ambiguous: the
#    candidates are listed, sorted by name;
# 4. else the name is unknown.
#
# Archived people match like everyone else (you may want the recap of a
# report who has left); a list of candidates marks them "(archived)".

_NOT_DECOMPOSED = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"})


class Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def archived(self) -> bool: ...


P = TypeVar("P", bound=Named)


class NameMatchKind(Enum):
    EXACT = "exact"
    START = "start"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class NameMatch(Generic[P]):
    """What a typed name finds: ``person`` when EXACT or START; the
    ``candidates`` (sorted by name) when AMBIGUOUS."""

    typed: str
    kind: NameMatchKind
    person: P | None = None
    candidates: tuple[P, ...] = ()

    @property
    def found(self) -> bool:
        return self.person is not None


def fold_name(text: str) -> str:
    """A name as the rule compares it: no accents, no case, single spaces.
    ``"Zoë  Müller"`` → ``"zoe muller"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().translate(_NOT_DECOMPOSED).split())


def _starts(folded: str) -> list[str]:
    """The whole (folded) name and every part of it that starts a word."""
    return [
        folded[i:]
        for i, ch in enumerate(folded)
        if ch.isalnum() and (i == 0 or not folded[i - 1].isalnum())
    ] or [folded]


def _by_name(person: Named) -> tuple[str, str]:
    return fold_name(person.name), person.name


def _exact_and_starting(everyone: list[P], wanted: str) -> tuple[list[P], list[P]]:
    """Of ``everyone`` (sorted by name): whose folded name is ``wanted``, and
    who else has a word starting with it."""
    exact = [p for p in everyone if fold_name(p.name) == wanted]
    starting = [
        p
        for p in everyone
        if p not in exact and any(s.startswith(wanted) for s in _starts(fold_name(p.name)))
    ]
    return exact, starting


def match_name(people: Iterable[P], typed: str) -> NameMatch[P]:
    """Find the person ``typed`` names among ``people`` (see the rule above)."""
    wanted = fold_name(typed)
    if not wanted:
        return NameMatch(typed, NameMatchKind.UNKNOWN)
    exact, starting = _exact_and_starting(sorted(people, key=_by_name), wanted)
    if len(exact) > 1:  # "Zoe" and "Zoë": the same accents win
        key = " ".join(typed.split()).casefold()
        exact = [p for p in exact if " ".join(p.name.split()).casefold() == key] or exact
    if len(exact) == 1:
        return NameMatch(typed, NameMatchKind.EXACT, exact[0])
    if exact:
        return NameMatch(typed, NameMatchKind.AMBIGUOUS, None, tuple(exact))
    if len(starting) == 1:
        return NameMatch(typed, NameMatchKind.START, starting[0])
    if starting:
        return NameMatch(typed, NameMatchKind.AMBIGUOUS, None, tuple(starting))
    return NameMatch(typed, NameMatchKind.UNKNOWN)


def rule_matches(people: Iterable[P], typed: str) -> list[P]:
    """Everyone the rule would consider for ``typed``, best first: exact
    names, then names with a word starting that way (sorted by name). For a
    picker that puts these before looser matches."""
    wanted = fold_name(typed)
    if not wanted:
        return []
    exact, starting = _exact_and_starting(sorted(people, key=_by_name), wanted)
    return exact + starting


SHOWN_CANDIDATES = 6


def unresolved_message(match: NameMatch[P], *, add_hint: str | None = None) -> str:
    """One calm line for a name that found no one person, safe for a terminal:

    - ``'a' could be several people: Ada Lovelace, Alan Kay; give more of the name``
    - ``there is no one called Nobody`` (then ``; `` and ``add_hint`` if given)
    """
    asked = safe_terminal_text(" ".join(match.typed.split()) or match.typed)
    if match.kind is NameMatchKind.AMBIGUOUS:
        shown = [
            safe_terminal_text(p.name) + (" (archived)" if p.archived else "")
            for p in match.candidates[:SHOWN_CANDIDATES]
        ]
        hidden = len(match.candidates) - len(shown)
        if hidden:
            shown.append(f"and {hidden} more")
        return f"'{asked}' could be several people: {', '.join(shown)}; give more of the name"
    line = f"there is no one called {asked}"
    return f"{line}; {add_hint}" if add_hint else line


def shell_word(text: str) -> str:
    """``text`` as one shell word, double-quoted when that is safe:
    ``"Priya Raman"``."""
    shown = safe_terminal_text(text)
    if any(ch in shown for ch in '"$`\\!'):
        return shlex.quote(shown)
    return f'"{shown}"'


def taken_problem(match: NameMatch[P]) -> str | None:
    """Why the name typed can't be given to a new person (or to someone on a
    rename), as one calm line, or None when it is free.

    Taken means the rule already finds someone with it: their name, ignoring
    case, spaces and accents ("Zoe Muller" when "Zoë Müller" is on file), or
    a start of their name ("Priya" when "Priya Raman" is): a new "Priya"
    would quietly change whom `priya` finds, in every command.
    """
    if match.kind is NameMatchKind.UNKNOWN:
        return None
    if match.kind is NameMatchKind.EXACT and match.person is not None:
        return f"there is already someone called {safe_terminal_text(match.person.name)}"
    found = [match.person] if match.person is not None else list(match.candidates)
    names = ", ".join(safe_terminal_text(p.name) for p in found[:SHOWN_CANDIDATES])
    typed = safe_terminal_text(" ".join(match.typed.split()))
    return f"'{typed}' already finds {names}; give the new person's full name"


def meet_problem(match: NameMatch[P], *, new: bool) -> str | None:
    """Why `tui1on1 meet NAME [--new]` can't start, as one calm line, or None
    when it can: without --new NAME must find one person; with --new the rule
    must not find anyone with it yet (see :func:`taken_problem`)."""
    if new:
        problem = taken_problem(match)
        if problem is None:
            return None
        if match.person is not None:
            return f"{problem}; to meet them, run: tui1on1 meet {shell_word(match.person.name)}"
        return problem
    if match.found:
        return None
    if match.kind is NameMatchKind.AMBIGUOUS:
        return unresolved_message(match)
    hint = f"to add them, run: tui1on1 meet {shell_word(match.typed)} --new"
    return unresolved_message(match, add_hint=hint)
