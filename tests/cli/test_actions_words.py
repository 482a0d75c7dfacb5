"""`tui1on1 actions` tells a change from a person: the change words first,
a person by a plain word or --person (someone called Done included); ids
typed wrong or unknown; each usage mistake in one line, exit 2."""

from __future__ import annotations

import pytest
from actions_db import fake_clock, ledger_db


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    fake_clock(monkeypatch)
    return ledger_db(tmp_path)


def test_unknown_ids(cli, ledger):
    missing = cli("--db", ledger, "actions", "done", "99")
    assert (missing.returncode, missing.stderr) == (1, "tui1on1: no action item with id 99\n")
    assert cli("--db", ledger, "actions", "show", "99").returncode == 1
    assert cli("--db", ledger, "actions", "show", "99999999999").stderr == (
        "tui1on1: no action item with id 99999999999\n"
    )
    for typed in ("one", "-1", "0", "1.5", "99999999999999999999"):
        result = cli("--db", ledger, "actions", "done", typed)
        assert result.returncode == 2, typed
        assert "isn't an action number — use the number shown next to the action" in result.stderr
    # "#1" pasted in quotes is forgiven (unquoted, the shell would have dropped it).
    assert cli("--db", ledger, "actions", "done", "#1").stdout.startswith("Done 1 · ")


def test_a_person_named_like_a_change_word(cli, ledger):
    alone = cli("--db", ledger, "actions", "done")
    assert alone.returncode == 2
    assert "to list a person called 'done', use `actions --person done`" in alone.stderr
    expected = "Theirs\n4  due Fri 18 Dec  Done   finish the course\n"
    assert cli("--db", ledger, "actions", "--person", "done").stdout == expected
    assert cli("--db", ledger, "actions", "Done").stdout == expected  # not a change word


def test_the_person_as_a_plain_word(cli, ledger):
    by_word = cli("--db", ledger, "actions", "ada", "--open", "--theirs")
    assert by_word.stdout == "Theirs\n1  overdue 3 days  Ada Lovelace   send the RFC draft\n"
    assert by_word.stdout == cli("--db", ledger, "actions", "--person", "ada", "--theirs").stdout


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ada", "--person", "done"], "give the person once"),
        (["ada", "lovelace"], "`actions` takes one NAME (quote a name with spaces)"),
        (["done", "1", "--open"], "--open goes with the list, not with `actions done`"),
        (["show", "1", "--person", "ada"], "--person goes with the list"),
        (["done", "1", "--reason", "x"], "--reason goes with `actions drop ID`"),
        (["--reason", "x"], "--reason goes with `actions drop ID`"),
        (["done", "1", "2"], "`actions done ID` takes nothing after the id; got '2'"),
        (["due", "1"], "`actions due ID WHEN` needs WHEN after the id"),
        (["edit", "1"], "`actions edit ID TEXT` needs TEXT after the id"),
        (["--summary", "--open"], "--summary counts your own promises"),
        (["drop", "1", "--reason", "x" * 501], "a reason can be at most 500 characters"),
    ],
)
def test_usage_mistakes_say_what_to_type(cli, ledger, argv, message):
    result = cli("--db", ledger, "actions", *argv)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
