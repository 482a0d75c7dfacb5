"""Search every note, quote and action across people and years, as you type.

Filters go in the same box: `person:ada kind:quote #growth since:2026-01-01`.
Enter on a result opens that meeting at that note.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.searchfilters import SearchInput, parse_search_input
from tui1on1.domain.searchtext import query_tokens, snippet
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.app import ServiceScreen
from tui1on1.ui.latest import show_latest
from tui1on1.ui.services import Services

TYPING_PAUSE = 0.15  # search once the typing pauses this long
LIMIT = 50
PLACEHOLDER = "Search notes · person:ada kind:quote #tag since:2026-01-01"


class SearchResults(OptionList):
    COMPONENT_CLASSES = {"search-results--match", "search-results--meta"}
    BINDINGS = [Binding("escape", "screen.focus_query", "Back to the query", id="results_back")]


class SearchScreen(ServiceScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="search_back")]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self._timer = None
        self.hits: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Input(self.initial, placeholder=PLACEHOLDER, id="search-query")
            yield Static("Type to search every note.", id="search-status")
            yield SearchResults(id="search-results")
        yield Footer(compact=True, show_command_palette=False)

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
        self._timer = self.set_timer(TYPING_PAUSE, lambda: self._run(value))

    @on(Input.Submitted, "#search-query")
    def _to_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.option_count:
            results.focus()
            results.highlighted = 0

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def _run(self, raw: str) -> None:
        if self.app.services is None:
            return
        self._search(raw)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, raw: str) -> None:
        from tui1on1.storage.errors import StoreError

        wanted = parse_search_input(raw)
        store = self.app.services.store
        status = "; ".join(wanted.problems)
        person_id = None
        if wanted.person:
            person, candidates = store.match_person(wanted.person)
            if person is None:
                names = ", ".join(p.name for p in candidates[:4])
                status = (
                    f"'{wanted.person}' could be {names}"
                    if candidates
                    else (f"no one called {wanted.person}")
                )
                show_latest(self.app, self._show, wanted, [], status)
                return
            person_id = person.id
        if not query_tokens(wanted.text):
            show_latest(self.app, self._show, wanted, [], status or "Type a word to search.")
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
        show_latest(self.app, self._show, wanted, hits, status)

    def _show(self, wanted: SearchInput, hits: list, status: str) -> None:
        self.hits = hits
        results = self.query_one(SearchResults)
        results.clear_options()
        tokens = query_tokens(wanted.text)
        match_style = results.get_component_rich_style("search-results--match")
        meta_style = results.get_component_rich_style("search-results--meta")
        for hit in hits:
            when = hit.created_at.astimezone()
            line = Text(f"{when:%a} {when.day} {when:%b %Y}  ", style=meta_style)
            line.append(safe_terminal_text(hit.person_name), style=meta_style)
            line.append(f"  {hit.kind.value}\n", style=meta_style)
            for part, matched in snippet(safe_terminal_text(hit.text), tokens):
                line.append(part, style=match_style if matched else "")
            results.add_option(Option(line, id=f"{hit.meeting_id}:{hit.note_id}"))
        if not status:
            count = len(hits)
            status = (
                f"{count} newest matches (narrow with person:, kind:, #tag, since:)"
                if count == LIMIT
                else f"{count} match{'es' if count != 1 else ''}"
            )
        self.query_one("#search-status", Static).update(status)

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        meeting_id, _, note_id = (event.option.id or "").partition(":")
        if meeting_id:
            from tui1on1.ui.screens.history import MeetingHistoryScreen

            self.app.push_screen(MeetingHistoryScreen(int(meeting_id), int(note_id)))
