"""The commands about growing people: `exposure`, `plan`, `team`, `bench`
and `mirror` (their parsers; each command's work is in its own module)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui1on1.cli import Subcommands


def add_growth_parsers(sub: Subcommands) -> None:
    _add_exposure_parser(sub)
    _add_plan_parser(sub)
    _add_team_parser(sub)
    _add_bench_parser(sub)
    _add_mirror_parser(sub)


def _add_exposure_parser(sub: Subcommands) -> None:
    exposure = sub.add_parser(
        "exposure",
        help="log an opportunity given to NAME (a customer meeting, a talk…), or list their log",
        description=(
            "With KIND and TEXT: log an opportunity you gave NAME to be seen and to grow, on "
            "DAY (default today). Without them: NAME's exposure log, newest first, with how "
            "long since the last; those typed in a 1:1 with '* ' are listed too."
        ),
        epilog='examples: `tui1on1 exposure priya customer "sat in on the Acme renewal"`, '
        '`tui1on1 exposure priya intro "met Sam from platform" --on 3d`, '
        "`tui1on1 exposure priya`, `tui1on1 exposure priya --delete x3`",
    )
    exposure.add_argument(
        "name",
        metavar="NAME",
        help="who: their name, or a unique start of it or of any word in it",
    )
    exposure.add_argument(
        "kind",
        metavar="KIND",
        nargs="?",
        help="leadership, customer, presented, intro, stretch, lunch or other",
    )
    exposure.add_argument("text", metavar="TEXT", nargs="?", help="what happened, with whom")
    exposure.add_argument(
        "--on",
        metavar="DAY",
        help="when: today (default), yesterday, 3d (three days ago) or 2026-11-27",
    )
    exposure.add_argument(
        "--delete", metavar="REF", help="delete a logged exposure by its ref (x12)"
    )
    exposure.add_argument("--json", action="store_true", help="print JSON (see the README)")


def _add_plan_parser(sub: Subcommands) -> None:
    plan = sub.add_parser(
        "plan",
        help="NAME's growth plan: a goal for what they want, options, steps; or change it",
        description=(
            "Without WORDS: NAME's growth plan (the goal, what they want it for, the options "
            "they proposed and the one agreed, the steps with their due dates, how it stood "
            "over time), then the earlier plans. With WORDS, one change: goal TEXT (sets it, "
            "or rewords the open plan's), option TEXT, pick N, drop N, or how it stands: on "
            "track, slipping, stuck, achieved or set aside, then a note. Achieved and set "
            "aside close the plan. Steps are their career-plan actions (&p in a 1:1)."
        ),
        epilog='examples: `tui1on1 plan priya goal "lead the payments team within a year"`, '
        '`tui1on1 plan priya option "run the Q1 migration"`, `tui1on1 plan priya pick 1`, '
        '`tui1on1 plan priya slipping "no time while on call"`, `tui1on1 plan priya --json`',
    )
    plan.add_argument(
        "name",
        metavar="NAME",
        help="who: their name, or a unique start of it or of any word in it",
    )
    plan.add_argument("words", metavar="WORDS", nargs="*", help="one change (see above)")
    plan.add_argument("--json", action="store_true", help="print JSON (see the README)")


def _add_team_parser(sub: Subcommands) -> None:
    team = sub.add_parser(
        "team",
        help="every report, who needs you first: aspiration, career talk, next step, exposure",
        description=(
            "Your reports, who needs attention first: each one's current aspiration, weeks "
            "since the last career conversation, the next agreed step and whether it is "
            "overdue, days since their last exposure, your open promises to them and how "
            "many you kept, and what needs doing."
        ),
        epilog="examples: `tui1on1 team`, `tui1on1 team --json`",
    )
    team.add_argument("--json", action="store_true", help="print JSON (see the README)")


def _add_bench_parser(sub: Subcommands) -> None:
    bench = sub.add_parser(
        "bench",
        help="who could back-fill my role and each report's; or name someone for a role",
        description=(
            "Without NAME: my role and each report's, with who could step in (ready now, "
            "within a year, later), those with no one ready first. With NAME: name them for "
            "the role of WHOSE (a person, or me), or --remove them from it."
        ),
        epilog="examples: `tui1on1 bench`, `tui1on1 bench priya --for me --ready year`, "
        '`tui1on1 bench sam --for priya --ready now --note "ran on-call all autumn"`, '
        "`tui1on1 bench sam --for priya --remove`",
    )
    bench.add_argument(
        "name", metavar="NAME", nargs="?", help="who could step in (a unique start of the name)"
    )
    bench.add_argument("--for", dest="whose", metavar="WHOSE", help="whose role: a name, or me")
    bench.add_argument("--ready", metavar="WHEN", help="now, year (within a year) or later")
    bench.add_argument("--note", metavar="TEXT", help="why, in a few words")
    bench.add_argument("--remove", action="store_true", help="take them off that role")
    bench.add_argument("--json", action="store_true", help="print JSON (see the README)")


def _add_mirror_parser(sub: Subcommands) -> None:
    from tui1on1.domain.mirror import WINDOW_WEEKS  # the standard library only

    mirror = sub.add_parser(
        "mirror",
        help="how you run your 1:1s: pauses, career time, their agenda, cadence, promises",
        description=(
            "Six figures over the last weeks, worked out from what is on file (never stored, "
            "never exported): the pause you hold after asking, the 1:1s that reached their "
            "Career segment, whose talking points they were, segments that ran over, 1:1s "
            "held against your cadences, and your promises kept on time."
        ),
        epilog="examples: `tui1on1 mirror`, `tui1on1 mirror --weeks 12 --json`",
    )
    mirror.add_argument(
        "--weeks",
        type=int,
        choices=WINDOW_WEEKS,
        default=WINDOW_WEEKS[0],
        help=f"how many weeks back to look, today included (default {WINDOW_WEEKS[0]})",
    )
    mirror.add_argument("--json", action="store_true", help="print JSON (see the README)")
