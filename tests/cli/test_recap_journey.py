"""`tui1on1 recap NAME` and `export --person NAME --format md` after two 1:1s
on different days: last week's promises, done or still open, in this week's
recap; private notes only with --all-notes; JSON with every note flagged."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import recap_gather
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

LAST_WEEK = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday
THIS_WEEK = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
TODAY = date(2026, 12, 7)


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr(recap_gather, "today", lambda: TODAY)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace", role="Engineer")
    uids = iter(range(100))

    def meeting(start, lines):
        made, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=start)
        actions = {}
        for minute, (kind, text, extra) in enumerate(lines, start=1):
            _, action = store.add_note(
                NewNote(uid=f"u{next(uids)}", meeting_id=made.id, kind=kind, text=text,
                        tags=tuple(w[1:] for w in text.split() if w.startswith("#")),
                        elapsed_seconds=60.0 * minute,
                        created_at=start + timedelta(minutes=minute), **extra)
            )  # fmt: skip
            if action is not None:
                actions[text] = action
        return made, actions

    mine, theirs = NoteKind.ACTION, NoteKind.ACTION
    last, earlier = meeting(
        LAST_WEEK,
        [
            (mine, "book the offsite", {"action_owner": Owner.ME}),
            (theirs, "send the RFC draft #rfc", {"action_owner": Owner.THEM}),
            (theirs, "share the roadmap",
             {"action_owner": Owner.THEM, "action_due": date(2026, 12, 2)}),
            (mine, "review her promo packet",
             {"action_owner": Owner.ME, "action_due": date(2026, 12, 14)}),
            (mine, "ask HR about her band", {"action_owner": Owner.ME, "private": True}),
        ],
    )  # fmt: skip
    store.end_meeting(last.id, LAST_WEEK + timedelta(minutes=28))
    this, _actions = meeting(
        THIS_WEEK,
        [
            (NoteKind.NOTE, "wants to lead the #growth guild", {}),
            (NoteKind.QUOTE, "I light up when I unblock others", {}),
            (NoteKind.DECISION, "she leads the on-call review", {}),
            (NoteKind.CONCERN, "worried about burnout", {"private": True}),
            (NoteKind.PARKED, "pay band review #pay", {"private": True}),
            (mine, "intro to Sam #network",
             {"action_owner": Owner.ME, "action_due": date(2026, 12, 11)}),
            (theirs, "draft the proposal", {"action_owner": Owner.THEM}),
        ],
    )  # fmt: skip
    for text in ("book the offsite", "send the RFC draft #rfc"):
        store.set_action_status(
            earlier[text].id, ActionStatus.DONE, meeting_id=this.id, at=THIS_WEEK
        )
    store.end_meeting(this.id, THIS_WEEK + timedelta(minutes=31))
    store.close()
    return url, this.id


SHARED = """\
# 1:1 with Ada Lovelace — 2026-12-07 (Mon)

We met for 31 minutes.

## What we discussed

- wants to lead the guild
- “I light up when I unblock others”

## What we decided

- she leads the on-call review

## What I'll do

- intro to Sam — by 2026-12-11 (Fri)

## What you'll do

- draft the proposal

## Done since last time

- Me: book the offsite
- You: send the RFC draft

## Still open

- Me: review her promo packet — by 2026-12-14 (Mon)
- You: share the roadmap — was due 2026-12-02 (Wed)
"""


def test_recap_after_two_meetings_is_the_one_to_send(db, cli):
    url, _ = db
    recap = cli("--db", url, "recap", "ada")
    assert (recap.returncode, recap.stderr) == (0, "")
    assert recap.stdout == SHARED
    export = cli("--db", url, "export", "--person", "ada", "--format", "md")
    assert (export.returncode, export.stdout) == (0, recap.stdout)
    for private in ("burnout", "pay band", "ask HR"):
        assert private not in recap.stdout


def test_all_notes_is_the_managers_own_file(db, cli):
    url, _ = db
    recap = cli("--db", url, "recap", "ada", "--all-notes")
    assert recap.returncode == 0
    out = recap.stdout
    assert "- (private) For another time: pay band review\n" in out
    assert "## Concerns\n\n- (private) worried about burnout\n" in out
    assert "- (private) Me: ask HR about her band\n" in out
    export = cli("--db", url, "export", "--person", "ada", "--format", "md", "--all-notes")
    assert (export.returncode, export.stdout) == (0, out)


def test_the_recap_names_earlier_promises_done_and_still_open(db, cli):
    """What holds whether or not the private flag is stored yet."""
    url, _ = db
    out = cli("--db", url, "recap", "ada").stdout
    assert "## Done since last time\n\n- Me: book the offsite\n- You: send the RFC draft\n" in out
    assert "- You: share the roadmap — was due 2026-12-02 (Wed)\n" in out
    assert "#" not in out.replace("# 1:1", "").replace("## ", "")  # no tags
    assert " \n" not in out and "00:0" not in out  # no trailing spaces, no elapsed times


def test_json_flags_every_private_note_and_action(db, cli):
    url, meeting_id = db
    result = cli("--db", url, "export", "--meeting", str(meeting_id), "--format", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 2
    assert {n["text"]: n["private"] for n in data["notes"]} == {
        "wants to lead the #growth guild": False,
        "I light up when I unblock others": False,
        "she leads the on-call review": False,
        "worried about burnout": True,
        "pay band review #pay": True,
        "intro to Sam #network": False,
        "draft the proposal": False,
    }
    earlier = {a["text"]: (a["status"], a["private"]) for a in data["earlier_actions"]}
    assert earlier == {
        "book the offsite": ("done", False),
        "send the RFC draft #rfc": ("done", False),
        "share the roadmap": ("open", False),
        "review her promo packet": ("open", False),
        "ask HR about her band": ("open", True),
    }


@pytest.mark.parametrize(
    "args", [["--person", "ada", "--format", "json"], ["--all"]], ids=["json", "all"]
)
def test_all_notes_is_for_the_markdown_recap(db, cli, args):
    url, _ = db
    result = cli("--db", url, "export", *args, "--all-notes")
    assert result.returncode == 2
    assert "--all-notes is for the Markdown recap; JSON always has every note" in result.stderr


def test_a_promise_kept_between_meetings_is_done_since_last_time(tmp_path, cli, monkeypatch):
    """Marked done on the command line on Wednesday, it is in Monday's recap
    (and not in the one before)."""
    monkeypatch.setattr(recap_gather, "today", lambda: TODAY)
    url = f"sqlite:///{tmp_path / 'between.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace")
    first, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=LAST_WEEK)
    _, action = store.add_note(
        NewNote(uid="a", meeting_id=first.id, kind=NoteKind.ACTION, text="share the roadmap",
                action_owner=Owner.THEM, created_at=LAST_WEEK + timedelta(minutes=3))
    )  # fmt: skip
    store.end_meeting(first.id, LAST_WEEK + timedelta(minutes=30))
    store.close()
    monkeypatch.setattr("tui1on1.cli.actions_command.now", lambda: LAST_WEEK + timedelta(days=2))
    assert cli("--db", url, "actions", "done", str(action.id)).returncode == 0
    store = Store.open(url)
    second, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=THIS_WEEK)
    store.add_note(
        NewNote(uid="n", meeting_id=second.id, kind=NoteKind.NOTE, text="the roadmap landed well",
                created_at=THIS_WEEK + timedelta(minutes=2))
    )  # fmt: skip
    store.end_meeting(second.id, THIS_WEEK + timedelta(minutes=25))
    store.close()
    out = cli("--db", url, "recap", "ada").stdout
    assert "## Done since last time\n\n- You: share the roadmap\n" in out
    assert "Still open" not in out
    older = cli("--db", url, "export", "--meeting", str(first.id), "--format", "md")
    assert older.returncode == 0 and "- share the roadmap" in older.stdout
    assert "Done since last time" not in older.stdout


def test_a_mistyped_date_leaves_the_recap_once_the_promise_has_a_date(tmp_path, cli, monkeypatch):
    """`@fridya` didn't read; given a date on the command line two days later,
    the recap to send reads the promise without the failed try. One still
    without a date keeps its words, and a mention (@sam) always stays."""
    monkeypatch.setattr(recap_gather, "today", lambda: TODAY)
    url = f"sqlite:///{tmp_path / 'tried.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace")
    first, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=LAST_WEEK)
    ids = []
    for uid, text in (("a", "send the design @fridya #arch"), ("b", "ping @sam @tomorow")):
        _, action = store.add_note(
            NewNote(uid=uid, meeting_id=first.id, kind=NoteKind.ACTION, text=text,
                    action_owner=Owner.THEM, created_at=LAST_WEEK + timedelta(minutes=3))
        )  # fmt: skip
        ids.append(action.id)
    store.end_meeting(first.id, LAST_WEEK + timedelta(minutes=30))
    second, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=THIS_WEEK)
    store.end_meeting(second.id, THIS_WEEK + timedelta(minutes=25))
    store.close()
    monkeypatch.setattr("tui1on1.cli.actions_command.now", lambda: LAST_WEEK + timedelta(days=2))
    assert cli("--db", url, "actions", "due", str(ids[0]), "2026-12-11").returncode == 0
    out = cli("--db", url, "recap", "ada").stdout
    assert out.endswith(
        "## Still open\n\n- You: send the design — by 2026-12-11 (Fri)\n- You: ping @sam @tomorow\n"
    )
