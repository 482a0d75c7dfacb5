"""The prompt card through a meeting, as the manager reads it: each segment
opens on its lead, a question asked in one segment is gone from the next
(even when the two share a category), the coaching note is on the card,
asking twice is recorded once, and the last segment reads back what was
agreed. The playbook is the user's own, from ``playbooks.toml``."""

from __future__ import annotations

from pilot_helpers import meeting_ready, settle, type_line, wait_for

from tui1on1.questions import load_bank
from tui1on1.ui.dialogs.end import EndScreen

PLAYBOOK = """\
[[playbook]]
slug = "two-career-parts"
title = "Two career parts"
description = "Career twice, then a step."
minutes = 30

  [[playbook.segment]]
  title = "Dreams"
  minutes = 10
  categories = ["aspiration", "moonshot"]
  lead = ["{first}"]

  [[playbook.segment]]
  title = "More dreams"
  minutes = 10
  categories = ["aspiration", "moonshot"]
  lead = ["{second}"]

  [[playbook.segment]]
  title = "Wrap"
  minutes = 10
  categories = ["plan"]
  hint = "Agree one step."
"""


def _card(screen) -> str:
    return "\n".join(
        str(screen.query_one(f"#prompt-{part}").render())
        for part in ("heading", "question", "probes", "note", "memory", "hint")
    )


def _two_aspiration_questions():
    bank = load_bank().questions
    leads = [
        q
        for q in bank.values()
        if q.category == "aspiration" and not q.follow_up and q.note and q.suits("report")
    ]
    return leads[0], leads[1]


async def test_a_meeting_walked_segment_by_segment(make_app, isolated_dirs):
    first, second = _two_aspiration_questions()
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True, exist_ok=True)
    (config / "playbooks.toml").write_text(
        PLAYBOOK.format(first=first.slug, second=second.slug), encoding="utf-8"
    )
    app = make_app(playbook="two-career-parts")
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.2)
        card = _card(screen)
        assert card.startswith("Dreams · aspiration · 1/")
        assert first.text in card
        assert first.note in card  # the coach's whisper, under the probes
        assert "never asked before" in card

        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: "asked at" in _card(screen))
        await pilot.press("ctrl+g")  # again: recorded once, and said so
        await wait_for(
            pilot, lambda: any("recorded once" in str(n.message) for n in app._notifications)
        )
        await type_line(pilot, "wants to lead the data platform one day")
        await settle(pilot)
        assert [q.slug for q in app.services.store.list_asked(screen.model.meeting.id)] == [
            first.slug
        ]

        await pilot.press("ctrl+s")  # More dreams: its own lead, not what was just asked
        await wait_for(pilot, lambda: "More dreams ·" in _card(screen))
        card = _card(screen)
        assert second.text in card
        assert first.text not in card
        assert "asked at" not in card
        seen = []
        for _ in range(screen.model.deck(screen.flows.now()).position[1]):
            await pilot.press("ctrl+n")
            await pilot.pause(0.05)
            seen.append(screen.model.current_question(screen.flows.now()).slug)
        assert first.slug not in seen  # never offered again in a later segment

        await pilot.press("ctrl+s")  # Wrap: nothing agreed yet, the segment's hint
        await wait_for(pilot, lambda: _card(screen).startswith("Wrap"))
        assert "Agree one step." in _card(screen)
        await type_line(pilot, "! draft the platform proposal @2026-12-14")
        await type_line(pilot, "!me intro to the data team lead")
        await wait_for(pilot, lambda: "intro to the data team lead" in _card(screen))
        hint = str(screen.query_one("#prompt-hint").render()).splitlines()
        assert hint == [
            "Read back what you agreed:",
            "  me: intro to the data team lead · no due date",
            "  them: draft the platform proposal · due Mon 14 Dec",
        ]

        await pilot.press("ctrl+o")  # End asks first, and reads the actions back too
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        said = str(app.screen.query_one("#end-read-back").render()).splitlines()
        assert said == hint
