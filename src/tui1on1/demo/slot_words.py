"""What fills the demo's note templates: the slot lists.

Everything in the demo's word banks was written for this project (nothing is
taken from the seed articles). A template is a ``str.format`` string whose
``{slots}`` are filled from :data:`SLOTS` (see :class:`~tui1on1.demo.fill.Fill`);
a person's profile pins some slots (:data:`PROFILE_SLOTS`: their aspiration,
their moonshot, their main area) so their notes stay consistent over a year
while the rest varies. ``{them}`` is the person's first name and
``{colleague}`` someone else on the team.
"""

from __future__ import annotations

from tui1on1.demo.people_words import FIRST_NAMES

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
