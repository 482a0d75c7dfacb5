"""What was asked of a person before: the memory behind the prompt card."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import aliased

from tui1on1.domain.career import CareerNote, CareerThread, build_thread
from tui1on1.domain.kinds import ActionStatus, CareerElement, NoteKind, Owner
from tui1on1.domain.prompts import AskedBefore
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import ActionItemRow, AskedQuestionRow, MeetingRow, NoteRow

# What the asked-before memory quotes: what they said or agreed (a note, a
# quote, a decision; an action for them), never the manager's own promise.
_THEIR_WORDS = (NoteKind.NOTE.value, NoteKind.QUOTE.value, NoteKind.DECISION.value)


class HistoryStore(SessionBase):
    def question_history(
        self, person_id: int, current_meeting_id: int | None
    ) -> dict[str, AskedBefore]:
        """For each question slug ever asked of this person: when it was last
        asked, how many meetings ago (0 = this meeting), and the first line of
        the first note that answered it: what they said or agreed (not a Why?
        answer, and never the manager's own promise typed meanwhile)."""
        with self._read() as session:
            meetings = (
                session.execute(
                    select(MeetingRow.id)
                    .where(MeetingRow.person_id == person_id)
                    .order_by(MeetingRow.started_at.desc(), MeetingRow.id.desc())
                )
                .scalars()
                .all()
            )
            earlier = [m for m in meetings if m != current_meeting_id]
            rank = {meeting_id: i + 1 for i, meeting_id in enumerate(earlier)}
            if current_meeting_id is not None:
                rank[current_meeting_id] = 0
            # Only the latest asking of each slug leaves the database: the
            # count of rows read here stays the size of the question bank
            # however many years of meetings there are.
            ranked = (
                select(
                    AskedQuestionRow.id,
                    AskedQuestionRow.slug,
                    AskedQuestionRow.meeting_id,
                    AskedQuestionRow.asked_at,
                    func.row_number()
                    .over(
                        partition_by=AskedQuestionRow.slug,
                        order_by=(AskedQuestionRow.asked_at.desc(), AskedQuestionRow.id.desc()),
                    )
                    .label("n"),
                )
                .join(MeetingRow, MeetingRow.id == AskedQuestionRow.meeting_id)
                .where(MeetingRow.person_id == person_id)
                .subquery()
            )
            latest = {
                row.slug: row
                for row in session.execute(
                    select(ranked.c.id, ranked.c.slug, ranked.c.meeting_id, ranked.c.asked_at)
                    .where(ranked.c.n == 1)
                    .order_by(ranked.c.asked_at.desc(), ranked.c.id.desc())
                )
            }
            answers: dict[int, str] = {}
            if latest:
                ids = [row.id for row in latest.values()]
                for asked_id, text in session.execute(
                    select(NoteRow.asked_question_id, NoteRow.text)
                    .outerjoin(ActionItemRow, ActionItemRow.note_id == NoteRow.id)
                    .where(
                        NoteRow.asked_question_id.in_(ids),
                        NoteRow.deleted_at.is_(None),
                        NoteRow.answers_why.is_(False),
                        # A note the manager marked went where they said
                        # (out of the thread, or to another element): it
                        # is not quoted as this question's answer.
                        NoteRow.career.is_(None),
                        or_(
                            NoteRow.kind.in_(_THEIR_WORDS),
                            ActionItemRow.owner == Owner.THEM.value,
                        ),
                    )
                    .order_by(NoteRow.id)
                ):
                    if asked_id is not None:  # always: the query asked for these ids
                        answers.setdefault(
                            asked_id, text.strip().splitlines()[0] if text.strip() else ""
                        )
            return {
                slug: AskedBefore(
                    asked_at=row.asked_at,
                    meetings_ago=rank.get(row.meeting_id, len(earlier)),
                    answer=answers.get(row.id, ""),
                )
                for slug, row in latest.items()
            }

    def career_thread(
        self, person_id: int, elements_by_slug: Mapping[str, CareerElement | None]
    ) -> CareerThread:
        """The person's career thread (see ``domain.career``).

        ``elements_by_slug`` maps question slugs to the element their answers
        belong to (from the caller's question bank; asked questions store
        only the slug). The person's notes that are marked, or that answer a
        career question, with what decides where they go: read from the
        indexes of those alone, never every note with the person.
        """
        return self.career_threads([person_id], elements_by_slug).get(person_id, build_thread(()))

    def career_threads(
        self,
        person_ids: Collection[int],
        elements_by_slug: Mapping[str, CareerElement | None],
        *,
        since: datetime | None = None,
        open_actions: bool = False,
    ) -> dict[int, CareerThread]:
        """:meth:`career_thread` for several people in one query, by id
        (someone with no career note gets an empty thread).

        With ``since``, only the notes of meetings started since then are
        read (the meeting index bounds it, however long the history), and
        with ``open_actions`` also the notes of actions still open, whenever
        they were typed (a plan step agreed long ago and not done yet)."""
        slugs = sorted(slug for slug, element in elements_by_slug.items() if element)
        ids = list(person_ids)
        query = (
            select(
                MeetingRow.person_id,
                NoteRow.id,
                NoteRow.meeting_id,
                MeetingRow.started_at,
                NoteRow.created_at,
                NoteRow.text,
                NoteRow.kind,
                ActionItemRow.owner,
                ActionItemRow.status,
                NoteRow.career,
                AskedQuestionRow.slug,
                AskedQuestionRow.text,
                NoteRow.answers_why,
                NoteRow.asked_question_id,
            )
            .join(MeetingRow, MeetingRow.id == NoteRow.meeting_id)
            .outerjoin(AskedQuestionRow, AskedQuestionRow.id == NoteRow.asked_question_id)
            .outerjoin(ActionItemRow, ActionItemRow.note_id == NoteRow.id)
            .where(NoteRow.deleted_at.is_(None))
        )
        # Separate reads, not one with an OR: each walks its own index, so
        # what is read is the career notes, not every note with the person.
        # Marked: the index of marked notes (0012), by the person's meetings.
        marked: list[ColumnElement[bool]] = [
            NoteRow.career.is_not(None),
            MeetingRow.person_id.in_(ids),
        ]
        # Answers: the person's askings of a career question, then the notes
        # answering them (by the asking's index; the meetings are an alias,
        # not correlated with the outer read's).
        meeting = aliased(MeetingRow)
        asked = (
            select(AskedQuestionRow.id)
            .join(meeting, meeting.id == AskedQuestionRow.meeting_id)
            .where(AskedQuestionRow.slug.in_(slugs), meeting.person_id.in_(ids))
        )
        if since is not None:
            marked.append(MeetingRow.started_at >= since)
            asked = asked.where(meeting.started_at >= since)
        wanted = [query.where(*marked), query.where(NoteRow.asked_question_id.in_(asked))]
        if since is not None and open_actions:
            # The notes of actions still open, whenever typed (their own index).
            still_open = select(ActionItemRow.note_id).where(
                ActionItemRow.person_id.in_(ids),
                ActionItemRow.status == ActionStatus.OPEN.value,
                ActionItemRow.note_id.is_not(None),
            )
            career = or_(NoteRow.career.is_not(None), AskedQuestionRow.slug.in_(slugs))
            wanted.append(query.where(NoteRow.id.in_(still_open), career))
        with self._read_rows() as conn:
            seen: set[int] = set()
            rows = []
            for statement in wanted:
                for row in conn.execute(statement):
                    if row[1] not in seen:
                        seen.add(row[1])
                        rows.append(row)
        notes: dict[int, list[CareerNote]] = {person_id: [] for person_id in person_ids}
        for (person_id, note_id, meeting_id, started, created, text, kind, owner, status, mark,
             slug, question, why, asked_id) in rows:  # fmt: skip
            notes[person_id].append(
                CareerNote(
                    note_id=note_id,
                    meeting_id=meeting_id,
                    meeting_started=started,
                    created_at=created,
                    text=text,
                    kind=NoteKind(kind),
                    owner=Owner(owner) if owner else None,
                    mark=mark,
                    question=question or "",
                    question_element=elements_by_slug.get(slug) if slug else None,
                    answers_why=bool(why),
                    action_status=status,
                    question_id=asked_id,
                )
            )
        return {person_id: build_thread(found) for person_id, found in notes.items()}
