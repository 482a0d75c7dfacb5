"""Typed fast in a live 1:1: a prefix glued to `//` is private, a concern
glued to its word is still a concern (private), another prefix glued to a
word says it was kept as a plain note, and a line that can't be
saved stays in the input with a word on how to clear it — then the recap
sends only what was meant to be shared."""

from __future__ import annotations

from pilot_helpers import meeting_ready, settle, type_line

from tui1on1.cli import recap_gather
from tui1on1.ui.widgets.notes import NoteInput, NotesList

SIZE = (100, 30)


def _messages(app) -> list[str]:
    return [" ".join(str(n.message).split()) for n in app._notifications]


async def test_glued_prefixes_in_a_meeting_and_what_the_recap_sends(
    make_app, db_path, cli, clock, monkeypatch
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "!me//ask HR about her band")
        await type_line(pilot, "-worried about burnout")
        await type_line(pilot, "!call the recruiter")
        await type_line(pilot, "!me @fri")
        await settle(pilot)
        note_input = screen.query_one(NoteInput)
        assert note_input.value == "!me @fri"  # kept to finish, not lost
        said = _messages(app)
        assert any("'-worried' was read as a concern" in m for m in said)
        assert any("'!call' was saved as a plain note" in m for m in said)
        assert any("back in the line to finish (Ctrl+U clears it)" in m for m in said), said
        await pilot.press("ctrl+u")
        assert note_input.value == ""
        await type_line(pilot, "- // not sleeping well")
        await settle(pilot)
        rows = [str(o.prompt) for o in screen.query_one(NotesList).options]
        [mine] = [r for r in rows if "ask HR" in r]
        assert "◘" in mine and "mine" in mine
        [concern] = [r for r in rows if "worried" in r]
        assert "- ◘ worried about burnout" in concern
        [plain] = [r for r in rows if "recruiter" in r]
        assert "!call the recruiter" in plain and "◘" not in plain
        assert app.services.writer.flush(5)

    monkeypatch.setattr(recap_gather, "today", lambda: clock.now().date())
    sent = cli("--db", f"sqlite:///{db_path}", "recap", "ada").stdout
    assert "ask HR" not in sent
    assert "not sleeping well" not in sent
    assert "worried about burnout" not in sent
    assert "!call the recruiter" in sent  # a plain note is shared, as the hint said
