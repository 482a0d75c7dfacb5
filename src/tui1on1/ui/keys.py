"""Keys as bound now.

- :func:`checked_keymap`: the config file's ``[keys]`` checked against every
  screen (see :mod:`tui1on1.domain.keymap` for the rule); what is refused
  keeps its default key, and the reasons are told at start.
- :func:`bound_key`: the key a binding id has now, for hints and help.
- :func:`screen_name`: what a screen is called in help and messages.

Importing every screen costs a little, so the check only runs when the
config file rebinds something.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType, InvalidBinding
from textual.keys import key_to_character
from textual.screen import ModalScreen, Screen

from tui1on1.domain.keymap import KeyScope, check_keymap

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

# What Textual's own (not rebindable) bindings do, said for a notification:
# "the notes input uses it to move to the end of the line".
_DOES = {
    "cursor_left": "move left",
    "cursor_right": "move right",
    "cursor_left_word": "move a word left",
    "cursor_right_word": "move a word right",
    "cursor_up": "move up",
    "cursor_down": "move down",
    "delete_left": "delete the character before the cursor",
    "delete_right": "delete the character under the cursor",
    "delete_left_word": "delete the word before the cursor",
    "delete_right_word": "delete the word after the cursor",
    "delete_left_all": "delete to the start of the line",
    "delete_right_all": "delete to the end of the line",
    "select_all": "select all the text",
    "home": "move to the start of the line",
    "end": "move to the end of the line",
    "submit": "save the line",
    "cut": "cut",
    "copy": "copy",
    "paste": "paste",
    "select": "open the highlighted row",
    "select_cursor": "open the highlighted row",
    "first": "go to the first row",
    "last": "go to the last row",
    "page_up": "go a page up",
    "page_down": "go a page down",
    "scroll_top": "go to the top",
    "scroll_bottom": "go to the bottom",
    "scroll_home": "go to the first column",
    "scroll_end": "go to the last column",
    "app.focus_next": "move to the next pane",
    "app.focus_previous": "move to the previous pane",
    "screen.copy_text": "copy the selected text",
    "help_quit": "say how to quit",
    "command_palette": "open the command palette",
}

# Screen class name → what help and messages call it. A screen not listed is
# called by its class name ("ConfirmScreen" → "the confirm screen").
SCREEN_NAMES = {
    "HomeScreen": "home",
    "PersonScreen": "the person screen",
    "MeetingHistoryScreen": "the meeting history",
    "CareerScreen": "the career screen",
    "ActionsScreen": "the actions screen",
    "MirrorScreen": "the mirror",
    "TeamScreen": "the team view",
    "ActionChangeScreen": "the action dialog",
    "SearchScreen": "search",
    "MeetingScreen": "the meeting screen",
    "PersonFormScreen": "the person form",
    "HelpScreen": "help",
    "ProblemScreen": "the problem screen",
}

# Screen class name → the widgets that take the focus there: (module, class,
# what it is called, whether it types printable keys). Every screen also has
# a context with nothing focused (its own bindings and the app's).
FOCUSABLE = {
    "HomeScreen": [("tui1on1.ui.lists", "OpenTable", "the people table", False)],
    "PersonScreen": [
        ("tui1on1.ui.lists", "OpenList", "the lists", False),
        ("tui1on1.ui.lists", "Pane", "the text panes", False),
    ],
    "MeetingHistoryScreen": [
        ("tui1on1.ui.lists", "OpenList", "the notes list", False),
        ("tui1on1.ui.lists", "Pane", "the summary pane", False),
    ],
    "CareerScreen": [("tui1on1.ui.lists", "OpenList", "the entries", False)],
    "ActionsScreen": [("tui1on1.ui.lists", "OpenList", "the actions", False)],
    "MirrorScreen": [("tui1on1.ui.lists", "Pane", "the figures", False)],
    "TeamScreen": [("tui1on1.ui.lists", "OpenList", "the team", False)],
    "SearchScreen": [
        ("textual.widgets", "Input", "the search box", True),
        ("tui1on1.ui.screens.search", "SearchResults", "the search results", False),
    ],
    "MeetingScreen": [
        ("tui1on1.ui.widgets.notes", "NoteInput", "the notes input", True),
        ("tui1on1.ui.screens.meeting_notes", "MeetingNotesList", "the notes list", False),
    ],
    "PersonFormScreen": [
        ("textual.widgets", "Input", "the form's fields", True),
        ("textual.widgets", "Select", "the relationship field", False),
    ],
}

_PACKAGES = ("tui1on1.ui.screens", "tui1on1.ui.dialogs")


def class_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings a widget or screen class has by default, one per key, as
    Textual merges them (a subclass's binding for a key replaces its base's)."""
    merged: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        own: list[BindingType] = base.__dict__.get("BINDINGS", [])
        if not getattr(base, "_inherit_bindings", True):
            merged.clear()
        per_key: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(own):
            per_key.setdefault(binding.key, []).append(binding)
        merged.update(per_key)
    return [binding for bindings in merged.values() for binding in bindings]


def normalise_keys(text: str) -> list[str]:
    """``"ctrl+g, ?"`` → ``["ctrl+g", "question_mark"]``, as Textual names keys.
    Raises ValueError if a key is empty."""
    try:
        return [b.key for b in Binding.make_bindings([Binding(text, "noop")])]
    except InvalidBinding as exc:
        raise ValueError(str(exc)) from None


def _does(binding: Binding) -> str:
    action, _, arguments = binding.action.partition("(")
    phrase = _DOES.get(action) or (binding.description or action).lower()
    return f"{phrase} and select" if arguments.startswith("True") else phrase


def screen_name(screen: type | object) -> str:
    cls = screen if isinstance(screen, type) else type(screen)
    name = cls.__name__
    if name in SCREEN_NAMES:
        return SCREEN_NAMES[name]
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Screen")).lower()
    return f"the {words} screen"


def _our_screens() -> list[type]:
    """Every screen class the app has (importing the screens and dialogs)."""
    for package_name in _PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package_name}.{info.name}")
    found: list[type] = []
    stack: list[type] = [Screen]
    while stack:
        sub: type
        for sub in stack.pop().__subclasses__():
            if sub not in found:
                found.append(sub)
                stack.append(sub)
    # AppScreen and ServiceScreen (screens.base) are only base classes: never on screen.
    ours = [cls for cls in found if cls.__module__.startswith("tui1on1.")]
    return [cls for cls in ours if cls.__module__ != "tui1on1.ui.screens.base"]


def _focusable(screen: type) -> list[tuple[type | None, str, bool]]:
    widgets: list[tuple[type | None, str, bool]] = [(None, "", False)]
    for module, name, called, types in FOCUSABLE.get(screen.__name__, []):
        widgets.append((getattr(importlib.import_module(module), name), called, types))
    return widgets


def key_scopes(app_class: type[App[Any]]) -> list[KeyScope]:
    """One :class:`KeyScope` per screen and focused widget."""
    palette_key = getattr(app_class, "COMMAND_PALETTE_BINDING", "ctrl+p")
    scopes = []
    for screen in _our_screens():
        modal = issubclass(screen, ModalScreen)
        for widget, called, types in _focusable(screen):
            chain: list[tuple[type, str]] = []
            if widget is not None:
                chain.append((widget, called))
            chain.append((screen, screen_name(screen)))
            if not modal:
                chain.append((app_class, "tui1on1"))
            bindings: dict[str, tuple[str, ...]] = {}
            reserved: dict[str, str] = {}
            for owner, owner_name in chain:
                for binding in class_bindings(owner):
                    if binding.id:
                        keys = bindings.get(binding.id, ())
                        bindings[binding.id] = (*keys, binding.key)
                    else:
                        reserved.setdefault(
                            binding.key, f"{owner_name} uses it to {_does(binding)}"
                        )
            if not modal:
                reserved.setdefault(palette_key, "it opens the command palette")
            scopes.append(
                KeyScope(
                    name=screen_name(screen),
                    bindings=bindings,
                    reserved=reserved,
                    typist=called if types else None,
                )
            )
    return scopes


def checked_keymap(
    config_keys: Mapping[str, object], app_class: type[App[Any]]
) -> tuple[dict[str, str], list[str]]:
    """The config file's ``[keys]`` as a keymap for ``App.set_keymap``, and
    what was refused or unknown, one sentence each."""
    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for binding_id, value in config_keys.items():
        if not isinstance(value, str):
            problems.append(f'"{binding_id}" must be keys in quotes, like "ctrl+g,f5"; ignored')
            continue
        try:
            wanted[str(binding_id)] = normalise_keys(value)
        except ValueError:
            problems.append(f'"{binding_id}" = "{value}" has an empty key; ignored')
    result = check_keymap(wanted, key_scopes(app_class), printable=_printable, display=_written)
    keymap = {binding_id: ",".join(keys) for binding_id, keys in result.keymap.items()}
    return keymap, problems + result.problems


def _printable(key: str) -> bool:
    return key_to_character(key) is not None


def _written(key: str) -> str:
    """A key as a user writes it in the config file: "?" for question_mark."""
    character = key_to_character(key)
    return character if character and not character.isspace() else key


def rebound(app: App[Any], binding: Binding) -> list[Binding]:
    """``binding`` with the keys the app's keymap gives its id now."""
    keys = getattr(app, "key_rebindings", {}).get(binding.id or "")
    if not keys:
        return [binding]
    return [binding.with_key(key) for key in keys.split(",")]


def bound_key(app: App[Any], owner: type[DOMNode], binding_id: str, default: str = "") -> str:
    """The key (or keys, "ctrl+g / f5") ``owner``'s binding ``binding_id`` has
    now, as the footer shows it; ``default`` if the class has no such id."""
    found = [b for b in class_bindings(owner) if b.id == binding_id]
    if not found:
        return default
    keys = getattr(app, "key_rebindings", {}).get(binding_id)
    return display_keys(app, rebound(app, found[0]) if keys else found)


def display_keys(app: App[Any], bindings: Iterable[Binding]) -> str:
    return " / ".join(dict.fromkeys(app.get_key_display(b) for b in bindings))
