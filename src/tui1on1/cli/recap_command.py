"""`tui1on1 recap NAME [--copy]`: the Markdown recap of the latest 1:1 with NAME.

The recap is always printed. ``--copy`` also puts it on the clipboard through
the terminal, the way Textual's ``App.copy_to_clipboard`` does: an OSC 52
sequence (``ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL``) written to the
controlling terminal, or to stdout when stdout is a terminal. Without either
it says so on stderr and still prints the recap.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import sys
from typing import TextIO

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, open_or_say
from tui1on1.settings import Settings


def osc52(text: str) -> str:
    """The OSC 52 sequence that sets the clipboard to ``text``."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{encoded}\a"


def open_tty() -> TextIO | None:
    """The controlling terminal, open for writing, or None (tests replace this)."""
    try:
        return open("/dev/tty", "w", encoding="utf-8")
    except OSError:
        return None


def copy_to_clipboard(text: str) -> bool:
    """Send ``text`` to the clipboard through the terminal; False if there is none."""
    sequence = osc52(text)
    tty = open_tty()
    if tty is not None:
        try:
            tty.write(sequence)
            tty.flush()
            return True
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                tty.close()
    if sys.stdout.isatty():
        sys.stdout.write(sequence)
        sys.stdout.flush()
        return True
    return False


def recap(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli import recap_gather
    from tui1on1.domain import recap as recaps
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError

    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        record = recap_gather.gather(store, person=args.name, meeting_id=None)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if isinstance(record, str):
        return fail(safe_terminal_text(record))
    text = recaps.markdown(record, today=recap_gather.today(), all_notes=args.all_notes)
    sys.stdout.write(text)
    sys.stdout.flush()
    if args.copy:
        if copy_to_clipboard(text):
            print("tui1on1: the recap was sent to the clipboard (OSC 52)", file=sys.stderr)
        else:
            print(
                "tui1on1: copying to the clipboard needs a terminal, so the recap was only printed",
                file=sys.stderr,
            )
    return EXIT_OK
