"""``#tags`` in a note's text (the rules are in :mod:`tui1on1.domain.grammar`)."""

from __future__ import annotations

import re

__all__ = ["extract_tags", "is_tag_word"]

# A tag starts the text or follows whitespace, an opening bracket or quote, or
# a little punctuation; never a letter, digit, '/', '#', '.', '@' and so on.
_TAG_RE = re.compile(r"""(?<![^\s(\[{<"'“‘«,;:!?*])#(\w[\w/-]*)""")


def extract_tags(text: str) -> tuple[str, ...]:
    """The ``#tags`` in ``text``: lowercased, without ``#``, unique, in order.

    See :mod:`tui1on1.domain.grammar` for what counts as a tag.
    """
    seen: dict[str, None] = {}
    for match in _TAG_RE.finditer(text):
        tag = match[1].rstrip("/-")
        if any(char.isalpha() for char in tag):
            seen.setdefault(tag.lower(), None)
    return tuple(seen)


def is_tag_word(word: str) -> bool:
    """True when a whitespace-free ``word`` is a tag (``#plan``, ``#plan,``)."""
    return word.startswith("#") and bool(extract_tags(word))
