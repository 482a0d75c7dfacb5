"""One way to check a table read from a user's TOML file: typed reads that record problems.

Every file the app reads at start (``config.toml``, question files,
``playbooks.toml``, theme files) is made of TOML tables a person may have got
wrong. Each table is checked through a :class:`Table`: a read that finds the
key missing, a value of the wrong type or a value that fails its check records
an :class:`Issue` (the key and a sentence) and gives ``None``, so one pass
finds every problem and the loader builds its records from values that already
have the right type. What each sentence says, and how it is shown (with a line
number, a file name, a label like ``question 'x'``), stays the loader's.

Only the standard library: this runs before the first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TypeGuard, TypeVar

_T = TypeVar("_T")

# A problem's sentence: fixed, or made from the value that is wrong.
Message = str | Callable[[object], str]
# A further check of a value of the right type: the sentence if it is bad, else None.
Check = Callable[[_T], str | None]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a table: the key it is about (None: the table as a
    whole) and what is wrong, as the loader words it."""

    key: str | None
    message: str


def is_number(value: object) -> TypeGuard[float]:
    """True for int or float, but not bool (TOML's true is no number)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


class Table:
    """Typed, checked reads of one TOML table; ``issues`` holds what was wrong."""

    def __init__(self, data: Mapping[str, object]) -> None:
        self.data = data
        self.issues: list[Issue] = []

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def report(self, key: str | None, message: str) -> None:
        self.issues.append(Issue(key, message))

    def refuse_unknown(
        self, allowed: Collection[str], message: Callable[[str], str], *, sort: bool = False
    ) -> list[str]:
        """Report each key not in ``allowed`` (in file order, or sorted)."""
        unknown = [key for key in self.data if key not in allowed]
        for key in sorted(unknown) if sort else unknown:
            self.report(key, message(key))
        return unknown

    def text(
        self,
        key: str,
        *,
        wrong: Message,
        missing: Message | None = None,
        default: str | None = None,
        blank_is_wrong: bool = False,
        check: Check[str] | None = None,
    ) -> str | None:
        """A string (with ``blank_is_wrong``, one with more than spaces)."""
        blank = _blank if blank_is_wrong else None
        return self._read(key, _is_text, wrong, missing, default, blank, check)

    def number(
        self,
        key: str,
        *,
        wrong: Message,
        missing: Message | None = None,
        default: float | None = None,
        check: Check[float] | None = None,
    ) -> float | None:
        """An int or a float (never a bool), as it was written."""
        return self._read(key, is_number, wrong, missing, default, None, check)

    def boolean(
        self,
        key: str,
        *,
        wrong: Message,
        missing: Message | None = None,
        default: bool | None = None,
    ) -> bool | None:
        return self._read(key, _is_bool, wrong, missing, default, None, None)

    def table(
        self, key: str, *, wrong: Message, missing: Message | None = None
    ) -> dict[str, object] | None:
        """A nested table (``{}`` when it is missing and that is no problem)."""
        return self._read(key, _is_table, wrong, missing, {}, None, None)

    def text_list(
        self,
        key: str,
        *,
        wrong: Message,
        missing: Message | None = None,
        default: list[str] | None = None,
        blank_is_wrong: bool = False,
        check: Check[list[str]] | None = None,
    ) -> list[str] | None:
        """A list of strings (with ``blank_is_wrong``, none of them blank)."""
        blank = _any_blank if blank_is_wrong else None
        return self._read(key, _is_text_list, wrong, missing, default, blank, check)

    def items(
        self,
        key: str,
        *,
        wrong: Message,
        missing: Message | None = None,
        check: Check[list[object]] | None = None,
    ) -> list[object] | None:
        """A list of anything (an array of tables, each checked by the caller)."""
        return self._read(key, _is_list, wrong, missing, None, None, check)

    def _read(
        self,
        key: str,
        fits: Callable[[object], TypeGuard[_T]],
        wrong: Message,
        missing: Message | None,
        default: _T | None,
        also_wrong: Callable[[_T], bool] | None,
        check: Check[_T] | None,
    ) -> _T | None:
        if key not in self.data:
            if missing is not None:
                self.report(key, _said(missing, None))
            return default
        value = self.data[key]
        if not fits(value) or (also_wrong is not None and also_wrong(value)):
            self.report(key, _said(wrong, value))
            return None
        if check is not None:
            problem = check(value)
            if problem is not None:
                self.report(key, problem)
                return None
        return value


def _said(message: Message, value: object) -> str:
    return message if isinstance(message, str) else message(value)


def _is_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str)


def _is_bool(value: object) -> TypeGuard[bool]:
    return isinstance(value, bool)


def _is_table(value: object) -> TypeGuard[dict[str, object]]:
    return isinstance(value, dict)


def _is_list(value: object) -> TypeGuard[list[object]]:
    return isinstance(value, list)


def _is_text_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _blank(value: str) -> bool:
    return not value.strip()


def _any_blank(values: list[str]) -> bool:
    return any(not value.strip() for value in values)
