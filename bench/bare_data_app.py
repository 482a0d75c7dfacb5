"""The floors for "data on screen": Textual's hello world that, once its first
frame is up, opens the SQLite file named on the command line in a thread and
shows one person's name.

* ``bare_data_app.py FILE``: through SQLAlchemy, its ORM imported as an app
  built on it loads it. What any app on this stack pays before it can show a
  row; the difference between it and tui1on1 is what tui1on1's own code adds.
* ``bare_data_app.py FILE --sqlite3``: with the standard library's sqlite3
  alone. What SQLAlchemy itself costs, and what a first paint read with the
  standard library can reach (home and the meeting read their first screen
  this way where they can).
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

QUERY = "SELECT name FROM person ORDER BY id LIMIT 1"


class HelloData(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world", id="hello")

    def on_ready(self) -> None:
        self.run_worker(self._read, thread=True)

    def _read(self) -> None:
        path = sys.argv[1]
        if "--sqlite3" in sys.argv[2:]:
            import sqlite3

            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                (name,) = conn.execute(QUERY).fetchone()
        else:
            import sqlalchemy.orm  # noqa: F401 — the ORM, as an app built on it loads it
            from sqlalchemy import create_engine, text

            engine = create_engine(f"sqlite:///{path}")
            with engine.connect() as conn:
                name = conn.execute(text(QUERY)).scalar()
        self.call_from_thread(self.query_one("#hello", Static).update, f"Data: {name}")


if __name__ == "__main__":
    HelloData().run()
