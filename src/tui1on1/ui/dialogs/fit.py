"""Dialogs that fit small terminals: the screen is marked ``-narrow`` below
70 columns, ``-tiny`` below 50 and ``-short`` below 18 rows, and
``fit.tcss`` tightens the dialog (full width, less padding, then buttons
stacked) instead of cutting it."""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen, ScreenResultType

NARROW_BELOW = 70
TINY_BELOW = 50
SHORT_BELOW = 18


class FitModal(ModalScreen[ScreenResultType]):
    def on_mount(self) -> None:
        self._fit()

    def on_resize(self, _event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        size = self.app.size
        self.set_class(size.width < NARROW_BELOW, "-narrow")
        self.set_class(size.width < TINY_BELOW, "-tiny")
        self.set_class(size.height < SHORT_BELOW, "-short")
