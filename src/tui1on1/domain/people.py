"""Rules for people's names and roles."""

from __future__ import annotations

import unicodedata

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
