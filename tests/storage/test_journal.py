"""The recovery journal: durable, private, ordered, and safe to replay twice."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.journal import Journal, JournalRefused, journal_path_for
from tui1on1.storage.journal_entries import draft_entry, entry_to_note, note_to_entry

# Each runs on a plain journal and on an encrypted database's sealed one.
pytestmark = pytest.mark.usefixtures("journal_sealing")

T0 = datetime(2026, 11, 20, 9, 0, 0, 123456, tzinfo=UTC)


def full_note(uid: str = "n-1", **kw) -> NewNote:
    fields = dict(
        uid=uid,
        meeting_id=7,
        kind=NoteKind.ACTION,
        text="send Ada the staff-engineer rubric — “by Friday” ✅",
        tags=("career", "promo"),
        elapsed_seconds=612.25,
        segment_index=2,
        asked_question_id=41,
        created_at=T0 + timedelta(minutes=10),
        action_owner=Owner.ME,
        action_due=date(2026, 11, 27),
    )
    fields.update(kw)
    return NewNote(**fields)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pending(journal: Journal) -> list[dict]:
    return Journal(journal.path).read().pending()


def with_jid(entry: dict, jid: str) -> dict:
    return {**entry, "jid": jid}


# --- entries -----------------------------------------------------------------


def test_note_entry_round_trip_keeps_every_field():
    note = full_note()
    entry = note_to_entry(note)
    assert entry["type"] == "note"
    # what goes to disk is plain JSON and comes back equal
    assert entry_to_note(json.loads(json.dumps(entry))) == note


@pytest.mark.parametrize(
    "note",
    [
        full_note(kind=NoteKind.QUOTE, action_owner=None, action_due=None, tags=()),
        full_note(segment_index=None, asked_question_id=None, elapsed_seconds=0.0),
        full_note(action_owner=Owner.THEM, action_due=None),
        full_note(created_at=None),  # refused by the Store later, but must not crash replay
    ],
    ids=["quote-no-action", "no-segment-no-question", "them-no-due", "no-created-at"],
)
def test_note_entry_round_trip_with_empty_fields(note):
    assert entry_to_note(json.loads(json.dumps(note_to_entry(note)))) == note


def test_draft_entry_is_plain_json():
    entry = json.loads(json.dumps(draft_entry(3, "half a thought", T0)))
    assert entry == {
        "type": "draft",
        "meeting_id": 3,
        "text": "half a thought",
        "at": T0.isoformat(),
    }
    assert datetime.fromisoformat(entry["at"]) == T0


# --- the file ------------------------------------------------------------------


def test_append_then_read_in_order_with_a_checksum_per_line(tmp_path, journal_sealing):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    assert not journal.has_entries()
    notes = [full_note(f"n-{i}", text=f"note {i}") for i in range(5)]
    journal.append(with_jid(note_to_entry(notes[0]), "j0"))
    journal.append(with_jid(draft_entry(7, "typing…", T0), "jd"))
    journal.append_many(with_jid(note_to_entry(n), f"j{i}") for i, n in enumerate(notes[1:], 1))

    read = journal.read()
    assert [e["type"] for e in read.entries] == ["note", "draft", "note", "note", "note", "note"]
    assert [entry_to_note(e) for e in read.entries if e["type"] == "note"] == notes
    assert read.bad == [] and read.done == set()
    for line in journal.path.read_bytes().splitlines():
        if journal_sealing == "sealed":  # sealed (authenticated): no text to read
            assert line.startswith(b"~") and b"note" not in line and b"typing" not in line
            continue
        crc, _, body = line.partition(b" ")
        assert len(crc) == 8 and json.loads(body)["jid"]


def test_done_entries_go_only_once_a_checkpoint_has_them(tmp_path):
    journal = Journal(tmp_path / "j")
    for i in range(4):
        journal.append(with_jid(note_to_entry(full_note(f"n-{i}")), f"j{i}"))
    journal.mark_done(["j0", "j2"])
    assert [e["uid"] for e in pending(journal)] == ["n-1", "n-3"]

    assert journal.compact(lambda: False) == 0  # still only in the write-ahead log
    assert len(journal.read().entries) == 4
    assert journal.compact(lambda: True) == 2
    read = journal.read()
    assert [e["uid"] for e in read.entries] == ["n-1", "n-3"] and read.done == set()
    journal.mark_done(["j1", "j3"])
    journal.compact(lambda: True)
    assert not journal.has_entries()


def test_journal_file_is_private_even_under_umask_022(tmp_path, umask_022):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    journal.append(note_to_entry(full_note()))
    assert mode(journal.path) == 0o600
    journal.mark_done(["x"])
    journal.compact(lambda: True)
    assert mode(journal.path) == 0o600


def test_an_existing_loose_journal_is_made_private(tmp_path, umask_022):
    path = tmp_path / "j"
    path.write_text("")
    path.chmod(0o644)
    Journal(path).append(draft_entry(1, "x", T0))
    assert mode(path) == 0o600


def test_a_torn_last_line_is_kept_aside_and_the_next_append_is_not_lost(tmp_path):
    journal = Journal(tmp_path / "j")
    journal.append(with_jid(note_to_entry(full_note("n-1")), "a"))
    with open(journal.path, "ab") as fh:  # a crash in the middle of an append
        fh.write(b'0badc0de {"type": "note", "uid": "torn", "te')
    journal.append(with_jid(note_to_entry(full_note("n-2")), "b"))

    read = journal.read()
    assert [e["uid"] for e in read.entries] == ["n-1", "n-2"]
    assert len(read.bad) == 1
    assert b'"torn"' in (tmp_path / "j.bad").read_bytes()
    assert mode(tmp_path / "j.bad") == 0o600


def test_a_damaged_line_is_reported_and_kept_aside_never_skipped_silently(
    tmp_path, journal_sealing
):
    journal = Journal(tmp_path / "j")
    for i in range(3):
        journal.append(with_jid(note_to_entry(full_note(f"n-{i}", text=f"line {i}")), f"j{i}"))
    lines = journal.path.read_bytes().split(b"\n")
    if journal_sealing == "sealed":  # one byte of the sealed text changed
        flipped = lines[1][:40] + (b"A" if lines[1][40:41] != b"A" else b"B") + lines[1][41:]
    else:
        flipped = lines[1].replace(b"line 1", b"line X")
    lines[1] = flipped
    journal.path.write_bytes(b"\n".join(lines))

    read = journal.read()
    assert [e["uid"] for e in read.entries] == ["n-0", "n-2"]
    assert read.bad == [flipped]
    assert flipped in (tmp_path / "j.bad").read_bytes()
    journal.read()  # reading again doesn't copy it twice
    assert (tmp_path / "j.bad").read_bytes().count(flipped) == 1


def test_plain_json_lines_from_before_checksums_are_still_read(tmp_path):
    path = tmp_path / "j"
    path.write_text(json.dumps(note_to_entry(full_note("old"))) + "\n")
    assert [e["uid"] for e in Journal(path).read().entries] == ["old"]


def test_a_planted_symlink_is_refused_and_its_target_untouched(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o644)
    path = tmp_path / "tui1on1.db.journal"
    path.symlink_to(victim)
    with pytest.raises(JournalRefused, match="symlink"):
        Journal(path).append(note_to_entry(full_note()))
    assert victim.read_text() == "precious" and mode(victim) == 0o644
    assert not Journal(path).has_entries()


def test_a_fifo_in_its_place_is_refused_without_hanging(tmp_path):
    path = tmp_path / "j"
    os.mkfifo(path)
    with pytest.raises(JournalRefused, match="plain file"):
        Journal(path).append(note_to_entry(full_note()))


def test_a_journal_deleted_while_open_is_put_back_whole(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    journal = Journal(folder / "j")
    journal.append(with_jid(note_to_entry(full_note("before")), "a"))
    shutil.rmtree(folder)  # the data dir removed while the app runs
    journal.append(with_jid(note_to_entry(full_note("after")), "b"))
    assert [e["uid"] for e in Journal(folder / "j").read().entries] == ["before", "after"]
    assert mode(folder) == 0o700 and mode(folder / "j") == 0o600


def test_space_is_reserved_beyond_the_end(tmp_path):
    journal = Journal(tmp_path / "j")
    journal.append(note_to_entry(full_note()))
    size = journal.path.stat().st_size
    assert journal.reserve(1 << 20)
    info = journal.path.stat()
    assert info.st_size == size  # appends still go at the end
    assert info.st_blocks * 512 >= 1 << 20


def test_two_journal_objects_on_one_file_share_it(tmp_path):
    path = tmp_path / "j"
    first, second = Journal(path), Journal(path)
    first.append(with_jid(note_to_entry(full_note("a")), "a"))
    second.append(with_jid(note_to_entry(full_note("b")), "b"))
    first.append(with_jid(note_to_entry(full_note("c")), "c"))
    assert [e["uid"] for e in second.read().entries] == ["a", "b", "c"]
    second.mark_done(["a", "b", "c"])
    first.compact(lambda: True)
    assert not second.has_entries()


def test_drop_meeting_keeps_the_others_in_order(tmp_path):
    journal = Journal(tmp_path / "j")
    journal.append(with_jid(note_to_entry(full_note("a", meeting_id=1)), "a"))
    journal.append(with_jid(note_to_entry(full_note("b", meeting_id=2)), "b"))
    journal.append(with_jid(note_to_entry(full_note("c", meeting_id=1)), "c"))
    assert journal.drop_meeting(1) == 2
    assert [e["uid"] for e in journal.read().entries] == ["b"]


# --- where it lives --------------------------------------------------------------


def test_journal_path_for_a_sqlite_file_sits_next_to_it(tmp_path):
    db_file = tmp_path / "data" / "tui1on1.db"
    assert journal_path_for(db_file, tmp_path / "elsewhere", "sqlite:///x") == (
        tmp_path / "data" / "tui1on1.db.journal"
    )
    other = tmp_path / "work.sqlite"
    assert journal_path_for(other, tmp_path, "sqlite:///y").name == "work.sqlite.journal"


def test_journal_path_for_a_server_is_in_the_data_dir_one_per_database(tmp_path):
    a = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/team")
    again = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/team")
    b = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/other")
    assert a == again
    assert a != b
    assert a.parent == tmp_path and b.parent == tmp_path
    assert a.name.startswith("recovery-") and a.name.endswith(".journal")
    assert "bob" not in a.name and "team" not in a.name


def test_a_killed_writers_mark_is_swept_and_a_running_ones_kept(tmp_path):
    from tui1on1.storage.journal_owners import JournalOwners

    path = tmp_path / "tui1on1.db.journal"
    (tmp_path / "tui1on1.db.journal.live-dead0").write_bytes(b"")  # killed before release
    running = JournalOwners(path)
    running.claim("a11ce")
    me = JournalOwners(path)
    me.claim("0e")
    me.sweep()
    marks = sorted(p.name for p in tmp_path.iterdir() if ".live-" in p.name)
    assert marks == ["tui1on1.db.journal.live-0e", "tui1on1.db.journal.live-a11ce"]
    me.release()
    running.release()
    assert not any(".live-" in p.name for p in tmp_path.iterdir())


def test_a_rewrite_cut_short_by_a_crash_loses_nothing(tmp_path):
    """The new content is fsynced beside the journal before the journal is
    truncated: a crash between the two leaves it there, and it is read."""
    journal = Journal(tmp_path / "j")
    for i in range(3):
        journal.append(with_jid(note_to_entry(full_note(f"n-{i}")), f"j{i}"))
    content = journal.path.read_bytes()
    (tmp_path / "j.rewrite").write_bytes(content)  # written and fsynced, then…
    journal.path.write_bytes(b"")  # …the crash, right after the truncate
    again = Journal(tmp_path / "j")
    assert again.has_entries()
    assert [e["uid"] for e in again.read().entries] == ["n-0", "n-1", "n-2"]
    again.append(with_jid(note_to_entry(full_note("n-3")), "j3"))
    again.mark_done(["j0"])
    again.compact(lambda: True)  # the next rewrite finishes the job
    assert not (tmp_path / "j.rewrite").exists()
    assert [e["uid"] for e in again.read().entries] == ["n-1", "n-2", "n-3"]
