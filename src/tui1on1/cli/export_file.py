"""An export file for `tui1on1 import`, read a person at a time.

The file is parsed once for its fields around the people (format, version,
when it was exported) without building its people, then read again for its
people, one at a time, by ijson (an incremental JSON parser), as the import
merges them: a ten-year export never has to fit in memory. A file that parser
can't read, or one sealed by an encrypted database, is read whole as before
(:func:`read_export_file`): it gets the stdlib's reading of what is wrong
("not JSON … at line 3", "stops in the middle", "isn't UTF-8 text"), or,
when the stdlib reads it after all (a byte-order mark, say), it is imported
from memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tui1on1.keys import DatabaseKey

_SCALARS = ("null", "boolean", "integer", "double", "number", "string")
# An export nests eight levels at most (document, people, a person, meetings,
# a meeting, notes, a note's action, its history); ijson names every value
# by its whole path, which costs the square of the depth to build.
MAX_DEPTH = 32


class Unreadable(Exception):
    """The file can't be used; ``str()`` is the line to show."""


@dataclass(frozen=True)
class ExportSource:
    """What `import` reads: the document's top-level value with its people
    left out ("people" an empty list when it is a list), and its people, read
    from the first when ``people`` is called."""

    header: Any
    people: Callable[[], Iterator[Any]]


@contextmanager
def opened_export(path: Path, key: DatabaseKey | None) -> Iterator[ExportSource]:
    """The export at ``path``, open while the caller reads it; Unreadable
    says calmly why it can't be. ``key`` opens a file sealed by an
    encrypted database (a discarded 1:1): the key of the database it goes
    back into."""
    import ijson

    from tui1on1.storage.sealing import FILE_MARK
    from tui1on1.user_files import open_regular_file

    shown = _shown(path)
    with _refused_calmly(shown):
        handle = open_regular_file(path)  # a pipe or /dev/zero is refused, not read
    with handle:
        header = None
        try:
            if handle.read(len(FILE_MARK)) != FILE_MARK:
                handle.seek(0)
                header = _header(ijson.basic_parse(handle, use_float=True))
        except (ijson.JSONError, UnicodeDecodeError, ValueError):
            header = None
        except OSError as exc:
            raise Unreadable(f"can't read {shown}: {exc.strerror or exc}") from None
        if header is None:
            yield _in_memory(read_export_file(path, key))
        else:
            yield ExportSource(header, lambda: _people(handle, shown))


def _people(handle: BinaryIO, shown: str) -> Iterator[Any]:
    """The file's people, read again from its start. The file was read in
    full once already; should reading it fail now (it changed, the disk
    went), Unreadable says so, and the import (one transaction) lands nothing."""
    import ijson

    try:
        handle.seek(0)
        yield from ijson.items(handle, "people.item", use_float=True)
    except (ijson.JSONError, UnicodeDecodeError, ValueError):
        raise Unreadable(f"{shown} changed while it was read; nothing was imported") from None
    except OSError as exc:
        reason = exc.strerror or exc
        raise Unreadable(f"can't read {shown}: {reason}; nothing was imported") from None


def _header(events: Iterator[tuple[str, Any]]) -> Any:
    """The top-level value, with every container in it but the top one left
    empty (its people are read later, and nothing else there is a list or
    an object in a good file). The whole file is parsed, so a file that
    isn't JSON is found here; so is one nested deeper than an export ever
    is (None: it is read whole, and the stdlib says what it says)."""
    header: Any = None
    depth = 0
    key = ""
    for event, value in events:
        if depth == 0:
            header = {} if event == "start_map" else [] if event == "start_array" else value
        elif depth == 1 and isinstance(header, dict):
            if event == "map_key":
                key = value
            elif event in _SCALARS:
                header[key] = value
            elif event in ("start_map", "start_array"):
                header[key] = {} if event == "start_map" else []
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_DEPTH:
                return None
        elif event in ("end_map", "end_array"):
            depth -= 1
    return header


def _in_memory(data: Any) -> ExportSource:
    if isinstance(data, dict) and isinstance(data.get("people"), list):
        people = data["people"]
        return ExportSource({**data, "people": []}, lambda: iter(people))
    return ExportSource(data, lambda: iter(()))


@contextmanager
def _refused_calmly(shown: str) -> Iterator[None]:
    """Opening or reading the file failing, said as Unreadable."""
    from tui1on1.user_files import UnreadableFile

    try:
        yield
    except FileNotFoundError:
        raise Unreadable(f"there is no file at {shown}") from None
    except UnreadableFile as exc:
        raise Unreadable(f"{shown} {exc}; give a file written by `export --all`") from None
    except OSError as exc:
        raise Unreadable(f"can't read {shown}: {exc.strerror or exc}") from None


def _shown(path: Path) -> str:
    from tui1on1.domain.text import safe_terminal_text

    return safe_terminal_text(str(path))


def read_export_file(path: Path, key: DatabaseKey | None = None) -> Any:
    """The parsed JSON in ``path``, or Unreadable saying calmly why not. A
    file sealed by an encrypted database (a discarded 1:1) is opened with
    ``key``, the key of the database it goes back into."""
    from tui1on1.user_files import read_regular_file

    shown = _shown(path)
    with _refused_calmly(shown):
        raw = read_regular_file(path)  # a pipe or /dev/zero is refused, not read
    raw = _unsealed(raw, key, shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(
            f"{shown} isn't a tui1on1 export (it isn't UTF-8 text); "
            "make one with `tui1on1 export --all -o FILE`"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(_not_json(shown, text, exc)) from None
    except (ValueError, RecursionError):
        raise Unreadable(f"{shown} isn't a tui1on1 export (JSON it can't read)") from None


def _not_json(shown: str, text: str, exc: json.JSONDecodeError) -> str:
    """Why a file isn't JSON, said for what it most likely is: empty, cut
    short (JSON begun, and it ends where more was expected, or in a string
    never closed), or something else."""
    make = "make one with `tui1on1 export --all -o FILE`"
    content = text.strip()
    if not content:
        return f"{shown} is empty; nothing was imported; {make}"
    ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
    if content[0] in "{[" and ends_early:
        return (
            f"{shown} stops in the middle (at line {exc.lineno}): a copy or a download "
            f"cut short? Nothing was imported; copy it again, or {make}"
        )
    problem = exc.msg.removesuffix(" at")  # "Unterminated string starting at"
    return (
        f"{shown} isn't a tui1on1 export (not JSON: {problem} at line {exc.lineno}); "
        f"nothing was imported; {make}"
    )


def _unsealed(raw: bytes, key: DatabaseKey | None, shown: str) -> bytes:
    from tui1on1.storage.sealing import SealedElsewhere, file_sealer, is_sealed_file

    if not is_sealed_file(raw):
        return raw
    if key is None:
        raise Unreadable(
            f"{shown} was sealed by an encrypted tui1on1 database; import it into that "
            "database (with its passphrase)"
        )
    try:
        return file_sealer(key).open_file(raw)
    except SealedElsewhere:
        raise Unreadable(
            f"{shown} was sealed under another passphrase than this database's; nothing "
            "was imported"
        ) from None
    except ValueError:
        raise Unreadable(f"{shown} is sealed and damaged; nothing was imported") from None
