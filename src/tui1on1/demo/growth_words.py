"""The words of the demo's growth plans: for each career direction (a
:class:`~tui1on1.demo.career_words.Track`, by its role word) the goal a
manager and report would set for it, a smaller first goal, and the options
someone heading that way would bring; and how a plan's status is said.

Written for this project. ``{area}`` and ``{project}`` are the person's own
(as their career notes say them), else the defaults below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanWords:
    """A direction's plans: the goal now and its options, and a first,
    smaller goal (the one achieved before it) with its options."""

    goal: str
    options: tuple[str, str, str]
    first: str
    first_options: tuple[str, str]


DEFAULTS = {"area": "the platform", "project": "the next big project"}

PLANS: dict[str, PlanWords] = {
    "team lead for a small team": PlanWords(
        "Ready to lead a small team when the next one forms",
        (
            "lead the two new joiners as a mini-team",
            "act as lead for the team while I'm on leave",
            "take over 1:1s with the two juniors, with me as backup",
        ),
        "Run the team's retros and sprint planning for a quarter",
        ("run retros and planning, with me sitting in", "run only the retros for now"),
    ),
    "staff engineer": PlanWords(
        "Staff engineer on {area}: a promotion case by the next cycle",
        (
            "own the roadmap for {area} for two quarters",
            "lead the cross-team migration off the old job queue",
            "write the technical strategy for {area}",
        ),
        "Write one design doc that lands across two teams",
        ("the design doc for the retry rework", "co-write the caching doc with the staff engineer"),
    ),
    "engineering manager": PlanWords(
        "Try management for real: lead two people by spring",
        (
            "manage two people on the team for six months, with me coaching",
            "take the new-manager course first, then decide",
            "shadow the platform manager for a month",
        ),
        "A first taste of managing: the interns' check-ins for a term",
        ("run the interns' weekly check-ins", "run the onboarding buddy programme"),
    ),
    "tech lead": PlanWords(
        "Tech lead on {project} by the next planning cycle",
        (
            "lead {project} with me as backup for a quarter",
            "co-lead {project} with the current lead, then take over",
            "lead a smaller project first, then {project}",
        ),
        "Lead one workstream from kickoff to release",
        ("lead the API workstream", "lead the migration workstream"),
    ),
    "product manager": PlanWords(
        "Find out if product is for them: a trial PM role within the year",
        (
            "a three-month rotation with the product team",
            "take on PM duties for the internal tools",
            "the product course first, then shadow a PM",
        ),
        "Own the problem statement and the user research for one feature",
        ("the onboarding flow", "the export feature customers keep asking for"),
    ),
    "architect": PlanWords(
        "Architecture across teams: own one cross-team design end to end",
        (
            "join the architecture forum as a regular member",
            "own the design of the shared event bus",
            "review every design doc that touches our APIs for a quarter",
        ),
        "Get the team's ADRs written and reviewed outside the team",
        ("write the first three ADRs", "set up the ADR template and review"),
    ),
    "platform specialist": PlanWords(
        "Become the go-to person for {area}",
        (
            "take the on-call lead for {area} for a quarter",
            "rewrite the deploy docs and run the training",
            "pair with the SRE team one day a week",
        ),
        "Own one piece of the platform end to end: the build cache",
        ("own the build cache", "own the CI runners"),
    ),
    "developer advocate": PlanWords(
        "Developer advocacy: a talk outside the company and a post a month",
        (
            "submit a talk to a conference this year",
            "write a monthly post on the engineering blog",
            "run the internal demo day every quarter",
        ),
        "Give one internal tech talk and write it up",
        ("a talk on how we test", "a talk on the search rewrite"),
    ),
    "security specialist": PlanWords(
        "Move towards security: on the security rota and certified",
        (
            "join the security review rota one week a month",
            "take the application security course",
            "a three-month rotation with the security team",
        ),
        "Threat-model one of our services with the security team",
        ("the payments service", "the public API"),
    ),
    "principal engineer": PlanWords(
        "Principal engineer, hands-on: lead the hardest technical problem this year",
        (
            "take the search latency problem",
            "lead the incident reviews for a quarter",
            "mentor two seniors through their first design docs",
        ),
        "Own one hard performance problem end to end and write it up",
        ("the slow report queries", "the memory growth in the workers"),
    ),
}

ON_TRACK: tuple[str, ...] = (
    "",
    "first step under way",
    "the team knows; started last week",
)
SLIPPING: tuple[str, ...] = (
    "the release crunch ate the time",
    "two weeks of on-call, nothing moved",
    "waiting on a start date from the team",
    "the reorg put it on hold for now",
    "out sick a week, then catching up",
)
BACK_ON_TRACK: tuple[str, ...] = (
    "back on it after the release",
    "caught up; the first milestone is done",
    "the team agreed a start date",
    "moving again since the reorg settled",
)
ACHIEVED: tuple[str, ...] = (
    "done; the team asked them to keep it going",
    "done, and ready for the bigger step",
)
MOVED_ON: tuple[str, ...] = (  # achieved, and then they changed direction
    "done, and it showed them what they want next",
    "done; glad they tried it, it settled the question",
)
