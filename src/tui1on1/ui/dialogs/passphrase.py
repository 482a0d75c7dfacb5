"""The two questions encryption asks in the app, after its first frame.

``PassphraseScreen``: the database is encrypted and neither the passphrase
file nor the key store has its key. The passphrase is checked in a thread
(deriving the key takes ~0.2 s); a wrong one says so and lets it be typed
again. Esc leaves the app: nothing was opened, nothing changed.

``EncryptOfferScreen``: a first start, no database yet. One question: keep
the notes encrypted? Typing a passphrase twice says yes; Esc says not now
(`tui1on1 db encrypt` does it later). Both dismiss with True when the key
is known and the database can be opened, False otherwise.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.ui.dialogs.fit import FitModal

LOST = "Lose the passphrase and the notes are gone: nobody can reset it."
FIRST_HINT = "At least 8 characters · Enter encrypts · Esc: not now"


class SecretInput(Input):
    """A passphrase field: nothing shown, and Enter takes the line and empties
    the field at once, so what is typed (or pasted) right after it goes into a
    new line, however fast it comes. Once ``last`` (the next Enter closes the
    dialog), what is typed after that Enter is kept in ``after``, for the
    screen behind: a note begun before the dialog has gone."""

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, password=True, max_length=1024, id=id)
        self.last = False
        self.closing = False
        self.after = ""

    def on_key(self, event: events.Key) -> None:
        """Enter, taken here in turn with the keys typed before and after it
        (the Input's own Enter runs as an app binding, after keys that
        followed it may already be in the field)."""
        if self.closing:  # typed after the closing Enter: not a passphrase
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.after += "\n"
            elif event.is_printable and event.character:
                self.after += event.character
            return
        if event.key != "enter":
            return
        event.stop()
        event.prevent_default()
        typed, self.value = self.value, ""
        self.closing = self.last and bool(typed)
        self.post_message(self.Submitted(self, typed))


class PassphraseScreen(FitModal[str | None]):
    """The passphrase of an encrypted database, asked after the first frame.

    Shown at once when the file is encrypted (``waiting``: the key store may
    still have the key), so that a passphrase typed early goes into this
    hidden field, never into a note. Dismissed with the passphrase typed (the
    opening thread checks it; the app asks again, saying so, when it is
    wrong), with "" when the key was found without it, or None when left
    with Esc. What is typed after its Enter goes to the screen behind."""

    BINDINGS = [Binding("escape", "leave", "Quit", id="passphrase_quit")]

    def __init__(self, path: Path, said: str | None = None, *, waiting: bool = False) -> None:
        super().__init__()
        self.path = path
        self.said = said  # why it is asked again: the last one didn't open it
        self.waiting = waiting  # not known yet whether it is needed
        self.early: str | None = None  # typed and sent before it was known
        self._done = False

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase", classes="dialog"):
            yield Static(Text("Your notes are encrypted"), classes="dialog-title")
            yield Static(Text(f"Type the passphrase for {self.path}"), classes="dialog-body")
            yield SecretInput(id="passphrase-input")
            yield Static(Text(""), id="passphrase-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        field = self.query_one(SecretInput)
        field.last = True  # one passphrase; what follows its Enter is for the screen behind
        field.focus()
        if self.waiting:
            self._say("Looking for its key… Enter opens · Esc quits")
        elif self.said:
            self._say(f"{self.said}. Try again, or Esc to quit.", bold=True)
        else:
            self._say("Enter opens · Esc quits")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value or self._done:
            return
        if self.waiting:
            self.early = event.value
            self._say("Opening…")
            return
        self._close(event.value)

    def needed(self, said: str | None) -> None:
        """The opening thread found no key: ask (or use what was already sent)."""
        self.waiting, self.said = False, said
        if self.early is not None and said is None:
            self._close(self.early)
        elif said:
            self._say(f"{said}. Try again, or Esc to quit.", bold=True)
        else:
            self._say("Enter opens · Esc quits")

    def unneeded(self) -> None:
        """The key was found without it: gone, and what was typed with it."""
        self._close("")

    def _close(self, passphrase: str) -> None:
        if self._done:
            return
        self._done = True
        self.dismiss(passphrase)

    @property
    def is_done(self) -> bool:
        return self._done

    @property
    def typed_after(self) -> str:
        return self.query_one(SecretInput).after

    def _say(self, line: str, *, bold: bool = False) -> None:
        self.query_one("#passphrase-hint", Static).update(Text(line, style="bold" if bold else ""))

    def action_leave(self) -> None:
        if not self._done:
            self._done = True
            self.dismiss(None)


class EncryptOfferScreen(FitModal[str | None]):
    """Dismissed with the passphrase typed twice (the opening thread makes the
    key and the new database with it), or None for not now."""

    BINDINGS = [Binding("escape", "back", "Not now", id="encrypt_offer_not_now")]

    def __init__(self, path: Path, key_store: bool) -> None:
        super().__init__()
        self.path = path
        self.key_store = key_store
        self._first: str | None = None  # the passphrase typed once
        self._done = False

    def compose(self) -> ComposeResult:
        kept = (
            "The key is kept in your key store: starting asks nothing."
            if self.key_store
            else "There is no key store here: the passphrase is asked at each start."
        )
        with Vertical(id="encrypt-offer", classes="dialog"):
            yield Static(Text("Keep your 1:1 notes encrypted?"), classes="dialog-title")
            yield Static(
                Text(
                    "Encrypted, the database, its backups and its journal can't be read "
                    "from a lost laptop, a copied backup or a synced folder."
                ),
                classes="dialog-body",
            )
            yield Static(Text(kept), classes="dialog-body")
            yield Static(Text(LOST, style="italic"), classes="dialog-body")
            yield SecretInput(placeholder="passphrase", id="offer-input")
            yield Static(Text(FIRST_HINT), id="offer-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(SecretInput).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from tui1on1.keys import passphrase_problem

        typed, first = event.value, self._first
        if first is None:
            problem = passphrase_problem(typed)
            if problem:
                self._say(f"{problem[0].upper()}{problem[1:]}, or Esc for not now.")
                return
            self._ask_again()
            self._first = typed
            return
        if typed != first:
            self._start_over("The two differed: type a new passphrase, then the same again.")
            return
        if not self._done:
            self._done = True
            self.dismiss(first)

    def _ask_again(self) -> None:
        field = self.query_one(SecretInput)
        field.placeholder, field.last = "the same again", True
        self._say("Type it again, the same · Esc starts over", bold=False)

    def _start_over(self, line: str) -> None:
        self._first = None
        field = self.query_one(SecretInput)
        field.placeholder, field.value, field.last, field.closing = "passphrase", "", False, False
        self._say(line)

    def _say(self, line: str, *, bold: bool = True) -> None:
        self.query_one("#offer-hint", Static).update(Text(line, style="bold" if bold else ""))

    def action_back(self) -> None:
        """Esc: from the second entry, back to the first; from the first, not now."""
        if self._first is not None:
            self._start_over(FIRST_HINT)
            return
        if not self._done:
            self._done = True
            self.dismiss(None)
