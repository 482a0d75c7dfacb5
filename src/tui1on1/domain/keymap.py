"""Which key rebindings from the config file can be used.

``[keys]`` in config.toml maps a binding id to keys (``ask = "f5"``). A
rebinding is refused, and the binding keeps its default keys, when one of its
new keys

- is one the widget with the focus uses for itself on a screen where the
  binding is active (the notes input's ctrl+e moves to the end of the line,
  so ``end_meeting = "ctrl+e"`` would make ctrl+o's End disappear), or
- is held by another binding on the same screen.

An id no screen knows is reported too. Every refusal names both sides and
the key that is kept, so the user knows what to change.

Pure: the UI describes each screen (what is bound there, what the focused
widget keeps for itself) in :class:`KeyScope` records; nothing here knows
Textual.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KeyScope:
    """One focus context: a screen with one widget (or none) focused.

    ``bindings``: every binding with an id active there (the focused widget's,
    the screen's and the app's), id → default keys. ``reserved``: keys taken
    there by bindings the user can't rebind, key → why ("the notes input uses
    it to move to the end of the line"). ``typist``: the focused widget if it
    types printable keys ("the notes input"), else None.
    """

    name: str  # "the meeting screen"
    bindings: Mapping[str, tuple[str, ...]]
    reserved: Mapping[str, str] = field(default_factory=dict)
    typist: str | None = None


@dataclass(frozen=True)
class KeymapCheck:
    keymap: dict[str, tuple[str, ...]]  # the rebindings to use, id → keys
    problems: list[str]  # one sentence per refused or unknown entry


def _single_character(key: str) -> bool:
    return len(key) == 1


def check_keymap(
    wanted: Mapping[str, Sequence[str]],
    scopes: Sequence[KeyScope],
    *,
    printable: Callable[[str], bool] = _single_character,
    display: Callable[[str], str] = str,
) -> KeymapCheck:
    """The rebindings in ``wanted`` (id → keys, in the file's order) that can
    be used on every screen in ``scopes``, and what was refused and why.

    ``printable(key)`` says whether a key types a character (the UI knows
    Textual's key names: ``question_mark``, ``a``, ``space``); ``display(key)``
    is how a key is written in a sentence (``?``).
    """
    problems: list[tuple[int, str]] = []  # (place in the file, sentence)
    place = {binding_id: number for number, binding_id in enumerate(wanted)}
    defaults: dict[str, tuple[str, ...]] = {}
    for scope in scopes:
        for binding_id, keys in scope.bindings.items():
            defaults.setdefault(binding_id, tuple(keys))

    candidates: dict[str, tuple[str, ...]] = {}
    for binding_id, raw_keys in wanted.items():
        keys = tuple(dict.fromkeys(k for k in raw_keys if k))
        if binding_id not in defaults:
            problems.append((place[binding_id], _unknown(binding_id, defaults)))
        elif not keys:
            kept = _keys(defaults[binding_id])
            problems.append((place[binding_id], f'"{binding_id}" has no key; keeping {kept}'))
        elif keys != defaults[binding_id]:
            candidates[binding_id] = keys

    # A key the focused widget keeps for itself: refused whatever else happens.
    accepted: dict[str, tuple[str, ...]] = {}
    for binding_id, keys in candidates.items():
        reason = _reserved_reason(binding_id, keys, scopes, printable)
        if reason:
            key, why = reason
            refusal = _refused(binding_id, display(key), why, defaults[binding_id])
            problems.append((place[binding_id], refusal))
        else:
            accepted[binding_id] = keys

    # Two bindings on one screen with one key: the rebinding gives way (the
    # later one in the file if both were rebound). Refusing one puts its
    # default keys back, which may clash again, so repeat until nothing does.
    order = list(accepted)
    changed = True
    while changed:
        changed = False
        for binding_id in order:
            if binding_id not in accepted:
                continue
            clash = _clash(binding_id, accepted, defaults, scopes, order)
            if clash is not None:
                key, other, scope = clash
                why = f'"{other}" uses it on {scope.name}'
                refusal = _refused(binding_id, display(key), why, defaults[binding_id])
                problems.append((place[binding_id], refusal))
                del accepted[binding_id]
                changed = True
                break
    problems.sort(key=lambda problem: problem[0])  # in the file's order
    return KeymapCheck(keymap=accepted, problems=[sentence for _, sentence in problems])


def _reserved_reason(
    binding_id: str,
    keys: tuple[str, ...],
    scopes: Sequence[KeyScope],
    printable: Callable[[str], bool],
) -> tuple[str, str] | None:
    for scope in scopes:
        if binding_id not in scope.bindings:
            continue
        for key in keys:
            if key in scope.reserved:
                return key, scope.reserved[key]
            if scope.typist and printable(key):
                return key, f"{scope.typist} types it"
    return None


def _clash(
    binding_id: str,
    accepted: Mapping[str, tuple[str, ...]],
    defaults: Mapping[str, tuple[str, ...]],
    scopes: Sequence[KeyScope],
    order: list[str],
) -> tuple[str, str, KeyScope] | None:
    """The first (key, other id, scope) where ``binding_id``'s new keys are
    held by another binding that doesn't give way itself."""
    mine = order.index(binding_id)
    for scope in scopes:
        if binding_id not in scope.bindings:
            continue
        for other in scope.bindings:
            if other == binding_id:
                continue
            other_keys = accepted.get(other, defaults[other])
            for key in accepted[binding_id]:
                if key not in other_keys:
                    continue
                other_rebound_later = other in accepted and order.index(other) > mine
                if not other_rebound_later:
                    return key, other, scope
    return None


def _keys(keys: Sequence[str]) -> str:
    return ",".join(keys)


def _refused(binding_id: str, key: str, why: str, default: tuple[str, ...]) -> str:
    return f'"{binding_id}" can\'t use {key}: {why}; keeping {_keys(default)}'


def _unknown(binding_id: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(binding_id, list(known), n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f'there is no key binding "{binding_id}"{hint}; ignored'
