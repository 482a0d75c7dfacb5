"""The export document as JSON text, written a person at a time.

``document_chunks`` gives exactly the text ``json.dumps(document,
ensure_ascii=True, indent=1) + "\\n"`` gives for the whole document (tested),
without ever holding more than one person of it: the header's fields, then
each person encoded on its own, in pieces of about ``PIECE`` characters,
indented to where it sits in the list. The indent goes after each newline
the encoder writes: a JSON string never holds a raw newline (and
``ensure_ascii`` keeps control and bidi characters escaped in the file).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_PERSON_INDENT = "  "  # a person sits two levels in: document, then "people"
PIECE = 1 << 16
_ENCODER = json.JSONEncoder(ensure_ascii=True, indent=1)


def document_chunks(header: dict[str, Any], people: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The document's text in pieces: the header, then one piece per person."""
    fields = [f" {_dump(key)}: {_dump(value)}" for key, value in header.items()]
    yield "{\n" + "".join(f"{field},\n" for field in fields) + ' "people": ['
    count = 0
    for person in people:
        yield ("\n" if count == 0 else ",\n") + _PERSON_INDENT
        yield from _pieces(person)
        count += 1
    yield ("\n ]" if count else "]") + "\n}\n"


def _pieces(person: dict[str, Any]) -> Iterator[str]:
    """One person's text, indented, in pieces of about PIECE characters."""
    gathered: list[str] = []
    size = 0
    for part in _ENCODER.iterencode(person):
        gathered.append(part)
        size += len(part)
        if size >= PIECE:
            yield "".join(gathered).replace("\n", "\n" + _PERSON_INDENT)
            gathered, size = [], 0
    if gathered:
        yield "".join(gathered).replace("\n", "\n" + _PERSON_INDENT)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=True, indent=1)
