"""The team view (t on home): every report, who needs the manager first.

Each report in three lines: their name and what needs doing; their current
aspiration and the last career conversation; the next agreed step, the last
exposure and my promises to them (rules: ``domain.team``). Enter opens the
person, to prepare or to start a 1:1.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.mirror import WINDOW_WEEKS, Mirror
from tui1on1.domain.series import DEFAULT_CAREER_WEEKS
from tui1on1.domain.succession import BenchRole
from tui1on1.domain.team import (
    TeamRow,
    aspiration_words,
    exposure_words,
    plan_parts,
    promise_words,
    step_words,
    steps_into_words,
    weeks_ago,
)
from tui1on1.domain.team_header import (
    career_due_words,
    gap_words,
    listening_words,
    promises_words,
    ready_words,
    short_words,
)
from tui1on1.domain.text import clip, plural, safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList, one_line
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

LISTEN_WEEKS = WINDOW_WEEKS[0]  # the header's "how you listen": the mirror's default
TALL = 24  # from this height who is ready, my promises and how I listen each have a line
ROW_CHROME = 6  # the list's focus bar, padding and scrollbar
EMPTY = (
    "No reports yet: the team view is for the people who report to you. "
    "Add one on home (a), with the relationship 'report'."
)


def load_team(services: Services, now: datetime) -> tuple[list[TeamRow], list[BenchRole], Mirror]:
    """The reports, every role of the bench, and the mirror's last weeks
    (how I listen: the header says it, `i` on home shows it all)."""
    elements = services.bank.elements()
    weeks = services.settings.career_weeks
    rows, roles = services.store.team_and_bench(elements, now.astimezone().date(), weeks=weeks)
    return rows, roles, services.store.mirror(services.playbooks, now, LISTEN_WEEKS)


def header_text(
    rows: list[TeamRow],
    bare: list[BenchRole],
    *,
    career: str = "",
    ready: str = "",
    promises: str = "",
    listening: str = "",
) -> Text:
    """The title, how many need something (or that nobody does), then the
    five answers: who hasn't had a career conversation lately, the roles no
    one is ready to back-fill (the bench's gaps), who is ready for more, my
    promises and how I listen — each wrapped, never cut: they are what the
    screen is for."""
    text = Text("Your team, who needs you first", style="bold")
    needing = sum(1 for r in rows if r.attention)
    if not rows:
        return text
    if needing:
        text.append(f"\n{plural(len(rows), 'report')} · {needing} need something from you")
    else:
        text.append(f"\n{plural(len(rows), 'report')} · nothing pressing for anyone")
    for line in (career, gap_words(bare), ready, promises, listening):
        if line:
            text.append("\n" + safe_terminal_text(line))
    return text


def row_text(row: TeamRow, today: date, room: int) -> Text:
    """One report in lines that each fit ``room`` cells: the name and what
    needs doing (wrapped, never cut: it is the point of the screen), then
    the career talk and aspiration, the next step, the exposure and my
    promises (the longer words cut with "…", the dates kept)."""
    text = Text(safe_terminal_text(row.person.name), style="bold")
    if row.attention:
        text.append(" — " + "; ".join(a.words for a in row.attention))
    else:
        text.append(" — nothing pressing", style="italic")
    aspiration = one_line(safe_terminal_text(aspiration_words(row, today)))
    talk = f"  career talk {weeks_ago(row.last_career_talk, today)} · aspiration: "
    text.append("\n" + talk + clip(aspiration, room - len(talk)))
    if row.plan is not None:
        text.append("\n" + plan_line(row, today, room))
    step = row.next_step
    head = "  next step: "
    if step is None:
        text.append("\n" + head + step_words(row, today))
    else:
        when = step_words(row, today)[len(step.text) :]  # " (due Fri 18 Dec)"
        words = one_line(safe_terminal_text(step.text))
        text.append("\n" + head + clip(words, room - len(head) - len(when)))
        overdue = step.due is not None and step.due < today
        text.append(when, style="bold" if overdue else "")
    # My promises first: cut at the end, the overdue count must not be the part lost.
    rest = f"  my promises {promise_words(row)} · exposure {exposure_words(row, today)}"
    text.append("\n" + clip(rest, room))
    if row.steps_into:
        could = "  could step into: " + safe_terminal_text(steps_into_words(row))
        text.append("\n" + clip(could, room))
    return text


def plan_line(row: TeamRow, today: date, room: int) -> str:
    """ "  growth plan: <goal> — <status>: <note>" in ``room`` cells: the
    goal and then the note give way, how it stands is kept."""
    goal, status, note = (one_line(safe_terminal_text(part)) for part in plan_parts(row, today))
    head, tail = "  growth plan: ", f" — {status}"
    line = head + clip(goal, max(room - len(head) - len(tail), 12)) + tail
    left = room - len(line)
    return line + clip(f": {note}", left) if note and left > 4 else clip(line, room)


class TeamScreen(ServiceScreen[None]):
    DEFAULT_CSS = """
    TeamScreen #team-header { height: auto; padding: 0 1; background: $primary-muted; }
    TeamScreen #team-list { height: 1fr; background: $background; }
    """
    help_enter = "open the highlighted person: prepare, or start the 1:1 (m)"
    BINDINGS = [
        Binding("b", "app.open_bench", "Bench", id="team_bench",
                tooltip="Who could step into whose role: name or take off"),
        Binding("escape", "app.pop_screen", "Back", id="team_back"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TeamRow] | None = None
        self.bare: list[BenchRole] = []  # roles with no one ready
        self.roles: list[BenchRole] = []  # the bench: who is ready for more
        self.listening = ""  # how I listen, from the mirror
        self.mirror: Mirror | None = None
        self.career_weeks = DEFAULT_CAREER_WEEKS  # "lately", from the settings

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="team-header")
        yield OpenList(id="team-list")
        yield KeysLine()

    def services_ready(self, services: Services) -> None:
        self.career_weeks = services.settings.career_weeks
        self.reload()

    def on_screen_resume(self) -> None:
        if self.coming_back():
            self.reload()

    def today(self) -> date:
        return self.app.clock.now().astimezone().date()

    @work(thread=True, exclusive=True, exit_on_error=False, group="team")
    def reload(self) -> None:
        rows, roles, mirror = load_team(self.open_services(), self.app.clock.now())
        show_latest(self.app, self._show, rows, roles, mirror)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.rows is None:
            self.query_one("#team-header", Static).update(not_loaded(error))

    def _show(
        self,
        rows: list[TeamRow],
        roles: list[BenchRole] | None = None,
        mirror: Mirror | None = None,
    ) -> None:
        self.rows = rows
        if roles is not None:
            self.bare = [role for role in roles if not role.covered]
            self.roles = roles
        if mirror is not None:
            self.mirror = mirror
            self.listening = listening_words(mirror)
        today = self.today()
        # Below TALL rows the reports need the room: the last three answers share a line.
        tall = self.size.height >= TALL
        header = header_text(
            rows,
            self.bare,
            career=career_due_words(rows, today, self.career_weeks),
            ready=ready_words(self.roles) if tall else "",
            promises=promises_words(rows, today) if tall else "",
            listening=self.listening if tall else self._short(rows),
        )
        self.query_one("#team-header", Static).update(header)
        view = self.query_one("#team-list", OpenList)
        current = view.highlighted_option.id if view.highlighted_option is not None else None
        view.clear_options()
        if not rows:
            view.add_option(Option(Text(EMPTY, style="italic"), disabled=True))
            return
        room = max(self.size.width - ROW_CHROME, 20)
        options: list[Option | None] = []
        for row in rows:
            if options:
                options.append(None)  # a rule between people
            options.append(Option(row_text(row, today, room), id=f"person-{row.person.id}"))
        view.add_options(options)
        ids = [f"person-{row.person.id}" for row in rows]
        view.highlighted = ids.index(current) if current in ids else 0
        view.focus()

    def _short(self, rows: list[TeamRow]) -> str:
        """Below TALL rows, the last three answers in one line."""
        return short_words(self.roles, rows, self.mirror) if self.mirror is not None else ""

    def on_resize(self, _event: events.Resize) -> None:
        if self.rows is not None:  # each line is cut to the width: cut again
            self._show(self.rows)

    @on(OptionList.OptionSelected)
    def _open_row(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition("-")
        if kind == "person":
            self.app.open_person(int(ident))
