"""A small team for the team view's tests, as of the UI tests' clock (Fri 20
Nov 2026): Ada, whose step and my promise are overdue and whose last career
talk was 8 weeks ago; Bo, on track, with exposure typed in a 1:1 and logged
from the shell; Cy, never met; and Dee, a peer (not on the team view)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui1on1.domain.growth import read_plan_line
from tui1on1.domain.kinds import ExposureKind, NoteKind, Owner, Relationship
from tui1on1.domain.records import NewNote
from tui1on1.domain.succession import Readiness
from tui1on1.storage.store import Store


@dataclass(frozen=True)
class TeamIds:
    ada: int
    bo: int
    cy: int


def _meet(store, person_id, start, notes) -> None:
    meeting, _ = store.start_meeting(person_id, playbook="weekly", planned_minutes=30, now=start)
    for i, (kind, text, extra) in enumerate(notes):
        store.add_note(
            NewNote(
                uid=f"{person_id}-{start:%j}-{i}",
                meeting_id=meeting.id,
                kind=kind,
                text=text,
                created_at=start + timedelta(minutes=2 + i),
                **extra,
            )
        )
    store.end_meeting(meeting.id, start + timedelta(minutes=30))


def make_team(db_path, now: datetime) -> TeamIds:
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace", role="Staff engineer")
    bo = store.add_person("Bo Chen", role="Designer")
    cy = store.add_person("Cy Young", role="Engineer")
    dee = store.add_person("Dee Peer", relationship=Relationship.PEER.value)
    me, them = {"action_owner": Owner.ME}, {"action_owner": Owner.THEM}
    week = timedelta(weeks=1)
    _meet(store, ada.id, now - 8 * week, [
        (NoteKind.NOTE, "wants to lead a small team", {"career": "aspiration"}),
        (NoteKind.ACTION, "shadow Sam's on-call", them | {"career": "plan",
                                                          "action_due": date(2026, 11, 6)}),
        (NoteKind.ACTION, "ask HR about the band", me | {"action_due": date(2026, 11, 13)}),
    ])  # fmt: skip
    _meet(store, ada.id, now - 2 * week, [(NoteKind.NOTE, "sprint went fine", {})])
    _meet(store, bo.id, now - week, [
        (NoteKind.NOTE, "design systems lead", {"career": "aspiration"}),
        (NoteKind.ACTION, "draft the tokens RFC", them | {"career": "plan",
                                                         "action_due": date(2026, 11, 27)}),
        (NoteKind.EXPOSURE, "customer: ran the Acme design review", {}),
    ])  # fmt: skip
    store.add_exposure(bo.id, ExposureKind.INTRO, "met Sam from platform",
                       on=date(2026, 11, 16), at=now - 4 * timedelta(days=1))  # fmt: skip
    # Bo's growth plan, set in that 1:1, on track since.
    for minutes, line in ((20, "goal Design systems lead by summer"),
                          (21, "option own the tokens work"), (22, "pick 1")):  # fmt: skip
        store.change_plan(bo.id, read_plan_line(line), at=now - week + timedelta(minutes=minutes))
    store.change_plan(bo.id, read_plan_line("on track"), at=now - timedelta(days=2))
    _meet(store, dee.id, now - week, [(NoteKind.NOTE, "peer sync", {})])
    # The bench: Bo could take Ada's role now, Ada mine within a year.
    store.set_backfill(ada.id, bo.id, Readiness.NOW, at=now - week)
    store.set_backfill(None, ada.id, Readiness.YEAR, at=now - week)
    store.close()
    return TeamIds(ada=ada.id, bo=bo.id, cy=cy.id)
