"""The people part of the Store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tui1on1.domain import people as rules
from tui1on1.domain.cadence import CadenceError, parse_cadence
from tui1on1.domain.kinds import Relationship
from tui1on1.domain.records import Person
from tui1on1.storage import convert
from tui1on1.storage.errors import DuplicateName, InvalidInput, NotFound
from tui1on1.storage.quick_read import PersonName
from tui1on1.storage.session import SessionBase, utcnow
from tui1on1.storage.tables import PersonRow


def _relationship(value: str | Relationship) -> Relationship:
    try:
        return Relationship(value)
    except ValueError:
        choices = ", ".join(r.value for r in Relationship)
        raise InvalidInput(f"relationship must be one of: {choices}") from None


def _cadence(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_cadence(value)
    except CadenceError as exc:
        raise InvalidInput(str(exc)) from None


def _name(value: str) -> tuple[str, str]:
    try:
        name = rules.clean_name(value)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    return name, name.casefold()


def _role(value: str) -> str:
    try:
        return rules.clean_role(value)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def _refuse_taken(session: Session, name: str, *, but: int | None = None) -> None:
    """A name someone else already answers to by the name rule (theirs, with
    other case or accents, or a start of theirs) is refused: a new "Priya"
    next to "Priya Raman" would quietly change whom `priya` finds."""
    query = select(PersonRow.id, PersonRow.name, PersonRow.archived)
    others = [PersonName(i, n, bool(a)) for i, n, a in session.execute(query) if i != but]
    problem = rules.taken_problem(rules.match_name(others, name))
    if problem:
        raise DuplicateName(problem)


class PeopleStore(SessionBase):
    def add_person(
        self,
        name: str,
        *,
        role: str = "",
        relationship: str | Relationship = Relationship.REPORT,
        cadence: str | None = None,
        default_playbook: str | None = None,
        now: datetime | None = None,
    ) -> Person:
        clean, key = _name(name)
        row = PersonRow(
            name=clean,
            name_key=key,
            role=_role(role),
            relationship=_relationship(relationship).value,
            cadence=_cadence(cadence),
            default_playbook=default_playbook,
            archived=False,
            created_at=now or utcnow(),
        )
        try:
            with self._write() as session:
                _refuse_taken(session, clean)
                session.add(row)
                session.flush()
                return convert.person(row)
        except IntegrityError:  # another writer added the same name a moment ago
            raise DuplicateName(f"there is already someone called {clean}") from None

    def get_person(self, person_id: int) -> Person:
        with self._read() as session:
            row = session.get(PersonRow, person_id)
            if row is None:
                raise NotFound(f"no person with id {person_id}")
            return convert.person(row)

    def find_person(self, name: str) -> Person | None:
        """The person with this name, ignoring case and extra spaces."""
        try:
            key = rules.name_key(name)
        except ValueError:
            return None
        with self._read() as session:
            row = session.scalar(select(PersonRow).where(PersonRow.name_key == key))
            return convert.person(row) if row else None

    def list_people(self, *, include_archived: bool = False) -> list[Person]:
        query = select(PersonRow).order_by(PersonRow.name_key)
        if not include_archived:
            query = query.where(PersonRow.archived.is_(False))
        with self._read() as session:
            return [convert.person(row) for row in session.scalars(query)]

    def update_person(
        self,
        person_id: int,
        *,
        name: str | None = None,
        role: str | None = None,
        relationship: str | Relationship | None = None,
        cadence: str | None = None,
        default_playbook: str | None = None,
        archived: bool | None = None,
    ) -> Person:
        """Change the given fields; ``cadence=""`` clears the cadence."""
        try:
            with self._write() as session:
                row = session.get(PersonRow, person_id)
                if row is None:
                    raise NotFound(f"no person with id {person_id}")
                if name is not None:
                    clean, key = _name(name)
                    if key != row.name_key:  # a new name, not a change of case or spacing
                        _refuse_taken(session, clean, but=person_id)
                    row.name, row.name_key = clean, key
                if role is not None:
                    row.role = _role(role)
                if relationship is not None:
                    row.relationship = _relationship(relationship).value
                if cadence is not None:
                    row.cadence = _cadence(cadence)
                if default_playbook is not None:
                    row.default_playbook = default_playbook or None
                if archived is not None:
                    row.archived = archived
                session.flush()
                return convert.person(row)
        except IntegrityError:  # another writer took the name a moment ago
            raise DuplicateName(f"there is already someone called {name}") from None

    def match_person(self, query: str) -> rules.NameMatch[Person]:
        """The person ``query`` names by the one matching rule
        (:func:`tui1on1.domain.people.match_name`): the exact name, else a
        unique start of the name or of a word in it, ignoring case and
        accents; archived people included."""
        return rules.match_name(self.list_people(include_archived=True), query)
