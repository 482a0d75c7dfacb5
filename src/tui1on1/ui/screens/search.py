"""Search every note, quote and action across people and years, as you type.

Filters go in the same box: `person:ada kind:quote #growth since:2026-01-01`;
filters alone, with no words, list every note they let through, newest first
("all of Priya's quotes": `person:priya kind:quote`). `person:` finds people
by the one name rule every command shares (a unique start of any word of the
name is enough).

The first result is highlighted as soon as results arrive, and one Enter
opens it, in that meeting at that note: Down/Up move the highlight while the
typing stays in the box, and Enter on the result list opens the result too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.people import unresolved_message
from tui1on1.domain.searchfilters import SearchInput, parse_search_input
from tui1on1.domain.searchtext import query_tokens, snippet
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.latest import show_latest
from tui1on1.ui.screens.base import ServiceScreen
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

if TYPE_CHECKING:
    from tui1on1.storage.search import SearchHit  # SQLAlchemy: not before the first frame

TYPING_PAUSE = 0.15  # search once the typing pauses this long
LIMIT = 50
PLACEHOLDER = "Search notes · person:ada kind:quote #tag since:2026-01-01"
HINT = "Type words to search, or filters alone: person:ada kind:quote #tag since:2026-01-01"


class SearchResults(OptionList):
    COMPONENT_CLASSES = {"search-results--match", "search-results--meta"}
    BINDINGS = [Binding("escape", "screen.focus_query", "Back to the query", id="results_back")]


class SearchQuery(Input):
    """The query box: Enter opens the highlighted result (and says so in the footer)."""

    BINDINGS = [Binding("enter", "submit", "Open", id="search_open")]


class SearchScreen(ServiceScreen[None]):
    help_more = (
        "Filters, with words or alone",
        [
            ("person:NAME", "notes with that person (a start of the name is enough)"),
            ("kind:KIND", "note, action, quote, question, decision, win, concern, parked"),
            ("#tag", "notes with that tag"),
            ("since:DATE until:DATE", "local days as YYYY-MM-DD, both included"),
        ],
    )
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search_back"),
        # The query box doesn't use Down/Up: they move the results' highlight.
        Binding("down", "move(1)", "Next result", id="search_next", show=False),
        Binding("up", "move(-1)", "Previous result", id="search_previous", show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self._timer: Timer | None = None
        self.hits: list[SearchHit] = []
        self._shown: str | None = None  # the query the results on screen are for
        self._open_first = False  # Enter came before the results for the query

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield SearchQuery(self.initial, placeholder=PLACEHOLDER, id="search-query")
            yield Static("Type to search every note.", id="search-status")
            yield SearchResults(id="search-results")
        yield KeysLine()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def services_ready(self, services: Services) -> None:
        if self.initial:
            self._run(self.initial)

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(TYPING_PAUSE, self.guarded(lambda: self._run(value)))

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        self.action_open_highlighted()

    def action_open_highlighted(self) -> None:
        """Open the highlighted result; if the results on screen are for an
        older query (Enter came within the typing pause), search now and open
        the first result when it arrives."""
        raw = self.query_one(Input).value
        if raw != self._shown:
            if self._timer is not None:
                self._timer.stop()
            self._open_first = True
            self._run(raw)
            return
        results = self.query_one(SearchResults)
        if results.highlighted is not None:
            self._open(results.get_option_at_index(results.highlighted))

    def action_move(self, step: int) -> None:
        results = self.query_one(SearchResults)
        if results.option_count:
            if step > 0:
                results.action_cursor_down()
            else:
                results.action_cursor_up()

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def _run(self, raw: str) -> None:
        if self.app.services is None:
            return
        self._search(raw)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, raw: str) -> None:
        wanted = parse_search_input(raw)
        store = self.open_services().store
        status = "; ".join(wanted.problems)
        person_id = person_name = None
        if wanted.person:
            match = store.match_person(wanted.person)
            if match.person is None:
                show_latest(self.app, self._show, raw, wanted, [], unresolved_message(match))
                return
            person_id, person_name = match.person.id, match.person.name
        if not query_tokens(wanted.text) and not wanted.filtered:
            show_latest(self.app, self._show, raw, wanted, [], status or HINT)
            return
        try:
            hits = store.search(
                wanted.text,
                person_id=person_id,
                kinds=[wanted.kind] if wanted.kind else None,
                tag=wanted.tag,
                since=wanted.since,
                until=wanted.until,
                limit=LIMIT,
            )
        except StoreError as exc:
            hits, status = [], str(exc)
        if not status:
            status = _count(wanted, len(hits), person_name)
        show_latest(self.app, self._show, raw, wanted, hits, status)

    def _show(self, raw: str, wanted: SearchInput, hits: list[SearchHit], status: str) -> None:
        self.hits = hits
        self._shown = raw
        results = self.query_one(SearchResults)
        results.clear_options()
        tokens = query_tokens(wanted.text)
        match_style = results.get_component_rich_style("search-results--match")
        # Only the colour: a background of its own would hide the highlight.
        meta_style = Style(color=results.get_component_rich_style("search-results--meta").color)
        for hit in hits:
            when = hit.created_at.astimezone()
            line = Text(f"{when:%a} {when.day} {when:%b %Y}  ", style=meta_style)
            line.append(safe_terminal_text(hit.person_name), style=meta_style)
            line.append(f"  {hit.kind.value}\n", style=meta_style)
            for part, matched in snippet(safe_terminal_text(hit.text), tokens):
                line.append(part, style=match_style if matched else "")
            results.add_option(Option(line, id=f"{hit.meeting_id}:{hit.note_id}"))
        if hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(Text(status))
        if self._open_first:
            self._open_first = False
            if hits and raw == self.query_one(Input).value:
                self._open(results.get_option_at_index(0))

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option)

    def _open(self, option: Option) -> None:
        meeting_id, _, note_id = (option.id or "").partition(":")
        if meeting_id:
            self.app.open_past_meeting(int(meeting_id), int(note_id))


def _count(wanted: SearchInput, count: int, person_name: str | None) -> str:
    """The status line: ``3 matches``, ``12 notes, newest first · Priya Raman``."""
    words = bool(query_tokens(wanted.text))
    if count == LIMIT:
        text = f"{count} newest {'matches' if words else 'notes'} (narrow with words, "
        text += "person:, kind:, #tag, since:)"
    elif words:
        text = plural(count, "match", "matches")
    else:
        text = plural(count, "note") + (", newest first" if count > 1 else "")
    if person_name:
        text += f" · {safe_terminal_text(person_name)}"
    return text
