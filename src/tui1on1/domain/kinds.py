"""The small closed vocabularies of the data model, as string enums.

Their values are what the database stores, so never rename a value without a
migration.
"""

from __future__ import annotations

from enum import StrEnum


class NoteKind(StrEnum):
    """What a line in the notes pane is."""

    NOTE = "note"
    ACTION = "action"
    QUOTE = "quote"
    QUESTION = "question"  # an open question to come back to
    DECISION = "decision"
    WIN = "win"
    CONCERN = "concern"
    PARKED = "parked"  # a topic parked for a longer conversation
    EXPOSURE = "exposure"  # an opportunity given: see ExposureKind


class ExposureKind(StrEnum):
    """What kind of opportunity to be seen and to grow someone was given."""

    LEADERSHIP = "leadership"  # a leadership meeting attended
    CUSTOMER = "customer"  # a customer meeting
    PRESENTED = "presented"  # something they presented
    INTRO = "intro"  # an introduction to someone in my network
    STRETCH = "stretch"  # a stretch assignment
    LUNCH = "lunch"  # a lunch or coffee they set up with someone senior
    OTHER = "other"


class PlanOp(StrEnum):
    """One change to someone's growth plan (see ``domain.growth``)."""

    GOAL = "goal"  # set the goal (or reword the open plan's)
    OPTION = "option"  # an option they proposed for getting there
    PICK = "pick"  # the option agreed on (the manager narrows them)
    DROP = "drop"  # an option set aside
    STATUS = "status"  # how it stands now, with a short note


class PlanStatus(StrEnum):
    """How a growth plan stands; the last two close it."""

    STARTED = "started"
    ON_TRACK = "on_track"
    SLIPPING = "slipping"
    STUCK = "stuck"
    ACHIEVED = "achieved"
    SET_ASIDE = "set_aside"


class OptionState(StrEnum):
    PROPOSED = "proposed"
    PICKED = "picked"
    DROPPED = "dropped"


class Owner(StrEnum):
    """Who promised to do an action item."""

    ME = "me"
    THEM = "them"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ActionChange(StrEnum):
    """What changed in an action item after it was made (its history)."""

    DONE = "done"
    REOPENED = "reopened"  # open again after done or dropped
    DROPPED = "dropped"  # given up, with an optional reason
    DUE = "due"  # rescheduled: before/after are ISO dates ("" for none)
    OWNER = "owner"  # reassigned: before/after are "me" or "them"
    TEXT = "text"  # reworded: before/after are the texts


class MeetingStatus(StrEnum):
    LIVE = "live"
    ENDED = "ended"


class Relationship(StrEnum):
    """How the person relates to the manager using the app."""

    REPORT = "report"
    MANAGER = "manager"
    SKIP_LEVEL = "skip-level"  # your manager's manager
    PEER = "peer"
    SKIP_REPORT = "skip-report"  # someone who reports to one of your reports


class CareerElement(StrEnum):
    """One strand of a person's career thread (stored as a note's explicit mark)."""

    ASPIRATION = "aspiration"
    WHY = "why"
    MOONSHOT = "moonshot"
    STRENGTH_USED = "strength-used"
    STRENGTH_UNUSED = "strength-unused"  # unused, or used but draining
    PLAN = "plan"  # a plan step
