"""The demo's own words: names, roles, and note templates with slot lists.

Everything here was written for this project (nothing is taken from the seed
articles). A template is a ``str.format`` string whose ``{slots}`` are filled
from :data:`SLOTS`; a person's profile pins some slots (their aspiration,
their moonshot, their main area) so their notes stay consistent over a year
while the rest varies. ``{them}`` is the person's first name and
``{colleague}`` someone else on the team.

Templates are grouped by what they record, for two audiences: ``"report"``
(someone who reports to you) and ``"up"`` (your manager or skip-level).
"""

from __future__ import annotations

# --- people -------------------------------------------------------------------

FIRST_NAMES: tuple[str, ...] = (
    "Ada", "Bea", "Chidi", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas",
    "Kavya", "Leon", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomás",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dev",
    "Elif", "Finn", "Greta", "Hugo", "Ivy", "Jamal", "Kofi", "Lina", "Marco", "Noor",
    "Oskar", "Pia", "Rafael", "Sofia", "Tariq", "Valeria", "Will", "Yara", "Anouk", "Ravi",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Fernández", "Kowalski",
    "Nguyen", "Schmidt", "Rossi", "Adeyemi", "Patel", "Costa", "Jansen", "Kim", "O'Brien",
    "Dubois", "Mensah", "Virtanen", "Silva", "Yilmaz", "Hughes", "Ito", "Brennan",
    "Castillo", "Eriksen", "Farouk", "García", "Hoang", "Ivanova", "Kaur", "Larsen",
    "Mwangi", "Nakamura", "Petrov", "Quist", "Reyes", "Sato", "Wójcik",
)  # fmt: skip

REPORT_ROLES: tuple[str, ...] = (
    "Backend engineer", "Senior backend engineer", "Frontend engineer",
    "Senior frontend engineer", "Staff engineer", "Site reliability engineer",
    "Data engineer", "Mobile engineer (iOS)", "Android engineer", "Platform engineer",
    "QA engineer", "Product designer", "Tech lead, payments", "Full-stack engineer",
    "Machine learning engineer", "Security engineer", "Junior developer",
    "Engineering manager, growth",
)  # fmt: skip

MANAGER_ROLES: tuple[str, ...] = (
    "Director of Engineering",
    "VP Engineering",
    "Head of Platform",
    "CTO",
)
SKIP_LEVEL_ROLES: tuple[str, ...] = ("VP Engineering", "CTO", "Chief Product Officer")

# --- slots --------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    "area": (
        "the billing service", "search", "the mobile app", "onboarding", "the data pipeline",
        "the design system", "checkout", "the public API", "observability",
        "the admin console", "notifications", "the CI pipeline", "login and identity",
        "the reporting dashboards", "the recommendations model", "internal tooling",
        "the payments integration", "the release process", "infra costs", "the help centre",
    ),
    "project": (
        "the Postgres upgrade", "the auth migration", "the pricing page rewrite",
        "the new on-call rota", "the flaky-test cleanup", "the SSO rollout",
        "the search relevance work", "the event bus move", "the Android release train",
        "the GDPR export", "the dashboard redesign", "the cache layer", "the monolith split",
        "the accessibility audit", "the Terraform cleanup", "the rate limiter",
        "the CSV import tool", "offline mode", "partner API v2", "the cloud cost review",
    ),
    "skill": (
        "system design", "writing design docs", "mentoring juniors",
        "debugging production issues", "estimation", "SQL tuning", "running retros",
        "product thinking", "clear status updates", "code review", "incident command",
        "pairing", "test-first work", "explaining tradeoffs to non-engineers",
        "fast prototyping", "untangling legacy code", "interviewing", "data modelling",
        "accessibility", "presenting to a big room",
    ),
    "role_aspired": (
        "staff engineer", "tech lead", "engineering manager", "principal engineer",
        "product manager", "architect", "team lead for a small team", "platform specialist",
        "head of engineering somewhere small", "solutions engineer", "developer advocate",
        "security specialist",
    ),
    "timeframe": (
        "in two years", "within a year or so", "in 18 months", "eventually, no rush",
        "in three to five years", "by the next promo cycle", "once the reorg settles",
        "sooner than I expected",
    ),
    "value": (
        "autonomy", "craft", "visible impact", "learning every week", "stability",
        "being trusted", "helping people grow", "building things customers touch",
        "a sane pace", "hard problems", "recognition", "real ownership",
    ),
    "why_reason": (
        "felt it most while leading the migration",
        "a former lead did this for them and it stuck",
        "gets restless without a hard problem",
        "wants to be the one people ask",
        "loves watching a team click",
        "money matters too, said so plainly",
        "wants a say in what gets built",
        "enjoys the teaching part more than the coding lately",
        "tired of firefighting, wants to fix causes",
        "wants to prove it to themselves",
        "saw what a good lead changed for the team last year",
        "likes the calm of deep technical work",
    ),
    "moonshot": (
        "start a dev tools company", "run engineering for a climate startup",
        "write a book on testing", "build a small game studio", "lead an org of fifty",
        "teach computer science", "maintain a big open-source project",
        "open a bakery, half joking", "run a small product from Lisbon",
        "give a keynote at a big conference", "found a coding school for career changers",
        "build tools for blind developers",
    ),
    "energizer": (
        "pairing with newer folks", "chasing a bug to the root", "shipping small things fast",
        "talking to customers", "cleaning up old code", "designing APIs",
        "whiteboarding architecture", "writing docs people actually read",
        "running a calm incident", "performance work", "prototyping", "teaching",
    ),
    "drainer": (
        "status meetings", "context switching", "flaky tests", "pager noise", "vague tickets",
        "reviewing huge PRs", "chasing approvals", "estimation rituals", "Slack all day",
        "rework after late spec changes", "sprint ceremonies", "night pages",
    ),
    "colleague": FIRST_NAMES,
    "team": (
        "platform", "data", "mobile", "payments", "growth", "security", "SRE", "design",
        "product", "support", "infra", "web",
    ),
    "event": (
        "the offsite", "planning week", "the customer visit", "the incident review",
        "hack week", "the all-hands", "the quarterly review", "the architecture forum",
        "the security audit", "the launch", "the board prep", "the hiring sprint",
    ),
    "conference": (
        "a local meetup", "PyCon", "KubeCon", "an internal tech talk", "the frontend guild",
        "a LeadDev day", "the data council", "a lightning talk at all-hands",
        "a workshop in Berlin", "the SRE summit",
    ),
    "doc": (
        "the RFC", "the design doc", "the runbook", "the promo packet", "the career ladder doc",
        "the postmortem", "the hiring rubric", "the quarterly plan", "the onboarding guide",
        "the ADR", "the roadmap draft", "the budget sheet",
    ),
    "feeling": (
        "tired but fine", "upbeat", "a bit flat", "stretched", "energised", "a little anxious",
        "calm", "frustrated", "relieved", "distracted", "steady", "quietly pleased",
    ),
    "wellbeing_reason": (
        "the launch is finally out", "sleep has been patchy", "too many meetings again",
        "on-call week just ended", "good progress on {project}", "waiting on the reorg news",
        "back from holiday", "a long week of interviews", "the team is gelling",
        "juggling two projects",
    ),
    "life": (
        "a house move", "a new baby at home", "a marathon in spring", "a parent in hospital",
        "a wedding to plan", "renovations", "evening classes", "a long trip coming up",
        "a kid starting school", "a visa renewal",
    ),
    "hobby": (
        "climbing", "sourdough", "chess", "cycling", "woodwork", "board games", "trail running",
        "film photography", "guitar", "gardening", "volunteering at a food bank", "kayaking",
    ),
    "previous": (
        "an agency", "a bank", "a two-person startup", "a games studio", "a university lab",
        "a consultancy", "a hospital IT team", "teaching maths", "a logistics company",
        "freelancing",
    ),
    "when_past": (
        "last week", "on Tuesday", "before the deadline", "a week early", "with zero rollbacks",
        "quietly, no drama", "right before the freeze", "over two sprints",
    ),
    "days": ("two days", "a week", "this sprint", "ten days", "a fortnight", "a month"),
    "praise": (
        "the update on {project} was crisp", "handled pushback from {team} calmly",
        "reviews got faster and kinder", "the demo at {event} landed well",
        "owned the outage and the follow-ups", "asked for help early this time",
        "the doc on {area} was the clearest in months", "made {colleague} feel welcome",
    ),
    "redirect": (
        "let others finish before jumping in", "share bad news sooner",
        "write down decisions after meetings", "say no to side requests more often",
        "keep PRs smaller", "give {colleague} room to lead", "flag risks on {project} earlier",
        "spend less time polishing slides",
    ),
    "ask_of_me": (
        "fewer last-minute priority changes", "more context before planning",
        "direct feedback, sooner", "to stop rescuing them in meetings",
        "the why behind the roadmap", "a clearer promo timeline", "less Slack after 7pm",
        "more credit in public for {project}", "shorter standups", "a real decision on {area}",
    ),
    "feedback_pref": (
        "in writing first, then a chat", "straight away, in private", "with concrete examples",
        "at the end of the week", "in our 1:1, not in Slack", "blunt is fine",
    ),
    "plan_step": (
        "pair with {colleague} on {skill} for {days}", "draft an outline of {doc}",
        "pick one course on {skill}", "lead the next incident review",
        "present {project} at {event}", "shadow me in one hiring loop",
        "write up what staff means here", "lead on-call for {area} for a month",
        "ask {colleague} for a mentoring coffee", "own the next release of {area}",
    ),
    "priority": (
        "hiring", "cost", "reliability", "the platform roadmap", "time to market",
        "security", "customer churn", "the Q3 launch", "developer productivity",
        "retention", "fewer surprises", "the board deck",
    ),
    "boss_strength": (
        "untangling org politics", "finance and budgets", "reading a room",
        "making quick calls", "customer stories", "long-range strategy",
        "spotting talent", "saying no nicely",
    ),
    "n": ("two", "three", "four", "five", "six"),
    "slot_time": (
        "Monday mornings", "Tuesday afternoons", "Wednesdays after standup", "Thursday at 10",
        "Friday mornings", "right after lunch",
    ),
    "daypart": ("mornings", "afternoons", "late evenings", "Fridays", "the first hour"),
    "city": ("Lisbon", "Berlin", "Toronto", "Nairobi", "Melbourne", "Dublin", "Seoul"),
}  # fmt: skip

# Slots a person keeps from meeting to meeting (most of the time), so their
# story holds together: the same aspiration, moonshot, home area and strengths.
PROFILE_SLOTS: tuple[str, ...] = (
    "area", "project", "skill", "role_aspired", "value", "why_reason", "moonshot",
    "energizer", "drainer", "hobby", "previous", "feedback_pref", "priority", "boss_strength",
)  # fmt: skip

# --- what a note records, by topic (question category) -------------------------

NOTES: dict[str, tuple[str, ...]] = {
    "aspiration": (
        "wants to be {role_aspired} {timeframe}",
        "aspiration: {role_aspired}",
        "sees themselves as {role_aspired} {timeframe}, not sure of the path",
        "career goal: {role_aspired}, but not at the cost of {value}",
        "wants more time on {skill}, less {drainer}",
        "thinking about {role_aspired}; wants to try it before committing",
        "still torn between {role_aspired} and staying hands-on",
        "would like to own {area} end to end",
        "says {role_aspired} {timeframe}; sounded surer than last time",
        "long-term: {role_aspired}. Short-term: get better at {skill}",
        "asked what {role_aspired} looks like here day to day",
        "wants the next step to be about {value}",
    ),
    "why": (
        "why: {value} — {why_reason}",
        "the real driver is {value}",
        "{why_reason}",
        "why {role_aspired}? {why_reason}",
        "underneath it: {value}, more than the title",
        "asked why twice; second answer was {value}",
        "energy comes from {energizer}",
        "most motivated when {energizer}",
        "says the title matters less than {value}",
        "why now: {why_reason}",
        "took a long pause, then: {value}",
        "cares about {value}; {drainer} gets in the way of it",
    ),
    "moonshot": (
        "moonshot: {moonshot}",
        "dream job: {moonshot}",
        "if nothing were in the way: {moonshot}",
        "big dream is to {moonshot}; laughed, but meant it",
        "moonshot unchanged: {moonshot}",
        "wants to {moonshot} one day; skills for it: {skill}, {skill2}",
        "in ten years: {moonshot}",
        "closest thing here to the moonshot: {area}",
    ),
    "strengths": (
        "strength in use: {skill}",
        "unused strength: {skill}, nobody asks for it",
        "lights up when {energizer}",
        "drained by {drainer}",
        "best week lately: {energizer}, no meetings",
        "others go to them for {skill}",
        "strong at {skill}; underrates it",
        "would like to use {skill} more on {area}",
        "what drains: {drainer}. What feeds: {energizer}",
        "{colleague} says they are the go-to for {skill}",
        "strengths list: {skill}, {skill2}, {energizer}",
    ),
    "growth": (
        "could shadow {colleague} on {skill}",
        "wants exposure to {event}",
        "interested in a quarter on the {team} team",
        "budget for {conference}: probably yes",
        "stretch idea: own {project} end to end",
        "bring them into {event} as an observer",
        "pair with {colleague} on {skill}",
        "course on {skill} — they'll pick one",
        "could give a talk at {conference} about {project}",
        "ask {colleague} to mentor them in {skill}",
        "wants to try leading {project}; I'd back it",
        "intro to someone on {team} doing {skill}",
    ),
    "plan": (
        "next step: {plan_step}",
        "plan for the quarter: {skill} plus {project}",
        "one tangible step: {plan_step}",
        "agreed to revisit the plan after {event}",
        "step from last time done; next: {plan_step}",
    ),
    "feedback": (
        "gave feedback: {praise}",
        "told them: {praise}",
        "suggested they {redirect}",
        "feedback for me: {ask_of_me}",
        "they asked for {ask_of_me}",
        "prefers feedback {feedback_pref}",
        "positive: {praise}. To work on: {redirect}",
        "asked how I could help: {ask_of_me}",
    ),
    "wellbeing": (
        "feeling {feeling} — {wellbeing_reason}",
        "energy: {feeling}",
        "{life} going on, may need flexible hours",
        "took a proper break after {event}, feels better",
        "workload ok this week", "workload heavy: {project} and {area} at once",
        "{wellbeing_reason}; seems {feeling}",
        "mostly {feeling}; {drainer} is the main irritant",
        "asked how they're really doing: {feeling}",
        "mentioned {life}; offered to move our slot",
    ),
    "getting-to-know": (
        "into {hobby} outside work",
        "came from {previous} before joining",
        "best work week: {energizer} with no meetings",
        "{life} coming up",
        "prefers Slack over email; {daypart} for deep work",
        "weekends are for {hobby}",
        "learned the job at {previous}; misses {value} from there",
        "proudest thing so far: {project}",
        "likes to think out loud; give them time",
    ),
    "follow-up": (
        "{project}: on track",
        "{doc} for {project} is in review",
        "the coffee with {colleague} happened, useful",
        "still blocked on access for {area}",
        "started the course on {skill}, halfway",
        "intro to {colleague} done; they meet next week",
        "last time's step slipped, {drainer} ate the week",
        "closed the loop on {doc}",
        "my action from last time ({doc}) done",
        "{project} demo moved to after {event}",
    ),
    "managing-up": (
        "{them} cares most about {priority} right now",
        "{them} is good at {boss_strength}; lean on that",
        "bring {them} the problem in {area}, they'd enjoy it",
        "{them} wants a one-page summary before {event}",
        "their worry: {priority}",
        "listened first this time, then proposed the fix",
        "{them} asked for fewer surprises on {project}",
        "priorities for the quarter: {priority}, then {priority2}",
        "{them} liked {doc}; wants it shared wider",
        "offered to take {project} off their plate",
        "{them} wants me to grow {colleague} into a lead",
        "got context on the reorg: {priority} drives it",
    ),
    "team": (
        "works best with {colleague}; some friction with {team} over {area}",
        "thinks {colleague} deserves credit for {project}",
        "the reorg feels {feeling}; wants to know what changes for {area}",
        "remote days work; feels out of the loop on {area} decisions",
        "decisions on {project} made without them; wants a say",
    ),
    "stay": (
        "stays for the people, {colleague} especially, and for {energizer}",
        "would be tempted by more {value}",
        "thought about leaving after {event}; better now",
        "one change: less {drainer}",
    ),
    "look-back": (
        "glad {project} shipped; {area} stalled on {drainer}",
        "the quarter: more {energizer}, less {drainer} next time",
    ),
    "onboarding": (
        "settling in; still unclear how {area} decisions get made",
        "wants to meet {colleague} from {team}",
        "first month: shadow {colleague} on {area}",
    ),
}  # fmt: skip

QUOTES: dict[str, tuple[str, ...]] = {
    "aspiration": (
        "I want people to come to me for {skill}",
        "I think I'm ready for {role_aspired} work",
        "I don't want to manage people yet",
        "I'd like my name on something that matters",
        "honestly I'm not sure what I want, and that bugs me",
    ),
    "why": (
        "I'd take {value} over a title any day",
        "when I'm {energizer}, the day flies",
        "I want to stop firefighting and fix the cause",
        "it's about {value}, if I'm honest",
    ),
    "moonshot": (
        "one day I'll {moonshot}, you watch",
        "don't laugh, but I'd love to {moonshot}",
    ),
    "strengths": (
        "if I could, I'd spend all week {energizer}",
        "{drainer}: it takes more out of me than it should",
        "I didn't know {skill} counted as a strength",
    ),
    "growth": (
        "I learn fastest by doing it badly first",
        "throw me in, I'll ask if I'm stuck",
        "I'd love to see how {team} does {skill}",
        "could I sit in on {event}?",
        "I've never had a mentor for {skill}",
    ),
    "feedback": (
        "just tell me straight, I can take it",
        "I didn't realise that came across that way",
        "that's fair, I'll work on it",
        "the thing with {colleague} still bugs me",
        "you could tell me sooner when {project} slips",
        "I'd like more feedback on {skill}",
    ),
    "wellbeing": (
        "honestly, {drainer} is eating my week",
        "I'm fine, just a lot going on",
        "I needed that break more than I knew",
        "since {event} I've been running on empty",
        "{life} is taking more of me than I expected",
        "weekends with {hobby} keep me sane",
    ),
    "general": (
        "I'm proud of how {project} went",
        "I'd like more time on {area}",
        "that's the first time anyone asked me that",
        "can we come back to this next time?",
        "nobody told me {project} was cancelled",
        "{colleague} has been great to work with",
        "I keep getting pulled into {area}",
        "I want to finish {project} before anything new",
    ),
    "up": (
        "bring me problems, not status",
        "I care about {priority} more than anything this quarter",
        "I trust your call on {area}",
        "what would you do if it were your budget?",
        "surprise me less, inform me more",
        "I want the team to own {project}, not you",
    ),
}  # fmt: skip

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

# Optional endings that make repeated notes read differently.
TAILS: tuple[str, ...] = (
    " — follow up next time",
    " (second time this came up)",
    " — worth watching",
    ", said it twice",
    " — new since last month",
    " (came up unprompted)",
    " — good sign",
    " — check back in a month",
    "; long pause before answering",
    " — I should say more about this",
)

# Tags by topic; a note gets one of these now and then.
TOPIC_TAGS: dict[str, tuple[str, ...]] = {
    "aspiration": ("career", "career", "aspiration"),
    "why": ("career", "motivation"),
    "moonshot": ("career", "moonshot"),
    "strengths": ("strengths", "growth"),
    "growth": ("growth", "growth", "learning"),
    "plan": ("growth", "plan"),
    "feedback": ("feedback",),
    "wellbeing": ("wellbeing", "workload"),
    "getting-to-know": ("personal",),
    "follow-up": ("followup",),
    "managing-up": ("strategy", "priorities", "upward"),
    "team": ("team",),
    "stay": ("retention",),
    "look-back": ("review",),
    "onboarding": ("onboarding",),
}

# How a meeting summary names what was covered.
TOPIC_PHRASES: dict[str, str] = {
    "aspiration": "their career aspiration",
    "why": "the why behind it",
    "moonshot": "the moonshot",
    "strengths": "strengths in use",
    "growth": "growth options",
    "plan": "next steps",
    "feedback": "feedback both ways",
    "wellbeing": "how they're doing",
    "getting-to-know": "getting to know each other",
    "follow-up": "last time's actions",
    "managing-up": "their priorities",
    "team": "the team",
    "stay": "what keeps them here",
    "look-back": "the quarter looked back on",
    "onboarding": "how they're settling in",
}

SUMMARY_OPENERS: tuple[str, ...] = (
    "Covered {topics}.",
    "Mostly {topics}.",
    "Talked through {topics}.",
    "{topics_cap}.",
    "Good one: {topics}.",
    "Short on time; {topics}.",
)
SUMMARY_NEXT: tuple[str, ...] = ("Next: {step}.", "Agreed: {step}.", "Step: {step}.")
SUMMARY_MOODS: tuple[str, ...] = (
    "Good energy.",
    "Quieter than usual.",
    "They did most of the talking.",
    "Ran a bit long.",
    "Felt rushed.",
    "Open and relaxed.",
    "",
    "",
)
