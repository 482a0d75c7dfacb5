"""The demo's talking points: each report's and mine, jotted between 1:1s and
dealt with in the next one, a few still waiting; so the mirror's "their
talking points" has something to say on the demo, as `tui1on1 mirror` shows."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.cli import mirror_command
from tui1on1.demo import generate, people_words

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def doc() -> dict:
    return generate(now=NOW)


def points_of(person: dict) -> list[dict]:
    return person.get("talking_points", [])  # a report's; nobody else has the key


def t(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_every_report_raises_points_and_so_do_i_each_dealt_with_in_a_1on1(doc: dict) -> None:
    reports = [p for p in doc["people"] if p["relationship"] == "report"]
    firsts = {p["name"].split()[0] for p in reports}
    assert not [p for p in doc["people"] if p["relationship"] != "report" and points_of(p)]
    habits = set()
    for person in reports:
        points = points_of(person)
        theirs = sum(not p["mine"] for p in points)
        assert theirs and len(points) - theirs, person["name"]
        habits.add(round(theirs / len(points), 1))
        meetings = {m["started_at"]: m for m in person["meetings"]}
        last = max(t(m["ended_at"]) for m in meetings.values())
        for point in points:
            created = t(point["created_at"])
            assert created < NOW and "{" not in point["text"]
            named = {w for w in point["text"].split() if w in people_words.FIRST_NAMES}
            assert named <= firsts - {person["name"].split()[0]}, point["text"]  # a teammate
            if point["resolved_at"] is None:  # still waiting: jotted since the last 1:1
                assert point["resolved_in_meeting"] is None and created > last
                continue
            meeting = meetings[point["resolved_in_meeting"]]
            resolved = t(point["resolved_at"])
            assert created < t(meeting["started_at"]) <= resolved <= t(meeting["ended_at"])
            first = meeting["segments"][0]
            if not point["mine"]:  # theirs first, in the first segment
                assert resolved <= t(first["ended_at"])
    assert len(habits) > 1  # some bring their own agenda more than others


def test_the_points_are_the_same_for_the_same_seed_and_the_rest_of_the_year_unchanged(
    doc: dict,
) -> None:
    again = generate(now=NOW)
    assert [points_of(p) for p in again["people"]] == [points_of(p) for p in doc["people"]]
    other = generate(now=NOW, seed=8)
    assert [points_of(p) for p in other["people"]] != [points_of(p) for p in doc["people"]]


def test_the_demo_mirror_shows_their_talking_points_against_mine(
    doc: dict, sqlite_url: str, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import import_data

    store = Store.open(sqlite_url)
    try:
        report = import_data(store, doc)
    finally:
        store.close()
    assert report.points_added == sum(len(points_of(p)) for p in doc["people"])
    monkeypatch.setattr(mirror_command, "now", lambda: NOW + timedelta(hours=1))
    out = json.loads(cli("--db", sqlite_url, "mirror", "--json").stdout)
    agenda = next(f for f in out["figures"] if f["figure"] == "agenda")
    theirs, mine = agenda["detail"]["theirs"], agenda["detail"]["mine"]
    assert theirs >= 3 and mine >= 3, agenda
    assert (
        agenda["shown"]
        == f"{theirs} theirs · {mine} yours ({theirs * 100 // (theirs + mine)}% theirs)"
    )
    assert sum(week is not None for week in agenda["weekly"]) >= 3
    text = cli("--db", sqlite_url, "mirror").stdout
    assert f"  {agenda['shown']}\n  {agenda['sentence']}\n" in text
