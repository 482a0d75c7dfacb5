"""The words of the demo's career stories: directions, reasons, dreams and steps.

Written for this project. :mod:`tui1on1.demo.career_story` picks from these
to give each person a year that holds together: an aspiration that shifts
once or twice (each :class:`Track` is one direction, with its own plan steps),
a *why* that deepens (:data:`WHY_LEVELS`, surface first), a moonshot, the
strengths they use and one they don't, and the steps they agree and finish.

Templates are ``str.format`` strings. Their slots are the story's own values:
``{goal}`` (the current direction), ``{old}`` (the one before), ``{value}``,
``{origin}``, ``{moonshot}``, ``{strength}``, ``{unused}``, ``{drainer}``,
``{energizer}``, ``{step}``, ``{prev}``, ``{progress}`` and the person's
``{area}``, ``{project}``, ``{colleague}``, ``{team}``, ``{event}``,
``{conference}``, ``{timeframe}``, ``{skill}``.

:data:`ANSWERS` lists every template a note answering a career question may
come from, by element, so tests can tell an answer's element from its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui1on1.domain.kinds import CareerElement


@dataclass(frozen=True)
class Track:
    """One career direction: how it's said, the role word the other notes
    use (one of ``words.SLOTS["role_aspired"]``) and the steps towards it."""

    goal: str  # a noun phrase: "leading a small team"
    role: str
    steps: tuple[str, ...]  # actions for them, in the order they'd come


TRACKS: tuple[Track, ...] = (
    Track(
        "leading a small team",
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
        "the staff path on {area}",
        "staff engineer",
        (
            "write the design doc for {project}",
            "run the architecture review for {area}",
            "own one cross-team problem in {area}",
            "present the roadmap for {area} at {event}",
        ),
    ),
    Track(
        "engineering management",
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
        "tech lead on {project}",
        "tech lead",
        (
            "run the weekly sync for {project}",
            "write the milestones for {project}",
            "own the release plan for {project}",
            "run the go/no-go meeting for {project}",
        ),
    ),
    Track(
        "a product role, maybe PM",
        "product manager",
        (
            "sit in on three customer calls",
            "write the problem statement for {project}",
            "spend a sprint alongside the {team} PM",
            "run the user interviews for {area}",
        ),
    ),
    Track(
        "architecture across teams",
        "architect",
        (
            "draft the ADR for {project}",
            "join the architecture forum for a quarter",
            "map the dependencies between {area} and {team}",
            "review two design docs from {team}",
        ),
    ),
    Track(
        "going deep on the platform",
        "platform specialist",
        (
            "take the on-call lead for {area} for a month",
            "write the runbook for {area}",
            "cut the build time in {area} and write up how",
            "run a lunch-and-learn on {area}",
        ),
    ),
    Track(
        "developer advocacy, talks and writing",
        "developer advocate",
        (
            "submit a talk on {project} to {conference}",
            "write a blog post about {project}",
            "run the internal demo at {event}",
            "record a short walkthrough of {area}",
        ),
    ),
    Track(
        "a move into security",
        "security specialist",
        (
            "join the security review rota",
            "do the threat model for {project}",
            "pick a course on application security",
            "pair with {team} on the next pen-test findings",
        ),
    ),
    Track(
        "principal engineer, still hands-on",
        "principal engineer",
        (
            "take the hardest open problem in {project}",
            "lead the next incident review",
            "write up the performance work on {area}",
            "mentor {colleague} through their part of {project}",
        ),
    ),
)

ASPIRATION: tuple[str, ...] = (
    "aspiration for now: {goal}",
    "aiming at {goal}; says {timeframe}",
    "sees their next years as {goal}",
    "says {goal} {timeframe}; sounded sure",
    "enjoys {energizer} now; curious about {goal}",
    "where it leads: {goal}",
    "most drawn to {goal}",
)
ASPIRATION_SHIFT: tuple[str, ...] = (
    "changed their mind: {goal} rather than {old}",
    "aspiration moved: {goal} now, not {old}",
    "new direction: {goal}; {old} felt less like them after {event}",
)
ASPIRATION_MORE: tuple[str, ...] = (
    "asked what {goal} looks like here day to day",
    "wants to try a slice of it before committing",
    "not at the cost of {value}",
    "would like to get there without leaving {area}",
)

# The why, from the first answer given to the one underneath it all.
WHY_LEVELS: tuple[tuple[str, ...], ...] = (
    (
        "at first: the title and the pay, said it plainly",
        "mostly wants out of {drainer}",
        "wants more say in what gets built",
        "first answer was recognition; didn't dig further yet",
        "not sure yet, it just feels right",
    ),
    (
        "wants to be trusted with bigger calls",
        "gets energy from {energizer} and wants more of it",
        "wants their work to reach customers sooner",
        "wants to be the person people ask about {skill}",
        "less about the title now, more about what the work feels like",
    ),
    (
        "underneath it: {value}; {origin}",
        "the real driver is {value}, more than any title",
        "it comes back to {value}; {origin}",
        "asked why twice more: {value}, and it has been for years",
    ),
)
WHY_AFTER_SHIFT: tuple[str, ...] = (
    "why {goal}: same root as before, {value}",
    "the shift fits: {value} was always the point",
)
WHY_MORE: tuple[str, ...] = (
    "long pause before that one",
    "said it twice, the second time more quietly",
    "where it started: {origin}",
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
    "autonomy", "craft", "visible impact", "learning every week", "being trusted",
    "helping people grow", "building things customers touch", "real ownership",
    "hard problems", "a sane pace", "fairness on the team",
)  # fmt: skip

TIMEFRAMES: tuple[str, ...] = (
    "in two years", "within a year or so", "in 18 months", "eventually, no rush",
    "in three to five years", "by the next promo cycle", "once the reorg settles",
)  # fmt: skip

MOONSHOTS: tuple[str, ...] = (
    "start a developer tools company", "run engineering at a climate startup",
    "write the book on testing legacy code", "build a small games studio",
    "lead an engineering org of fifty", "teach computer science",
    "maintain a widely used open-source project", "give a keynote at a big conference",
    "found a coding school for career changers", "build tools for blind developers",
    "be CTO of a health-tech company", "design a programming language people use",
)  # fmt: skip
MOONSHOT: tuple[str, ...] = (
    "their moonshot: {moonshot}",
    "if nothing stood in the way: {moonshot}",
    "would {moonshot} one day; laughed, but meant it",
    "the big dream: {moonshot}",
    "ten years out: {moonshot}",
)
MOONSHOT_SHIFT: tuple[str, ...] = (
    "new moonshot: {moonshot} (it used to be: {old})",
    "moonshot changed: {moonshot}, not {old} any more",
)
MOONSHOT_MORE: tuple[str, ...] = (
    "closest thing here to it: {area}",
    "skills it needs: {strength}, {unused}",
    "first time they said it out loud",
)

STRENGTH_USED: tuple[str, ...] = (
    "strength in use: {strength}",
    "using {strength} most right now, on {project}",
    "teammates come to them for {strength}",
    "{strength} comes easily to them; others find it hard",
    "praise they keep hearing: {strength}",
    "at their best with {strength}, most of all when {energizer}",
)
STRENGTH_NOW_USED: tuple[str, ...] = (
    "now using {unused} too; the step ({prev}) put it to work",
    "{unused} finally in use, thanks to the last step: {prev}",
)
STRENGTH_USED_MORE: tuple[str, ...] = (
    "{colleague} says the same",
    "underrates it",
    "would like to use it more on {area}",
)
STRENGTH_UNUSED: tuple[str, ...] = (
    "barely uses {unused} in this role",
    "{unused} sits idle here; nobody asks for it",
    "would put {unused} to work on {project}",
    "team gap they could fill: {unused}",
    "{drainer} drains them, even when it goes fine",
    "drained by {drainer}; does it well, dislikes it",
)
STRENGTH_DRAINING: tuple[str, ...] = (
    "{drainer} drains them, even when it goes fine",
    "drained by {drainer}; does it well, dislikes it",
    "what takes it out of them: {drainer}",
)
STRENGTH_UNUSED_MORE: tuple[str, ...] = (
    "worth finding room for",
    "didn't expect me to ask about it",
    "a week without {drainer} would show the difference",
)

PLAN_ONGOING: tuple[str, ...] = (
    "still on: {step} ({progress})",
    "step under way: {step}, {progress}",
    "plan unchanged: {step}; {progress}",
)
PLAN_PROGRESS: tuple[str, ...] = (
    "about halfway",
    "started, slower than hoped",
    "first part done",
    "a week lost to {drainer}, back on it",
    "going well",
)
PLAN_MORE: tuple[str, ...] = (
    "last step done: {prev}",
    "dropped the old step ({prev}) with the change of direction",
)
PLAN_WHY: tuple[str, ...] = (
    "the step is towards {goal}",
    "it puts {unused} to use",
)
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
    "strengths-energy-ratio": (
        "about half energising, the rest wears them out",
        "maybe a third energising; {drainer} eats the rest",
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

# Answers for the people above you (only plan-agreed-actions asks them for a step).
UP_AGREED: tuple[str, ...] = (
    "agreed: I send the one-pager on {project}; they check the budget",
    "agreed: I bring data on {priority}; they talk to {team} leadership",
    "agreed: I prepare options for {area}; they decide by {event}",
)

ANSWERS: dict[CareerElement, tuple[str, ...]] = {
    CareerElement.ASPIRATION: ASPIRATION + ASPIRATION_SHIFT + ASPIRATION_MORE,
    CareerElement.WHY: (*(t for level in WHY_LEVELS for t in level), *WHY_AFTER_SHIFT, *WHY_MORE),
    CareerElement.MOONSHOT: MOONSHOT + MOONSHOT_SHIFT + MOONSHOT_MORE,
    CareerElement.STRENGTH_USED: STRENGTH_USED + STRENGTH_NOW_USED + STRENGTH_USED_MORE,
    CareerElement.STRENGTH_UNUSED: STRENGTH_UNUSED + STRENGTH_DRAINING + STRENGTH_UNUSED_MORE,
    CareerElement.PLAN: (
        *(step for track in TRACKS for step in track.steps),
        *PLAN_ONGOING,
        *PLAN_MORE,
        *PLAN_WHY,
        *PLAN_NEXT,
        *UP_AGREED,
    ),
}
