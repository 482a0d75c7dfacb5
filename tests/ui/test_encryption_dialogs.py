"""Encryption's two questions in the app, as a manager meets them: a first
start offers it once; an encrypted database with no key kept asks for the
passphrase after the first frame, says so when it is wrong, and leaving
opens nothing."""

from __future__ import annotations

from pathlib import Path

from screen_text import screen_text

from pilot_wait import wait_for
from tui1on1.settings import load_settings
from tui1on1.storage import cipher, migrate
from tui1on1.storage.store import Store
from tui1on1.storage.unlocking import try_passphrase
from tui1on1.ui.app import OneOnOneApp
from tui1on1.ui.dialogs.passphrase import EncryptOfferScreen, PassphraseScreen
from tui1on1.ui.screens.home import HomeScreen

PASSPHRASE = "correct horse battery"


def default_app(clock) -> tuple[OneOnOneApp, Path]:
    settings = load_settings()
    app = OneOnOneApp(settings, clock=clock)
    app.reraise_crashes = True
    return app, settings.data_dir / "tui1on1.db"


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.press(*text)
    await pilot.press("enter")


async def home_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)


async def test_a_first_start_offers_encryption_and_the_new_database_is_encrypted(clock):
    app, path = default_app(clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: "Keep your 1:1 notes encrypted?" in screen_text(app))
        assert isinstance(app.screen, EncryptOfferScreen)
        text = screen_text(app)
        assert "Keep your 1:1 notes encrypted?" in text
        assert "no key store here" in text and "Lose the passphrase and the notes are gone" in text
        await type_into(pilot, "#offer-input", "short")
        assert "too short" in screen_text(app)
        await type_into(pilot, "#offer-input", PASSPHRASE)
        assert "Type it again" in screen_text(app)
        await pilot.press("escape")  # from the second entry: back to the first, still asked
        assert isinstance(app.screen, EncryptOfferScreen) and "Esc: not now" in screen_text(app)
        await type_into(pilot, "#offer-input", PASSPHRASE)
        await type_into(pilot, "#offer-input", PASSPHRASE + "x")
        assert "The two differed" in screen_text(app)
        # pasted fast: the second line goes into the emptied field, not after the first
        await pilot.press(*PASSPHRASE, "enter", *PASSPHRASE, "enter")
        await home_ready(pilot)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Your notes are encrypted on this machine from now on." in said
        app.services.store.add_person("Ada Lovelace")
    assert cipher.looks_encrypted(path)
    cipher.forget_all()  # a new start: the key comes from the passphrase again
    try_passphrase(path, PASSPHRASE)
    store = Store.open(f"sqlite:///{path}")
    assert [p.name for p in store.list_people()] == ["Ada Lovelace"]
    store.close()


async def test_not_now_makes_a_plain_database_and_asks_no_more(clock):
    app, path = default_app(clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, EncryptOfferScreen))
        await pilot.press("escape")
        await home_ready(pilot)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Not encrypted. `tui1on1 db encrypt` does it whenever you like." in said
    assert path.read_bytes().startswith(b"SQLite format 3")
    again, _ = default_app(clock)
    async with again.run_test(size=(100, 32)) as pilot:
        await home_ready(pilot)
        assert not isinstance(again.screen, EncryptOfferScreen)


def encrypted_with_ada(path: Path) -> None:
    from tui1on1 import keys

    path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    cipher.remember(path, keys.derive(PASSPHRASE, keys.new_salt()))
    store = Store.open(f"sqlite:///{path}")
    migrate.upgrade(store.engine)
    store.add_person("Ada Lovelace")
    store.close()
    cipher.forget_all()


async def test_an_encrypted_database_asks_its_passphrase_and_says_when_it_is_wrong(clock):
    app, path = default_app(clock)
    encrypted_with_ada(path)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: "Your notes are encrypted" in screen_text(app))
        assert isinstance(app.screen, PassphraseScreen)
        await type_into(pilot, "#passphrase-input", "a wrong guess")
        await wait_for(pilot, lambda: "doesn't open it" in screen_text(app))
        assert "Try again" in screen_text(app)
        await type_into(pilot, "#passphrase-input", PASSPHRASE)
        await home_ready(pilot)
        await wait_for(pilot, lambda: "Ada Lovelace" in screen_text(app))


async def test_leaving_the_passphrase_question_opens_nothing_and_says_so(clock):
    app, path = default_app(clock)
    encrypted_with_ada(path)
    before = path.read_bytes()
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.is_running)
    assert app.return_code == 1
    assert app.open_error == "left without its passphrase; nothing was opened or changed"
    assert path.read_bytes() == before


def locked_meeting_app(clock) -> OneOnOneApp:
    """`meet Ada` on an encrypted database whose key no one has given yet."""
    from tui1on1.ui.app import MeetRequest

    settings = load_settings()
    path = settings.data_dir / "tui1on1.db"
    encrypted_with_ada(path)
    app = OneOnOneApp(settings, meet=MeetRequest("Ada Lovelace"), clock=clock, locked=path)
    app.reraise_crashes = True
    return app


async def test_from_the_first_frame_typing_goes_to_the_hidden_field_and_a_note_after_it_is_kept(
    clock,
):
    """The file is encrypted: the passphrase field is there before the key is
    looked for, so a passphrase typed at once is never in a note; a note begun
    right after its Enter is in the meeting's input, not lost, not sent."""
    from tui1on1.ui.widgets.notes import NoteInput

    app = locked_meeting_app(clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        await pilot.press(*PASSPHRASE, "enter", *"a quick note", "enter")
        await wait_for(pilot, lambda: "ON TRACK" in screen_text(app))
        note_input = app.screen.query_one(NoteInput)
        # In the input (typed while the dialog closed), or sent as a note
        # (typed once it had): either way on screen, not lost.
        await wait_for(pilot, lambda: "a quick note" in note_input.value + " " + screen_text(app))
        assert PASSPHRASE not in screen_text(app) and PASSPHRASE not in note_input.value
        assert not isinstance(app.screen, PassphraseScreen)


async def test_with_the_key_found_the_passphrase_field_goes_by_itself(clock, tmp_path, monkeypatch):
    settings = load_settings()
    path = settings.data_dir / "tui1on1.db"
    encrypted_with_ada(path)
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    monkeypatch.setenv("TUI1ON1_PASSPHRASE_FILE", str(secret))
    app = OneOnOneApp(settings, clock=clock, locked=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await home_ready(pilot)
        await wait_for(pilot, lambda: "Ada Lovelace" in screen_text(app))
        assert not isinstance(app.screen, PassphraseScreen)
        assert app.deliver_screenshot(path=str(tmp_path)) is not None
        await wait_for(  # plain, like an export: said so
            pilot,
            lambda: "this picture of them isn't" in " ".join(n.message for n in app._notifications),
        )


async def test_with_a_key_store_a_daily_start_asks_nothing(clock, key_store):
    from tui1on1 import keys

    settings = load_settings()
    path = settings.data_dir / "tui1on1.db"
    encrypted_with_ada(path)
    keys.store_key(path, keys.derive(PASSPHRASE, cipher.salt_of(path)))
    app = OneOnOneApp(settings, clock=clock, locked=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await home_ready(pilot)
        await wait_for(pilot, lambda: "Ada Lovelace" in screen_text(app))
        assert not isinstance(app.screen, PassphraseScreen)
        assert "passphrase" not in screen_text(app).lower()


async def test_keys_already_on_their_way_after_the_passphrase_land_in_the_meeting_input(clock):
    """A fast typist's keys are all in the passphrase field's queue before its
    Enter has closed the dialog: those after the Enter are carried into the
    meeting's input (not lost in the closing field, not sent as a note)."""
    from textual import events

    from tui1on1.ui.dialogs.passphrase import SecretInput
    from tui1on1.ui.widgets.notes import NoteInput

    app = locked_meeting_app(clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
        field = app.screen.query_one(SecretInput)
        for key in [*PASSPHRASE, "enter", *"a quick note"]:
            field.post_message(events.Key(key, None if key == "enter" else key))
        await wait_for(pilot, lambda: "ON TRACK" in screen_text(app))
        note_input = app.screen.query_one(NoteInput)
        await wait_for(pilot, lambda: note_input.value == "a quick note")
        assert PASSPHRASE not in screen_text(app)
