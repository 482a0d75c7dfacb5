"""The recovery journal: every change is on disk here before the database sees it.

One line an entry: a CRC-32 of the JSON, a space, the JSON. Every append is
fsynced before it is acknowledged, so a note is durable whatever the database
is doing (busy, hung, read-only, full, gone). When the database has taken an
entry, a ``done`` line says so (not fsynced: losing it only means the entry is
applied again, and every entry is safe to apply again). Entries stay until a
checkpoint has moved them into the main database file (``compact``), so a
damaged or lost write-ahead log loses nothing that is still here.

The file is opened once, with ``O_NOFOLLOW`` (a planted symlink is refused),
kept 0600, and space is reserved beyond its end while a meeting runs
(``reserve``), so a disk that fills up still takes the meeting's notes. If the
file is deleted while open (its folder removed), the next append puts it back
with everything it held. A line that fails its checksum is copied to
``NAME.bad`` and reported, never silently skipped.

Two instances may share a journal: every append, read and rewrite holds an
exclusive ``flock`` on it, and a rewrite works in place so the other's open
file stays the same file.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import stat
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui1on1.privacy import DIR_MODE, FILE_MODE
from tui1on1.storage.sealing import Sealer, is_sealed

Entry = dict[str, Any]
RESERVE_BYTES = 1 << 20  # a long meeting's notes, drafts and edits, with room to spare
_FALLOC_FL_KEEP_SIZE = 1


class JournalRefused(OSError):
    """The journal's path is not a plain file we may write (a symlink, a FIFO…)."""


@dataclass
class JournalRead:
    """What the journal holds: entries in order, which are done, and bad lines."""

    entries: list[Entry] = field(default_factory=list)
    done: set[str] = field(default_factory=set)
    bad: list[bytes] = field(default_factory=list)

    def pending(self) -> list[Entry]:
        return [e for e in self.entries if e.get("jid") not in self.done]


def encode(entry: Entry, sealer: Sealer | None = None) -> bytes:
    """One line: the checksum and the JSON, or the JSON sealed (``sealing``)."""
    body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if sealer is not None:
        return sealer.seal(body) + b"\n"
    return b"%08x %s\n" % (zlib.crc32(body), body)


def decode(line: bytes, sealer: Sealer | None = None) -> Entry | None:
    """The entry on ``line``, or None if it is damaged (or sealed under a key
    not given). Lines written before checksums (plain JSON) are still read."""
    if is_sealed(line):
        opened = sealer.open(line) if sealer is not None else None
        if opened is None:
            return None
        body = opened
    elif line.startswith(b"{"):
        body = line
    else:
        crc, _, body = line.partition(b" ")
        try:
            if int(crc, 16) != zlib.crc32(body) or len(crc) != 8:
                return None
        except ValueError:
            return None
    try:
        entry = json.loads(body)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


class Journal:
    def __init__(self, path: Path, sealer: Sealer | None = None) -> None:
        self.path = path
        self.sealer = sealer  # an encrypted database's: every line sealed
        self._fd: int | None = None
        self._lock = threading.Lock()  # one thread of this process at a time

    # --- the file ------------------------------------------------------------

    def _open(self) -> int:
        if self._fd is not None:
            try:
                if os.fstat(self._fd).st_nlink > 0:
                    return self._fd
            except OSError:
                pass
            self._put_back()
            assert self._fd is not None
            return self._fd
        self._fd = self._open_path()
        return self._fd

    def _open_path(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags | os.O_NONBLOCK, FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise JournalRefused(
                    errno.ELOOP, f"the recovery journal {self.path} is a symlink; not following it"
                ) from None
            raise
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise JournalRefused(
                errno.EINVAL, f"the recovery journal {self.path} isn't a plain file"
            )
        os.set_blocking(fd, True)
        if stat.S_IMODE(info.st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
        return fd

    def _put_back(self) -> None:
        """The open journal was unlinked (its folder deleted): write what it
        held to a new file at its path, so nothing in it is lost at exit."""
        old = self._fd
        content = b""
        if old is not None:
            try:
                content = os.pread(old, os.fstat(old).st_size, 0)
            except OSError:
                content = b""
        self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        fd = self._open_path()
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if content and os.fstat(fd).st_size == 0:
                os.write(fd, content.rstrip(b"\0"))
                os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
        self._fd = fd
        if old is not None:
            os.close(old)

    @contextmanager
    def _locked(self) -> Iterator[int]:
        with self._lock:
            fd = self._open()
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield fd
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)

    @contextmanager
    def replaying(self) -> Iterator[None]:
        """Hold ``NAME.replay`` while replaying: one instance at a time."""
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
        try:
            fd = os.open(self.path.with_name(self.path.name + ".replay"), flags, FILE_MODE)
        except OSError:
            yield  # no lock to be had: replays are idempotent for what matters
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    # --- writing -------------------------------------------------------------

    def append_many(self, entries: Iterable[Entry], *, sync: bool = True) -> None:
        """Append entries durably, in order. Raises OSError if they can't be."""
        data = b"".join(encode(e, self.sealer) for e in entries)
        if not data:
            return
        with self._locked() as fd:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data  # end a line torn by a crash, or this entry is lost too
            written = os.write(fd, data)
            if written != len(data):  # a short write on a full disk
                os.ftruncate(fd, size)
                raise OSError(errno.ENOSPC, "no space left for the recovery journal")
            if sync:
                os.fdatasync(fd)

    def append(self, entry: Entry) -> None:
        self.append_many([entry])

    def mark_done(self, jids: Iterable[str]) -> None:
        """Say the database has these entries (no fsync: see the module docstring)."""
        self.append_many(({"type": "done", "jid": jid} for jid in jids), sync=False)

    def reserve(self, nbytes: int = RESERVE_BYTES) -> bool:
        """Reserve disk space beyond the end for appends (Linux); False if it can't."""
        with self._locked() as fd:
            return self._reserve(fd, nbytes)

    @staticmethod
    def _reserve(fd: int, nbytes: int) -> bool:
        try:
            fallocate = ctypes.CDLL(None, use_errno=True).fallocate
        except (OSError, AttributeError):
            return False
        fallocate.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
        size = os.fstat(fd).st_size
        return bool(fallocate(fd, _FALLOC_FL_KEEP_SIZE, size, nbytes) == 0)

    # --- reading -------------------------------------------------------------

    def has_entries(self) -> bool:
        for path in (self.path, self._side):
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_size > 0:
                return True
        return False

    def read(self) -> JournalRead:
        if not self.has_entries():
            return JournalRead()
        with self._locked() as fd:
            return self._read(fd)

    def _read(self, fd: int) -> JournalRead:
        # A rewrite cut short by a crash left its copy beside: it comes first.
        raw = _read_side(self._side) + os.pread(fd, os.fstat(fd).st_size, 0)
        result = JournalRead()
        seen: set[str] = set()
        for line in raw.split(b"\n"):
            line = line.strip(b"\0")
            if not line:
                continue
            entry = decode(line, self.sealer)
            if entry is None:
                result.bad.append(line)
            elif entry.get("type") == "done":
                result.done.add(str(entry.get("jid")))
            elif entry.get("jid") is None or str(entry["jid"]) not in seen:
                if entry.get("jid") is not None:
                    seen.add(str(entry["jid"]))
                result.entries.append(entry)
        if result.bad:
            # Still reported if this fails; the lines stay until compacted.
            with suppress(OSError):
                self.keep_aside(result.bad, ".bad")
        return result

    def keep_aside(self, lines: list[bytes], suffix: str) -> Path:
        """Copy ``lines`` (once each) to ``NAME`` + ``suffix`` (0600), fsynced;
        returns that file. Raises OSError if it can't be written."""
        path = self.path.with_name(self.path.name + suffix)
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(path, flags, FILE_MODE)
        try:
            kept = set(os.pread(fd, os.fstat(fd).st_size, 0).split(b"\n"))
            new = [line for line in lines if line not in kept]
            if new:
                os.write(fd, b"\n".join(new) + b"\n")
                os.fsync(fd)
        finally:
            os.close(fd)
        return path

    # --- rewriting -----------------------------------------------------------

    def keep_only(self, keep: Callable[[Entry, set[str]], bool]) -> int:
        """Rewrite the journal in place with the entries ``keep`` accepts (given
        the done set); done lines for entries kept stay. Returns how many went."""
        if not self.has_entries():
            return 0
        with self._locked() as fd:
            read = self._read(fd)
            kept = [e for e in read.entries if keep(e, read.done)]
            if len(kept) == len(read.entries) and not read.bad:
                return 0
            jids = {e.get("jid") for e in kept}
            done = [{"type": "done", "jid": j} for j in read.done if j in jids]
            self._rewrite(fd, kept + done)
            return len(read.entries) - len(kept)

    def compact(self, checkpointed: Callable[[], bool]) -> int:
        """Drop the entries the database has, once ``checkpointed`` says they
        are in its main file. The done lines are read first and the checkpoint
        runs outside the lock (it may wait on the database; appends must not
        wait on it), so only entries done before it are dropped."""
        if not self.has_entries():
            return 0
        done_before = self.read().done
        if done_before and not checkpointed():
            return 0
        with self._locked() as fd:
            read = self._read(fd)
            if not done_before and not read.bad:
                return 0
            kept = [e for e in read.entries if e.get("jid") not in done_before]
            later = [{"type": "done", "jid": j} for j in read.done - done_before]
            self._rewrite(fd, kept + later)
            return len(read.entries) - len(kept)

    @property
    def _side(self) -> Path:
        return self.path.with_name(self.path.name + ".rewrite")

    def _rewrite(self, fd: int, entries: list[Entry]) -> None:
        """Replace the journal's content in place (another instance's open
        file stays this file), crash-safe: the new content is written and
        fsynced beside it first, and read from there if this is cut short."""
        data = b"".join(encode(e, self.sealer) for e in entries)
        side = os.open(
            self._side,
            os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC,
            FILE_MODE,
        )
        try:
            if os.write(side, data) != len(data):
                raise OSError(errno.ENOSPC, "no space left to rewrite the recovery journal")
            os.fsync(side)
        finally:
            os.close(side)
        os.ftruncate(fd, 0)
        if data and os.write(fd, data) != len(data):  # O_APPEND: at 0 now
            raise OSError(errno.ENOSPC, "no space left to rewrite the recovery journal")
        os.fsync(fd)
        os.unlink(self._side)
        self._reserve(fd, RESERVE_BYTES)  # truncating gave the set-aside space back

    def drop_meeting(self, meeting_id: int) -> int:
        """Remove every entry for ``meeting_id`` (a discarded meeting), keeping
        the others in order; returns how many were removed."""

        def keep(entry: Entry, _done: set[str]) -> bool:
            try:
                return int(entry.get("meeting_id", -1)) != meeting_id
            except (TypeError, ValueError):
                return True

        return self.keep_only(keep)


def journal_path_for(database_file: Path | None, data_dir: Path, safe_url: str) -> Path:
    """``tui1on1.db`` → ``tui1on1.db.journal``; a server database → a file in
    the data dir named for that database, so entries never replay elsewhere."""
    import hashlib

    if database_file is not None:
        return database_file.with_name(database_file.name + ".journal")
    digest = hashlib.sha256(safe_url.encode("utf-8")).hexdigest()[:12]
    return data_dir / f"recovery-{digest}.journal"


def _read_side(path: Path) -> bytes:
    """What a rewrite cut short left beside the journal (else nothing)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.pread(fd, os.fstat(fd).st_size, 0) + b"\n"
    finally:
        os.close(fd)
