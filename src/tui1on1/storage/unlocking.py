"""Finding the key of an encrypted database, once per start.

First found first: ``TUI1ON1_PASSPHRASE_FILE``, the OS key store, then
``ask`` (a command asks in the terminal before it runs; the app, after its
first frame, in a dialog). The key found is checked against the file and
remembered for the process (``cipher.remember``). Deriving a key from a
passphrase takes ~0.2 s and importing keyring ~0.3 s: the app does both in
its opening thread, never before its first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from tui1on1 import keys
from tui1on1.keys import DatabaseKey, KeyProblem
from tui1on1.storage import cipher


def find_key(path: Path, ask: Callable[[str], str] | None = None) -> DatabaseKey:
    """The key that opens the encrypted file at ``path`` (or, when the file
    is gone, the sealed journal it left): KeyNeeded when there is none and
    ``ask`` is None; WrongKey or KeyProblem (one line, nothing changed) when
    what was found doesn't open it."""
    salt = salt_for(path)
    passphrase = keys.passphrase_from_file()
    if passphrase is not None:
        return checked(path, keys.derive(passphrase, salt), keys.PASSPHRASE_FILE_ENV)
    stored = keys.stored_key(path)
    if stored is not None and stored.salt == salt:
        try:
            return checked(path, stored, "the key store")
        except cipher.WrongKey:
            pass  # a key kept for an earlier file at this place: ask
    if ask is None:
        raise cipher.KeyNeeded(
            f"{path} is encrypted and its passphrase isn't in a key store here; run "
            f"tui1on1 in a terminal to be asked for it, or set {keys.PASSPHRASE_FILE_ENV}"
        )
    return checked(path, keys.derive(ask(f"Passphrase for {path}: "), salt), "")


def unlock_file(path: Path, ask: Callable[[str], str] | None = None) -> None:
    """Find and remember the key of ``path`` when it looks encrypted, or is
    gone and left a sealed journal, and no key is known for it yet
    (``find_key``'s errors). A database made again from that journal is then
    made with the same key, and the journal's notes go back into it."""
    if cipher.key_for(path) is not None:
        return
    if cipher.looks_encrypted(path) or (_gone(path) and journal_salt(path) is not None):
        cipher.remember(path, find_key(path, ask))


def try_passphrase(path: Path, passphrase: str) -> DatabaseKey:
    """The key ``passphrase`` gives for ``path``, checked and remembered
    (WrongKey when it doesn't open it)."""
    key = checked(path, keys.derive(passphrase, salt_for(path)), "")
    cipher.remember(path, key)
    return key


def salt_for(path: Path) -> bytes:
    """The salt of the file at ``path``, or of the sealed journal it left."""
    if _gone(path):
        salt = journal_salt(path)
        if salt is not None:
            return salt
    return cipher.salt_of(path)


def _gone(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def journal_salt(path: Path) -> bytes | None:
    """The database salt the sealed lines of the journal waiting beside
    ``path`` name; None when no journal waits, or its lines aren't sealed."""
    from tui1on1.storage.sealing import salt_of_line

    return next((s for line in _sealed_lines(path) if (s := salt_of_line(line))), None)


def _sealed_lines(path: Path) -> Iterator[bytes]:
    """The sealed lines of the journal waiting beside ``path`` (none when
    none waits or it can't be read)."""
    from tui1on1.storage.maintenance import waiting_journal
    from tui1on1.storage.sealing import is_sealed

    journal = waiting_journal(path)
    if journal is None:
        return
    try:
        with open(journal, "rb") as fh:
            for raw in fh:
                line = raw.strip(b"\0 \t\r\n")
                if is_sealed(line):
                    yield line
    except OSError:
        return


def checked(path: Path, key: DatabaseKey, source: str) -> DatabaseKey:
    """``key`` if it opens ``path`` (or, the file gone, its sealed journal);
    WrongKey (saying where it came from) if not."""
    wrong = cipher.WrongKey(cipher.wrong_key_message(path, source))
    if _gone(path):
        if not _opens_journal(path, key):
            raise wrong
        return key
    try:
        connection = cipher.connect(path, key, read_only=True)
    except cipher.WrongKey:
        raise wrong from None
    except cipher.errors() as exc:
        raise KeyProblem(f"can't open {path} ({type(exc).__name__})") from None
    connection.close()
    return key


def _opens_journal(path: Path, key: DatabaseKey) -> bool:
    from tui1on1.storage.sealing import Sealer

    sealer = Sealer(key)
    return any(sealer.open(line) is not None for line in _sealed_lines(path))


def key_for_copy(
    copy: Path, known: DatabaseKey | None, ask: Callable[[str], str] | None = None
) -> DatabaseKey:
    """The key of an encrypted copy (a backup, say): the database's own if it
    opens it, else the passphrase file's, else the passphrase it was made
    under, asked (a backup from before a rekey). WrongKey, KeyNeeded or
    KeyProblem (one line) when none opens it."""
    salt = cipher.salt_of(copy)
    candidates: list[tuple[DatabaseKey, str]] = []
    if known is not None:
        candidates.append((known, "the database's passphrase"))
    passphrase = keys.passphrase_from_file()
    if passphrase is not None:
        candidates.append((keys.derive(passphrase, salt), keys.PASSPHRASE_FILE_ENV))
    for key, _source in candidates:
        try:
            return checked(copy, key, "")
        except cipher.WrongKey:
            continue
    if ask is None:
        raise cipher.KeyNeeded(
            f"{copy} is encrypted under another passphrase than the database's; run this "
            f"in a terminal to be asked for it, or put it in {keys.PASSPHRASE_FILE_ENV}"
        )
    return checked(copy, keys.derive(ask(f"Passphrase {copy} was made with: "), salt), "")
