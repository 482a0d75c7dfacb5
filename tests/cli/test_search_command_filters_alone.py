"""`tui1on1 search` with filters and no words: every note they let through,
newest first by when it was taken."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from cli_run import run
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def fill(url: str) -> None:
    store = Store.open(url)
    priya = store.add_person("Priya Raman", now=T0)
    bob = store.add_person("Bob Ross", now=T0)
    uids = iter(range(100))

    def meeting(person, day):
        started, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30,
                                         now=T0 + timedelta(days=day))  # fmt: skip
        return started

    def note(meeting, day, minute, kind, text, tags=()):
        store.add_note(
            NewNote(uid=f"n{next(uids)}", meeting_id=meeting.id, kind=kind, text=text,
                    tags=tags, created_at=T0 + timedelta(days=day, minutes=minute))
        )  # fmt: skip

    late, early, bobs = meeting(priya, 7), meeting(priya, 0), meeting(bob, 3)
    # Saved late week first: newest first must go by when a note was taken.
    note(late, 7, 5, NoteKind.QUOTE, "I want to lead the platform team", ("growth",))
    note(early, 0, 5, NoteKind.QUOTE, "on-call taught me the most")
    note(early, 0, 6, NoteKind.NOTE, "asked about the roadmap", ("growth",))
    note(bobs, 3, 5, NoteKind.QUOTE, "ship it")
    store.close()


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'alone.db'}"
    fill(url)
    return url


def test_all_of_priyas_quotes_with_no_words(capsys, url):
    code, out, err = run(capsys, "--db", url, "search", "--kind", "quote", "--person", "priya")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "2026-11-27  Priya Raman  quote     I want to lead the platform team",
        "2026-11-20  Priya Raman  quote     on-call taught me the most",
    ]
    # An empty QUERY is the same as none.
    assert run(capsys, "--db", url, "search", "--kind", "quote", "--person", "priya", "") == (
        0,
        out,
        "",
    )


def test_each_filter_alone(capsys, url):
    code, out, _ = run(capsys, "--db", url, "search", "--tag", "#growth")
    assert code == 0 and out.splitlines() == [
        "2026-11-27  Priya Raman  quote     I want to lead the platform team",
        "2026-11-20  Priya Raman  note      asked about the roadmap",
    ]
    code, out, _ = run(capsys, "--db", url, "search", "--kind", "quote", "")
    assert code == 0 and [line[:10] for line in out.splitlines()] == [
        "2026-11-27",
        "2026-11-23",
        "2026-11-20",
    ]
    code, out, _ = run(
        capsys, "--db", url, "search", "--since", "2026-11-21", "--until", "2026-11-26"
    )
    assert code == 0 and out.splitlines() == ["2026-11-23  Bob Ross  quote     ship it"]


def test_filters_alone_as_json(capsys, url):
    code, out, err = run(capsys, "--db", url, "search", "--person", "bob", "--json")
    assert (code, err) == (0, "")
    assert [(h["person"], h["kind"], h["text"]) for h in json.loads(out)] == [
        ("Bob Ross", "quote", "ship it")
    ]


def test_filters_that_let_nothing_through_say_so(capsys, url):
    code, out, err = run(capsys, "--db", url, "search", "--kind", "win", "--person", "Priya Raman")
    assert (code, out) == (0, "")
    assert err == "no notes match --person 'Priya Raman' --kind win\n"
    code, out, err = run(capsys, "--db", url, "search", "lead", "--person", "bob")
    assert (code, out, err) == (0, "", "no notes match 'lead' with --person bob\n")


def test_the_limit_keeps_the_newest(capsys, url):
    code, out, err = run(capsys, "--db", url, "search", "--kind", "quote", "--limit", "1")
    assert code == 0
    assert out.splitlines() == [
        "2026-11-27  Priya Raman  quote     I want to lead the platform team"
    ]
    assert "the newest 1 shown" in err


def test_neither_words_nor_filters_is_a_usage_error(capsys, url):
    code, out, err = run(capsys, "--db", url, "search")
    assert (code, out) == (2, "")
    assert err == (
        "tui1on1: give words to search for, or a filter "
        "(--person, --kind, --tag, --since, --until)\n"
    )
