"""What the recovery journal holds: one entry per change the meeting makes.

Each entry is plain JSON with a ``type`` and names what it changes by a
stable key (a note's or asked question's uid, a saved note's id and uid, a
meeting id — and, added by the Writer, the meeting's person and start), and
``apply`` performs it on the Store. Which entries a start applies again is
``recovery``'s rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.domain.growth import PlanEvent
from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner, PlanOp, PlanStatus
from tui1on1.domain.records import LineReading, NewAskedQuestion, NewNote

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

Entry = dict[str, Any]


def note_to_entry(note: NewNote) -> Entry:
    entry = asdict(note)
    entry["type"] = "note"
    entry["kind"] = note.kind.value
    entry["tags"] = list(note.tags)
    entry["created_at"] = note.created_at.isoformat() if note.created_at else None
    entry["action_owner"] = note.action_owner.value if note.action_owner else None
    entry["action_due"] = note.action_due.isoformat() if note.action_due else None
    return entry


def entry_to_note(entry: Entry) -> NewNote:
    return NewNote(
        uid=entry["uid"],
        meeting_id=int(entry["meeting_id"]),
        kind=NoteKind(entry["kind"]),
        text=entry["text"],
        tags=tuple(entry.get("tags") or ()),
        elapsed_seconds=float(entry.get("elapsed_seconds") or 0.0),
        segment_index=entry.get("segment_index"),
        asked_question_id=entry.get("asked_question_id"),
        created_at=datetime.fromisoformat(entry["created_at"]) if entry.get("created_at") else None,
        action_owner=Owner(entry["action_owner"]) if entry.get("action_owner") else None,
        action_due=date.fromisoformat(entry["action_due"]) if entry.get("action_due") else None,
        asked_question_uid=entry.get("asked_question_uid"),
        career=entry.get("career"),
        answers_why=bool(entry.get("answers_why")),
        private=bool(entry.get("private")),
    )


def asked_to_entry(asked: NewAskedQuestion) -> Entry:
    entry = asdict(asked)
    entry["type"] = "asked"
    entry["asked_at"] = asked.asked_at.isoformat()
    return entry


def entry_to_asked(entry: Entry) -> NewAskedQuestion:
    return NewAskedQuestion(
        uid=entry["uid"],
        meeting_id=int(entry["meeting_id"]),
        slug=entry["slug"],
        text=entry["text"],
        elapsed_seconds=float(entry.get("elapsed_seconds") or 0.0),
        asked_at=datetime.fromisoformat(entry["asked_at"]),
    )


def draft_entry(meeting_id: int, text: str, at: datetime) -> Entry:
    return {"type": "draft", "meeting_id": meeting_id, "text": text, "at": at.isoformat()}


def edit_entry(
    meeting_id: int,
    note: tuple[int, str],
    text: str,
    tags: tuple[str, ...],
    at: datetime,
    reading: LineReading | None = None,
) -> Entry:
    """``note``: the saved note's (id, uid); a replay finds it by uid.
    ``reading``: the edited line's kind, owner, due date and privacy."""
    entry: Entry = {
        "type": "edit",
        "meeting_id": meeting_id,
        "note_id": note[0],
        "note_uid": note[1],
        "text": text,
        "tags": list(tags),
        "at": at.isoformat(),
    }
    if reading is not None:
        entry["reading"] = {
            "kind": reading.kind.value,
            "owner": reading.owner.value if reading.owner else None,
            "due": reading.due.isoformat() if reading.due else None,
            "private": reading.private,
        }
    return entry


def _reading(entry: Entry) -> LineReading | None:
    given = entry.get("reading")
    if not isinstance(given, dict):
        return None
    return LineReading(
        kind=NoteKind(given["kind"]),
        owner=Owner(given["owner"]) if given.get("owner") else None,
        due=date.fromisoformat(given["due"]) if given.get("due") else None,
        private=bool(given.get("private")),
    )


def private_entry(meeting_id: int, note: tuple[int, str], private: bool, at: datetime) -> Entry:
    """A note (and its action) kept out of the recap sent to the report, or shared."""
    entry = _note_change("private", meeting_id, note, at)
    entry["private"] = private
    return entry


def delete_entry(meeting_id: int, note: tuple[int, str], at: datetime) -> Entry:
    return _note_change("delete", meeting_id, note, at)


def restore_entry(meeting_id: int, note: tuple[int, str], at: datetime) -> Entry:
    return _note_change("restore", meeting_id, note, at)


def career_entry(meeting_id: int, note: tuple[int, str], mark: str | None, at: datetime) -> Entry:
    """The manager marked a note for the career thread (``mark``: an element,
    "none", or None for back to automatic)."""
    entry = _note_change("career", meeting_id, note, at)
    entry["mark"] = mark
    return entry


def _note_change(kind: str, meeting_id: int, note: tuple[int, str], at: datetime) -> Entry:
    return {
        "type": kind,
        "meeting_id": meeting_id,
        "note_id": note[0],
        "note_uid": note[1],
        "at": at.isoformat(),
    }


def action_status_entry(
    meeting_id: int,
    action_id: int,
    status: ActionStatus,
    at: datetime,
    note_uid: str | None = None,
    *,
    reason: str = "",
    uid: str | None = None,
) -> Entry:
    """``note_uid``: the uid of the note the action came from, when this
    meeting made it; a replay finds the action by it (an earlier meeting's
    action is found by id only in the database that gave it). ``uid``: the
    change's own, so its history row lands once."""
    entry: Entry = {
        "type": "action_status",
        "meeting_id": meeting_id,
        "action_id": action_id,
        "status": status.value,
        "at": at.isoformat(),
    }
    if note_uid is not None:
        entry["action_note_uid"] = note_uid
    if reason:
        entry["reason"] = reason
    if uid is not None:
        entry["uid"] = uid
    return entry


def action_change_entry(
    meeting_id: int,
    action_id: int,
    change: ActionChange,
    value: str,
    at: datetime,
    *,
    uid: str,
    note_uid: str | None = None,
) -> Entry:
    """An action rescheduled (``value``: an ISO date, "" for none),
    reassigned ("me"/"them") or reworded (the text) in the meeting;
    ``note_uid`` as for :func:`action_status_entry`."""
    entry: Entry = {
        "type": "action_change",
        "meeting_id": meeting_id,
        "action_id": action_id,
        "change": change.value,
        "value": value,
        "uid": uid,
        "at": at.isoformat(),
    }
    if note_uid is not None:
        entry["action_note_uid"] = note_uid
    return entry


def _apply_change(store: Store, e: Entry) -> object:
    action_id, at, uid = int(e["action_id"]), _at(e), e.get("uid")
    change, value, meeting_id = ActionChange(e["change"]), str(e["value"]), e["meeting_id"]
    if change is ActionChange.DUE:
        due = date.fromisoformat(value) if value else None
        return store.reschedule_action(action_id, due, at=at, meeting_id=meeting_id, uid=uid)
    if change is ActionChange.OWNER:
        return store.reassign_action(action_id, Owner(value), at=at, meeting_id=meeting_id, uid=uid)
    if change is ActionChange.TEXT:
        return store.reword_action(action_id, value, at=at, meeting_id=meeting_id, uid=uid)
    raise ValueError(f"not a change an action_change entry makes: {change}")


def topic_resolved_entry(
    meeting_id: int, note: tuple[int, str], resolved: bool, at: datetime
) -> Entry:
    """A parked topic or open question from an earlier meeting dealt with in
    this one (``resolved``), or waiting again; ``note`` its (id, uid)."""
    entry = _note_change("topic_resolved", meeting_id, note, at)
    entry["resolved"] = resolved
    return entry


def talking_point_entry(meeting_id: int, point_uid: str, resolved: bool, at: datetime) -> Entry:
    """A talking point dealt with in this meeting (``resolved``), or waiting
    again; found by its uid."""
    return {
        "type": "talking_point",
        "meeting_id": meeting_id,
        "point_uid": point_uid,
        "resolved": resolved,
        "at": at.isoformat(),
    }


def segment_entry(meeting_id: int, index: int, title: str, at: datetime) -> Entry:
    return {
        "type": "segment",
        "meeting_id": meeting_id,
        "index": index,
        "title": title,
        "at": at.isoformat(),
    }


def asked_update_entry(
    meeting_id: int, uid: str, at: datetime, *, pause_seconds: float | None, add_followup: bool
) -> Entry:
    return {
        "type": "asked_update",
        "meeting_id": meeting_id,
        "uid": uid,
        "pause_seconds": pause_seconds,
        "add_followup": add_followup,
        "at": at.isoformat(),
    }


def timing_entry(kind: str, meeting_id: int, at: datetime, minutes: int = 0) -> Entry:
    """``pause``, ``resume`` or ``extend`` (by ``minutes``) a live meeting."""
    entry: Entry = {"type": kind, "meeting_id": meeting_id, "at": at.isoformat()}
    if kind == "extend":
        entry["minutes"] = minutes
    return entry


def end_entry(meeting_id: int, at: datetime, summary: str) -> Entry:
    return {"type": "end", "meeting_id": meeting_id, "at": at.isoformat(), "summary": summary}


def plan_entry(event: PlanEvent) -> Entry:
    """A change to the person's growth plan made in the meeting (decided
    there, by ``domain.growth.decide``); its uid lands it once."""
    return {
        "type": "plan",
        "meeting_id": event.meeting_id,
        "person_id": event.person_id,
        "uid": event.uid,
        "op": event.op.value,
        "text": event.text,
        "target": event.target,
        "status": event.status.value if event.status else None,
        "aspiration": event.aspiration,
        "at": event.at.isoformat(),
    }


def entry_to_plan(entry: Entry) -> PlanEvent:
    return PlanEvent(
        uid=str(entry["uid"]),
        person_id=int(entry["person_id"]),
        at=_at(entry),
        op=PlanOp(entry["op"]),
        text=str(entry.get("text") or ""),
        target=entry.get("target"),
        status=PlanStatus(entry["status"]) if entry.get("status") else None,
        aspiration=entry.get("aspiration"),
        meeting_id=entry.get("meeting_id"),
    )


def _placed(store: Store, event: PlanEvent) -> PlanEvent:
    """The change as the person of its meeting's (a replay into another
    database may have placed the meeting under another id)."""
    if event.meeting_id is None:
        return event
    person_id = store.get_meeting(event.meeting_id).person_id
    return replace(event, person_id=person_id)


def taken_at(entry: Entry) -> datetime | None:
    """When the change was made, for telling a reused meeting id apart."""
    for key in ("created_at", "asked_at", "at"):
        value = entry.get(key)
        if value:
            return datetime.fromisoformat(value)
    return None


def _at(entry: Entry) -> datetime:
    return datetime.fromisoformat(entry["at"])


_APPLY: dict[str, Callable[[Store, Entry], object]] = {
    "note": lambda store, e: store.add_note(entry_to_note(e)),
    "asked": lambda store, e: _record_question(store, entry_to_asked(e)),
    "draft": lambda store, e: store.save_draft(int(e["meeting_id"]), e["text"], _at(e)),
    "edit": lambda store, e: store.edit_note(
        int(e["note_id"]),
        text=e["text"],
        tags=tuple(e.get("tags") or ()),
        at=_at(e),
        reading=_reading(e),
    ),
    "private": lambda store, e: store.set_note_private(int(e["note_id"]), bool(e["private"])),
    "delete": lambda store, e: store.delete_note(int(e["note_id"]), _at(e)),
    "restore": lambda store, e: store.restore_note(int(e["note_id"])),
    "career": lambda store, e: store.set_career_mark(int(e["note_id"]), e.get("mark")),
    "action_status": lambda store, e: store.set_action_status(
        int(e["action_id"]),
        ActionStatus(e["status"]),
        meeting_id=e["meeting_id"],
        at=_at(e),
        reason=str(e.get("reason") or ""),
        uid=e.get("uid"),
    ),
    "action_change": _apply_change,
    "topic_resolved": lambda store, e: store.set_note_resolved(
        int(e["note_id"]), _at(e) if e.get("resolved") else None, meeting_id=e["meeting_id"]
    ),
    "talking_point": lambda store, e: store.set_talking_point_resolved(
        str(e["point_uid"]), _at(e) if e.get("resolved") else None, meeting_id=e["meeting_id"]
    ),
    "segment": lambda store, e: store.log_segment(
        int(e["meeting_id"]), int(e["index"]), e["title"], _at(e)
    ),
    "asked_update": lambda store, e: store.update_asked(
        e["uid"], pause_seconds=e.get("pause_seconds"), add_followup=bool(e.get("add_followup"))
    ),
    "pause": lambda store, e: store.pause_meeting(int(e["meeting_id"]), _at(e)),
    "resume": lambda store, e: store.resume_meeting(int(e["meeting_id"]), _at(e)),
    "extend": lambda store, e: store.extend_meeting(int(e["meeting_id"]), int(e["minutes"])),
    "plan": lambda store, e: store.add_plan_event(_placed(store, entry_to_plan(e))),
    "end": lambda store, e: store.end_meeting(int(e["meeting_id"]), _at(e), summary=e["summary"]),
}


def _record_question(store: Store, asked: NewAskedQuestion) -> object:
    return store.record_question(
        asked.meeting_id,
        uid=asked.uid,
        slug=asked.slug,
        text=asked.text,
        elapsed_seconds=asked.elapsed_seconds,
        at=asked.asked_at,
    )


def apply(store: Store, entry: Entry) -> Any:
    """Perform ``entry`` on the Store; KeyError for a type this version doesn't know."""
    return _APPLY[str(entry.get("type"))](store, entry)
