"""The strict field reader of the import document: each value checked for
its type, range and form, and every problem named by its place, like
``people[2].meetings[0].notes[5].kind``."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, Literal, overload

from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.transfer.model import ImportError_

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_MISSING = object()


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def quoted(value: str, limit: int = 40) -> str:
    text = safe_terminal_text(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


class Reader:
    """Typed access to one JSON object, with the path for error messages."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise ImportError_(path or "the file", f"expected an object, got {type_name(value)}")
        self.obj = value
        self.path = path

    def at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, problem: str) -> ImportError_:
        return ImportError_(self.at(name), problem)

    def raw(self, name: str) -> Any:
        value = self.obj.get(name, _MISSING)
        if value is _MISSING:
            raise self.fail(name, "missing")
        return value

    @overload
    def string(
        self,
        name: str,
        *,
        max_len: int | None = ...,
        nullable: Literal[False] = ...,
        non_empty: bool = ...,
    ) -> str: ...
    @overload
    def string(
        self,
        name: str,
        *,
        max_len: int | None = ...,
        nullable: Literal[True],
        non_empty: bool = ...,
    ) -> str | None: ...
    def string(
        self,
        name: str,
        *,
        max_len: int | None = None,
        nullable: bool = False,
        non_empty: bool = False,
    ) -> str | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            wanted = "a string or null" if nullable else "a string"
            raise self.fail(name, f"expected {wanted}, got {type_name(value)}")
        return self._check_text(name, value, max_len=max_len, non_empty=non_empty)

    def _check_text(self, name: str, value: str, *, max_len: int | None, non_empty: bool) -> str:
        if "\x00" in value:
            raise self.fail(name, "contains a NUL character")
        if max_len is not None and len(value) > max_len:
            raise self.fail(name, f"at most {max_len:,} characters (this has {len(value):,})")
        if non_empty and not value.strip():
            raise self.fail(name, "can't be empty")
        return value

    def choice(self, name: str, choices: Iterable[str], what: str) -> str:
        value = self.raw(name)
        allowed = list(choices)
        if not isinstance(value, str) or value not in allowed:
            shown = quoted(value) if isinstance(value, str) else type_name(value)
            raise self.fail(name, f"unknown {what} {shown} (expected one of: {', '.join(allowed)})")
        return value

    def choice_or_null(self, name: str, choices: Iterable[str], what: str) -> str | None:
        value = self.raw(name)
        allowed = list(choices)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            shown = quoted(value) if isinstance(value, str) else type_name(value)
            listed = ", ".join(allowed)
            raise self.fail(name, f"unknown {what} {shown} (expected null or one of: {listed})")
        return value

    @overload
    def integer(
        self, name: str, *, low: int = ..., high: int | None = ..., nullable: Literal[False] = ...
    ) -> int: ...
    @overload
    def integer(
        self, name: str, *, low: int = ..., high: int | None = ..., nullable: Literal[True]
    ) -> int | None: ...
    def integer(
        self, name: str, *, low: int = 0, high: int | None = None, nullable: bool = False
    ) -> int | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            wanted = "a whole number or null" if nullable else "a whole number"
            raise self.fail(name, f"expected {wanted}, got {type_name(value)}")
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise self.fail(name, f"{value} is out of range ({bounds})")
        return value

    @overload
    def number(self, name: str, *, nullable: Literal[False] = ...) -> float: ...
    @overload
    def number(self, name: str, *, nullable: Literal[True]) -> float | None: ...
    def number(self, name: str, *, nullable: bool = False) -> float | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            wanted = "a number or null" if nullable else "a number"
            raise self.fail(name, f"expected {wanted}, got {type_name(value)}")
        seconds = float(value)
        if not math.isfinite(seconds) or seconds < 0:
            raise self.fail(name, f"{seconds} isn't a sensible number of seconds")
        return seconds

    def boolean(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            raise self.fail(name, f"expected true or false, got {type_name(value)}")
        return value

    @overload
    def time(self, name: str, *, nullable: Literal[False] = ...) -> datetime: ...
    @overload
    def time(self, name: str, *, nullable: Literal[True]) -> datetime | None: ...
    def time(self, name: str, *, nullable: bool = False) -> datetime | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            wanted = "an ISO 8601 time or null" if nullable else "an ISO 8601 time"
            raise self.fail(name, f"expected {wanted}, got {type_name(value)}")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(
                name, f"{quoted(value)} isn't an ISO 8601 time like 2026-11-20T09:00:00+00:00"
            ) from None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise self.fail(
                name, f"{quoted(value)} has no time zone; write it in UTC, like ...+00:00"
            )
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):
            raise self.fail(name, f"{quoted(value)} is outside the calendar") from None

    def day(self, name: str) -> date | None:
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"expected a date (YYYY-MM-DD) or null, got {type_name(value)}")
        try:
            if not _DATE_RE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(name, f"{quoted(value)} isn't a date like 2026-11-27") from None

    def items(self, name: str, *, nullable: bool = False) -> Iterator[tuple[str, Any]]:
        """(path, value) for each element of a list."""
        value = self.raw(name)
        if value is None and nullable:
            return
        if not isinstance(value, list):
            raise self.fail(name, f"expected a list, got {type_name(value)}")
        for i, item in enumerate(value):
            yield f"{self.at(name)}[{i}]", item

    def child(self, name: str, *, nullable: bool = False) -> Reader | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        return Reader(value, self.at(name))
