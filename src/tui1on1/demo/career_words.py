"""The stuff of the demo's career stories: directions, reasons, dreams and steps.

Written for this project. :mod:`tui1on1.demo.career_story` picks from these
to give each person a year that holds together: an aspiration that shifts
once or twice (each :class:`Track` is one direction, with its own plan steps),
the value under their *why*, a moonshot, and the steps they agree and finish.
How each of these is said is :mod:`tui1on1.demo.career_lines`'.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Track:
    """One career direction: the ways it's said (noun phrases, the first the
    plainest), the role word other notes use (one of
    ``slot_words.SLOTS["role_aspired"]``) and the steps towards it."""

    goals: tuple[str, ...]  # "leading a small team", "a team lead role, small team"...
    role: str
    steps: tuple[str, ...]  # actions for them, in the order they'd come

    @property
    def goal(self) -> str:
        return self.goals[0]


TRACKS: tuple[Track, ...] = (
    Track(
        ("leading a small team", "a small-team lead role", "leading three or four people"),
        "team lead for a small team",
        (
            "run the team retros for the next quarter",
            "mentor {colleague} through their first on-call",
            "shadow me in two hiring loops",
            "lead sprint planning for {project}",
            "run a team offsite session on how we review code",
        ),
    ),
    Track(
        ("the staff path on {area}", "staff engineer on {area}", "the staff track on {area}"),
        "staff engineer",
        (
            "write the design doc for {project}",
            "run the architecture review for {area}",
            "own one cross-team problem in {area}",
            "present the roadmap for {area} at {event}",
        ),
    ),
    Track(
        ("engineering management", "managing engineers", "the manager track"),
        "engineering manager",
        (
            "take over the interns' weekly check-ins",
            "read the manager ladder and mark the gaps",
            "run a growth chat with {colleague} and debrief with me",
            "run a hiring loop end to end",
            "cover for me in staff meeting for two weeks",
        ),
    ),
    Track(
        ("tech lead on {project}", "leading {project} technically", "the tech lead seat"),
        "tech lead",
        (
            "run the weekly sync for {project}",
            "write the milestones for {project}",
            "own the release plan for {project}",
            "run the go/no-go meeting for {project}",
        ),
    ),
    Track(
        ("a product role, maybe PM", "product management", "moving over to product"),
        "product manager",
        (
            "sit in on three customer calls",
            "write the problem statement for {project}",
            "spend a sprint alongside the {team} PM",
            "run the user interviews for {area}",
        ),
    ),
    Track(
        ("architecture across teams", "an architect role", "cross-team architecture work"),
        "architect",
        (
            "draft the ADR for {project}",
            "join the architecture forum for a quarter",
            "map the dependencies between {area} and {team}",
            "review two design docs from {team}",
        ),
    ),
    Track(
        ("going deep on the platform", "platform specialist work", "becoming the platform expert"),
        "platform specialist",
        (
            "take the on-call lead for {area} for a month",
            "write the runbook for {area}",
            "cut the build time in {area} and write up how",
            "run a lunch-and-learn on {area}",
        ),
    ),
    Track(
        ("developer advocacy", "developer relations", "talks and writing for developers"),
        "developer advocate",
        (
            "submit a talk on {project} to {conference}",
            "write a blog post about {project}",
            "run the internal demo at {event}",
            "record a short walkthrough of {area}",
        ),
    ),
    Track(
        ("a move into security", "security engineering", "the security team one day"),
        "security specialist",
        (
            "join the security review rota",
            "do the threat model for {project}",
            "pick a course on application security",
            "pair with {team} on the next pen-test findings",
        ),
    ),
    Track(
        ("a hands-on principal role", "the principal track", "staying hands-on as a principal"),
        "principal engineer",
        (
            "take the hardest open problem in {project}",
            "lead the next incident review",
            "write up the performance work on {area}",
            "mentor {colleague} through their part of {project}",
        ),
    ),
)

ORIGINS: tuple[str, ...] = (
    "a former lead did this for them and it stuck",
    "felt it most while leading {project}",
    "saw what a good lead changed for the team last year",
    "watched a parent run a small business",
    "their first job had nobody to learn from",
    "the best week they remember was {energizer} with no meetings",
)
VALUES: tuple[str, ...] = (
    "autonomy", "craft", "visible impact", "learning all the time", "being trusted",
    "helping people grow", "building things customers touch", "real ownership",
    "hard problems", "a sane pace", "fairness on the team",
)  # fmt: skip

TIMEFRAMES: tuple[str, ...] = (
    "in two years", "within a year or so", "in 18 months", "eventually, no rush",
    "in three to five years", "by the next promo cycle", "once the reorg settles",
)  # fmt: skip

# Dealt out across the roster (see generate.iter_people): no two people share one.
MOONSHOTS: tuple[str, ...] = (
    "start a developer tools company", "run engineering at a climate startup",
    "write the book on testing legacy code", "build a small games studio",
    "lead an engineering org of fifty", "teach computer science",
    "maintain a widely used open-source project", "give a keynote at a big conference",
    "found a coding school for career changers", "build tools for blind developers",
    "be CTO of a health-tech company", "design a programming language people use",
    "run a bike repair shop with a workshop for kids", "ship software that flies on a satellite",
    "open a small software consultancy", "write a novel, on the side",
    "build the tools a hospital runs on", "sail for a year and work remotely",
)  # fmt: skip

# Strengths anyone on the team may have, and those a role's daily work brings
# (matched on words in the role's name); see :func:`skills_for`.
COMMON_SKILLS: tuple[str, ...] = (
    "writing design docs", "mentoring juniors", "estimation", "running retros",
    "clear status updates", "pairing", "explaining tradeoffs to non-engineers",
    "fast prototyping", "interviewing", "presenting to a big room", "product thinking",
)  # fmt: skip
ROLE_SKILLS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("backend", "platform", "data", "full-stack", "staff", "tech lead"),
        ("SQL tuning", "data modelling", "system design", "debugging production issues",
         "code review", "test-first work", "untangling legacy code"),
    ),
    (("reliability", "platform"), ("incident command", "debugging production issues")),
    (
        ("frontend", "mobile", "android", "full-stack"),
        ("accessibility", "code review", "test-first work", "untangling legacy code",
         "debugging production issues"),
    ),
    (("machine learning", "data"), ("data modelling", "SQL tuning", "system design")),
    (("qa",), ("test-first work", "debugging production issues", "code review")),
    (("security",), ("incident command", "code review", "system design")),
    (("designer",), ("accessibility",)),
    (("junior",), ("code review", "test-first work", "debugging production issues")),
    (("manager",), ("incident command", "system design", "code review")),
)  # fmt: skip


def skills_for(role: str) -> tuple[str, ...]:
    """The strengths someone in ``role`` may have: the common ones and their role's."""
    name = role.casefold()
    own = [s for words, skills in ROLE_SKILLS if any(w in name for w in words) for s in skills]
    return tuple(dict.fromkeys((*COMMON_SKILLS, *own)))


# The strength a plan step puts to work, where it plainly does (by step template).
STEP_SKILLS: dict[str, str] = {
    "run the team retros for the next quarter": "running retros",
    "mentor {colleague} through their first on-call": "mentoring juniors",
    "shadow me in two hiring loops": "interviewing",
    "run a hiring loop end to end": "interviewing",
    "take over the interns' weekly check-ins": "mentoring juniors",
    "write the design doc for {project}": "writing design docs",
    "draft the ADR for {project}": "writing design docs",
    "run the architecture review for {area}": "system design",
    "review two design docs from {team}": "system design",
    "present the roadmap for {area} at {event}": "presenting to a big room",
    "run the internal demo at {event}": "presenting to a big room",
    "submit a talk on {project} to {conference}": "presenting to a big room",
    "write the milestones for {project}": "estimation",
    "lead the next incident review": "incident command",
    "take the on-call lead for {area} for a month": "incident command",
    "write the problem statement for {project}": "product thinking",
    "run the user interviews for {area}": "product thinking",
    "mentor {colleague} through their part of {project}": "mentoring juniors",
    "run the weekly sync for {project}": "clear status updates",
    "sit in on three customer calls": "explaining tradeoffs to non-engineers",
}

# Steps once a direction's own steps are all taken, in this order.
PLAN_NEXT: tuple[str, ...] = (
    "ask {colleague} for honest feedback on the last few steps",
    "write half a page on what they learned so far",
    "agree the next step towards {goal} at {event}",
)

# Answers to the career-category questions whose answers stay out of the
# thread (the bank marks them career = "none"), by question slug.
OFF_THREAD: dict[str, tuple[str, ...]] = {
    "aspiration-expected-path": (
        "people expect them to go into management; not keen",
        "everyone assumes they'll stay on {area} forever",
    ),
    "strengths-compensating": (
        "pairs with {colleague} when it isn't their thing",
        "writes a checklist and grinds through it",
    ),
    "plan-my-part": (
        "wants from me: an intro to someone on {team}",
        "wants me to guard their focus time",
    ),
    "plan-make-room": (
        "could drop {drainer} to make room",
        "hand triage for {area} to {colleague}",
    ),
    "plan-check-point": ("look again after {event}", "check on it in two weeks"),
    "plan-likely-blocker": (
        "likely blocker: {drainer}; agreed to guard the time",
        "a {project} crunch could crowd it out",
    ),
    "plan-who-else-knows": ("{colleague} should know; they'll tell them",),
    "plan-confidence": ("seven out of ten; a ten if {project} calms down", "eight, they said"),
    "plan-take-off-your-plate": ("they'd like me to take {project} off their plate",),
}

# Answers for the people above you (only plan-one-step asks them for a step).
UP_AGREED: tuple[str, ...] = (
    "agreed: I send the one-pager on {project}; they check the budget",
    "agreed: I bring data on {priority}; they talk to {team} leadership",
    "agreed: I prepare options for {area}; they decide by {event}",
)
