"""`tui1on1 actions`: the ledger on the command line. Ids on every line; each
change (done, drop, reopen, due, owner, edit) told in one line and kept in the
action's history, as `actions show` and `--json` give it back."""

from __future__ import annotations

import json

import pytest
from actions_db import NOW, fake_clock, ledger_db

from tui1on1.storage.store import Store


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    fake_clock(monkeypatch)
    return ledger_db(tmp_path)


def history(cli, url, action_id):
    """The action's history as `actions show --json` gives it."""
    result = cli("--db", url, "actions", "show", str(action_id), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["history"]


def event(change, before=None, after=None, reason=""):
    return {
        "change": change,
        "at": NOW.isoformat(),
        "before": before,
        "after": after,
        "reason": reason,
        "meeting_id": None,
    }


def test_every_line_has_the_id_to_type(cli, ledger):
    result = cli("--db", ledger, "actions")
    assert result.returncode == 0
    assert result.stdout == (
        "Mine\n"
        "3  overdue 10 days  Ada Lovelace   ask about the raise   (private)\n"
        "2  no due date      Ada Lovelace   intro to Sam\n"
        "\n"
        "Theirs\n"
        "1  overdue 3 days   Ada Lovelace   send the RFC draft\n"
        "4  due Fri 18 Dec   Done           finish the course\n"
    )


def test_done_and_reopen_are_told_and_kept(cli, ledger):
    result = cli("--db", ledger, "actions", "done", "1")
    assert (result.returncode, result.stdout) == (
        0,
        "Done 1 · send the RFC draft (Ada Lovelace)\n",
    )
    assert cli("--db", ledger, "actions", "done", "1").stdout == (
        "1 · send the RFC draft (Ada Lovelace) is done already\n"
    )
    listed = cli("--db", ledger, "actions", "--theirs").stdout
    assert listed == (
        "Theirs\n"
        "4  due Fri 18 Dec  Done           finish the course\n"
        "1  done 7 Dec      Ada Lovelace   send the RFC draft\n"
    )
    assert cli("--db", ledger, "actions", "reopen", "1").stdout == (
        "Reopened 1 · send the RFC draft (Ada Lovelace)\n"
    )
    assert history(cli, ledger, 1) == [
        event("done", "open", "done"),
        event("reopened", "done", "open"),
    ]
    assert "1  overdue 3 days" in cli("--db", ledger, "actions").stdout


def test_drop_with_a_reason(cli, ledger):
    result = cli("--db", ledger, "actions", "drop", "2", "--reason", "Sam  left the company")
    assert result.stdout == "Dropped 2 · intro to Sam (Ada Lovelace): Sam left the company\n"
    assert history(cli, ledger, 2) == [
        event("dropped", "open", "dropped", reason="Sam left the company")
    ]
    shown = cli("--db", ledger, "actions", "show", "2").stdout
    assert shown.splitlines()[-3:] == [
        "History",
        "  20 Nov · promised in the 1:1",
        "  7 Dec · dropped: Sam left the company",
    ]


@pytest.mark.parametrize(
    "when, due, shown",
    [
        ("fri", "2026-12-11", "Fri 11 Dec"),
        ("@fri", "2026-12-11", "Fri 11 Dec"),
        ("+2w", "2026-12-21", "Mon 21 Dec"),
        ("2026-12-24", "2026-12-24", "Thu 24 Dec"),
        ("@jan-8", "2027-01-08", "Fri 8 Jan 2027"),
        ("today", "2026-12-07", "Mon 7 Dec"),
    ],
)
def test_due_reads_the_notes_forms(cli, ledger, when, due, shown):
    result = cli("--db", ledger, "actions", "due", "1", when)
    assert (result.returncode, result.stdout) == (
        0,
        f"Rescheduled 1 · send the RFC draft (Ada Lovelace): Fri 4 Dec → {shown}\n",
    )
    assert history(cli, ledger, 1) == [event("due", "2026-12-04", due)]


def test_due_none_removes_the_date_and_a_date_can_come_back(cli, ledger):
    result = cli("--db", ledger, "actions", "due", "1", "none")
    assert result.stdout == (
        "Rescheduled 1 · send the RFC draft (Ada Lovelace): Fri 4 Dec → no due date\n"
    )
    assert "1  no due date" in cli("--db", ledger, "actions").stdout
    assert cli("--db", ledger, "actions", "due", "1", "none").stdout == (
        "1 · send the RFC draft (Ada Lovelace) has no due date already\n"
    )
    cli("--db", ledger, "actions", "due", "1", "dec-9")
    assert history(cli, ledger, 1) == [
        event("due", "2026-12-04", ""),
        event("due", "", "2026-12-09"),
    ]


@pytest.mark.parametrize(
    "when, message",
    [
        ("13/12", "'@13/12' could be read more than one way"),
        ("next friday", "couldn't read the due date '@next friday'"),
        ("2026-12-01", "'@2026-12-01' is in the past"),
        ("someday", "couldn't read the due date '@someday'"),
    ],
)
def test_a_bad_due_date_changes_nothing(cli, ledger, when, message):
    result = cli("--db", ledger, "actions", "due", "1", *when.split())
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"tui1on1: {message}")
    assert result.stderr.rstrip().endswith("or `none` for no due date")
    assert history(cli, ledger, 1) == []


def test_owner_moves_an_action_between_mine_and_theirs(cli, ledger):
    assert cli("--db", ledger, "actions", "owner", "1", "me").stdout == (
        "Reassigned 1 · send the RFC draft (Ada Lovelace): theirs → mine\n"
    )
    assert cli("--db", ledger, "actions", "owner", "1", "ME").stdout == (
        "1 · send the RFC draft (Ada Lovelace) is mine already\n"
    )
    mine = cli("--db", ledger, "actions", "--mine").stdout
    assert "1  overdue 3 days   Ada Lovelace   send the RFC draft" in mine
    cli("--db", ledger, "actions", "owner", "1", "them")
    assert history(cli, ledger, 1) == [event("owner", "them", "me"), event("owner", "me", "them")]
    bad = cli("--db", ledger, "actions", "owner", "1", "us")
    assert (bad.returncode, bad.stderr) == (
        2,
        "tui1on1: `actions owner ID` takes me or them, not 'us'\n",
    )


def test_edit_rewords_and_its_tags_follow(cli, ledger):
    result = cli("--db", ledger, "actions", "edit", "2", "intro", "to", "Sam", "and", "#mentoring")
    assert result.stdout == (
        "Reworded 2 (Ada Lovelace): intro to Sam → intro to Sam and #mentoring\n"
    )
    assert history(cli, ledger, 2) == [event("text", "intro to Sam", "intro to Sam and #mentoring")]
    store = Store.open(ledger)
    try:
        note = next(n for n in store.list_notes(1) if n.id == store.get_action(2).note_id)
    finally:
        store.close()
    assert (note.text, note.tags) == ("intro to Sam and #mentoring", ("mentoring",))


def test_edit_with_a_date_at_the_end_also_reschedules(cli, ledger):
    result = cli("--db", ledger, "actions", "edit", "1", "send the final RFC draft @+1w")
    assert result.stdout == (
        "Reworded 1 (Ada Lovelace): send the RFC draft → send the final RFC draft\n"
        "Rescheduled 1 · send the final RFC draft (Ada Lovelace): Fri 4 Dec → Mon 14 Dec\n"
    )
    assert history(cli, ledger, 1) == [
        event("text", "send the RFC draft", "send the final RFC draft"),
        event("due", "2026-12-04", "2026-12-14"),
    ]
    # Only the date: only a reschedule; nothing new: says so.
    only_date = cli("--db", ledger, "actions", "edit", "1", "send the final RFC draft @dec-18")
    assert only_date.stdout == (
        "Rescheduled 1 · send the final RFC draft (Ada Lovelace): Mon 14 Dec → Fri 18 Dec\n"
    )
    same = cli("--db", ledger, "actions", "edit", "1", "send the final RFC draft")
    assert same.stdout == "1 · send the final RFC draft (Ada Lovelace) says that already\n"


def test_edit_with_an_unreadable_date_changes_nothing(cli, ledger):
    result = cli("--db", ledger, "actions", "edit", "1", "send it @someday")
    assert result.returncode == 2
    assert "couldn't read the due date '@someday'" in result.stderr
    assert result.stderr.rstrip().endswith("nothing changed.")
    assert history(cli, ledger, 1) == []


def test_show_tells_the_whole_story(cli, ledger):
    cli("--db", ledger, "actions", "due", "3", "fri")
    cli("--db", ledger, "actions", "done", "3")
    result = cli("--db", ledger, "actions", "show", "3")
    assert (result.returncode, result.stdout) == (
        0,
        "3 · ask about the raise\n"
        "  with      Ada Lovelace\n"
        "  owner     mine\n"
        "  due       Fri 11 Dec\n"
        "  status    done 7 Dec\n"
        "  from      the 1:1 on Fri 20 Nov\n"
        "  private   its note is private: kept out of the recap you send\n"
        "  counts    late: missed Fri 27 Nov\n"
        "History\n"
        "  20 Nov · promised in the 1:1\n"
        "  7 Dec · rescheduled: Fri 27 Nov → Fri 11 Dec\n"
        "  7 Dec · done\n",
    )
    open_one = cli("--db", ledger, "actions", "show", "1").stdout.splitlines()
    assert open_one[4] == "  status    open, overdue 3 days"
    assert open_one[-1] == "  no changes since it was made"


def test_json_has_ids_privacy_and_history(cli, ledger):
    cli("--db", ledger, "actions", "drop", "3", "--reason", "not mine to ask")
    items = json.loads(cli("--db", ledger, "actions", "--json", "--mine").stdout)
    assert [(i["id"], i["text"], i["private"]) for i in items] == [
        (2, "intro to Sam", False),
        (3, "ask about the raise", True),
    ]
    assert items[1]["status"] == "dropped"
    assert items[1]["history"] == [event("dropped", "open", "dropped", reason="not mine to ask")]
    assert items[0]["history"] == []


def test_a_change_with_json_prints_the_action(cli, ledger):
    result = cli("--db", ledger, "actions", "done", "4", "--json")
    assert result.stderr == "Done 4 · finish the course (Done)\n"
    item = json.loads(result.stdout)
    assert (item["id"], item["status"], item["history"]) == (
        4,
        "done",
        [event("done", "open", "done")],
    )


def test_edit_with_date_like_words_says_no_date_was_set(cli, ledger):
    result = cli("--db", ledger, "actions", "edit", "1", "send the RFC draft by friday")
    assert result.returncode == 0
    first, warning = result.stdout.splitlines()
    assert first.startswith("Reworded 1 (Ada Lovelace)")
    assert warning.startswith('No due date: "by friday" isn\'t read as one')
    assert history(cli, ledger, 1) == [
        event("text", "send the RFC draft", "send the RFC draft by friday")
    ]


def test_a_promise_of_someone_in_a_live_1on1_is_changed_there(cli, ledger):
    """The meeting shows its person's promises: changed behind its back, it
    would go on showing the old ones."""
    from tui1on1.storage.store import Store

    store = Store.open(ledger)
    try:
        ada = store.find_person("Ada Lovelace")
        store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=NOW)
    finally:
        store.close()
    result = cli("--db", ledger, "actions", "due", "1", "fri")
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "the 1:1 with Ada Lovelace is going on: change this promise there "
        "(a on the action), so the meeting shows it"
    )
    assert history(cli, ledger, 1) == []
    assert cli("--db", ledger, "actions", "show", "1").returncode == 0  # reading is fine


def test_edit_takes_the_prefix_as_the_notes_pane_does_and_refuses_only_tags(cli, ledger):
    result = cli("--db", ledger, "actions", "edit", "1", "! send the RFC draft v2")
    assert result.stdout.startswith(
        "Reworded 1 (Ada Lovelace): send the RFC draft → send the RFC draft v2"
    )
    only_tags = cli("--db", ledger, "actions", "edit", "1", "#career")
    assert only_tags.returncode == 2
    assert "an action needs some words besides its tags; nothing changed." in only_tags.stderr
    assert [e["after"] for e in history(cli, ledger, 1)] == ["send the RFC draft v2"]


def test_an_action_typed_by_mistake_and_deleted_is_not_listed_as_dropped(cli, ledger):
    """Deleting the note of an action (typed by mistake) drops it; no one
    dropped a promise, so the list and --json leave it out."""
    store = Store.open(ledger)
    try:
        [intro] = [a for a in store.list_actions() if a.text == "intro to Sam"]
        assert intro.note_id is not None
        store.delete_note(intro.note_id, at=NOW)
    finally:
        store.close()
    listed = cli("--db", ledger, "actions").stdout
    assert "intro to Sam" not in listed
    assert "ask about the raise" in listed
    shown = json.loads(cli("--db", ledger, "actions", "--json").stdout)
    assert [a["text"] for a in shown if a["text"] == "intro to Sam"] == []


def test_edit_with_a_prefix_or_marker_that_would_change_owner_or_privacy_changes_nothing(
    cli, ledger
):
    """`actions edit` reads the words as the notes pane does; what the words
    can't change (whose promise, who sees it) is said, never stripped."""
    mine = cli("--db", ledger, "actions", "edit", "1", "!me send the RFC draft")
    assert mine.returncode == 2
    assert mine.stderr == (
        "tui1on1: '!me' would make it mine: `tui1on1 actions owner 1 me` does that. "
        "Nothing changed.\n"
    )
    private = cli("--db", ledger, "actions", "edit", "1", "! // send the RFC draft")
    assert private.returncode == 2
    assert private.stderr == (
        "tui1on1: '//' would make it private: p on its note in its 1:1's page in the app "
        "does that. Nothing changed.\n"
    )
    assert history(cli, ledger, 1) == []
    theirs = cli("--db", ledger, "actions", "edit", "1", "! send the RFC draft, v2")
    assert theirs.returncode == 0
    assert [e["after"] for e in history(cli, ledger, 1)] == ["send the RFC draft, v2"]


def test_a_closed_promise_keeps_its_date_and_owner_until_reopened(cli, ledger):
    """Done is judged on the date and owner it had: moving either afterwards
    would rewrite the kept-promise rate, so it is refused until reopened."""
    assert cli("--db", ledger, "actions", "done", "1").returncode == 0
    for args, what in (
        (("due", "1", "none"), "due date"),
        (("owner", "1", "me"), "owner"),
        (("edit", "1", "send the final RFC draft @fri"), "due date"),
    ):
        refused = cli("--db", ledger, "actions", *args)
        assert refused.returncode == 1
        assert refused.stderr == (
            f"tui1on1: 1 · send the RFC draft is done: its {what} stays as it was when it "
            "closed (the kept-promise rate is judged on it) — `tui1on1 actions reopen 1` "
            "first to change it\n"
        )
    assert [e["change"] for e in history(cli, ledger, 1)] == ["done"]
    reworded = cli("--db", ledger, "actions", "edit", "1", "send the final RFC draft")
    assert reworded.returncode == 0  # its words can still be put right
    assert cli("--db", ledger, "actions", "reopen", "1").returncode == 0
    assert cli("--db", ledger, "actions", "due", "1", "fri").returncode == 0


def test_an_id_typed_where_a_name_goes_says_how_to_show_that_action(cli, ledger):
    result = cli("--db", ledger, "actions", "3")
    assert result.returncode == 2
    assert result.stderr == (
        "tui1on1: there is no one called 3; to see action 3: `tui1on1 actions show 3`\n"
    )
