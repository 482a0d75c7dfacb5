"""The mirror's promises figure: my promises that came due in the window,
kept on time or not (see :mod:`tui1on1.domain.mirror`).

Each of my promises is judged once, as :func:`~tui1on1.domain.promises.promise_outcome`
judges it for the kept-promise rate, and placed on one day: its due date (a
kept or late one by the date in force when it was done, an open late one by
the date it missed), today for one kept before a date still ahead. The
headline counts exactly the promises the weekly bars count, those placed in
the window: a promise still overdue whose date fell before the window is not
in the share (it came due before these weeks) but is said apart ("1 due
earlier is still overdue"), never hidden. Dropped ones and ones with no due
date are counted apart, as ``actions --summary`` counts them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, tzinfo

from tui1on1.domain.kinds import Owner
from tui1on1.domain.mirror import Figure, MirrorData, Window, percent, weekly_share
from tui1on1.domain.promises import Outcome, promise_outcome
from tui1on1.domain.records import ActionEvent
from tui1on1.domain.text import plural

_CAME_DUE = (Outcome.KEPT, Outcome.LATE, Outcome.OVERDUE)


def _placed(
    data: MirrorData, window: Window, tz: tzinfo | None
) -> tuple[Counter[Outcome], list[tuple[date, bool]], int]:
    """The outcomes counted in the window; each that came due, on its day,
    and whether it was kept; and how many are overdue from before the window."""
    history: dict[int, list[ActionEvent]] = defaultdict(list)
    for event in data.events:
        history[event.action_id].append(event)
    counts: Counter[Outcome] = Counter()
    came_due: list[tuple[date, bool]] = []
    earlier = 0
    for action in data.promises:
        if action.owner is not Owner.ME:
            continue
        judged = promise_outcome(action, history.get(action.id, ()), window.today, tz=tz)
        if judged is None or judged.outcome is Outcome.NOT_YET_DUE:
            continue
        if judged.day is None:  # open with no due date: outstanding, counted apart
            counts[judged.outcome] += 1
            continue
        day = min(judged.day, window.today)  # kept before a date still ahead: now
        if day < window.start:
            earlier += judged.outcome is Outcome.OVERDUE
            continue
        counts[judged.outcome] += 1
        if judged.outcome in _CAME_DUE:
            came_due.append((day, judged.outcome is Outcome.KEPT))
    return counts, came_due, earlier


def promises(data: MirrorData, window: Window, tz: tzinfo | None) -> Figure:
    """My promises due in the window, kept on time: the headline and the
    weekly bars count the same promises."""
    counts, came_due, earlier = _placed(data, window, tz)
    weekly = weekly_share(window, came_due)
    title = "Promises kept on time"
    kept, n = counts[Outcome.KEPT], len(came_due)
    detail = {
        "kept": kept,
        "late": counts[Outcome.LATE],
        "overdue": counts[Outcome.OVERDUE],
        "dropped": counts[Outcome.DROPPED],
        "no_due_date": counts[Outcome.NO_DUE],
        "came_due": n,
        "overdue_before": earlier,
    }
    span = window.span()
    older = f"{earlier} due earlier {'is' if earlier == 1 else 'are'} still overdue"
    if not n:
        sentence = f"None of your promises came due in {span}."
        sentence += f" {older[0].upper()}{older[1:]}." if earlier else ""
        return Figure("promises", title, None, "", sentence, weekly, detail)
    shown = f"kept {kept} of {n} ({percent(kept, n)}%)"
    shown += f" · {earlier} older overdue" if earlier else ""
    if kept == n:
        which = "the 1 promise" if n == 1 else f"all {n} promises"
        if earlier:
            them = "it" if earlier == 1 else "them"
            sentence = (
                f"You kept {which} due in {span} on time, but {older}: "
                f"close {them} or give {them} a new date."
            )
        else:
            sentence = f"You kept {which} due in {span} on time — they can count on your word."
    else:
        late, overdue = counts[Outcome.LATE], counts[Outcome.OVERDUE]
        missed = [f"{late} late"] if late else []
        missed += [f"{overdue} still overdue"] if overdue else []
        also = f", and {older}" if earlier else ""
        sentence = (
            f"You kept {kept} of {plural(n, 'promise')} due in {span} on time "
            f"({' · '.join(missed)}){also}: each late one tells them their topic can wait."
        )
    return Figure("promises", title, kept / n, shown, sentence, weekly, detail)
