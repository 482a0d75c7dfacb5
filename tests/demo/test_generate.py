"""The demo history: deterministic, realistic, consistent, and importable."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from tui1on1.demo import generate, iter_people, slot_words
from tui1on1.domain.grammar import extract_tags
from tui1on1.domain.kinds import CareerElement, NoteKind
from tui1on1.domain.prompts import RECENT_MEETINGS
from tui1on1.questions import load_bank, load_playbooks

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
CADENCES = {"FREQ=WEEKLY": 7, "FREQ=WEEKLY;INTERVAL=2": 14}


@pytest.fixture(scope="module")
def doc() -> dict:
    return generate(now=NOW)


@pytest.fixture(scope="module")
def bank():
    return load_bank().questions


@pytest.fixture(scope="module")
def playbooks():
    return load_playbooks()[0]


def t(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0), value
    return moment


def meetings(doc: dict):
    for person in doc["people"]:
        for meeting in person["meetings"]:
            yield person, meeting


def notes(doc: dict):
    for person, meeting in meetings(doc):
        for note in meeting["notes"]:
            yield person, meeting, note


def clock_minutes(meeting: dict) -> float:
    paused = sum(
        (t(p["resumed_at"]) - t(p["paused_at"])).total_seconds() for p in meeting["pauses"]
    )
    return ((t(meeting["ended_at"]) - t(meeting["started_at"])).total_seconds() - paused) / 60


# --- shape and determinism ------------------------------------------------------


def test_same_seed_same_document_other_seed_other_document(doc: dict) -> None:
    again = generate(now=NOW)
    assert json.dumps(again, sort_keys=True) == json.dumps(doc, sort_keys=True)
    other = generate(now=NOW, seed=8)
    assert [p["name"] for p in other["people"]] != [p["name"] for p in doc["people"]]


def test_iter_people_yields_the_same_people() -> None:
    args = {"people": 3, "weeks": 6, "notes_per_meeting": (2, 4), "seed": 3, "now": NOW}
    assert list(iter_people(**args)) == generate(**args)["people"]


def test_header_and_json_ready(doc: dict) -> None:
    assert doc["format"] == "tui1on1-export" and doc["version"] == 1
    assert t(doc["exported_at"]) == NOW
    json.dumps(doc, ensure_ascii=True)  # plain JSON types only


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        generate(now=datetime(2026, 11, 20, 12))


def test_sizes_follow_the_arguments() -> None:
    small = generate(people=2, weeks=3, notes_per_meeting=(1, 1), now=NOW)
    assert len(small["people"]) == 2
    assert all(len(m["notes"]) == 1 for _p, m in meetings(small))
    assert all(t(m["started_at"]) >= NOW - timedelta(weeks=3) for _p, m in meetings(small))
    assert all(p["meetings"] == [] for p in generate(weeks=0, now=NOW)["people"])


def test_people(doc: dict, playbooks: dict) -> None:
    people = doc["people"]
    assert len(people) == 5
    assert len({p["name"].casefold() for p in people}) == 5
    relationships = Counter(p["relationship"] for p in people)
    assert relationships["report"] == 4
    assert relationships["manager"] + relationships["skip-level"] == 1
    for person in people:
        assert len(person["name"].split()) == 2 and person["role"]
        assert person["cadence"] in CADENCES
        assert person["default_playbook"] in playbooks
        assert not person["archived"]
        assert t(person["created_at"]) < t(person["meetings"][0]["started_at"])
        up = person["relationship"] != "report"
        assert (person["default_playbook"] == "managing-up") == up


def test_a_big_roster_has_a_joiner_a_leaver_and_both_managers() -> None:
    big = generate(people=25, weeks=20, notes_per_meeting=(1, 2), now=NOW)
    people = big["people"]
    assert len({p["name"].casefold() for p in people}) == 25
    assert Counter(p["relationship"] for p in people) == {
        "report": 23,
        "manager": 1,
        "skip-level": 1,
    }
    archived = [p for p in people if p["archived"]]
    assert len(archived) == 1
    assert t(archived[0]["meetings"][-1]["ended_at"]) < NOW - timedelta(weeks=2)
    firsts = sorted(t(p["meetings"][0]["started_at"]) for p in people)
    assert firsts[-1] - firsts[0] > timedelta(weeks=4)  # someone joined later


# --- time -----------------------------------------------------------------------


def test_meetings_are_ended_in_the_past_and_in_order(doc: dict) -> None:
    for person in doc["people"]:
        starts = [t(m["started_at"]) for m in person["meetings"]]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        gaps = [(b - a).days for a, b in pairwise(starts)]
        interval = CADENCES[person["cadence"]]
        assert all(gap >= interval - 2 for gap in gaps)
        assert any(gap >= 2 * interval - 2 for gap in gaps), "a few 1:1s are skipped"
        assert t(person["meetings"][0]["started_at"]) >= NOW - timedelta(weeks=52, days=1)
    for _person, meeting in meetings(doc):
        assert meeting["status"] == "ended" and meeting["draft"] is None
        assert t(meeting["started_at"]) < t(meeting["ended_at"]) <= NOW
        assert meeting["planned_minutes"] == 30


def test_lengths_pauses_and_overtime(doc: dict) -> None:
    lengths = [clock_minutes(m) for _p, m in meetings(doc)]
    assert all(25 <= length <= 38 for length in lengths)
    assert 0 < sum(length > 30 for length in lengths) < len(lengths) / 4
    paused = [m for _p, m in meetings(doc) if m["pauses"]]
    assert 0 < len(paused) < len(lengths) / 3
    for meeting in paused:
        (pause,) = meeting["pauses"]
        assert t(meeting["started_at"]) < t(pause["paused_at"]) < t(pause["resumed_at"])
        assert t(pause["resumed_at"]) < t(meeting["ended_at"])


def test_segments_follow_the_playbook_back_to_back(doc: dict, playbooks: dict) -> None:
    used = Counter()
    for _person, meeting in meetings(doc):
        playbook = playbooks[meeting["playbook"]]
        used[playbook.slug] += 1
        segments = meeting["segments"]
        assert [s["title"] for s in segments] == [s.title for s in playbook.segments]
        assert [s["index"] for s in segments] == list(range(len(segments)))
        assert segments[0]["started_at"] == meeting["started_at"]
        assert segments[-1]["ended_at"] == meeting["ended_at"]
        for a, b in pairwise(segments):
            assert a["ended_at"] == b["started_at"]
        assert all(t(s["started_at"]) < t(s["ended_at"]) for s in segments)
    assert used.keys() >= {"first", "weekly", "managing-up", "quarterly"}


def test_notes_are_timed_inside_their_meeting(doc: dict) -> None:
    for _person, meeting in meetings(doc):
        start, end = t(meeting["started_at"]), t(meeting["ended_at"])
        created = [t(n["created_at"]) for n in meeting["notes"]]
        assert created == sorted(created) and len(set(created)) == len(created)
        assert all(start < c < end for c in created)
        elapsed = [n["elapsed_seconds"] for n in meeting["notes"]]
        assert elapsed == sorted(elapsed)
        for note in meeting["notes"]:
            segment = meeting["segments"][note["segment_index"]]
            assert t(segment["started_at"]) <= t(note["created_at"]) <= t(segment["ended_at"])
            for field in ("edited_at", "deleted_at"):
                if note[field]:
                    assert t(note["created_at"]) <= t(note[field]) <= end
        asked = [t(q["asked_at"]) for q in meeting["asked_questions"]]
        assert asked == sorted(asked) and all(start < a < end for a in asked)


# --- questions --------------------------------------------------------------------


def test_questions_are_real_suited_and_in_the_segments_categories(
    doc: dict, bank: dict, playbooks: dict
) -> None:
    for person, meeting in meetings(doc):
        asked = meeting["asked_questions"]
        assert 2 <= len(asked) <= 5
        assert [q["key"] for q in asked] == [f"q{i}" for i in range(1, len(asked) + 1)]
        assert len({q["slug"] for q in asked}) == len(asked)
        playbook = playbooks[meeting["playbook"]]
        for q in asked:
            question = bank[q["slug"]]
            assert q["text"] == question.text
            assert question.suits(person["relationship"])
            when = t(q["asked_at"])
            (index,) = [
                s["index"]
                for s in meeting["segments"]
                if t(s["started_at"]) <= when < t(s["ended_at"])
            ]
            assert question.category in playbook.segments[index].categories
            assert q["pause_seconds"] is None or 0 < q["pause_seconds"] <= 8
            assert q["followups"] >= 0


def test_no_question_comes_back_within_three_meetings(doc: dict) -> None:
    for person in doc["people"]:
        last: dict[str, int] = {}
        for index, meeting in enumerate(person["meetings"]):
            for q in meeting["asked_questions"]:
                if q["slug"] in last:
                    assert index - last[q["slug"]] > RECENT_MEETINGS, (person["name"], q["slug"])
                last[q["slug"]] = index


def segment_of(meeting: dict, when: datetime) -> int:
    (index,) = [
        s["index"]
        for s in meeting["segments"]
        if t(s["started_at"]) <= when < t(s["ended_at"])
        or (s is meeting["segments"][-1] and when == t(s["ended_at"]))
    ]
    return index


def answer_kind(note: dict, category: str) -> bool:
    if note["kind"] in ("note", "quote"):
        return True
    owner = (note["action"] or {}).get("owner")
    return category == "plan" and (note["kind"] == "decision" or owner == "them")


def test_only_answers_link_to_the_question_asked_just_before_in_its_segment(
    doc: dict, bank: dict
) -> None:
    """The app's rule: a note answers the last question asked before it in its
    own segment; the demo links only notes that read as an answer, so parked
    topics, concerns, open questions, wins and my own reminders stay unlinked."""
    linked = Counter()
    unlinked_during_answers = Counter()
    for _person, meeting in meetings(doc):
        asked = [(q, segment_of(meeting, t(q["asked_at"]))) for q in meeting["asked_questions"]]
        for note in meeting["notes"]:
            before = [
                q
                for q, segment in asked
                if segment == note["segment_index"]
                and q["elapsed_seconds"] < note["elapsed_seconds"]
                and t(q["asked_at"]) < t(note["created_at"])
            ]
            open_question = before[-1] if before else None
            category = bank[open_question["slug"]].category if open_question else ""
            if open_question is not None and answer_kind(note, category):
                assert note["asked_question"] == open_question["key"], note["text"]
                # after a Why? follow-up (ctrl+y) the answer is the why's
                why = note.get("answers_why") and CareerElement.WHY
                linked[why or bank[open_question["slug"]].element] += 1
            else:
                assert note["asked_question"] is None, note["text"]
                if open_question is not None:
                    unlinked_during_answers[note["kind"]] += 1
    assert sum(linked.values()) > 500
    # the career thread has answers for each of its elements
    assert all(linked[element] > 10 for element in CareerElement), linked
    # what the manager typed meanwhile that isn't an answer stays out of it
    assert {"parked", "concern", "question", "action"} <= set(unlinked_during_answers)


# --- notes and actions ----------------------------------------------------------------


def test_every_kind_of_note_and_tags(doc: dict) -> None:
    kinds = Counter(n["kind"] for _p, _m, n in notes(doc))
    assert set(kinds) == {k.value for k in NoteKind}
    assert kinds["note"] == max(kinds.values())
    tags = Counter()
    for _person, _meeting, note in notes(doc):
        assert note["tags"] == list(extract_tags(note["text"]))
        tags.update(note["tags"])
        assert (note["action"] is not None) == (note["kind"] == "action")
    assert {"career", "growth", "oncall"} <= set(tags)
    uids = [n["uid"] for _p, _m, n in notes(doc)]
    assert len(set(uids)) == len(uids) and all(len(u) == 32 for u in uids)
    edited = sum(bool(n["edited_at"]) for _p, _m, n in notes(doc))
    deleted = sum(bool(n["deleted_at"]) for _p, _m, n in notes(doc))
    assert 0 < deleted < edited < len(uids) / 10


def test_actions_have_sensible_statuses(doc: dict) -> None:
    statuses = Counter()
    owners = Counter()
    old_open = old = overdue = 0
    for person in doc["people"]:
        starts = {m["started_at"]: m for m in person["meetings"]}
        for meeting in person["meetings"]:
            for note in meeting["notes"]:
                action = note["action"]
                if action is None:
                    continue
                statuses[action["status"]] += 1
                owners[action["owner"]] += 1
                created = t(action["created_at"])
                assert action["created_at"] == note["created_at"]
                if action["due"]:
                    assert date.fromisoformat(action["due"]) > t(meeting["started_at"]).date()
                if action["status"] == "open":
                    assert action["closed_at"] is None and action["closed_in_meeting"] is None
                    overdue += bool(action["due"]) and action["due"] < NOW.date().isoformat()
                else:
                    closed = t(action["closed_at"])
                    assert created < closed <= NOW
                    if action["closed_in_meeting"] is not None:
                        later = starts[action["closed_in_meeting"]]
                        assert t(later["started_at"]) > t(meeting["started_at"])
                        assert t(later["started_at"]) <= closed <= t(later["ended_at"])
                if created < NOW - timedelta(weeks=8):
                    old += 1
                    old_open += action["status"] == "open"
    assert set(statuses) == {"open", "done", "dropped"}
    assert statuses["done"] > 5 * (statuses["dropped"] + statuses["open"]) / 2
    assert set(owners) == {"me", "them"}
    assert 0 < old_open < old / 10, "most older actions are closed, a few stay open"
    assert overdue >= 3


# --- text ---------------------------------------------------------------------------


def all_texts(doc: dict) -> list[str]:
    texts = [n["text"] for _p, _m, n in notes(doc)]
    texts += [m["summary"] for _p, m in meetings(doc) if m["summary"]]
    texts += [p["text"] for person in doc["people"] for p in person.get("talking_points", [])]
    return texts


def test_text_reads_like_notes_and_rarely_repeats(doc: dict) -> None:
    texts = [n["text"] for _p, _m, n in notes(doc)]
    assert len(set(texts)) > 0.8 * len(texts)
    for text in all_texts(doc):
        assert "{" not in text and "}" not in text, text
        assert not re.search(r"\b(\w+) \1\b", text, re.I), text
        assert text == text.strip() and 3 <= len(text) <= 200
        assert "lorem" not in text.lower()
    # a person's own story holds: the same aspiration comes up more than once
    person = doc["people"][0]
    texts = " ".join(n["text"] for m in person["meetings"] for n in m["notes"])
    mentioned = Counter({role: texts.count(role) for role in slot_words.SLOTS["role_aspired"]})
    (_role, most), (_other, next_most) = mentioned.most_common(2)
    assert most >= 3 and most > next_most


def _words(text: str) -> tuple[str, ...]:
    text = text.lower().replace("’", "'").replace("'", "")
    return tuple(re.findall(r"[a-z0-9]+", text))


def _runs(found: tuple[str, ...], n: int = 8) -> set[tuple[str, ...]]:
    return {found[i : i + n] for i in range(len(found) - n + 1)}


def test_no_text_copied_from_the_seeds(doc: dict) -> None:
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS}")
    seed_runs: set[tuple[str, ...]] = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= _runs(_words(path.read_text(encoding="utf-8", errors="replace")))
    for text in set(all_texts(doc)):
        copied = _runs(_words(text)) & seed_runs
        assert not copied, f"{text!r}: {' '.join(sorted(copied)[0])!r} comes from a seed article"


# --- into a database --------------------------------------------------------------------


def test_imports_into_sqlite_with_the_expected_counts(doc: dict, sqlite_url: str, bank) -> None:
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import import_data

    store = Store.open(sqlite_url)
    try:
        report = import_data(store, doc)
        all_notes = [n for _p, _m, n in notes(doc)]
        assert report.people_added == 5
        assert report.meetings_added == sum(1 for _ in meetings(doc))
        assert report.notes_added == len(all_notes)
        assert report.actions_added == sum(n["kind"] == "action" for n in all_notes)
        assert report.questions_added == sum(len(m["asked_questions"]) for _p, m in meetings(doc))
        assert report.ended_live == []
        people = store.list_people()
        assert sorted(p.name for p in people) == sorted(p["name"] for p in doc["people"])
        elements = {slug: question.element for slug, question in bank.items()}
        threads = [
            store.career_thread(p.id, elements) for p in people if p.relationship == "report"
        ]
        # someone who met all year has said something for every element
        assert max(len(thread.timelines) for thread in threads) == len(CareerElement)
        for thread in threads:
            for element, entries in thread.timelines.items():
                assert entries and all(e.element is element for e in entries)
                assert thread.current(element) is entries[0]
        again = import_data(store, doc)  # importing twice adds nothing
        assert not again.added_anything
    finally:
        store.close()


def test_reports_have_exposure_and_a_bench_with_a_gap(doc: dict) -> None:
    """The team view and `bench` have something true-looking to show: every
    report was given exposure (typed in a 1:1 or logged), the manager's role
    and most reports' have someone, and at least one role has no one ready."""
    reports = [p for p in doc["people"] if p["relationship"] == "report"]
    names = {p["name"] for p in reports}
    for person in reports:
        typed = [n for m in person["meetings"] for n in m["notes"] if n["kind"] == "exposure"]
        assert typed or person["exposures"], person["name"]
        for logged in person["exposures"]:
            assert logged["on"] < NOW.date().isoformat()
    backfills = [(p["name"], b) for p in reports for b in p["backfills"]]
    assert any(b["for"] is None for _name, b in backfills)  # someone for my role
    holders = {b["for"] for _name, b in backfills if b["readiness"] in ("now", "year")}
    assert names - holders  # a role with no one ready
    assert all(b["for"] in names | {None} and b["for"] != name for name, b in backfills)


def test_the_pauses_held_are_mostly_full_some_cut_short_some_untimed(doc: dict) -> None:
    """The mirror's "how you listen" has something true to say about the demo:
    most questions waited out, some talked over within 3 s, some untimed."""
    pauses = [a["pause_seconds"] for _p, m in meetings(doc) for a in m["asked_questions"]]
    timed = [p for p in pauses if p is not None]
    short = [p for p in timed if p < 3]
    assert len(timed) / 20 < len(short) < len(timed) / 4  # 1 in 36 before: a quiet flatterer
    assert len(timed) < len(pauses)
