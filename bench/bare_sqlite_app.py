"""The standard library's floor for "data on screen": Textual's hello world
that reads one person's name from the SQLite file named on the command line
with ``sqlite3`` (no SQLAlchemy), once its first frame is up.

Beside ``bare_data_app.py`` it shows what SQLAlchemy itself costs before a
row can be shown, and what a first paint read with the standard library can
reach (home and the meeting read their first screen this way where they can).
"""

import sqlite3
import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloRow(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world", id="hello")

    def on_ready(self) -> None:
        self.run_worker(self._read, thread=True)

    def _read(self) -> None:
        with sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True) as conn:
            (name,) = conn.execute("SELECT name FROM person ORDER BY id LIMIT 1").fetchone()
        self.call_from_thread(self.query_one("#hello", Static).update, f"Data: {name}")


if __name__ == "__main__":
    HelloRow().run()
