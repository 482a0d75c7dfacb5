"""The person screen's sections as rows and text (the screen fills its
lists and panes with them): what waits for the next 1:1, the last meeting,
the questions asked lately, every meeting, and the exposure given."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.exposure import KIND_NAMES, Exposure, since_words
from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.text import clip, plural, safe_terminal_text
from tui1on1.ui.lists import one_line
from tui1on1.ui.person_prep import PersonPrep

ANSWER_CHARS = 60  # a longer answer is cut, ending in "…"


def day_words(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y}"


def topic_rows(prep: PersonPrep) -> list[tuple[str, Text]]:
    """Talking points (theirs, then mine), then parked topics and open questions."""
    points = [
        (f"point-{p.uid}", Text("» ") + Text(one_line(safe_terminal_text(p.text)))
         + Text(f"  {'my topic' if p.mine else 'their topic'} · {day_words(p.created_at)}",
                style="italic"))
        for p in prep.points
    ]  # fmt: skip
    topics = points + [
        (f"topic-{n.id}", Text(f"{'~' if n.kind is NoteKind.PARKED else '?'} ")
         + Text(one_line(safe_terminal_text(n.text)))
         + Text(f"  {day_words(n.created_at)}", style="italic"))
        for n in prep.topics
    ]  # fmt: skip
    if prep.topic_count > len(prep.topics):
        more = prep.topic_count - len(prep.topics)
        topics.append(
            (
                "topics-more",
                Text(
                    f"… and {more} older: search with kind:parked or kind:question",
                    style="italic",
                ),
            )
        )
    return topics


def last_meeting_text(prep: PersonPrep, meet_key: str) -> Text:
    last = Text()
    if prep.meetings:
        latest = prep.meetings[0].meeting
        summary = one_line(safe_terminal_text(latest.summary or latest.status.value))
        last.append(f"{day_words(latest.started_at)}  {summary}")
        for note in prep.last_notes:
            last.append(f"\n  {format_mmss(note.elapsed_seconds)} {note.kind.value:<8} ")
            if note.private:
                last.append(f"{PRIVATE_MARK} ")
            last.append(one_line(safe_terminal_text(note.text)))
    else:
        last.append(f"No meetings yet: {meet_key} starts the first one.")
    return last


def asked_text(prep: PersonPrep) -> Text:
    asked = Text()
    for question, before in prep.asked:
        if asked:
            asked.append("\n")
        asked.append(f"  {day_words(before.asked_at)}  {safe_terminal_text(question)}")
        if before.answer:
            answer = clip(one_line(safe_terminal_text(before.answer)), ANSWER_CHARS)
            asked.append(f"  → {answer}", style="italic")
    return asked or Text("  None yet.")


def meeting_rows(prep: PersonPrep) -> list[tuple[str, Text]]:
    meetings = []
    for listing in prep.meetings:
        m = listing.meeting
        length = ""
        if m.ended_at:
            length = f"{round((m.ended_at - m.started_at).total_seconds() / 60)} min"
        line = f"{day_words(m.started_at):<15}  {length:>6}  {plural(listing.notes, 'note')} · "
        line += f"{plural(listing.actions, 'action')} · "
        line += plural(listing.questions, "question")
        if m.status.value == "live":
            line += "  ● live"
        meetings.append((f"meeting-{m.id}", Text(line)))
    if prep.meeting_count > len(meetings):
        meetings.append(
            (
                "meetings-all",
                Text(f"Show all {prep.meeting_count} meetings (Enter)", style="italic"),
            )
        )
    return meetings


def exposure_day(on: date, today: date | None = None) -> str:
    """ "Mon 16 Nov", with the year outside ``today``'s."""
    day = f"{on:%a} {on.day} {on:%b}"
    return day if today is None or on.year == today.year else f"{day} {on.year}"


def exposure_title(exposures: list[Exposure], today: date, key: str) -> str:
    """ "Exposure given  (the last one 14 days ago · l logs one)"."""
    last = f"the last one {since_words(exposures[0].on, today)} · " if exposures else ""
    return f"Exposure given  ({last}{key} logs one)"


def exposure_rows(exposures: list[Exposure], today: date, room: int) -> list[tuple[str, Text]]:
    """The newest few: the day, the kind, the words (cut to the room)."""
    rows = []
    for item in exposures:
        day = exposure_day(item.on, today)
        mark = f"{PRIVATE_MARK} " if item.private else ""
        head = f"{day:<11}  {mark}{KIND_NAMES[item.kind]}: "
        words = clip(one_line(safe_terminal_text(item.text)), max(room - len(head), 10))
        key = f"exposure-{item.ref}"
        rows.append((key, Text(head) + Text(words)))
    return rows
