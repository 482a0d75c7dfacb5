"""What the screens need once the database is open, gathered in one place.

Opening happens in a worker thread after the first frame is on screen, so
SQLAlchemy is never imported before the user sees the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui1on1.domain.agenda import DEFAULT_PLAYBOOK, Playbook
from tui1on1.domain.timesource import Clock
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.questions import LoadResult
    from tui1on1.storage.opening import Answer
    from tui1on1.storage.store import Store
    from tui1on1.storage.writer import Writer


@dataclass
class Services:
    settings: Settings
    store: Store
    writer: Writer
    bank: LoadResult
    playbooks: dict[str, Playbook]
    clock: Clock
    problems: list[str] = field(default_factory=list)  # the question bank's
    # What opening the database found and did (a damaged log kept aside, a
    # lost database made again from the journal…): said apart, and longer.
    data_notices: list[str] = field(default_factory=list)

    def take_data_notices(self) -> list[str]:
        """The data notices, once: whoever shows them first takes them."""
        notices, self.data_notices = self.data_notices, []
        return notices

    def playbook(self, slug: str | None) -> Playbook:
        if slug and slug in self.playbooks:
            return self.playbooks[slug]
        return self.playbooks.get("weekly", DEFAULT_PLAYBOOK)


def open_services(
    settings: Settings,
    clock: Clock,
    store: Store | None = None,
    on_status: Callable[[str | None], None] | None = None,
    offer: bool = False,
    answer: Answer | None = None,
) -> Services:
    """Open the Store (unless given), start the writer, load the question bank.

    Raises ``OpenFailed`` with a calm message when the database can't be used.
    """
    from tui1on1.questions import load_bank, load_playbooks
    from tui1on1.storage.opening import open_store
    from tui1on1.storage.recovery import journal_for
    from tui1on1.storage.writer import Writer

    if store is None:
        store = open_store(settings, offer=offer, answer=answer)
    bank = load_bank(settings.config_dir / "questions.toml")
    playbooks, playbook_problems = load_playbooks(
        questions=bank.questions, user_file=settings.config_dir / "playbooks.toml"
    )
    journal = journal_for(store, settings.data_dir, settings.database_url)
    if journal.path.parent == settings.data_dir:
        from tui1on1.privacy import ensure_private_dir

        ensure_private_dir(settings.data_dir)
    writer = Writer(store, journal, on_status=on_status)
    writer.recover()  # before any screen reads: a resumed meeting shows every note
    writer.start()
    problems = [*map(str, bank.problems), *map(str, playbook_problems)]
    return Services(
        settings=settings,
        store=store,
        writer=writer,
        bank=bank,
        playbooks=playbooks,
        clock=clock,
        problems=problems,
        data_notices=[*store.notices, *writer.notices],
    )
