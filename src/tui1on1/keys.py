"""The database key: the passphrase, the key SQLCipher derives from it, and
where a daily start finds it without asking.

SQLCipher 4 turns a passphrase into its key with PBKDF2-HMAC-SHA512 (256,000
rounds) over the 16-byte salt at the start of the file. The same derivation
is done here, once per start, and every connection is given the derived key:
opening one then costs no derivation, and the file stays readable with the
passphrase alone in SQLCipher's own shell. The OS key store (``keyring``)
holds the derived key, not the passphrase, so a daily start derives nothing.

Where the key comes from, first found first: the file named by
``TUI1ON1_PASSPHRASE_FILE`` (scripts and tests; it must be private), the
OS key store, then a question in the terminal. Never argv, a log, the
config file or an error message.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SERVICE = "tui1on1"
PASSPHRASE_FILE_ENV = "TUI1ON1_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE_ENV = "TUI1ON1_NEW_PASSPHRASE_FILE"  # `db rekey`'s new one, for scripts
KDF_ROUNDS = 256_000  # SQLCipher 4's default: the shell opens the file with the passphrase
KEY_BYTES = 32
SALT_BYTES = 16
MIN_PASSPHRASE = 8


class KeyProblem(Exception):
    """The key couldn't be had; ``str()`` is one calm line, without the key."""


@dataclass(frozen=True, repr=False)
class DatabaseKey:
    """A SQLCipher key (32 bytes) and the salt of the file it opens (16);
    its repr and str never show them."""

    raw: bytes
    salt: bytes

    def __repr__(self) -> str:
        return "DatabaseKey(…)"

    __str__ = __repr__

    def pragma(self) -> str:
        """The value for ``PRAGMA key``/``ATTACH … KEY``: the key itself (no
        derivation) and its salt, which a new file is made with."""
        return f"\"x'{self.raw.hex()}{self.salt.hex()}'\""

    def stored(self) -> str:
        """What the key store keeps."""
        return self.raw.hex() + self.salt.hex()

    @classmethod
    def from_stored(cls, value: str) -> DatabaseKey | None:
        try:
            data = bytes.fromhex(value)
        except ValueError:
            return None
        if len(data) != KEY_BYTES + SALT_BYTES:
            return None
        return cls(data[:KEY_BYTES], data[KEY_BYTES:])

    def subkey(self, purpose: str) -> bytes:
        """A key for something else (the recovery journal), tied to this one."""
        return hashlib.sha256(b"tui1on1 " + purpose.encode() + b"\0" + self.raw).digest()


def derive(passphrase: str, salt: bytes) -> DatabaseKey:
    """The key SQLCipher derives from ``passphrase`` for a file with ``salt``."""
    raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES)
    return DatabaseKey(raw, salt)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused (too short, blank at the ends)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters"
    if passphrase != passphrase.strip():
        return "the passphrase starts or ends with a space; leave those out"
    return None


def passphrase_from_file(
    environ: dict[str, str] | None = None, variable: str = PASSPHRASE_FILE_ENV
) -> str | None:
    """The passphrase in the file ``variable`` names, or None when it isn't set.

    The file must be a regular file only its owner can read; its first line
    is the passphrase (a final newline is not part of it)."""
    env = os.environ if environ is None else environ
    name = env.get(variable)
    if not name:
        return None
    path = Path(name).expanduser()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise KeyProblem(
            f"can't read the passphrase file {path} ({variable}): {exc.strerror or 'refused'}"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # a folder, a pipe: never read
        os.close(fd)
        raise KeyProblem(f"the passphrase file {path} ({variable}) isn't a regular file")
    with os.fdopen(fd, "rb") as fh:
        if info.st_mode & 0o077:
            raise KeyProblem(
                f"the passphrase file {path} can be read by others; make it private "
                f"(chmod 600 {path})"
            )
        data = fh.read(4096)
    text = data.decode("utf-8", errors="replace").splitlines()
    passphrase = text[0] if text else ""
    if not passphrase:
        raise KeyProblem(f"the passphrase file {path} is empty")
    return passphrase


def account(database: Path) -> str:
    """The key store's name for the key of the database at ``database``."""
    return f"database {database.expanduser().resolve()}"


def _keyring() -> ModuleType:
    """The keyring module, or a KeyProblem saying why there is no key store."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        raise KeyProblem("no key store: the keyring package isn't installed") from None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise KeyProblem(f"the key store can't be used ({type(exc).__name__})") from None
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise KeyProblem(
            "this system has no key store that keyring can use (no Secret Service, "
            "Keychain or Credential Locker)"
        )
    return keyring


def key_store_problem() -> str | None:
    """Why there is no usable OS key store; None when there is one."""
    try:
        _keyring()
    except KeyProblem as exc:
        return str(exc)
    return None


def stored_key(database: Path) -> DatabaseKey | None:
    """The key the OS key store keeps for ``database``, if any.

    Raises KeyProblem when the key store exists but can't be read (locked,
    refused); no key store at all is None (the passphrase is asked)."""
    try:
        keyring = _keyring()
    except KeyProblem:
        return None
    try:
        value = keyring.get_password(SERVICE, account(database))
    except Exception as exc:
        raise KeyProblem(f"the key store didn't give the key ({type(exc).__name__})") from None
    return DatabaseKey.from_stored(value) if value else None


def store_key(database: Path, key: DatabaseKey) -> None:
    """Keep ``key`` in the OS key store for ``database``; KeyProblem if it can't."""
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, account(database), key.stored())
    except Exception as exc:
        raise KeyProblem(f"the key store didn't keep the key ({type(exc).__name__})") from None


def forget_key(database: Path) -> None:
    """Take the key for ``database`` out of the OS key store (if it is there)."""
    try:
        keyring = _keyring()
        keyring.delete_password(SERVICE, account(database))
    except Exception:
        return  # nothing kept, or no key store: nothing to forget
