"""Someone's growth plan, changed a line at a time: from the person screen
(g) or in a 1:1 (F6). The open plan is shown — goal, what they want it for,
options, steps, how it stood — and one line below changes it: ``goal …``,
``option …``, ``pick 2``, ``drop 3``, or how it stands (``on track``,
``slipping``, ``stuck``, ``achieved``, ``set aside``, then a note).

Each line is decided here against the plan as shown (``domain.growth``),
handed to ``keep`` (the screen writes it: through the recovery journal in
a meeting) and shown at once; the dialog stays for the next line. A line
that can't be kept says why and stays to be fixed. In a meeting, ↑ and ↓
bring back what was said in this 1:1's plan segment, as an option; PgUp
and PgDn scroll a long plan.

Dismissed with how many changes were kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from tui1on1.domain.growth import (
    HELP,
    MAX_TEXT_CHARS,
    GrowthPlan,
    PlanCommand,
    PlanError,
    PlanEvent,
    build_plans,
    open_plan,
    read_plan_line,
    steps_of,
)
from tui1on1.domain.growth_words import change_words, plan_lines
from tui1on1.domain.records import ActionItem
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.widgets.line_input import LineInput

Decide = Callable[[PlanCommand, GrowthPlan | None], PlanEvent]
HINT = f"{HELP} · Esc closes"


class GrowthPlanScreen(FitModal[int]):
    DEFAULT_CSS = """
    GrowthPlanScreen #plan-body { height: auto; margin: 0 0 1 0; }
    """
    AROUND_BODY = 14  # the rows the rest of the dialog takes (its hint on three lines)
    AROUND_BODY_LOW = 10  # below LOW rows: no margins, the hint on one line
    LOW = 24
    BINDINGS = [
        Binding("escape", "close", "Close", id="plan_close"),
        Binding("up", "said(-1)", "Said earlier", show=False),
        Binding("down", "said(1)", "Said later", show=False),
        Binding("pageup", "page(-1)", "Scroll up", show=False),
        Binding("pagedown", "page(1)", "Scroll down", show=False),
    ]

    def __init__(
        self,
        name: str,
        events: Sequence[PlanEvent],
        actions: Sequence[ActionItem],
        *,
        today: date,
        aspiration: str | None,
        decide: Decide,
        keep: Callable[[PlanEvent], None],
        said: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.person_name = name
        self.events = list(events)
        self.actions = list(actions)
        self.today = today
        self.aspiration = aspiration
        self._decide = decide
        self._keep = keep
        self.said = list(said)
        self._said_at = len(self.said)
        self.kept = 0

    def compose(self) -> ComposeResult:
        name = safe_terminal_text(self.person_name)
        with Vertical(id="growth-plan", classes="dialog"):
            yield Static(Text(f"Growth plan — {name}"), classes="dialog-title")
            with VerticalScroll(id="plan-body"):
                yield Static("", id="plan-text")
            yield LineInput(placeholder=self._placeholder(), max_length=MAX_TEXT_CHARS + 20,
                            id="plan-line")  # fmt: skip
            yield Static(Text(self._hint()), id="plan-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._fit_body()
        self._show()
        self.query_one("#plan-line", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self._fit_body()

    def _fit_body(self) -> None:
        """The plan scrolls, so the line to type and what it says always show;
        in a low terminal the rest gives up its margins and long hint, so as
        much of the plan as can be is in view (the options for pick N)."""
        low = self.app.size.height < self.LOW
        self.query_one(".dialog-title").styles.margin = (0, 0, 0 if low else 1, 0)
        self.query_one("#plan-body").styles.margin = (0, 0, 0 if low else 1, 0)
        around = self.AROUND_BODY_LOW if low else self.AROUND_BODY
        room = self.app.size.height * 9 // 10 - around  # a dialog is 90% high at most
        self.query_one("#plan-body").styles.max_height = max(3, room)
        if self.is_mounted:
            self.query_one("#plan-hint", Static).update(Text(self._hint()))

    @property
    def plans(self) -> list[GrowthPlan]:
        return build_plans(self.events)

    def _placeholder(self) -> str:
        if open_plan(self.plans) is None:
            return "goal and what they aim for"
        return "option … · pick 2 · on track"

    def _hint(self) -> str:
        if self.app.size.height < self.LOW:
            return "goal · option · pick N · drop N · status · Esc"
        if self.said:
            return f"↑↓ what was said in the plan segment · {HINT}"
        return HINT

    def _show(self) -> None:
        plans = self.plans
        steps = {plan.uid: steps_of(plan, self.actions, plans) for plan in plans[:1]}
        hint = "type goal and what they aim for"
        lines = plan_lines(plans, steps, self.today, earlier=False, hint=hint)
        if self.aspiration and (not plans or not plans[0].is_open):
            lines.append(f"Their aspiration now: {safe_terminal_text(self.aspiration)}")
        elif self.aspiration and plans[0].aspiration != self.aspiration:
            lines.append(
                f"  they have said since: {safe_terminal_text(self.aspiration)} "
                "(goal … rewords it for that)"
            )
        self.query_one("#plan-text", Static).update(Text("\n".join(lines)))
        self.query_one("#plan-line", Input).placeholder = self._placeholder()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hint = self.query_one("#plan-hint", Static)
        try:
            command = read_plan_line(event.value)
            change = self._decide(command, open_plan(self.plans))
        except PlanError as exc:
            hint.update(Text(str(exc), style="bold"))
            self.query_one("#plan-line", LineInput).give_back(event.value)
            return
        self._keep(change)
        self.events.append(change)
        self.kept += 1
        self._said_at = len(self.said)  # ↑ starts again from the newest
        self._show()
        hint.update(Text(f"{change_words(change, self.plans)} {self._hint()}"))

    def action_said(self, step: int) -> None:
        """Bring back something said in the plan segment (not an option
        yet), newest first with ↑, as an option to keep or edit."""
        plan = open_plan(self.plans)
        taken = {o.text.casefold() for o in plan.options} if plan is not None else set()
        left = [text for text in self.said if text.casefold() not in taken]
        if not left:
            return
        self._said_at = max(0, min(len(left), min(self._said_at, len(left)) + step))
        line = self.query_one("#plan-line", Input)
        # ↓ past the newest comes back to an empty line, as a shell's history does.
        line.value = f"option {left[self._said_at]}" if self._said_at < len(left) else ""
        line.cursor_position = len(line.value)

    def action_page(self, step: int) -> None:
        """PgUp/PgDn: the plan scrolls while the line keeps the focus."""
        body = self.query_one("#plan-body", VerticalScroll)
        if step < 0:
            body.scroll_page_up(animate=False)
        else:
            body.scroll_page_down(animate=False)

    def action_close(self) -> None:
        self.dismiss(self.kept)
