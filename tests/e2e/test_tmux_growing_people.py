"""Growing people, end to end in tmux with the real console script (faketime
holds the days): a first 1:1 with Priya on Monday records her aspiration, a
plan step for her (`&p ! … @fri`), an exposure (`* customer …`) and, with
F6, a growth plan (a goal, what she proposed brought back with ↑ as an
option, agreed); on Wednesday an introduction is logged from the shell and
the plan said to be slipping, and she is named for my role within a year;
the next Monday the team view — in the shell and on screen — says her step
is overdue and her plan slipping, when her last exposure was, and that Sam,
never met, needs a first 1:1 before that; its header answers the five
questions: no career talk (Sam), no back-up (their roles), ready for more
(Priya, within a year), my promise to her overdue (named), how I listen; and
from the team view the bench (b) names Priya ready now for Sam's role."""

from __future__ import annotations

import json

import pytest
from tmux_terminal import cli_on, libfaketime, line_with, on_day, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

MONDAY = "@2026-12-07 10:00:00"
WEDNESDAY = "@2026-12-09 17:00:00"
NEXT_MONDAY = "@2026-12-14 09:00:00"


def test_an_exposure_and_a_plan_step_from_a_1on1_reach_the_team_view(terminals) -> None:
    for name in ("Priya Raman", "Sam Okafor"):
        assert cli_on(MONDAY, "people", "add", name).returncode == 0

    monday = terminals("meet", "priya", prefix=on_day(MONDAY))
    monday.wait_for("ON TRACK")
    for line in (
        "&a wants to lead a small team",
        "&p ! shadow Sam's on-call @fri",
        "* customer joined the Acme renewal call",
        "* ran the incident review",
        "&p could own the Q1 migration",
        "!me intro to the staff engineers @wed",
    ):
        monday.type(line, enter=True)
    screen = monday.wait_for(lambda s: "Q1 migration" in s and "saving" not in s)
    assert "theirs · due Fri 11 Dec" in line_with(screen, "shadow Sam's on-call")
    assert "customer joined the Acme renewal call" in screen
    assert "Kept as kind 'other'" in screen  # the second names no kind
    monday.key("F6")
    monday.wait_for("Growth plan — Priya Raman")
    monday.type("goal Tech lead within a year", enter=True)
    monday.wait_for("Plan started with that goal.")
    monday.key("Up")  # what she proposed, as an option
    monday.wait_for("option could own the Q1 migration")
    monday.key("Enter")
    monday.wait_for("Option 1 added.")
    monday.type("pick 1", enter=True)
    screen = monday.wait_for("Option 1 agreed.")
    assert "1. could own the Q1 migration (agreed)" in screen
    assert "shadow Sam's on-call — due Fri 11 Dec" in screen  # the &p action is a step
    monday.key("Escape")
    monday.wait_for(lambda s: "Growth plan —" not in s)
    monday.key("C-o")
    monday.wait_for("End the 1:1 with Priya Raman")
    monday.key("Enter")
    summary = monday.wait_for("Meeting ended and saved")
    assert "Exposure given (2)" in summary
    assert "• customer joined the Acme renewal call" in summary
    monday.key("End")  # the summary scrolls: the plan is further down
    summary = monday.wait_for("• Agreed: could own the Q1 migration (option 1)")
    assert "• Goal set: Tech lead within a year" in summary
    monday.key("Enter")
    monday.wait_for(lambda s: "Last 1:1" in s)
    monday.key("C-q")
    assert monday.exit_code() == 0

    logged = cli_on(
        WEDNESDAY, "exposure", "priya", "intro", "met Dana from data", "--on", "yesterday"
    )
    assert logged.stdout == "Logged for Priya Raman: Tue  8 Dec  introduction: met Dana from data\n"
    listed = cli_on(WEDNESDAY, "exposure", "priya")
    assert (
        listed.stdout.splitlines()[0] == "Exposure given to Priya Raman (the last one yesterday):"
    )
    assert [line.split(None, 1)[1] for line in listed.stdout.splitlines()[1:]] == [
        "Tue  8 Dec  introduction: met Dana from data",
        "Mon  7 Dec  other: ran the incident review",
        "Mon  7 Dec  customer meeting: joined the Acme renewal call",
    ]

    slipping = cli_on(WEDNESDAY, "plan", "priya", "slipping:", "on", "call", "this", "week")
    assert slipping.stdout.splitlines()[:3] == [
        "Priya Raman: Now slipping.",
        "Goal: Tech lead within a year",
        "  opened 7 Dec · slipping since 9 Dec: on call this week",
    ]

    named = cli_on(WEDNESDAY, "bench", "priya", "--for", "me", "--ready", "year")
    assert named.stdout == "Priya Raman could step into my role: within a year.\n"

    team = json.loads(cli_on(NEXT_MONDAY, "team", "--json").stdout)
    # Never met outweighs a late step: Sam first.
    assert [r["person"] for r in team["team"]] == ["Sam Okafor", "Priya Raman"]
    sam, priya = team["team"]
    assert priya["aspiration"] == "wants to lead a small team"
    assert priya["next_step"] == {"text": "shadow Sam's on-call", "due": "2026-12-11",
                                  "overdue": True}  # fmt: skip
    assert priya["last_exposure"] == "2026-12-08" and priya["days_since_exposure"] == 6
    assert priya["growth_plan"]["goal"] == "Tech lead within a year"
    assert [a["why"] for a in priya["attention"]] == [
        "1 promise of mine overdue",
        "next step overdue 3 days",
        "their growth plan is slipping",
    ]
    # Added a week ago: no exposure yet is no flag so soon.
    assert [a["why"] for a in sam["attention"]] == ["no 1:1 yet"]

    home = terminals(prefix=on_day(NEXT_MONDAY))
    home.wait_for(lambda s: "Last 1:1" in s and "Sam Okafor" in s)
    home.type("t")
    screen = home.wait_for("Your team, who needs you first")
    header = " ".join(screen.split("▔", 1)[0].split())  # the header, its lines wrapped
    for answer in (
        "No career talk in 6 weeks: Sam Okafor (no 1:1 yet)",
        "No one ready to back-fill: the roles of Priya Raman and Sam Okafor",
        "Ready for more within a year: Priya Raman for my role",
        "Your promises to them: 1 open · 1 overdue, the longest: intro to the staff "
        "engineers (Priya Raman, due Wed 9 Dec)",
        "How you listen, the last 4 weeks:",
    ):
        assert answer in header
    cards = " ".join(screen.split("▔", 1)[1].split())
    assert (
        "Priya Raman — 1 promise of mine overdue; next step overdue 3 days; their growth "
        "plan is slipping"
    ) in cards.replace(" ▎ ▊", "")
    assert "growth plan: Tech lead within a year — slipping since 9 Dec: on call th…" in screen
    assert "career talk 1 week ago · aspiration: wants to lead a small team" in screen
    assert "next step: shadow Sam's on-call (overdue since Fri 11 Dec)" in screen
    assert "my promises 1 open · kept 0% · 1 overdue · exposure 6 days ago" in screen
    assert "Sam Okafor — no 1:1 yet" in screen
    # The bench from the team view: Priya named ready now for Sam's role.
    home.type("b")
    home.wait_for("The bench · who could step into each role")
    home.key("Down")  # from the first role (Priya's: no one named) to Sam's
    home.type("n")
    home.wait_for("Who could step into Sam Okafor's role?")
    home.type("priya now: ran the incident review", enter=True)
    home.wait_for("Priya Raman — ready now · ran the incident review")
    home.key("Escape")
    screen = home.wait_for("Ready for more now: Priya Raman for Sam Okafor's role")
    assert "No one ready to back-fill: the role of Priya Raman" in " ".join(screen.split())
    home.key("Down")
    home.key("Enter")  # Priya, the second
    screen = home.wait_for("Exposure given  (the last one 6 days ago · l logs one)")
    assert "Priya Raman" in screen
    home.key("C-q")
    assert home.exit_code() == 0
