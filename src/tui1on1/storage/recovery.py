"""Replaying the recovery journal at start, before any screen reads.

Every entry the journal doesn't mark done is applied in order; a done note or
asked question is applied again too (a damaged or lost write-ahead log may
have taken it; it lands once). Then the journal keeps only what a checkpoint
hasn't yet put in the main database file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.storage import journal_entries
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.journal import Entry, Journal, encode

if TYPE_CHECKING:
    from tui1on1.domain.records import Meeting
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
    entries of a writer still ``running`` are its own to apply. Returns how
    many changes the database didn't have yet, and the lines to show.
    Raises DatabaseUnavailable (leaving the journal whole) if the database
    can't take them now."""
    if not journal.has_entries():
        return 0, []
    with journal.replaying():  # two starting instances never replay the same run
        return _replay_all(store, journal, meeting_id, running)


def _replay_all(
    store: Store, journal: Journal, meeting_id: int | None, running: Callable[[str], bool]
) -> tuple[int, list[str]]:
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
    places = _Places(store)
    applied: list[str] = []
    fresh = 0
    unplaced: list[Entry] = []
    live: set[str] = set()
    # Only a meeting's last draft matters: a long meeting autosaves hundreds.
    last_draft = {
        e.get("meeting_id"): i for i, e in enumerate(read.entries) if e.get("type") == "draft"
    }
    for index, entry in enumerate(read.entries):
        jid = entry.get("jid")
        if entry.get("type") == "draft" and last_draft.get(entry.get("meeting_id")) != index:
            if jid is not None:
                applied.append(str(jid))
            continue
        if meeting_id is not None and entry.get("meeting_id") != meeting_id:
            continue
        by = entry.get("by")
        if isinstance(by, str) and by not in live and running(by):
            live.add(by)
        if by in live:
            continue
        done = jid in read.done
        if done and entry.get("type") not in AGAIN_WHEN_DONE:
            continue  # set values: applied again they could undo a later change
        outcome = _replay(store, entry, places, quiet=done)
        if outcome == UNPLACED:
            unplaced.append(entry)
        elif jid is not None:
            applied.append(str(jid))
        if outcome == APPLIED and not done:
            fresh += 1
    if unplaced:
        notices.append(_keep_unplaced(journal, unplaced, applied))
    if places.made:
        notices.append(
            f"{places.made} meeting(s) this database didn't have were made again from the "
            "recovery journal, with their notes"
        )
    try:
        journal.mark_done(applied)
        # Lines from before entries had ids can't be marked done: they are in
        # the database now (or kept aside), so they go.
        if meeting_id is None:
            journal.keep_only(lambda entry, _done: "jid" in entry)
        journal.compact(store.checkpoint)
    except OSError as exc:  # a full disk, say: they stay and are applied again, landing once
        log.warning("recovery journal not tidied after replay: %s", exc.strerror)
    if applied:
        log.info("replayed %d entries from the recovery journal", len(applied))
    return fresh, notices


APPLIED, REFUSED, UNPLACED = "applied", "refused", "unplaced"
# A done entry is applied again only if it inserts by uid (a note, an asked
# question, a change to a growth plan): a damaged or lost write-ahead log may
# have taken it, and applied twice it lands once. Anything that sets a value (an edit, a resume, an
# action's status) could, applied again, undo a later change.
AGAIN_WHEN_DONE = frozenset({"note", "asked", "plan"})


def _keep_unplaced(journal: Journal, unplaced: list[Entry], applied: list[str]) -> str:
    """Copy what can't be placed to a file of its own; then the journal lets
    it go (its ids join ``applied``). If the copy fails, it stays."""
    try:
        lines = [encode(e, journal.sealer).rstrip(b"\n") for e in unplaced]
        kept = journal.keep_aside(lines, ".unplaced")
    except OSError as exc:
        return (
            f"{len(unplaced)} change(s) in the recovery journal belong to a meeting this "
            f"database doesn't have; they stay in the journal ({exc.strerror or exc})"
        )
    applied += [str(e["jid"]) for e in unplaced if "jid" in e]
    return (
        f"{len(unplaced)} change(s) in the recovery journal belong to a meeting this "
        f"database doesn't have and can't be told apart; they were kept in {kept}"
    )


class _Places:
    """Which meeting in this database an entry's meeting is.

    An entry names its meeting by id, and (since journal entries carry it)
    by the person's name and the meeting's start. The id is trusted only when
    that meeting started then; else the meeting is found, or made again, by
    name and start. So a journal replayed into a restored backup or a new
    file never files notes under someone else's meeting that has the id.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.made = 0
        self._known: dict[tuple[int, str], int | None] = {}
        self._meetings: dict[int, Meeting | None] = {}

    def meeting_for(self, entry: Entry) -> int | None:
        old = int(entry["meeting_id"])
        given = entry.get("meeting")
        context = given if isinstance(given, dict) else None
        if context is None:  # an entry from before meetings were named: the old rule
            meeting = self._meeting(old)
            at = journal_entries.taken_at(entry)
            if meeting is None or (at is not None and at < meeting.started_at):
                return None  # a discarded meeting's id, given to a newer meeting
            return old
        key = (old, str(context.get("started_at")))
        if key not in self._known:
            self._known[key] = self._find(old, context)
        return self._known[key]

    def _meeting(self, meeting_id: int) -> Meeting | None:
        if meeting_id not in self._meetings:
            try:
                self._meetings[meeting_id] = self.store.get_meeting(meeting_id)
            except NotFound:
                self._meetings[meeting_id] = None
        return self._meetings[meeting_id]

    def _find(self, old: int, context: dict[str, object]) -> int | None:
        store = self.store
        meeting = self._meeting(old)
        started = datetime.fromisoformat(str(context["started_at"]))
        name = str(context["person"])
        if meeting is not None and meeting.started_at == started:
            return old  # the same meeting (its person may have been renamed since)
        person = store.find_person(name) or store.add_person(name)
        placed, made = store.put_back_meeting(
            person.id,
            started_at=started,
            playbook=str(context.get("playbook") or "weekly"),
            planned_minutes=int(str(context.get("planned_minutes") or 30)),
        )
        self.made += made
        return placed.id


def _replay(store: Store, entry: Entry, places: _Places, *, quiet: bool) -> str:
    """Apply one entry: APPLIED; REFUSED when the database holds it already
    or can never take it (an end replayed on an ended meeting); UNPLACED when
    its meeting (or its note) isn't in this database and can't be made."""
    try:
        if "meeting_id" in entry:
            target = places.meeting_for(entry)
            if target is None:
                return UNPLACED
            moved = target != int(entry["meeting_id"])
            entry = {**entry, "meeting_id": target}
            if "action_note_uid" in entry:
                action_id = store.action_id_for(str(entry["action_note_uid"]))
                if action_id is None:
                    return UNPLACED
                entry = {**entry, "action_id": action_id}
            elif "action_id" in entry and moved:
                return UNPLACED  # an earlier meeting's action, by an id of another database
        if "note_uid" in entry:
            note_id = store.note_id_for(str(entry["note_uid"]))
            if note_id is None:
                return UNPLACED
            entry = {**entry, "note_id": note_id}
        journal_entries.apply(store, entry)
        return APPLIED
    except (NotFound, InvalidInput, KeyError, ValueError, TypeError):
        if not quiet:
            log.warning("skipped a recovery journal entry that can't be stored")
        return REFUSED


def journal_for(store: Store, data_dir: Path, url: str) -> Journal:
    """The recovery journal of ``store`` (next to a SQLite file, or in the
    data dir for a server database)."""
    from tui1on1.storage import cipher
    from tui1on1.storage.engine import safe_url, sqlite_path
    from tui1on1.storage.journal import journal_path_for
    from tui1on1.storage.sealing import Sealer

    database = sqlite_path(store.engine.url)
    key = cipher.key_for(database) if database is not None else None
    sealer = Sealer(key) if key is not None else None
    return Journal(journal_path_for(database, data_dir, safe_url(url)), sealer)


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
