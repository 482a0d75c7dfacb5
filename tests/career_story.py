"""Three 1:1s with Ada, built through the Store the way the meeting screen
would: questions asked (ctrl+g), their answers, a Why? follow-up (ctrl+y), a
note in a later segment, a plan step, and the manager's marks.

Shared by the export/import tests and the `tui1on1 career` tests, which
check what the thread then holds and how it reads.

- 9 Nov: asked where next → "wants to lead a team within 2 years"; Why? →
  two answers; a later segment's note (no answer to anything).
- 23 Nov: asked their strengths → "debugging production incidents"; asked
  the one step → their action to shadow Sam; an aside marked "not career".
- 30 Nov: asked where next again → "staff engineer on the data platform"
  (the aspiration changed); a note marked as the moonshot by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

MIN = timedelta(minutes=1)
DAYS = (
    datetime(2026, 11, 9, 15, 0, tzinfo=UTC),
    datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
    datetime(2026, 11, 30, 15, 0, tzinfo=UTC),
)
WHERE_NEXT = "What's your career aspiration — where would you like all of this to lead?"
STRENGTHS = "Which of your strengths are you using most in your work right now?"
ONE_STEP = "What's one tangible step you could take before we next meet?"


def tell_story(store: Store, name: str = "Ada Lovelace") -> int:
    """Ada's three meetings; returns her id."""
    ada = store.add_person(name, role="Backend engineer", now=DAYS[0] - 30 * MIN)
    uids = iter(range(1000))

    def note(
        meeting: int, minute: int, text: str, kind: NoteKind = NoteKind.NOTE, **kw: Any
    ) -> int:
        saved, _ = store.add_note(
            NewNote(uid=f"{name}-{next(uids)}", meeting_id=meeting, kind=kind, text=text,
                    created_at=start + minute * MIN, elapsed_seconds=minute * 60.0, **kw)
        )  # fmt: skip
        return saved.id

    def ask(meeting: int, minute: int, slug: str, text: str) -> int:
        return store.record_question(
            meeting, slug=slug, text=text, elapsed_seconds=minute * 60.0, at=start + minute * MIN
        ).id

    start = DAYS[0]
    m1, _ = store.start_meeting(ada.id, playbook="career", planned_minutes=45, now=start)
    store.log_segment(m1.id, 0, "Check-in", start)
    store.log_segment(m1.id, 1, "Aspiration", start + 5 * MIN)
    q = ask(m1.id, 6, "aspiration-where-next", WHERE_NEXT)
    note(m1.id, 8, "wants to lead a team within 2 years", asked_question_id=q, segment_index=1)
    note(m1.id, 10, "likes unblocking others\nmore than writing code", asked_question_id=q,
         segment_index=1, answers_why=True)  # fmt: skip
    note(m1.id, 11, "misses it since the reorg", kind=NoteKind.QUOTE, asked_question_id=q,
         segment_index=1, answers_why=True)  # fmt: skip
    store.log_segment(m1.id, 2, "How we'll work", start + 20 * MIN)
    note(m1.id, 22, "-5% churn on their service since the fix", segment_index=2)
    store.end_meeting(m1.id, start + 40 * MIN)

    start = DAYS[1]
    m2, _ = store.start_meeting(ada.id, playbook="career", planned_minutes=45, now=start)
    store.log_segment(m2.id, 0, "Strengths", start)
    q = ask(m2.id, 3, "strengths-in-use", STRENGTHS)
    note(m2.id, 5, "debugging production incidents", asked_question_id=q, segment_index=0)
    aside = note(m2.id, 6, "needs a new laptop", asked_question_id=q, segment_index=0)
    store.set_career_mark(aside, "none")
    store.log_segment(m2.id, 1, "Plan", start + 15 * MIN)
    q = ask(m2.id, 16, "plan-one-step", ONE_STEP)
    note(m2.id, 18, "shadow Sam's team lead for a week", kind=NoteKind.ACTION,
         action_owner=Owner.THEM, asked_question_id=q, segment_index=1)  # fmt: skip
    store.end_meeting(m2.id, start + 30 * MIN)

    start = DAYS[2]
    m3, _ = store.start_meeting(ada.id, playbook="career", planned_minutes=45, now=start)
    store.log_segment(m3.id, 0, "Aspiration", start)
    q = ask(m3.id, 2, "aspiration-where-next", WHERE_NEXT)
    note(m3.id, 4, "staff engineer on the data platform", asked_question_id=q, segment_index=0)
    store.log_segment(m3.id, 1, "Moonshot", start + 10 * MIN)
    dream = note(m3.id, 12, "start an internal database guild", segment_index=1)
    store.set_career_mark(dream, "moonshot")
    store.end_meeting(m3.id, start + 30 * MIN)
    return ada.id
