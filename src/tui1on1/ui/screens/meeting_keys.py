"""The meeting screen's keys: what each is bound to, which a narrow footer
keeps longest, the pause cue's hints that name them, and the actions that
hand a key to the meeting's flows (ask, move on, end…) or its notes pane.
Until the meeting is loaded they do nothing; nor, once it is ending, do the
flows' keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui1on1.ui.screens import meeting_discard
from tui1on1.ui.screens.meeting_flows import MeetingFlows
from tui1on1.ui.screens.meeting_notes import NotesPane

if TYPE_CHECKING:
    from tui1on1.domain.meeting import AskedRef, MeetingModel

BINDINGS: list[BindingType] = [
    Binding("ctrl+g", "ask", "Ask", id="ask", tooltip="Ask prompt: starts the pause cue"),
    Binding("ctrl+y", "why", "Why?", id="why", tooltip="Why? follow-up"),
    # Managing up only (check_action): neither typed nor used by the input.
    Binding("ctrl+l", "breath", "Breath", id="breath", tooltip="A breath before I answer"),
    Binding("ctrl+n", "next_prompt", "Next", id="next_prompt", tooltip="Next prompt"),
    Binding("ctrl+b", "previous_prompt", "Prev", id="previous_prompt"),
    Binding("ctrl+s", "next_segment", "Segment", id="next_segment"),
    Binding("ctrl+t", "toggle_pause", "Pause", id="toggle_pause"),
    Binding("ctrl+r", "extend", "+5 min", id="extend"),
    Binding("ctrl+o", "end_meeting", "End", id="end_meeting"),
    Binding("f2", "toggle_career", "Career", id="toggle_career", show=False),
    Binding("f3", "pick_question", "Pick question", id="pick_question", show=False),
    Binding("f4", "switch_playbook", "Playbook", id="switch_playbook", show=False),
    Binding("f6", "growth_plan", "Plan", id="growth_plan", show=False),
]

# Narrow footers keep these longest (first = longest); see KeysLine.
FOOTER_RANK = (
    "end_meeting",
    "help",
    "ask",
    "command_palette",
    "focus_input",
    "edit_note",
    "toggle_done",
    "delete_note",
    "undo_delete",
    "toggle_private",
    "change_action",
    "why",
    "breath",
    "next_prompt",
    "next_segment",
    "toggle_pause",
    "previous_prompt",
    "extend",
)


def idle_hints(screen: Screen[Any]) -> tuple[str, str, str]:
    """The pause cue's hint while it is idle, naming the keys as bound now:
    before asking, after asking, and with nothing to ask."""
    return (
        f"Ask it aloud, then press {keys_for(screen, 'ask', 'ctrl+g')}: "
        "the cue helps you hold the silence.",
        f"Asked. Press {keys_for(screen, 'why', 'ctrl+y')} when you follow up with why, "
        f"{keys_for(screen, 'next_prompt', 'ctrl+n')} for the next question.",
        f"Nothing to ask here: {keys_for(screen, 'next_segment', 'ctrl+s')} moves on "
        "when you're ready.",
    )


def keys_for(screen: Screen[Any], binding_id: str, default: str) -> str:
    """The key(s) bound to ``binding_id`` now (the keymap applied), as the
    footer shows them: "^g", or "^g / f5"."""
    shown = [
        screen.app.get_key_display(active.binding)
        for active in screen.active_bindings.values()
        if active.binding.id == binding_id
    ]
    return " / ".join(dict.fromkeys(shown)) or default


class MeetingKeys:
    """The meeting screen's actions that forward a key (mixed into
    ``MeetingScreen``, which sets these three once the meeting is loaded)."""

    model: MeetingModel | None
    notes: NotesPane | None
    flows: MeetingFlows | None

    def _live(self) -> MeetingFlows | None:
        """The meeting's flows while it is open (loaded, not ending)."""
        flows = self.flows
        return flows if flows is not None and not flows.ending else None

    def _forward(self, step: Callable[[MeetingFlows], None]) -> None:
        if live := self._live():
            step(live)

    def action_ask(self) -> None:
        self._forward(MeetingFlows.ask)

    def action_why(self) -> None:
        self._forward(MeetingFlows.why)

    def action_breath(self) -> None:
        self._forward(MeetingFlows.breath)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The breath key is there in managing-up only (footer, F1, palette)."""
        if action == "breath":
            return self.model is not None and self.model.breath_offered()
        return True

    def answered(self, ref: AskedRef) -> None:
        """The notes pane saved a note answering ``ref``."""
        if live := self._live():
            live.answered(ref)

    def action_next_prompt(self) -> None:
        self._forward(MeetingFlows.next_prompt)

    def action_previous_prompt(self) -> None:
        self._forward(MeetingFlows.previous_prompt)

    def action_next_segment(self) -> None:
        self._forward(MeetingFlows.next_segment)

    def action_toggle_pause(self) -> None:
        self._forward(MeetingFlows.toggle_pause)

    def action_extend(self) -> None:
        self._forward(MeetingFlows.extend)

    def action_end_meeting(self) -> None:
        self._forward(MeetingFlows.end)  # asks first

    def action_discard_meeting(self) -> None:
        self._forward(meeting_discard.discard)

    def action_pick_question(self) -> None:
        self._forward(MeetingFlows.pick_question)

    def action_switch_playbook(self) -> None:
        self._forward(MeetingFlows.switch_playbook)

    def _to_notes(self, step: Callable[[NotesPane], object]) -> None:
        if self.notes is not None:
            step(self.notes)

    def action_growth_plan(self) -> None:
        """F6: their growth plan, changed a line at a time (the meeting goes on)."""
        from tui1on1.ui.screens.meeting_plan import open_plan

        self._to_notes(open_plan)

    def action_cancel_edit(self) -> None:
        self._to_notes(NotesPane.cancel_edit)
