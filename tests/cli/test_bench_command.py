"""`tui1on1 bench`: my role and each report's with who could step in, the
gaps first; naming someone for a role (mine or a person's), changing how
ready, removing; bad arguments exit 2 with one calm line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tui1on1.cli import bench_command
from tui1on1.domain.kinds import Relationship
from tui1on1.storage.store import Store

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_command, "now", lambda: NOW)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    store = Store.open(url)
    store.add_person("Priya Raman", role="Staff engineer", now=NOW)
    store.add_person("Sam Okafor", role="SRE", now=NOW)
    store.add_person("Kim Boss", relationship=Relationship.MANAGER.value, now=NOW)
    store.close()
    return url


def test_naming_people_for_roles_fills_the_bench(cli, url):
    assert cli("--db", url, "bench") == (0, (
        "The bench: 3 of 3 roles with no one ready now or within a year.\n"
        "! my role: no one named yet\n"
        "! Priya Raman's role (Staff engineer): no one named yet\n"
        "! Sam Okafor's role (SRE): no one named yet\n"), "")  # fmt: skip
    assert cli("--db", url, "bench", "sam", "--for", "priya", "--ready", "now") == (
        0, "Sam Okafor could step into Priya Raman's role: ready now.\n", "")  # fmt: skip
    assert cli("--db", url, "bench", "priya", "--for", "me", "--ready", "later")[1] == (
        "Priya Raman could step into my role: later.\n"
    )
    assert cli("--db", url, "bench", "priya", "--for", "me", "--ready", "year")[0] == 0
    assert cli("--db", url, "bench")[1] == (
        "The bench: 1 of 3 roles with no one ready now or within a year.\n"
        "! Sam Okafor's role (SRE): no one named yet\n"
        "  my role: Priya Raman (within a year)\n"
        "  Priya Raman's role (Staff engineer): Sam Okafor (ready now)\n"
    )
    doc = json.loads(cli("--db", url, "bench", "--json")[1])
    assert doc["roles"][1] == {
        "role": "my role",
        "holder": None,
        "covered": True,
        "candidates": [{"person": "Priya Raman", "readiness": "year", "note": ""}],
    }
    assert cli("--db", url, "bench", "sam", "--for", "priya", "--remove")[1] == (
        "Sam Okafor is no longer named for Priya Raman's role.\n"
    )
    code, _out, err = cli("--db", url, "bench", "sam", "--for", "priya", "--remove")
    assert code == 1 and err.startswith("tui1on1: Sam Okafor wasn't named for Priya Raman's role")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["sam"], "say whose role: tui1on1 bench sam --for me|NAME --ready now"),
        (
            ["sam", "--for", "me"],
            "say how ready: tui1on1 bench sam --for me --ready now|year|later",
        ),
        (["sam", "--for", "me", "--ready", "soon"], "'soon' isn't a readiness: try now, year"),
        (["--ready", "now"], "say who first"),
        (["sam", "--for", "me", "--remove", "--ready", "now"], "--remove takes no --ready"),
        (["sam", "--for", "sam", "--ready", "now"], "Sam Okafor can't back-fill their own role"),
        (["nobody", "--for", "me", "--ready", "now"], "nobody"),
    ],
)
def test_a_bad_line_is_refused_with_one_calm_line(cli, url, args, said):
    code, out, err = cli("--db", url, "bench", *args)
    assert code in (1, 2) and out == ""
    assert err.startswith("tui1on1: ") and said in err and err.count("\n") == 1


def test_someone_archived_is_not_named(cli, url):
    store = Store.open(url)
    sam = store.find_person("Sam Okafor")
    assert sam is not None
    store.update_person(sam.id, archived=True)
    store.close()
    code, out, err = cli("--db", url, "bench", "priya", "--for", "sam", "--ready", "now")
    assert (code, out) == (1, "")
    assert err == (
        "tui1on1: Sam Okafor is archived: bring them back on home first "
        "(Show archived people, then h)\n"
    )
    assert "Sam" not in cli("--db", url, "bench")[1]  # an archived report's role isn't listed


def test_naming_someone_for_their_own_role_is_a_bad_argument(cli, url):
    code, out, err = cli("--db", url, "bench", "sam", "--for", "sam", "--ready", "now")
    assert (code, out) == (2, "")
    assert err.startswith("tui1on1: Sam Okafor can't back-fill their own role")


def test_the_bench_is_my_teams_a_manager_is_neither_named_nor_backed_up(cli, url):
    """Fresh eyes named their own manager ready for my role, and the team view
    then said 'Ready for more now: Kim Boss for my role'."""
    code, out, err = cli("--db", url, "bench", "kim", "--for", "me", "--ready", "now")
    assert (code, out) == (2, "")
    assert err == (
        "tui1on1: Kim Boss is your manager, not on your team: only your reports "
        "(and theirs) are named for a role on the bench\n"
    )
    code, out, err = cli("--db", url, "bench", "priya", "--for", "kim", "--ready", "now")
    assert (code, out) == (2, "")
    assert err == (
        "tui1on1: Kim Boss is your manager, not on your team: only your reports "
        "(and theirs) have their role backed up on the bench\n"
    )
    assert "Kim" not in cli("--db", url, "bench")[1]
    team = json.loads(cli("--db", url, "team", "--json")[1])
    assert team["ready_now"] == [] and all(r["could_step_into"] == [] for r in team["team"])


def test_removing_someone_never_named_says_who_and_for_what(cli, url):
    code, out, err = cli("--db", url, "bench", "sam", "--for", "priya", "--remove")
    assert (code, out) == (1, "")
    assert err == (
        "tui1on1: Sam Okafor wasn't named for Priya Raman's role: "
        "tui1on1 bench lists who is named for each role\n"
    )


def test_the_list_says_the_note_given_with_a_name(cli, url):
    """Fresh eyes: the app showed 'ran on-call all autumn', the shell didn't."""
    cli("--db", url, "bench", "sam", "--for", "priya", "--ready", "now",
        "--note", "ran on-call all autumn")  # fmt: skip
    assert (
        "  Priya Raman's role (Staff engineer): Sam Okafor (ready now: ran on-call all autumn)"
        in (cli("--db", url, "bench")[1].splitlines())
    )
