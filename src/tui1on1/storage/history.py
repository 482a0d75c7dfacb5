"""What was asked of a person before: the memory behind the prompt card."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select

from tui1on1.domain.career import CAREER_CATEGORIES, CareerEntry
from tui1on1.domain.prompts import AskedBefore
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import AskedQuestionRow, MeetingRow, NoteRow


class HistoryStore(SessionBase):
    def question_history(
        self, person_id: int, current_meeting_id: int | None
    ) -> dict[str, AskedBefore]:
        """For each question slug ever asked of this person: when it was last
        asked, how many meetings ago (0 = this meeting), and the first line of
        the first note that answered it."""
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
                    .where(NoteRow.asked_question_id.in_(ids), NoteRow.deleted_at.is_(None))
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
        self, person_id: int, categories_by_slug: Mapping[str, str]
    ) -> list[CareerEntry]:
        """The latest answer in each career category (``CAREER_CATEGORIES``
        order; a category never answered has no entry).

        ``categories_by_slug`` maps question slugs to categories (the caller's
        question bank), since asked questions store only the slug. One query:
        the person's answering notes to career questions, newest first; the
        first one seen per category wins, and reading stops once every
        category has its answer.
        """
        wanted = set(CAREER_CATEGORIES)
        slugs = sorted(slug for slug, cat in categories_by_slug.items() if cat in wanted)
        if not slugs:
            return []
        query = (
            select(
                AskedQuestionRow.slug,
                AskedQuestionRow.text,
                AskedQuestionRow.meeting_id,
                NoteRow.text,
                NoteRow.created_at,
            )
            .join(NoteRow, NoteRow.asked_question_id == AskedQuestionRow.id)
            .join(MeetingRow, MeetingRow.id == AskedQuestionRow.meeting_id)
            .where(
                MeetingRow.person_id == person_id,
                AskedQuestionRow.slug.in_(slugs),
                NoteRow.deleted_at.is_(None),
            )
            .order_by(NoteRow.created_at.desc(), NoteRow.id.desc())
        )
        latest: dict[str, CareerEntry] = {}
        with self._read() as session:
            result = session.execute(query)
            try:
                for slug, question, meeting_id, answer, created_at in result:
                    category = categories_by_slug[slug]
                    if category not in latest:
                        latest[category] = CareerEntry(
                            category=category,
                            answer=answer,
                            answered_at=created_at,
                            question=question,
                            meeting_id=meeting_id,
                        )
                        if len(latest) == len(wanted):
                            break
            finally:
                result.close()
        return [latest[c] for c in CAREER_CATEGORIES if c in latest]
