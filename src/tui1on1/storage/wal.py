"""Reading SQLite's write-ahead log (``-wal``) to find damage SQLite would hide.

When SQLite opens a database after a crash it replays the WAL's frames up to
the last commit frame of the longest run whose salts match the header and
whose checksums chain correctly, and silently ignores everything from the
first bad frame on, committed transactions included. The next writer then
overwrites those frames. So before anything opens the file, this module
checks the log the way https://www.sqlite.org/fileformat2.html#walformat
describes it:

* the 32-byte header: magic 0x377f0682 (checksums over little-endian words)
  or 0x377f0683 (big-endian), format 3007000, a power-of-two page size,
  the checkpoint sequence, two salts and the header's own checksum;
* each frame: a 24-byte header (page number, database size after a commit
  or 0, the two salts, a checksum) and one page. The checksum runs on from
  the previous frame's over the frame header's first 8 bytes and the page.

Damage is a lost commit: a bad header; a commit frame of this log (its salts
match the header) after the first bad frame; the first bad frame itself being
a whole commit frame; or the ``-shm`` index, left as the last writer left it,
saying more frames were committed than the log still holds (a cut-short
log). A torn frame after the last commit is what a kill -9 mid-transaction
leaves (that transaction never committed): it is not damage.
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui1on1.domain.text import plural

HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
MAGIC = 0x377F0682  # | 1: big-endian checksums
FORMAT = 3007000
_MASK = 0xFFFFFFFF
# The -shm file starts with two copies of a 48-byte index header, in the
# machine's byte order: version, unused, change counter, isInit, big-endian
# flag, page size, mxFrame (the last committed frame), pages, the last
# frame's checksum, the two salts (bytes as in the WAL header), a checksum.
_SHM_HEADER = 48


@dataclass(frozen=True)
class WalDamage:
    """What is wrong, in words (``what``), for the one line that says so."""

    what: str


@dataclass(frozen=True)
class _Header:
    big_endian: bool
    page_size: int
    salts: bytes
    checksum: tuple[int, int]


def _words(data: bytes, big_endian: bool) -> tuple[int, ...]:
    return struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)


@cache
def _weights(pairs: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, int, int, int]]:
    """SQLite's checksum over ``pairs`` word pairs (x, y), from a start (s0, s1),
    is s0 += x + s1; s1 += y + s0, mod 2**32: linear, so the result is a
    weighted sum of the words (Fibonacci-like weights) plus the start times
    M**pairs, M = [[1, 1], [1, 2]]. Returns the weights for s0 and s1 (one
    per word) and M**pairs, all mod 2**32: a page is two C-speed dot products."""
    w0 = [0] * (2 * pairs)
    w1 = [0] * (2 * pairs)
    # P = M**j for the pair j steps before the end, built from the last pair back.
    p, q, r, t = 1, 0, 0, 1
    for k in range(pairs - 1, -1, -1):
        # x_k enters (s0, s1) as P @ (1, 1); y_k as P @ (0, 1).
        w0[2 * k], w1[2 * k] = (p + q) & _MASK, (r + t) & _MASK
        w0[2 * k + 1], w1[2 * k + 1] = q, t
        p, q, r, t = (p + r) & _MASK, (q + t) & _MASK, (p + 2 * r) & _MASK, (q + 2 * t) & _MASK
    return tuple(w0), tuple(w1), (p, q, r, t)


def checksum(data: bytes, start: tuple[int, int], big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes) from ``start``."""
    words = _words(data, big_endian)
    w0, w1, (p, q, r, t) = _weights(len(words) // 2)
    s0, s1 = start
    return (
        (p * s0 + q * s1 + sum(map(int.__mul__, w0, words))) & _MASK,
        (r * s0 + t * s1 + sum(map(int.__mul__, w1, words))) & _MASK,
    )


def _header(raw: bytes) -> _Header | str:
    """The WAL header, or what is wrong with it."""
    if len(raw) < HEADER_SIZE:
        return "it is cut short inside its header"
    magic, version, page_size = struct.unpack(">III", raw[:12])
    if magic & ~1 & _MASK != MAGIC:
        return "its header is damaged (wrong magic number)"
    if version != FORMAT or page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return "its header is damaged"
    big_endian = bool(magic & 1)
    stored = struct.unpack(">II", raw[24:32])
    if checksum(raw[:24], (0, 0), big_endian) != stored:
        return "its header is damaged (checksum)"
    return _Header(big_endian, page_size, raw[16:24], stored)


def _shm_committed_frames(shm: bytes, salts: bytes | None) -> int | None:
    """The last committed frame the -shm index records, when it is intact and
    (given ``salts``) belongs to this log; None when it can't be trusted."""
    if len(shm) < 2 * _SHM_HEADER:
        return None
    first, second = shm[:_SHM_HEADER], shm[_SHM_HEADER : 2 * _SHM_HEADER]
    if first != second:
        return None
    order = "<" if sys.byteorder == "little" else ">"
    version, _unused, _change, is_init = struct.unpack(f"{order}IIIB", first[:13])
    if version != FORMAT or is_init != 1:
        return None
    stored = struct.unpack(f"{order}II", first[40:48])
    if checksum(first[:40], (0, 0), sys.byteorder == "big") != stored:
        return None
    if salts is not None and first[32:40] != salts:
        return None
    (mx_frame,) = struct.unpack(f"{order}I", first[16:20])
    return int(mx_frame)


def inspect(wal: Path, shm: Path) -> WalDamage | None:
    """Damage in the log ``wal`` (with its index ``shm``) that opening would
    lose silently; None when opening loses no committed transaction.

    Raises OSError when a file can't be read.
    """
    data = wal.read_bytes()
    try:
        shm_data = shm.read_bytes()[: 2 * _SHM_HEADER]
    except FileNotFoundError:
        shm_data = b""
    if not data:
        recorded = _shm_committed_frames(shm_data, None)
        if recorded:
            lost = plural(recorded, "committed frame")
            return WalDamage(f"it was emptied, losing {lost}")
        return None
    header = _header(data)
    if isinstance(header, str):
        return WalDamage(header)
    frame_size = FRAME_HEADER_SIZE + header.page_size
    frames = (len(data) - HEADER_SIZE) // frame_size
    running = header.checksum
    last_commit = 0  # frames SQLite will replay
    first_bad: int | None = None
    for index in range(frames):
        start = HEADER_SIZE + index * frame_size
        frame = data[start : start + frame_size]
        page, size_after = struct.unpack(">II", frame[:8])
        running = checksum(frame[:8] + frame[FRAME_HEADER_SIZE:], running, header.big_endian)
        ok = (
            frame[8:16] == header.salts
            and page != 0
            and running == struct.unpack(">II", frame[16:24])
        )
        if not ok:
            first_bad = index
            break
        if size_after:
            last_commit = index + 1
    recorded = _shm_committed_frames(shm_data, header.salts)
    if recorded is not None and recorded > last_commit:
        if first_bad is None:
            lost = plural(recorded - last_commit, "committed frame")
            return WalDamage(f"it was cut short, losing {lost}")
        lost = plural(recorded - last_commit, "committed frame")
        return WalDamage(f"frame {first_bad + 1} is damaged, so SQLite would skip {lost}")
    if first_bad is None:
        return None
    # The first bad frame may be a commit torn by a kill -9: the index, when
    # there is one, said above whether it had committed. Without one it is
    # taken as damage (a torn write is nearly always cut short instead).
    commits = 0  # commit frames of this log from the first bad one on
    for index in range(first_bad if recorded is None else first_bad + 1, frames):
        start = HEADER_SIZE + index * frame_size
        (size_after,) = struct.unpack(">I", data[start + 4 : start + 8])
        if size_after and data[start + 8 : start + 16] == header.salts:
            commits += 1
    if commits:
        return WalDamage(
            f"frame {first_bad + 1} of {frames} is damaged, so SQLite would skip "
            f"{plural(commits, 'commit')} from there on"
        )
    return None
