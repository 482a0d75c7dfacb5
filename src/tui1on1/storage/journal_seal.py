"""Sealed journal lines: the recovery journal of an encrypted database
holds no text a stolen disk could read.

Each line is ``~TAG BASE64``: AES-256-GCM (``cryptography``) over the entry's
JSON, with a fresh 96-bit nonce, under a key derived from the database's
(``DatabaseKey.subkey("journal")``). GCM authenticates what it seals, so a
line torn by a crash or changed on disk fails to open and is kept aside as
damaged, like a plain line that fails its checksum. TAG names the key (a
hash of it, not the key): a line sealed under another key is told apart
from a damaged one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

from tui1on1.keys import DatabaseKey

MARK = b"~"
_NONCE = 12
_AAD = b"tui1on1 recovery journal"


class Sealer:
    """Seals and opens journal lines under one database key."""

    def __init__(self, key: DatabaseKey) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        subkey = key.subkey("journal")
        self._aead = AESGCM(subkey)
        self.tag = hashlib.sha256(b"tag" + subkey).hexdigest()[:8].encode("ascii")

    def __repr__(self) -> str:
        return f"Sealer({self.tag.decode()})"

    def seal(self, body: bytes) -> bytes:
        """The sealed line for ``body`` (no newline)."""
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, body, _AAD)
        return MARK + self.tag + b" " + base64.b64encode(nonce + sealed)

    def open(self, line: bytes) -> bytes | None:
        """The body sealed on ``line``; None when it isn't this key's, or was damaged."""
        from cryptography.exceptions import InvalidTag

        tag, _, data = line[len(MARK) :].partition(b" ")
        if tag != self.tag:
            return None
        try:
            raw = base64.b64decode(data, validate=True)
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], _AAD)
        except (binascii.Error, ValueError, InvalidTag):
            return None


def is_sealed(line: bytes) -> bool:
    return line.startswith(MARK)
