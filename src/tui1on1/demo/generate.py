"""A realistic, deterministic history of 1:1s, as a whole-database export document.

:func:`generate` returns the document ``tui1on1 import`` reads (the format is
the one ``export --all`` writes): people with their roles, relationships,
cadences and default playbooks, and a year (or any number of weeks) of ended
meetings on each person's cadence, ending at ``now``. Each meeting follows one
of the shipped playbooks, asks two to five questions from the shipped bank that
suit the person and the segment (never one asked of them in the last three
meetings), and holds notes of every kind written from the templates in
:mod:`tui1on1.demo.topic_words` and :mod:`tui1on1.demo.kind_words`. Action
items are dated; most older ones were closed in a later meeting, a few stay
open and overdue. A note is linked to a question
(``asked_question``) only when it answers it: typed after the ask in the same
segment, a note or quote (or, for a plan question, the step). Each report's
answers to career questions tell a story over the year (see
:mod:`tui1on1.demo.career_story`), so their career thread reads like a person's:
the manager comes back to each part at a realistic pace, restates in other
words, asks *Why?* after some answers (the question's ``followups``, and the
answer's ``answers_why: true``) and now and then marks a remark made in passing
(``career``: the element, on a note that answers no question).

The document is version 1: its notes carry ``career`` and ``answers_why`` only
where they are set (a version 1 reader takes them when present), so the rest
of the notes stay as small as before; none has ``resolved_at``.

The calendar (who, and when each meeting was) is :mod:`tui1on1.demo.schedule`'s;
what was said in each is :mod:`tui1on1.demo.content`'s.

The same arguments always give the same document: all randomness comes from
``random.Random`` seeded with ``seed`` (one generator for the roster, one per
person), and the user's own question file is never read.

Sizes (measured on the dev machine): the default (5 people, 52 weeks) is about
200 meetings and 2,000 notes, made in about 0.15 s. A benchmark-sized history,
``people=25, weeks=260, notes_per_meeting=(20, 20)``, is about 4,700 meetings
and 94,000 notes (fewer than 25 x 260 x 20: some people meet every two weeks,
some weeks are skipped, one person joined late and one left), made in about
5 s; held whole it takes some 110 MB. :func:`iter_people` yields the same
people one at a time (each person's history is independent of the others) in
about 15 MB, and each can be imported on its own::

    header = {"format": FORMAT, "version": VERSION, "exported_at": now.isoformat()}
    for person in iter_people(people=25, weeks=260, notes_per_meeting=(20, 20), now=now):
        import_data(store, {**header, "people": [person]})
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime

from tui1on1.demo.career_cast import cast_roster
from tui1on1.demo.catalogue import catalogue
from tui1on1.demo.content import Entry, PersonHistory
from tui1on1.demo.exposures import add_exposures
from tui1on1.demo.growth import plan_events_for
from tui1on1.demo.schedule import UP, roster
from tui1on1.demo.succession import backfills_for
from tui1on1.demo.talking_points import talking_points_for

__all__ = ["FORMAT", "VERSION", "generate", "iter_people"]

FORMAT = "tui1on1-export"
VERSION = 1


def generate(
    *,
    people: int = 5,
    weeks: int = 52,
    notes_per_meeting: tuple[int, int] = (6, 14),
    seed: int = 7,
    now: datetime,
) -> Entry:
    """A whole-database export document holding a made-up history ending at ``now``.

    Args:
        people: how many people (mostly reports; one manager or skip-level
            from two people on, both from ten).
        weeks: how far back the meetings go.
        notes_per_meeting: the least and most notes in one meeting.
        seed: the same seed gives the same document.
        now: an aware datetime; no meeting ends after it.
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _utc(now).isoformat(),
        "people": list(
            iter_people(
                people=people, weeks=weeks, notes_per_meeting=notes_per_meeting, seed=seed, now=now
            )
        ),
    }


def iter_people(
    *,
    people: int = 5,
    weeks: int = 52,
    notes_per_meeting: tuple[int, int] = (6, 14),
    seed: int = 7,
    now: datetime,
) -> Iterator[Entry]:
    """The entries of :func:`generate`'s ``"people"`` list, one at a time (same arguments)."""
    now = _utc(now)
    low, high = notes_per_meeting
    if people < 0 or weeks < 0 or low < 0 or high < low:
        raise ValueError("people and weeks must be >= 0 and notes_per_meeting a (low, high) range")
    shipped = catalogue()
    people_ = roster(random.Random(seed), people, weeks)
    casts = cast_roster(seed, [w.role if w.relationship not in UP else None for w in people_])
    reports = [w.name for w in people_ if w.relationship == "report" and not w.archived]
    for index, (who, cast) in enumerate(zip(people_, casts, strict=True)):
        rng = random.Random(f"tui1on1-demo:{seed}:{index}")
        entry = PersonHistory(who, rng, shipped, now, (low, high), cast).build()
        if who.relationship == "report":
            entry["exposures"] = add_exposures(entry, now, seed)
            entry["backfills"] = backfills_for(who.name, reports, now)
            entry["talking_points"] = talking_points_for(entry, now, reports, seed)
            entry["plan_events"] = plan_events_for(entry, reports, now, seed)
        yield entry


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    return moment.astimezone(UTC)
