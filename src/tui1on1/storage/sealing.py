"""Sealing what an encrypted database writes beside it: the recovery
journal's lines and the files a discarded 1:1 is kept in hold no text a
stolen disk could read.

AES-256-GCM (``cryptography``) with a fresh 96-bit nonce each time, under a
key derived from the database's for each purpose (``DatabaseKey.subkey``).
GCM authenticates what it seals: a line torn by a crash, or a file changed
on disk, fails to open and is said to be damaged, never read wrong. A TAG (a
hash of the key, not the key) tells "sealed under another passphrase" from
"damaged".

A journal line is ``~TAG SALT BASE64``, SALT being the database file's (not
secret; with the passphrase it gives the key back when the file is lost). A
sealed file is a first line naming what it is and how to read it, then
``TAG SALT BASE64``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

from tui1on1.keys import DatabaseKey

MARK = b"~"
FILE_MARK = b"tui1on1 sealed file 1: read it with `tui1on1 import FILE`\n"
_NONCE = 12


class SealedElsewhere(ValueError):
    """Sealed under another key (another passphrase, or before a rekey)."""


class Sealer:
    """Seals and opens under one database key, for one purpose."""

    def __init__(self, key: DatabaseKey, purpose: str = "journal") -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        subkey = key.subkey(purpose)
        self._aead = AESGCM(subkey)
        self._aad = f"tui1on1 {purpose}".encode()
        self.tag = hashlib.sha256(b"tag" + subkey).hexdigest()[:8].encode("ascii")
        self._salt = key.salt.hex().encode("ascii")  # not secret: the database's own

    def __repr__(self) -> str:
        return f"Sealer({self.tag.decode()})"

    def _seal(self, body: bytes) -> bytes:
        nonce = os.urandom(_NONCE)
        sealed = base64.b64encode(nonce + self._aead.encrypt(nonce, body, self._aad + self._salt))
        return self.tag + b" " + self._salt + b" " + sealed

    def _open(self, sealed: bytes) -> bytes | None:
        from cryptography.exceptions import InvalidTag

        parts = sealed.strip().split(b" ", 2)
        tag, salt, data = parts if len(parts) == 3 else (b"", b"", b"")
        if tag != self.tag:
            raise SealedElsewhere("sealed under another passphrase")
        try:
            raw = base64.b64decode(data, validate=True)
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], self._aad + salt)
        except (binascii.Error, ValueError, InvalidTag):
            return None

    # --- journal lines ---------------------------------------------------------

    def seal(self, body: bytes) -> bytes:
        """The sealed journal line for ``body`` (no newline)."""
        return MARK + self._seal(body)

    def open(self, line: bytes) -> bytes | None:
        """The body sealed on ``line``; None when it was damaged or sealed
        under another key."""
        try:
            return self._open(line[len(MARK) :])
        except SealedElsewhere:
            return None

    # --- files ------------------------------------------------------------------

    def seal_file(self, data: bytes) -> bytes:
        return FILE_MARK + self._seal(data) + b"\n"

    def open_file(self, data: bytes) -> bytes:
        """What a sealed file holds; SealedElsewhere, or ValueError when damaged."""
        opened = self._open(data[len(FILE_MARK) :])
        if opened is None:
            raise ValueError("the sealed file is damaged")
        return opened


def salt_of_line(line: bytes) -> bytes | None:
    """The database salt a sealed journal line names (to find its key when
    the database file is gone); None for a plain or unreadable line."""
    parts = line[len(MARK) :].split(b" ", 2) if is_sealed(line) else []
    try:
        return bytes.fromhex(parts[1].decode("ascii")) if len(parts) == 3 else None
    except (ValueError, UnicodeDecodeError):
        return None


def is_sealed(line: bytes) -> bool:
    return line.startswith(MARK)


def is_sealed_file(data: bytes) -> bool:
    return data.startswith(FILE_MARK)


def file_sealer(key: DatabaseKey) -> Sealer:
    return Sealer(key, "file")
