"""The floor for "data on screen": Textual's hello world that, once its first
frame is up, imports SQLAlchemy's ORM in a thread, opens the SQLite file
named on the command line and shows one person's name.

It is what any app on this stack pays before it can show a row; the
difference between it and tui1on1 is what tui1on1's own code adds.
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloData(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world", id="hello")

    def on_ready(self) -> None:
        self.run_worker(self._read, thread=True)

    def _read(self) -> None:
        import sqlalchemy.orm  # noqa: F401 — the ORM, as an app built on it loads it
        from sqlalchemy import create_engine, text

        engine = create_engine(f"sqlite:///{sys.argv[1]}")
        with engine.connect() as conn:
            name = conn.execute(text("SELECT name FROM person ORDER BY id LIMIT 1")).scalar()
        self.call_from_thread(self.query_one("#hello", Static).update, f"Data: {name}")


if __name__ == "__main__":
    HelloData().run()
