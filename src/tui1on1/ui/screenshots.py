"""The palette's "Screenshot": an SVG of the screen, 0600, in the Downloads
folder, or the fallback folder the app gives (0700 when made here) when there
is none; a notification says where."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_downloads_path
from textual.app import App

from tui1on1.privacy import ensure_private_dir, write_private_file


def save_screenshot(
    app: App[Any],
    fallback: Path,
    filename: str | None = None,
    path: str | None = None,
    *,
    encrypted: bool = False,
) -> str | None:
    """Write the screenshot and say where; the path, or None if it failed."""
    ours = make = False  # the fallback folder used; made (private) here
    if path is not None:
        folder = Path(path).expanduser()
    else:
        folder = user_downloads_path()
        if not folder.is_dir():
            folder, ours, make = fallback, True, not fallback.exists()
    name = filename or f"tui1on1-{datetime.now():%Y%m%d-%H%M%S}.svg"
    target = folder / name
    number = 1
    while filename is None and target.exists():
        number += 1
        target = folder / f"{Path(name).stem}-{number}.svg"
    try:
        if make:
            ensure_private_dir(folder.parent)
            ensure_private_dir(folder)
        write_private_file(target, app.export_screenshot().encode("utf-8"))
    except OSError as exc:
        app.notify(
            f"Couldn't save the screenshot in {folder}: {exc.strerror or exc}",
            title="Screenshot",
            severity="error",
            markup=False,
        )
        return None
    # The path on a line of its own, never split.
    where = f"Saved to\n{target}" + ("\n(there is no Downloads folder)" if ours else "")
    if encrypted:  # said as export says it
        where += "\nYour notes are encrypted; this picture of them isn't: delete it when done."
    app.notify(where, title="Screenshot", timeout=8, markup=False)
    return str(target)
