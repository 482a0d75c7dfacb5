"""Replaying the recovery journal at start, before any screen reads.

Every entry the journal doesn't mark done is applied in order; a done entry
is applied again too (a damaged or lost write-ahead log may have taken it)
unless it adds to a count (``once``). Each lands once. Then the journal keeps
only what a checkpoint hasn't yet put in the main database file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.storage import journal_entries
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.journal import Entry, Journal

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

log = logging.getLogger(__name__)


def replay_journal(
    store: Store,
    journal: Journal,
    *,
    meeting_id: int | None = None,
    running: Callable[[str], bool] = lambda _by: False,
) -> tuple[int, list[str]]:
    """Apply what an earlier run left (only ``meeting_id``'s, if given); the
    entries of a writer still ``running`` are its own to apply;
    returns how many entries were applied and the notices to show (damaged
    lines kept aside). Raises DatabaseUnavailable (leaving the journal whole)
    if the database can't take them now."""
    if not journal.has_entries():
        return 0, []
    try:
        read = journal.read()
    except OSError as exc:
        log.error("recovery journal could not be read: %s", exc.strerror)
        return 0, [f"the recovery journal {journal.path} can't be read ({exc.strerror})"]
    notices = []
    if read.bad:
        notices.append(
            f"{len(read.bad)} damaged line(s) in the recovery journal were copied to "
            f"{journal.path.name}.bad and not replayed"
        )
    started: dict[int, datetime] = {}
    applied: list[str] = []
    live: set[str] = set()
    # Only a meeting's last draft matters: a long meeting autosaves hundreds.
    last_draft = {
        e.get("meeting_id"): i for i, e in enumerate(read.entries) if e.get("type") == "draft"
    }
    for index, entry in enumerate(read.entries):
        if entry.get("type") == "draft" and last_draft.get(entry.get("meeting_id")) != index:
            if "jid" in entry:
                applied.append(str(entry["jid"]))
            continue
        if meeting_id is not None and entry.get("meeting_id") != meeting_id:
            continue
        by = entry.get("by")
        if isinstance(by, str) and by not in live and running(by):
            live.add(by)
        if by in live:
            continue
        done = entry.get("jid") in read.done
        if done and entry.get("once"):
            continue
        if _replay(store, entry, started, quiet=done) and "jid" in entry:
            applied.append(str(entry["jid"]))
    journal.mark_done(applied)
    # Lines from before entries had ids can't be marked done: they are in
    # the database now, so they go.
    if meeting_id is None:
        journal.keep_only(lambda entry, _done: "jid" in entry)
    journal.compact(store.checkpoint)
    if applied:
        log.info("replayed %d entries from the recovery journal", len(applied))
    return len(applied), notices


def _replay(store: Store, entry: Entry, started: dict[int, datetime], *, quiet: bool) -> bool:
    """Apply one entry; False if it can never be stored (its meeting was
    deleted or discarded), which must not block the rest."""
    try:
        if "meeting_id" in entry:
            meeting_id = int(entry["meeting_id"])
            # A discarded meeting's id can be given to a newer meeting
            # (SQLite reuses the highest), which started after it.
            if meeting_id not in started:
                started[meeting_id] = store.get_meeting(meeting_id).started_at
            at = journal_entries.taken_at(entry)
            if at is not None and at < started[meeting_id]:
                raise NotFound("taken in an earlier meeting with this id")
        journal_entries.apply(store, entry)
        return True
    except (NotFound, InvalidInput, KeyError, ValueError, TypeError):
        if not quiet:
            log.warning("skipped a recovery journal entry that can't be stored")
        return False


def journal_for(store: Store, data_dir: Path, url: str) -> Journal:
    """The recovery journal of ``store`` (next to a SQLite file, or in the
    data dir for a server database)."""
    from tui1on1.storage.engine import safe_url, sqlite_path
    from tui1on1.storage.journal import journal_path_for

    return Journal(journal_path_for(sqlite_path(store.engine.url), data_dir, safe_url(url)))


def replay_left_behind(store: Store, journal: Journal) -> list[str]:
    """For a command: land what a run that crashed or lost its database left
    in the journal (not a running instance's), before reading. Returns the
    lines to say; a database that can't take them now leaves them waiting."""
    from tui1on1.storage.errors import DatabaseUnavailable
    from tui1on1.storage.journal_owners import JournalOwners

    if not journal.has_entries():
        return []
    try:
        applied, notices = replay_journal(
            store, journal, running=JournalOwners(journal.path).running
        )
    except (DatabaseUnavailable, OSError):
        return ["notes left in the recovery journal by an earlier run wait for the database"]
    finally:
        journal.close()
    if applied:
        notices.append(
            f"saved {applied} change(s) an earlier run left in the recovery journal {journal.path}"
        )
    return notices
