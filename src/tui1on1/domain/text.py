"""Making user text safe to put on a terminal.

Names and notes may hold control characters, escape sequences or bidi
overrides (pasted by accident or on purpose). Printed raw they would be
interpreted by the terminal; here they are shown escaped instead.
"""

from __future__ import annotations

import unicodedata

_KEEP = {"\n", "\t"}


def safe_terminal_text(text: str, *, keep_newlines: bool = False) -> str:
    """Replace control and format characters with visible escapes like ``\\x1b``.

    Zero-width joiners (used inside emoji) are kept; newlines and tabs are kept
    only if ``keep_newlines``.
    """
    out: list[str] = []
    for ch in text:
        if keep_newlines and ch in _KEEP:
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or (category == "Cf" and ch != "\u200d"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 minute``, ``2 minutes``, ``0 actions``: the count and the right form.

    ``many`` is the plural when it isn't ``word + "s"`` (``plural(n, "person", "people")``).
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters; a cut always ends in "…"."""
    if limit <= 0:
        return ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
