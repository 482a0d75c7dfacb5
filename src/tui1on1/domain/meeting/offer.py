"""What a segment offers on the prompt card, in order (the rule is in
:mod:`tui1on1.domain.prompts`): its lead first; a question asked in an
earlier segment of this meeting never; a follow-up only after an ask there;
questions about what was carried over only when something was."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui1on1.domain.agenda import ScheduledSegment
from tui1on1.domain.meeting.asked import AskedRef, MeetingQuestion
from tui1on1.domain.prompts import AskedBefore, PromptDeck, follow_ups, segment_questions

#: Questions about what was carried over from earlier meetings: offered only
#: when something was (a first follow-up on nothing rings hollow).
FOLLOW_UP_CATEGORY = "follow-up"


@dataclass(frozen=True)
class SegmentOffer:
    questions: Sequence[MeetingQuestion]  # suited to this person
    history: Mapping[str, AskedBefore]
    carried: int  # open actions and waiting topics from earlier meetings

    def open(
        self, segment: ScheduledSegment, asked: Sequence[AskedRef]
    ) -> PromptDeck[MeetingQuestion]:
        """A segment's prompts, from its lead on. One asked in this segment
        already (a resumed meeting) is current, with the follow-ups after it."""
        here = [ref.slug for ref in asked if ref.segment == segment.index]
        earlier = {ref.slug for ref in asked} - set(here)
        offered = self._offered()
        deck = PromptDeck(
            segment_questions(offered, segment.categories, segment.lead, self.history, skip=earlier)
        )
        if here:
            by_slug = {q.slug: q for q in self.questions}
            if here[-1] in by_slug:
                deck.pick(by_slug[here[-1]])
            self.add_follow_ups(deck, segment, asked)
        return deck

    def add_follow_ups(
        self,
        deck: PromptDeck[MeetingQuestion],
        segment: ScheduledSegment,
        asked: Sequence[AskedRef],
    ) -> None:
        """Once something was asked in the segment: its follow-ups next."""
        skip = {ref.slug for ref in asked}
        deck.add_next(follow_ups(self._offered(), segment.categories, self.history, skip=skip))

    def _offered(self) -> Sequence[MeetingQuestion]:
        if self.carried:
            return self.questions
        return [q for q in self.questions if q.category != FOLLOW_UP_CATEGORY]
