"""How the demo's career answers are written down: a manager's quick notes of
what the person said, and now and then their own words (a quote).

Written for this project. Each element has lines for the first time a thing
is said, for saying it again (other words, the same direction), for a change
of mind, for a detail typed after the answer, and for a mention in passing
that the manager marks. :mod:`tui1on1.demo.career_story` picks a line that
differs from the last one said for that element.

Templates are ``str.format`` strings over the story's values: ``{goal}`` (a
way of saying the current direction), ``{old}`` (the one before), ``{since}``
(the month it was first said), ``{value}``, ``{origin}``, ``{moonshot}``,
``{strength}``, ``{unused}``, ``{drainer}``, ``{energizer}``, ``{step}``,
``{prev}``, ``{progress}`` and the person's ``{area}``, ``{project}``,
``{colleague}``, ``{team}``, ``{event}``, ``{conference}``, ``{timeframe}``,
``{skill}``. A line with ``{since}`` is only used when there is a month to name.

:data:`ANSWERS` lists every template a note in a career entry may come from,
by element, so tests can tell an answer's element from its text.
"""

from __future__ import annotations

from tui1on1.demo.career_words import PLAN_NEXT, TRACKS, UP_AGREED
from tui1on1.domain.kinds import CareerElement

ASPIRATION_FIRST: tuple[str, ...] = (
    "leaning towards {goal}, {timeframe}",
    "drawn to {goal}; enjoys {energizer} most today",
    "{goal} came up as the next thing, {timeframe}",
    "{goal} is what they're after, {timeframe}",
)
ASPIRATION_AGAIN: tuple[str, ...] = (
    "{goal} still, no change there",
    "{goal}, as in {since}, and more sure of it now",
    "{goal} still the aim; we talked about what it looks like day to day",
    "{goal}, {timeframe}: no change since we last talked",
    "{goal} again, and less hesitant saying it",
    "keeps coming back to {goal}",
    "{goal}; wants to try a slice of it before committing",
    "{goal} — asked what the next level up expects",
    "{goal}, though not at the cost of {value}",
    "{goal} still; would rather not change teams for it",
    "{goal}, {timeframe}: more concrete than in {since}",
)
ASPIRATION_QUOTES: tuple[str, ...] = (
    "I keep thinking about {goal}. That's where I want to go",
    "honestly? {goal}. I don't want to rush it, though",
    "if you asked me today I'd say {goal}",
    "what I'd like next is {goal}",  # plain: anyone may say it (the rest are VOICED)
)
ASPIRATION_SHIFT: tuple[str, ...] = (
    "{goal} now rather than {old}",
    "{goal}, not {old} any more",
    "{goal} instead: {old} felt less like them after {event}",
    "{goal} now; said {old} back in {since}",
)
ASPIRATION_SHIFT_QUOTES: tuple[str, ...] = (
    "I've gone off {old}, to be honest. {goal} feels more like me",
)
ASPIRATION_MORE: tuple[str, ...] = (
    "asked who here has made that move",
    "wants to try a slice of it first",
    "would like to stay close to {area} on the way",
    "thinks {timeframe} is realistic",
)
ASPIRATION_PASSING: tuple[str, ...] = (
    "{goal}: mentioned in passing they're still set on it",
    "{goal}: it came up with {colleague} too; still the aim",
    "{goal}: brought it up again, unprompted",
    "{goal} came up while we talked about {project}",
)

# The why, from the first answer given to the one underneath it all.
WHY_LEVELS: tuple[tuple[str, ...], ...] = (
    (
        "the title and the pay, first of all; said so plainly",
        "mostly wants out of {drainer}",
        "wants more say in what gets built",
        "recognition, at first; didn't push further",
        "can't say why yet, it just feels right",
    ),
    (
        "bigger calls: wants to be trusted with them",
        "more {energizer}, less of everything else",
        "wants their work to reach customers sooner",
        "wants to be the one people ask about {skill}",
        "less about the title now, more what the work feels like",
    ),
    (
        "underneath it: {value}; {origin}",
        "it comes down to {value}",
        "{value}, more than any title; {origin}",
    ),
)
WHY_QUOTES: tuple[tuple[str, ...], ...] = (
    (
        "honestly, the money matters. I'm not going to pretend it doesn't",
        "I just want less {drainer} in my week",
        "I think I want more say in things, mostly",  # plain, as the third of each level
    ),
    (
        "when I'm {energizer} I lose track of time. I want more of that",
        "I want to be the one they call when it's hard",
        "I'd like more of the work I'm good at",
    ),
    (
        "for me it's {value}. It always has been, I think",
        "take away {value} and I'd be looking elsewhere, honestly",
        "it's {value} for me, really",
    ),
)
WHY_AGAIN: tuple[str, ...] = (
    "{value} again; got there faster this time",
    "came back to {value} without me asking",
    "same as in {since}: {value} is the driver",
    "{value} still; says the new work has to leave room for it",
    "{value}, and told me where it comes from: {origin}",
)
WHY_AFTER_SHIFT: tuple[str, ...] = (
    "why {goal}: same root as before, {value}",
    "the change fits: {value} was always the point",
    "{goal} leaves more room for {value} than {old} did",
)
WHY_MORE: tuple[str, ...] = (
    "long pause before answering",
    "said it twice, the second time more quietly",
    "where it started: {origin}",
    "hadn't put it into words before",
)

MOONSHOT_FIRST: tuple[str, ...] = (
    "the big dream: {moonshot}",
    "if nothing stood in the way: {moonshot}",
    "would {moonshot} one day; laughed, but meant it",
    "ten years out, they'd {moonshot}",
)
MOONSHOT_AGAIN: tuple[str, ...] = (
    "same dream as in {since}: {moonshot}",
    "{moonshot} — still the dream, less of a laugh this time",
    "still wants to {moonshot} one day",
    "the dream hasn't moved: {moonshot}",
    "talked about what it would take to {moonshot}",
)
MOONSHOT_QUOTES: tuple[str, ...] = (
    "one day I'm going to {moonshot}. Don't laugh",
    "if I could do anything? {moonshot}",
    "I'd love to {moonshot} one day",  # plain
)
MOONSHOT_SHIFT: tuple[str, ...] = (
    "new dream: {moonshot}; {old} doesn't pull any more",
    "the dream moved: {moonshot} rather than {old}",
)
MOONSHOT_MORE: tuple[str, ...] = (
    "closest thing here to it: {area}",
    "skills it needs: {strength}, {unused}",
    "first time they said it out loud",
)
MOONSHOT_PASSING: tuple[str, ...] = (
    "mentioned they'd love to {moonshot} one day",
    "joked about leaving to {moonshot}; half serious",
    "brought up the dream again: {moonshot}",
    "{moonshot} came up again over coffee",
)

# Strength answers by the question they answer (its slug): (notes, quotes),
# each fitting what that question asks; "" for any other question of the element.
STRENGTH_USED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "strengths-in-use": (
        ("strength in use: {strength}", "using {strength} most right now, on {project}"),
        ("right now it's {strength}, mostly on {project}",),
    ),
    "strengths-what-people-ask-you": (
        ("teammates come to them for {strength}",
         "{colleague} and others ask them about {strength}"),
        ("people keep asking me about {strength}. I like that",),
    ),
    "strengths-comes-easily": (
        ("{strength} comes easily; others find it hard",
         "finds {strength} easy, didn't know others don't"),
        (),
    ),
    "strengths-do-it-again": (
        ("{strength} — the thing they'd happily do again tomorrow",
         "last thing they'd do again tomorrow: {strength} on {project}"),
        ("{strength} is the bit of the job I'd do for free",),
    ),
    "strengths-repeated-praise": (
        ("praise they keep hearing: {strength}", "every review mentions their {strength}"),
        (),
    ),
    "strengths-overused": (
        ("{strength}, overdone: jumps in before others have tried",
         "leans on {strength} too hard when a deadline nears"),
        (),
    ),
    "strengths-underestimated": (
        ("thinks I underrate their {strength}", "says I underestimate their {strength}"),
        ("I don't think you see how much {strength} I do",),
    ),
    "strengths-assessment-results": (
        ("an assessment once named {strength}; it rang true",),
        (),
    ),
    "": (
        ("strength in use: {strength}",
         "at their best with {strength}, most of all when {energizer}"),
        (),
    ),
}  # fmt: skip
STRENGTH_NOW_USED: tuple[str, ...] = (
    "now using {unused} too; the step ({prev}) put it to work",
    "{unused} finally in use, thanks to the step ({prev})",
)
STRENGTH_USED_MORE: tuple[str, ...] = (
    "{colleague} says the same",
    "underrates it",
    "would like to use it more on {area}",
)
STRENGTH_USED_PASSING: tuple[str, ...] = (
    "helped {colleague} with {strength} again; clearly enjoys it",
    "lit up talking about {strength} on {project}",
    "{strength} came up again, this time on {project}",
    "mentioned {strength} again; it's what they reach for first",
)
# A strength their work leaves idle, by the question: barely touched, what
# would put it to work, the team's gap it could fill.
STRENGTH_UNUSED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "strengths-unused": (
        ("barely uses {unused} in this role", "{unused} sits idle here; nobody asks for it"),
        ("I used to do a lot of {unused}. I miss it",),
    ),
    "strengths-put-to-work": (
        ("would put {unused} to work on {project}",
         "a piece of {project} that needs {unused} would do it"),
        ("give me something on {project} that needs {unused}",),
    ),
    "strengths-team-gap": (
        ("team gap they could fill: {unused}", "nobody on the team owns {unused}; they could"),
        ("we're thin on {unused}, and I could help there",),
    ),
    "": (("barely uses {unused} in this role", "would like more call for {unused}"), ()),
}  # fmt: skip
STRENGTH_DRAINING: tuple[str, ...] = (
    "{drainer} drains them, even when it goes fine",
    "drained by {drainer}; does it well, dislikes it",
    "what takes it out of them: {drainer}",
    "{drainer} still the worst part of the week",
)
STRENGTH_DRAINING_QUOTES: tuple[str, ...] = ("{drainer} wipes me out, even on a good day",)
STRENGTH_UNUSED_MORE: tuple[str, ...] = (
    "worth finding room for",
    "didn't expect me to ask about it",
    "{colleague} could use help with exactly that",
)
STRENGTH_DRAINING_MORE: tuple[str, ...] = (
    "worth finding a way round it",
    "a week without {drainer} would show the difference",
)
STRENGTH_DRAINING_PASSING: tuple[str, ...] = (
    "another week of {drainer}; it wears them down",
    "said {drainer} ate most of their week again",
    "{drainer} again this week; sounded tired of it",
)

PLAN_ONGOING: tuple[str, ...] = (
    "still on: {step} ({progress})",
    "step under way: {step}, {progress}",
    "checked in on the step ({step}): {progress}",
    "{step} — {progress}, no change to the plan",
)
PLAN_PROGRESS: tuple[str, ...] = (
    "about halfway",
    "started, slower than hoped",
    "first part done",
    "a week lost to {drainer}, back on it",
    "going well",
    "nearly there",
    "stuck on a dependency, asked {colleague}",
)
PLAN_DONE: tuple[str, ...] = (
    "last step done: {prev}",
    "done with the last one ({prev}); went better than expected",
    "the last step ({prev}) is done",
)
PLAN_DROPPED: tuple[str, ...] = (
    "let the last step ({prev}) go with the change of direction",
    "the last step ({prev}) no longer fits the new direction; dropped",
)
PLAN_WHY: tuple[str, ...] = ("the step is towards {goal}", "a step on the way to {goal}")
PLAN_USES: tuple[str, ...] = ("it puts {unused} to use",)  # only a step that does

# The lines that sound like one person (their quotes, a turn of phrase): each
# group is dealt out across the roster so that no line is heard from more than
# two people (see :func:`tui1on1.demo.career_phrasing.deal`). Every other line
# is the manager's plain shorthand, used for anyone.
VOICED: tuple[tuple[str, ...], ...] = (
    ASPIRATION_QUOTES[:3],
    ASPIRATION_SHIFT_QUOTES,
    (
        "{goal} again, and less hesitant saying it",
        "{goal}; wants to try a slice of it before committing",
        "{goal} — asked what the next level up expects",
        "{goal}, though not at the cost of {value}",
        "{goal} still; would rather not change teams for it",
    ),
    ("asked who here has made that move", "wants to try a slice of it first"),
    ("{goal} instead: {old} felt less like them after {event}",),
    ("the title and the pay, first of all; said so plainly",
     "can't say why yet, it just feels right"),
    *(level[:2] for level in WHY_QUOTES),
    ("why {goal}: same root as before, {value}",),
    (
        "long pause before answering",
        "said it twice, the second time more quietly",
        "hadn't put it into words before",
    ),
    ("would {moonshot} one day; laughed, but meant it",),
    ("{moonshot} — still the dream, less of a laugh this time",),
    MOONSHOT_QUOTES[:2],
    ("first time they said it out loud",),
    ("joked about leaving to {moonshot}; half serious",),
    *(pair[1] for pair in STRENGTH_USED.values()),
    *(pair[1] for pair in STRENGTH_UNUSED.values()),
    ("lit up talking about {strength} on {project}", "underrates it"),
    ("{unused} sits idle here; nobody asks for it", "didn't expect me to ask about it"),
    ("{drainer} still the worst part of the week",),
    STRENGTH_DRAINING_QUOTES,
    ("done with the last one ({prev}); went better than expected",),
)  # fmt: skip

ANSWERS: dict[CareerElement, tuple[str, ...]] = {
    CareerElement.ASPIRATION: (
        *ASPIRATION_FIRST, *ASPIRATION_AGAIN, *ASPIRATION_QUOTES, *ASPIRATION_SHIFT,
        *ASPIRATION_SHIFT_QUOTES, *ASPIRATION_MORE, *ASPIRATION_PASSING,
    ),
    CareerElement.WHY: (
        *(t for level in WHY_LEVELS for t in level), *(t for level in WHY_QUOTES for t in level),
        *WHY_AGAIN, *WHY_AFTER_SHIFT, *WHY_MORE,
    ),
    CareerElement.MOONSHOT: (
        *MOONSHOT_FIRST, *MOONSHOT_AGAIN, *MOONSHOT_QUOTES, *MOONSHOT_SHIFT, *MOONSHOT_MORE,
        *MOONSHOT_PASSING,
    ),
    CareerElement.STRENGTH_USED: (
        *(t for pair in STRENGTH_USED.values() for lines in pair for t in lines),
        *STRENGTH_NOW_USED, *STRENGTH_USED_MORE, *STRENGTH_USED_PASSING,
    ),
    CareerElement.STRENGTH_UNUSED: (
        *(t for pair in STRENGTH_UNUSED.values() for lines in pair for t in lines),
        *STRENGTH_DRAINING, *STRENGTH_DRAINING_QUOTES, *STRENGTH_UNUSED_MORE,
        *STRENGTH_DRAINING_MORE, *STRENGTH_DRAINING_PASSING,
    ),
    CareerElement.PLAN: (
        *(step for track in TRACKS for step in track.steps), *PLAN_NEXT, *PLAN_ONGOING,
        *PLAN_DONE, *PLAN_DROPPED, *PLAN_WHY, *PLAN_USES, *UP_AGREED,
    ),
}  # fmt: skip
