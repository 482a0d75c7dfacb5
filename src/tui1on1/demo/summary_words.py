"""How a demo meeting's summary is worded: the topics covered, an opener, the
next step and the mood."""

from __future__ import annotations

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
