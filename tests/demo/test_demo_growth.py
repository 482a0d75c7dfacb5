"""The demo's growth plans: most reports have one for what their career
thread says they want, made in their 1:1s (each change timed inside the
meeting it names), one report achieved an earlier plan, and someone new has
none yet; in the demo database `tui1on1 plan NAME` reads as a plan should."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from tui1on1.cli import plan_command
from tui1on1.demo import generate
from tui1on1.domain.career import first_line
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import import_data

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def doc() -> dict:
    return generate(now=NOW)


@pytest.fixture(scope="module")
def reports(doc: dict) -> list[dict]:
    return [p for p in doc["people"] if p["relationship"] == "report"]


@pytest.fixture(scope="module")
def db(doc: dict, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    store = Store.open(url)
    try:
        report = import_data(store, doc)
        assert report.plan_events_added == sum(len(p.get("plan_events", [])) for p in doc["people"])
    finally:
        store.close()
    return url


def t(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_most_reports_have_a_plan_and_someone_new_has_none(reports: list[dict]) -> None:
    planned = [p["name"] for p in reports if p["plan_events"]]
    assert len(reports) - 1 == len(planned)
    [unplanned] = [p for p in reports if not p["plan_events"]]
    first_met = t(unplanned["meetings"][0]["started_at"])
    assert all(t(p["meetings"][0]["started_at"]) < first_met for p in reports if p["plan_events"])


def test_each_change_is_made_inside_a_meeting_it_names(reports: list[dict]) -> None:
    for person in reports:
        meetings = {m["started_at"]: m for m in person["meetings"]}
        events = person["plan_events"]
        assert [e["at"] for e in events] == sorted(e["at"] for e in events)
        for event in events:
            meeting = meetings[event["changed_in_meeting"]]
            assert t(meeting["started_at"]) <= t(event["at"]) <= t(meeting["ended_at"])
            assert t(event["at"]) < NOW


def test_a_goal_serves_what_they_said_they_want_and_options_follow(reports: list[dict]) -> None:
    for person in (p for p in reports if p["plan_events"]):
        said = {first_line(n["text"]) for m in person["meetings"] for n in m["notes"]}
        goals = [e for e in person["plan_events"] if e["op"] == "goal"]
        assert goals and all(g["aspiration"] in said and g["text"] for g in goals)
        latest = person["plan_events"].index(goals[-1])
        after = person["plan_events"][latest:]
        options = [e["uid"] for e in after if e["op"] == "option"]
        assert 2 <= len(options) <= 3
        picked = [e for e in after if e["op"] == "pick"]
        dropped = [e for e in after if e["op"] == "drop"]
        assert len(picked) == len(dropped) == 1
        assert picked[0]["target"] in options and dropped[0]["target"] in options
        assert picked[0]["target"] != dropped[0]["target"]
        assert 7 <= (t(picked[0]["at"]) - t(goals[-1]["at"])).days <= 21
        marks = [(e["status"], bool(e["text"])) for e in after if e["op"] == "status"]
        assert marks[:2] == [("on_track", marks[0][1]), ("slipping", True)]


def test_one_report_achieved_an_earlier_plan(reports: list[dict]) -> None:
    [person] = [p for p in reports if sum(e["op"] == "goal" for e in p["plan_events"]) == 2]
    ops = [(e["op"], e["status"]) for e in person["plan_events"]]
    achieved = ops.index(("status", "achieved"))
    assert ops.index(("goal", None)) < achieved < len(ops) - 1 - ops[::-1].index(("goal", None))


def test_the_plan_command_reads_the_demo_plans(
    db: str, reports: list[dict], cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_command, "now", lambda: NOW)
    for person in reports:
        shown = cli("--db", db, "plan", person["name"])
        assert shown.returncode == 0, shown.stderr
        lines = shown.stdout.splitlines()
        if not person["plan_events"]:
            assert lines[1].startswith("No growth plan yet.")
            continue
        assert lines[1].startswith("Goal: ")
        assert lines[3].startswith("  for what they want: ")
        options = [line for line in lines if re.match(r"    \d\. ", line)]
        assert 2 <= len(options) <= 3
        assert sum(line.endswith("(agreed)") for line in options) == 1
        assert sum(line.endswith("(set aside)") for line in options) == 1
        assert any(line.startswith("  steps:") for line in lines)
        [history] = [line for line in lines if line.startswith("  over time: ")]
        assert " started · " in history and "slipping: " in history
        plans = json.loads(cli("--db", db, "plan", person["name"], "--json").stdout)["plans"]
        assert plans[0]["open"] and [p["open"] for p in plans[1:]] == [False] * (len(plans) - 1)
        if len(plans) == 2:
            assert "Earlier plans:" in lines and plans[1]["status"] == "achieved"
