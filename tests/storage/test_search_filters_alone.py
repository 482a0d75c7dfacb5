"""Search with filters and no words: "all of Priya's quotes", "every #growth
note", newest first by when the note was taken. On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
_uids = itertools.count()


class Notes:
    """Priya and Bob, a meeting each on two days; notes named by a key."""

    def __init__(self, store) -> None:
        self.store = store
        self.priya = store.add_person("Priya Raman", now=T0)
        self.bob = store.add_person("Bob Ross", now=T0)
        self.ids: dict[str, int] = {}
        self.meetings = {}
        for person in (self.priya, self.bob):
            for day in (0, 7):
                meeting, _ = store.start_meeting(
                    person.id, playbook="weekly", planned_minutes=30, now=T0 + timedelta(days=day)
                )
                store.end_meeting(meeting.id, T0 + timedelta(days=day, minutes=30))
                self.meetings[person.id, day] = meeting

    def add(self, key, person, text, *, day=0, minute=5, kind=NoteKind.NOTE, tags=()):
        note, _ = self.store.add_note(
            NewNote(uid=f"alone-{next(_uids)}", meeting_id=self.meetings[person.id, day].id,
                    kind=kind, text=text, tags=tuple(tags),
                    created_at=T0 + timedelta(days=day, minutes=minute))
        )  # fmt: skip
        self.ids[key] = note.id

    def keys(self, hits) -> list[str]:
        by_id = {note_id: key for key, note_id in self.ids.items()}
        return [by_id[hit.note_id] for hit in hits]


@pytest.fixture
def notes(store) -> Notes:
    made = Notes(store)
    # Saved in this order (ids ascending), but not taken in this order: the
    # second week's notes were saved first (an import, a resumed meeting...).
    made.add("p-late-quote", made.priya, "I want to lead", day=7, kind=NoteKind.QUOTE)
    made.add("p-late-growth", made.priya, "mentoring plan", day=7, minute=9, tags=["growth"])
    made.add("p-early-quote", made.priya, "I like the on-call", kind=NoteKind.QUOTE)
    made.add("p-early-note", made.priya, "asked about the roadmap", minute=6)
    made.add("b-quote", made.bob, "ship it", kind=NoteKind.QUOTE, minute=7)
    made.add("b-growth", made.bob, "conference talk", day=7, minute=1, tags=["growth", "talks"])
    made.add("p-deleted", made.priya, "gone", day=7, minute=20, kind=NoteKind.QUOTE)
    store.delete_note(made.ids["p-deleted"], T0 + timedelta(days=7, minutes=21))
    return made


def test_all_of_one_persons_quotes_newest_taken_first(notes):
    hits = notes.store.search("", person_id=notes.priya.id, kinds=[NoteKind.QUOTE])
    assert notes.keys(hits) == ["p-late-quote", "p-early-quote"]
    assert [h.person_name for h in hits] == ["Priya Raman"] * 2
    assert hits[0].created_at == T0 + timedelta(days=7, minutes=5)


def test_each_filter_alone(notes):
    search = notes.store.search
    assert notes.keys(search("", person_id=notes.priya.id)) == [
        "p-late-growth", "p-late-quote", "p-early-note", "p-early-quote",
    ]  # fmt: skip
    assert notes.keys(search("", kinds=[NoteKind.QUOTE])) == [
        "p-late-quote", "b-quote", "p-early-quote",
    ]  # fmt: skip
    assert notes.keys(search("", tag="#growth")) == ["p-late-growth", "b-growth"]
    assert notes.keys(search("", tag="talks")) == ["b-growth"]
    assert notes.keys(search("", since=date(2026, 11, 27), tz=UTC)) == [
        "p-late-growth", "p-late-quote", "b-growth",
    ]  # fmt: skip
    assert notes.keys(search("", until=date(2026, 11, 20), tz=UTC)) == [
        "b-quote", "p-early-note", "p-early-quote",
    ]  # fmt: skip


def test_filters_combine_and_words_still_narrow(notes):
    search = notes.store.search
    assert notes.keys(search("", person_id=notes.bob.id, tag="growth")) == ["b-growth"]
    assert search("", person_id=notes.bob.id, kinds=[NoteKind.WIN]) == []
    # Text with no words in it is the same as none when filters are given.
    assert notes.keys(search("(*", kinds=[NoteKind.QUOTE], person_id=notes.bob.id)) == ["b-quote"]
    assert notes.keys(search("lead", person_id=notes.priya.id)) == ["p-late-quote"]


def test_no_words_and_no_filter_finds_nothing(notes):
    for query in ("", "   ", "(*", "🎉"):
        assert notes.store.search(query) == []
    assert notes.store.search("", kinds=[]) == []  # an empty set of kinds: nothing
    assert notes.store.search("", tag="#") == []  # a tag that can't be one


def test_limit_and_offset_page_through_newest_first(notes):
    search = notes.store.search
    everything = notes.keys(search("", since=date(2000, 1, 1)))
    assert everything == [
        "p-late-growth", "p-late-quote", "b-growth", "b-quote", "p-early-note", "p-early-quote",
    ]  # fmt: skip
    pages = [notes.keys(search("", since=date(2000, 1, 1), limit=4, offset=o)) for o in (0, 4)]
    assert pages == [everything[:4], everything[4:]]


def test_notes_taken_at_the_same_moment_come_newest_saved_first(notes):
    notes.add("same-1", notes.bob, "first of two", day=7, minute=30)
    notes.add("same-2", notes.bob, "second of two", day=7, minute=30)
    hits = notes.store.search("", person_id=notes.bob.id, since=date(2026, 11, 27), tz=UTC)
    assert notes.keys(hits) == ["same-2", "same-1", "b-growth"]
