"""``#tags`` in a note's text.

A tag may stand anywhere in any kind of line. A tag is ``#`` then letters,
digits, ``_``, ``-`` or ``/`` (any script), and it must start the text or
follow whitespace, an opening bracket or quote, or ``, ; : ! ? *``. So ``C#``,
``a.com/#x`` and ``##`` give no tag. A tag needs at least one letter:
``#1`` means "number one" and ``#2-3`` is not a tag either. Tags are
lowercased, kept once each in order of first appearance, and stay in the text.
A trailing ``-`` or ``/`` is not part of a tag.
"""

from __future__ import annotations

import re

__all__ = ["TAG_RE", "extract_tags", "is_tag_word"]

# A tag starts the text or follows whitespace, an opening bracket or quote, or
# a little punctuation; never a letter, digit, '/', '#', '.', '@' and so on.
TAG_RE = re.compile(r"""(?<![^\s(\[{<"'“‘«,;:!?*])#(\w[\w/-]*)""")


def extract_tags(text: str) -> tuple[str, ...]:
    """The ``#tags`` in ``text``: lowercased, without ``#``, unique, in order.

    See the module docstring for what counts as a tag.
    """
    seen: dict[str, None] = {}
    for match in TAG_RE.finditer(text):
        tag = match[1].rstrip("/-")
        if any(char.isalpha() for char in tag):
            seen.setdefault(tag.lower(), None)
    return tuple(seen)


def is_tag_word(word: str) -> bool:
    """True when a whitespace-free ``word`` is a tag (``#plan``, ``#plan,``)."""
    return word.startswith("#") and bool(extract_tags(word))
