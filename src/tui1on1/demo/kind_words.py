"""What a demo note of each kind says: wins, concerns, decisions, open
questions, parked topics and actions (theirs and mine).

Templates, filled from :mod:`tui1on1.demo.slot_words`, grouped for two
audiences: ``"report"`` (someone who reports to you) and ``"up"`` (your
manager or skip-level).
"""

from __future__ import annotations

WINS: dict[str, tuple[str, ...]] = {
    "report": (
        "{project} shipped {when_past}",
        "ran the incident during {event} calmly",
        "first solo release of {area}",
        "{colleague} thanked them for help with {skill}",
        "their talk at {conference} went well",
        "cut build times in {area} by half",
        "onboarded {colleague} without me asking",
        "{doc} got praise from the {team} team",
        "fixed the old bug in {area} nobody wanted",
        "took a full week off and the team coped",
    ),
    "up": (
        "{them} backed the plan for {project}",
        "got headcount for {team}",
        "{them} praised the team in the all-hands",
        "budget for {conference} approved",
    ),
}  # fmt: skip

CONCERNS: dict[str, tuple[str, ...]] = {
    "report": (
        "workload: {area} plus on-call is too much #oncall",
        "{drainer} is wearing them down",
        "feels invisible on {project}",
        "not sure the {role_aspired} path exists here",
        "paged {n} times last week #oncall",
        "friction with {colleague} over reviews in {area}",
        "only person who knows {area}",
        "hasn't taken a day off since {event}",
        "worried the reorg hits {team}",
        "promo to {role_aspired} feels far away; frustration showing",
        "on-call rota for {area} is thin this month #oncall",
    ),
    "up": (
        "{them} seems stretched thin",
        "headcount for {team} may be frozen",
        "{priority} pressure will land on us",
        "mixed signals on {project} from above",
    ),
}  # fmt: skip

DECISIONS: dict[str, tuple[str, ...]] = {
    "report": (
        "agreed: {colleague} pairs with them on {area} for {days}",
        "they'll lead {project}",
        "{project} moves to next quarter",
        "going for the {role_aspired} track; revisit {timeframe}",
        "drop {drainer} from their week where we can",
        "they take the slot at {conference}",
        "no new side projects until {project} ships",
        "our 1:1 moves to {slot_time}",
        "swap on-call weeks with {colleague} #oncall",
    ),
    "up": (
        "I own {project} from here",
        "we pause hiring for {team} until {event}",
        "{priority} comes first this quarter",
        "I present {project} at {event}",
    ),
}  # fmt: skip

OPEN_QUESTIONS: dict[str, tuple[str, ...]] = {
    "report": (
        "is there an opening for {role_aspired} on {team}?",
        "does the ladder have a path for {role_aspired}?",
        "what would it take to get budget for {conference}?",
        "who else could cover on-call for {area}? #oncall",
        "what does good look like in {skill} at the next level?",
        "would {team} take them for a rotation?",
        "is {project} still the right stretch?",
    ),
    "up": (
        "what happens to {team} after the reorg?",
        "is {priority} really the top priority, or {priority2}?",
        "who decides on {project} now?",
        "how is my performance read above?",
    ),
}  # fmt: skip

PARKED: dict[str, tuple[str, ...]] = {
    "report": (
        "the moonshot ({moonshot}): longer talk, maybe over lunch",
        "pay questions: park until the review cycle",
        "title change to {role_aspired}: after the review",
        "relocation idea: {city}",
        "whether to go part-time, next month",
        "switching to {team}: park until after {event}",
        "whether {role_aspired} is right deserves its own hour",
        "their idea for {area}: a session with the team",
    ),
    "up": (
        "my own growth: park for the quarterly",
        "how {team} should be structured",
        "budget for {conference} next year",
    ),
}  # fmt: skip

ACTIONS_THEM: dict[str, tuple[str, ...]] = {
    "report": (
        "draft the outline of {doc} for {project}",
        "book a coffee with {colleague} about {skill}",
        "pick a course on {skill}",
        "write up the risks in {area}",
        "submit the talk idea for {conference}",
        "shadow {colleague} on one incident #oncall",
        "list three things they'd change about {area}",
        "send me a first draft of {doc}",
        "try one week without {drainer}",
        "mark gaps against the ladder for {role_aspired}",
        "pair with {colleague} on {project}",
        "take a real day off", "block two focus mornings for {project}",
    ),
    "up": (
        "share the numbers on {priority} with me",
        "check budget for {conference}",
        "talk to {team} leadership about {project}",
        "send the reorg plan when ready",
    ),
}  # fmt: skip

ACTIONS_ME: dict[str, tuple[str, ...]] = {
    "report": (
        "intro to {colleague} from {team}",
        "ask about budget for {conference}",
        "find someone working as {role_aspired} for them to shadow",
        "send them {doc}",
        "check the promo timeline for {role_aspired}",
        "get them a seat at {event}",
        "raise the on-call load in {area} with SRE #oncall",
        "move our 1:1 to {slot_time}",
        "credit {project} in the next all-hands",
        "ask {colleague} to mentor them on {skill}",
        "read their draft of {doc}",
    ),
    "up": (
        "send {them} a one-pager on {project}",
        "bring data on {priority}",
        "write up the {team} hiring case",
        "prepare options for {area}",
        "draft {doc} for {event}",
    ),
}  # fmt: skip
