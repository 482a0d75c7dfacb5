"""The floor for start-up and memory: Textual's hello world, nothing else."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world")


if __name__ == "__main__":
    Hello().run()
