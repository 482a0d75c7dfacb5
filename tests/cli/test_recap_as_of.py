"""A recap reads the same whenever it is made: two 1:1s a week apart, promises
done and dropped between them with `tui1on1 actions`, one reworded and
rescheduled in the second meeting, more changes after it → each meeting's
recap, exported a week later, is byte for byte what it was on its day."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import actions_command, recap_gather
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

FIRST = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday
BETWEEN = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
SECOND = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
WEEK_ON = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = FIRST
        monkeypatch.setattr(actions_command, "now", lambda: self.at)
        monkeypatch.setattr(recap_gather, "now", lambda: self.at)
        monkeypatch.setattr(recap_gather, "today", lambda: self.at.date())


def _meeting(
    store: Store, person_id: int, start: datetime, actions: list[tuple[str, Owner, date | None]]
):
    made, _ = store.start_meeting(person_id, playbook="weekly", planned_minutes=30, now=start)
    ids = {}
    for minute, (text, owner, due) in enumerate(actions, start=1):
        _, action = store.add_note(
            NewNote(uid=f"{start:%d}-{minute}", meeting_id=made.id, kind=NoteKind.ACTION,
                    text=text, elapsed_seconds=60.0 * minute,
                    created_at=start + timedelta(minutes=minute), action_owner=owner,
                    action_due=due)
        )  # fmt: skip
        assert action is not None
        ids[text] = action.id
    return made.id, ids


def _exports(cli, url: str, meetings: list[int]) -> list[str]:
    texts = []
    for meeting in meetings:
        for form in ("md", "json"):
            result = cli("--db", url, "export", "--meeting", str(meeting), "--format", form)
            assert (result.returncode, result.stderr) == (0, "")
            texts.append(result.stdout)
    recap = cli("--db", url, "recap", "ada")
    assert recap.returncode == 0
    return [*texts, recap.stdout]


FIRST_RECAP = """\
# 1:1 with Ada Lovelace — 2026-11-30 (Mon)

We met for 30 minutes.

## What I'll do

- book the offsite — by 2026-12-04 (Fri)
- intro to Sam

## What you'll do

- send the RFC draft
- share the roadmap — by 2026-12-09 (Wed)
- review the on-call rota
"""

SECOND_RECAP = """\
# 1:1 with Ada Lovelace — 2026-12-07 (Mon)

We met for 25 minutes.

## What I'll do

- ask about the conference budget — by 2026-12-11 (Fri)

## Done since last time

- You: send the RFC draft

## Dropped since last time

- Me: book the offsite

## Still open

- Me: intro to Sam
- You: share the final roadmap — by 2026-12-16 (Wed)
- You: review the on-call rota
"""


def test_a_recap_reads_the_same_a_week_later(tmp_path, monkeypatch, cli):
    clock = Clock(monkeypatch)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", role="Engineer")
    first, made = _meeting(store, ada.id, FIRST, [
        ("book the offsite", Owner.ME, date(2026, 12, 4)),
        ("intro to Sam", Owner.ME, None),
        ("send the RFC draft", Owner.THEM, None),
        ("share the roadmap", Owner.THEM, date(2026, 12, 9)),
        ("review the on-call rota", Owner.THEM, None),
        ("typo action", Owner.ME, None),
    ])  # fmt: skip
    typo = made["typo action"]
    store.set_action_status(typo, ActionStatus.DROPPED, meeting_id=first, at=FIRST)
    store.end_meeting(first, FIRST + timedelta(minutes=30))
    store.close()

    clock.at = BETWEEN

    def run(*argv: str) -> None:
        result = cli("--db", url, "actions", *argv)
        assert (result.returncode, result.stderr) == (0, ""), result

    run("done", str(made["send the RFC draft"]))
    run("drop", str(made["book the offsite"]), "--reason", "the team went remote")

    store = Store.open(url)
    second, _ = _meeting(store, ada.id, SECOND, [
        ("ask about the conference budget", Owner.ME, date(2026, 12, 11)),
    ])  # fmt: skip
    roadmap = made["share the roadmap"]
    at = SECOND + timedelta(minutes=10)
    store.reword_action(roadmap, "share the final roadmap", at=at, meeting_id=second)
    store.reschedule_action(roadmap, date(2026, 12, 16), at=at, meeting_id=second)
    store.end_meeting(second, SECOND + timedelta(minutes=25))
    store.close()

    clock.at = SECOND + timedelta(hours=1)
    on_the_day = _exports(cli, url, [first, second])
    assert on_the_day[0] == FIRST_RECAP
    assert on_the_day[2] == SECOND_RECAP
    assert on_the_day[4] == SECOND_RECAP  # `recap ada`: the latest meeting
    earlier = {a["text"]: a for a in json.loads(on_the_day[3])["earlier_actions"]}
    assert earlier["share the final roadmap"]["due"] == "2026-12-16"
    assert earlier["book the offsite"]["drop_reason"] == "the team went remote"
    assert "typo action" not in on_the_day[0] + on_the_day[2] + on_the_day[3]

    clock.at = LATER  # after the second meeting, everything changes again
    run("edit", str(made["intro to Sam"]), "intro to Sam and Priya")
    run("due", str(made["intro to Sam"]), "2026-12-18")
    run("done", str(made["intro to Sam"]))
    run("owner", str(made["review the on-call rota"]), "me")
    run("drop", str(made["review the on-call rota"]), "--reason", "no rota any more")
    run("done", str(roadmap))
    run("reopen", str(made["book the offsite"]))
    run("edit", str(made["book the offsite"]), "book the offsite in March")

    clock.at = WEEK_ON
    assert _exports(cli, url, [first, second]) == on_the_day
