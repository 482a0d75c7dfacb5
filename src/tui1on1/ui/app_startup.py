"""How the app starts: the theme and the config file's keys it starts with,
the database opened in a thread once the first frame is on screen (what
opening found, or why it failed), and the signals that save and exit."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.problem import ProblemScreen
from tui1on1.ui.keys import checked_keymap
from tui1on1.ui.screens.base import ServiceScreen
from tui1on1.ui.services import Services
from tui1on1.ui.theming import load_catalogue

if TYPE_CHECKING:
    from pathlib import Path

    from tui1on1.ui.app import OneOnOneApp
    from tui1on1.ui.dialogs.passphrase import PassphraseScreen


def start_theme(app: OneOnOneApp, asked: str | None) -> list[str]:
    """Register the shipped and user themes; use ``asked`` (--theme), the
    config file's ``theme`` or the default. Returns what to tell the user."""
    catalogue = load_catalogue(app.settings.config_dir)
    for theme in catalogue.ours():
        app.register_theme(theme)
    problems = [f"{p} (skipped)" for p in catalogue.problems]
    name = asked or app.settings.config.theme or catalogue.default_name()
    if name not in app.available_themes:
        default = catalogue.default_name()
        problems.append(f"there is no theme '{safe_terminal_text(name)}'; using {default}")
        name = default
    app.theme = name
    return problems


def start_keymap(app: OneOnOneApp, keymap: object) -> list[str]:
    """Use the config file's ``[keys]`` (``app.key_rebindings``: those in
    use; refused ones keep their default keys). Returns what to tell the user."""
    if not (isinstance(keymap, dict) and keymap):
        return []
    app.key_rebindings, problems = checked_keymap(keymap, type(app))
    app.set_keymap(app.key_rebindings)
    return problems


def database_opened(app: OneOnOneApp, services: Services) -> None:
    """The database is open: say what opening skipped, found or did, and hand
    the services to every screen waiting for them."""
    app.services = services
    app.encryption_answer = None  # the passphrase isn't kept a moment longer
    waiting = passphrase_dialog(app)
    if waiting is not None:  # the key store had it: not needed after all
        waiting.unneeded()
    if app.opened_notice:
        app.notify(app.opened_notice, title="Encryption", markup=False)
        app.opened_notice = None
    app.notify_problems("Skipped", list(services.problems))
    if not getattr(app.screen, "SHOWS_DATA_NOTICES", False):
        app.notify_data(services)  # else the meeting does, after its own news
    for screen in app.screen_stack:
        if isinstance(screen, ServiceScreen):
            screen.services_ready(services)


def open_failed(app: OneOnOneApp, error: BaseException | None) -> None:
    """The database can't be opened: say why, in place of everything else
    (the CLI prints ``open_error`` on the way out)."""
    # storage.opening is imported here only: it is not needed before
    # the first frame, and only when opening failed.
    from tui1on1.storage.opening import EncryptionOffered, OpenFailed, PassphraseNeeded

    if isinstance(error, PassphraseNeeded | EncryptionOffered):
        ask_about_encryption(app, error)
        return
    waiting = passphrase_dialog(app)
    if waiting is not None:
        waiting.unneeded()
    if isinstance(error, OpenFailed):
        app.open_error = str(error)
    else:  # a bug: say so without details that could hold user data
        app.open_error = f"tui1on1 failed while starting ({type(error).__name__})"
    app.push_screen(ProblemScreen("Can't open the database", app.open_error))


def ask_about_encryption(app: OneOnOneApp, asked: BaseException) -> None:
    """The passphrase of an encrypted database, or a first start's one
    question (``dialogs.passphrase``); the database is opened after."""
    from tui1on1.storage.opening import Answer, EncryptionOffered, PassphraseNeeded
    from tui1on1.ui.dialogs.passphrase import EncryptOfferScreen

    def answered(passphrase: str | None) -> None:
        assert isinstance(asked, EncryptionOffered)
        app.offer_encryption = False  # asked once; a plain database is made otherwise
        if passphrase:
            app.encryption_answer = Answer("encrypt", passphrase, keep_key=asked.key_store)
            app.opened_notice = "Your notes are encrypted on this machine from now on."
        else:
            app.opened_notice = "Not encrypted. `tui1on1 db encrypt` does it whenever you like."
        app.reopen()

    if isinstance(asked, PassphraseNeeded):
        waiting = passphrase_dialog(app)
        if waiting is not None:
            waiting.needed(asked.said)
        else:
            ask_passphrase(app, asked.path, asked.said)
    elif isinstance(asked, EncryptionOffered):
        app.push_screen(EncryptOfferScreen(asked.path, asked.key_store), answered)


def passphrase_dialog(app: OneOnOneApp) -> PassphraseScreen | None:
    """The passphrase dialog on screen, if one is (and not closing)."""
    from tui1on1.ui.dialogs.passphrase import PassphraseScreen

    screen = app.screen
    return screen if isinstance(screen, PassphraseScreen) and not screen.is_done else None


def ask_passphrase(
    app: OneOnOneApp, path: Path, said: str | None = None, *, waiting: bool = False
) -> None:
    """Show the passphrase dialog; what it gets opens the database (or quits)."""
    from tui1on1.storage.opening import Answer
    from tui1on1.ui.dialogs.passphrase import PassphraseScreen

    dialog = PassphraseScreen(path, said, waiting=waiting)

    def typed(passphrase: str | None) -> None:
        carry_typed(app, dialog.typed_after)
        if passphrase is None:
            app.open_error = "left without its passphrase; nothing was opened or changed"
            app.quit_now(return_code=1)
        elif passphrase:
            app.encryption_answer = Answer("unlock", passphrase)
            app.reopen()

    app.push_screen(dialog, typed)


def carry_typed(app: OneOnOneApp, text: str) -> None:
    """What was typed after the passphrase's Enter, into the input behind
    (a note begun while the dialog was closing); never sent by itself."""
    from textual.widgets import Input

    line = " ".join(text.split())
    if not line:
        return

    def put() -> None:
        if isinstance(app.focused, Input):
            app.focused.insert_text_at_cursor(line)

    app.call_after_refresh(put)


def install_signal_handlers(on_signal: Callable[[], None]) -> None:
    """SIGHUP (terminal closed) and SIGTERM: ``on_signal`` (save the draft,
    restore the terminal, exit 0)."""
    try:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, on_signal)
    except (NotImplementedError, RuntimeError, ValueError):
        pass  # not in the main thread (tests) or not supported
