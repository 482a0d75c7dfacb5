"""`tui1on1 actions` (grouping, filters, overdue, JSON) and `tui1on1 recap` (--copy)."""

from __future__ import annotations

import base64
import io
import json
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.cli import actions_command, main, recap_command, recap_gather
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 11, 25)  # the Wednesday after


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr(actions_command, "today", lambda: TODAY)
    monkeypatch.setattr(recap_gather, "today", lambda: TODAY)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace")
    grace = store.add_person("Grace Hopper")
    store.add_person("Ada Byron")
    uids = iter(range(100))

    def meeting_with(person, start, actions):
        meeting, _ = store.start_meeting(
            person.id, playbook="weekly", planned_minutes=30, now=start
        )
        made = []
        for i, (owner, text, due) in enumerate(actions):
            _, action = store.add_note(
                NewNote(uid=f"u{next(uids)}", meeting_id=meeting.id, kind=NoteKind.ACTION,
                        text=text, created_at=start + timedelta(minutes=i + 1),
                        action_owner=owner, action_due=due)
            )  # fmt: skip
            made.append(action)
        store.add_note(
            NewNote(uid=f"u{next(uids)}", meeting_id=meeting.id, kind=NoteKind.QUOTE,
                    text="I light up when unblocking", created_at=start + timedelta(minutes=9))
        )  # fmt: skip
        store.end_meeting(meeting.id, start + timedelta(minutes=30), summary="")
        return meeting, made

    _, (_, _, done) = meeting_with(
        ada,
        T0,
        [
            (Owner.THEM, "send the RFC draft", date(2026, 11, 23)),  # overdue
            (Owner.ME, "intro to Sam", date(2026, 11, 27)),
            (Owner.ME, "book the offsite", date(2026, 11, 21)),  # done: not overdue
        ],
    )
    store.set_action_status(done.id, ActionStatus.DONE, meeting_id=None, at=T0)
    meeting_with(
        grace,
        T0 + timedelta(days=1),
        [
            (Owner.ME, "read her \x1b[31mdoc\nand reply", None),
            (Owner.THEM, "share the roadmap", TODAY),  # due today: not overdue
            (Owner.ME, "ask about the budget", date(2026, 11, 24)),  # overdue
        ],
    )
    later, _ = meeting_with(
        ada, T0 + timedelta(days=7), [(Owner.ME, "pair on the parser", date(2027, 1, 5))]
    )
    store.close()
    return url, later


def test_actions_grouped_mine_then_theirs_overdue_first(db, capsys):
    url, _ = db
    assert main(["--db", url, "actions"]) == 0
    assert capsys.readouterr().out == (
        "Mine\n"
        "Tue 24 Nov      Grace Hopper   ask about the budget   (overdue)\n"
        "Sat 21 Nov      Ada Lovelace   book the offsite   (done)\n"
        "Fri 27 Nov      Ada Lovelace   intro to Sam\n"
        "Tue 5 Jan 2027  Ada Lovelace   pair on the parser\n"
        "                Grace Hopper   read her \\x1b[31mdoc ⏎ and reply\n"
        "\n"
        "Theirs\n"
        "Mon 23 Nov      Ada Lovelace   send the RFC draft   (overdue)\n"
        "Wed 25 Nov      Grace Hopper   share the roadmap\n"
    )


def test_actions_filters(db, capsys):
    url, _ = db
    assert main(["--db", url, "actions", "--open", "--mine", "--person", "grace"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "Mine\n"
        "Tue 24 Nov  Grace Hopper   ask about the budget   (overdue)\n"
        "            Grace Hopper   read her \\x1b[31mdoc ⏎ and reply\n"
    )
    assert main(["--db", url, "actions", "--theirs", "--person", "Ada Lovelace"]) == 0
    out = capsys.readouterr().out
    assert out == "Theirs\nMon 23 Nov  Ada Lovelace   send the RFC draft   (overdue)\n"
    assert main(["--db", url, "actions", "--open"]) == 0
    assert "book the offsite" not in capsys.readouterr().out


def test_actions_with_none_says_so(db, capsys):
    url, _ = db
    assert main(["--db", url, "actions", "--person", "byron"]) == 0
    assert capsys.readouterr().out == "no action items with Ada Byron\n"
    assert main(["--db", url, "actions", "--open", "--theirs", "--person", "byron"]) == 0
    assert capsys.readouterr().out == "no open action items of theirs with Ada Byron\n"


@pytest.mark.parametrize(
    "person, message",
    [("ada", "'ada' could be several people: Ada Byron, Ada Lovelace;"), ("zed", "no one called")],
)
def test_actions_for_an_unknown_or_ambiguous_person(db, capsys, person, message):
    url, _ = db
    assert main(["--db", url, "actions", "--person", person]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_actions_mine_and_theirs_together_is_a_usage_error(db, capsys):
    url, _ = db
    assert main(["--db", url, "actions", "--mine", "--theirs"]) == 2


def test_actions_as_json(db, capsys):
    url, _ = db
    assert main(["--db", url, "actions", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # JSON escapes it
    items = json.loads(out)
    assert [(i["owner"], i["text"]) for i in items][:2] == [
        ("me", "ask about the budget"),
        ("me", "book the offsite"),
    ]
    assert items[0] == {
        "person": "Grace Hopper",
        "owner": "me",
        "text": "ask about the budget",
        "due": "2026-11-24",
        "status": "open",
        "overdue": True,
        "created_at": (T0 + timedelta(days=1, minutes=3)).isoformat(),
        "closed_at": None,
    }
    done = next(i for i in items if i["text"] == "book the offsite")
    assert done["status"] == "done" and done["overdue"] is False
    assert done["closed_at"] == T0.isoformat()
    assert {i["text"] for i in items if i["due"] is None} == {"read her \x1b[31mdoc\nand reply"}
    assert main(["--db", url, "actions", "--json", "--person", "byron"]) == 0
    assert json.loads(capsys.readouterr().out) == []


# --- recap -----------------------------------------------------------------------------


class FakeTTY(io.StringIO):
    """A terminal that keeps what was written after it is closed."""

    def close(self) -> None:
        self.kept = self.getvalue()
        super().close()


def test_recap_prints_the_latest_meeting(db, capsys):
    url, _ = db
    assert main(["--db", url, "export", "--person", "lovelace"]) == 0
    exported = capsys.readouterr().out
    assert main(["--db", url, "recap", "lovelace"]) == 0
    captured = capsys.readouterr()
    assert captured.out == exported  # the same recap as `export --person`
    assert captured.out.startswith("# 1:1 with Ada Lovelace — 2026-11-27 (Fri)\n")
    assert "## What I'll do\n\n- pair on the parser — by 2027-01-05 (Tue)\n" in captured.out
    assert captured.out.endswith(
        "## Still open\n\n"
        "- Me: intro to Sam — by 2026-11-27 (Fri)\n"
        "- You: send the RFC draft — was due 2026-11-23 (Mon)\n"
    )  # the offsite was booked before this meeting: not in it
    assert captured.err == ""


def test_recap_copy_writes_osc52_to_the_terminal(db, capsys, monkeypatch):
    url, _ = db
    tty = FakeTTY()
    monkeypatch.setattr(recap_command, "open_tty", lambda: tty)
    assert main(["--db", url, "recap", "Ada Lovelace", "--copy"]) == 0
    captured = capsys.readouterr()
    expected = base64.b64encode(captured.out.encode("utf-8")).decode("ascii")
    assert tty.kept == f"\x1b]52;c;{expected}\x07"
    assert "\x1b]52" not in captured.out  # stdout holds just the recap
    assert base64.b64decode(expected).decode("utf-8").startswith("# 1:1 with Ada Lovelace")
    assert "clipboard" in captured.err


def test_recap_copy_falls_back_to_stdout_when_it_is_a_terminal(db, capsys, monkeypatch):
    url, _ = db
    monkeypatch.setattr(recap_command, "open_tty", lambda: None)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--db", url, "recap", "lovelace", "--copy"]) == 0
    out = capsys.readouterr().out
    recap_text, sequence = out.split("\x1b]52;c;")
    assert recap_text.startswith("# 1:1 with Ada Lovelace")
    assert sequence.endswith("\x07")
    assert base64.b64decode(sequence[:-1]).decode("utf-8") == recap_text


def test_recap_copy_without_a_terminal_still_prints(db, capsys, monkeypatch):
    url, _ = db
    monkeypatch.setattr(recap_command, "open_tty", lambda: None)
    assert main(["--db", url, "recap", "lovelace", "--copy"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# 1:1 with Ada Lovelace") and "\x1b" not in captured.out
    assert captured.err == (
        "tui1on1: copying to the clipboard needs a terminal, so the recap was only printed\n"
    )


@pytest.mark.parametrize(
    "name, message, code",
    [
        ("ada", "could be several people: Ada Byron, Ada Lovelace;", 2),
        ("nobody\x1b[2J", "there is no one called nobody\\x1b[2J", 2),
        ("byron", "no meetings with Ada Byron yet", 1),
    ],
)
def test_recap_says_calmly_what_it_cannot_find(db, capsys, name, message, code):
    url, _ = db
    assert main(["--db", url, "recap", name]) == code
    captured = capsys.readouterr()
    assert message in captured.err and len(captured.err.strip().splitlines()) == 1
    assert "\x1b" not in captured.err and captured.out == ""


def test_osc52_matches_textual():
    assert recap_command.osc52("héllo") == "\x1b]52;c;aMOpbGxv\x07"
