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
    for part in _person_parts(person):
        gathered.append(part)
        size += len(part)
        if size >= PIECE:
            yield "".join(gathered).replace("\n", "\n" + _PERSON_INDENT)
            gathered, size = [], 0
    if gathered:
        yield "".join(gathered).replace("\n", "\n" + _PERSON_INDENT)


def _person_parts(person: dict[str, Any]) -> Iterator[str]:
    """The person's text as the encoder writes it; a field whose value is an
    iterator (their meetings, read as they are taken) is written as the list
    it gives, one item at a time."""
    if not any(isinstance(value, Iterator) for value in person.values()):
        yield from _ENCODER.iterencode(person)
        return
    for index, (key, value) in enumerate(person.items()):
        yield ("{\n " if index == 0 else ",\n ") + _dump(key) + ": "
        if isinstance(value, Iterator):
            yield from _list_parts(value)
        else:
            yield from _nested(_ENCODER.iterencode(value), "\n ")
    yield "\n}" if person else "{}"


def _list_parts(items: Iterator[Any]) -> Iterator[str]:
    """A list one level into the person, an item at a time."""
    count = 0
    for item in items:
        yield "[\n  " if count == 0 else ",\n  "
        yield from _nested(_ENCODER.iterencode(item), "\n  ")
        count += 1
    yield "\n ]" if count else "[]"


def _nested(parts: Iterable[str], newline: str) -> Iterator[str]:
    """``parts`` indented to where they sit (a JSON string holds no raw newline)."""
    for part in parts:
        yield part.replace("\n", newline)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=True, indent=1)
