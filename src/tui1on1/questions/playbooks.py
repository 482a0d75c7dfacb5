"""Playbooks: named shapes for a one-on-one, loaded from ``playbooks.toml``.

A playbook file holds ``[[playbook]]`` entries, each with ``[[playbook.segment]]``
tables::

    [[playbook]]
    slug = "weekly"
    title = "Weekly check-in"
    description = "..."
    minutes = 30
      [[playbook.segment]]
      title = "Follow-ups"
      minutes = 4
      categories = ["follow-up"]
      hint = "Go through last time's open actions."
      lead = ["follow-up-my-promises"]   # optional: the questions it opens with

Segment minutes must add up to the playbook's minutes and every category must
be one of :data:`CATEGORIES`. With the bank given, every ``lead`` slug must be
a question in it that isn't follow-up-only. Invalid playbooks are reported and
skipped; a lead that isn't in the bank is reported and left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path

from tui1on1.domain.agenda import Playbook, Segment, validate_playbook
from tui1on1.questions._toml import (
    EntryLines,
    Locator,
    Problem,
    parse_toml,
    read_text,
    read_user_file,
    unknown_key_message,
)
from tui1on1.questions.bank import CATEGORIES, Question
from tui1on1.schema import Issue, Table

__all__ = ["load_playbooks"]

_PLAYBOOK_KEYS = ("slug", "title", "description", "minutes", "segment")
_SEGMENT_KEYS = ("title", "minutes", "categories", "hint", "lead")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_playbooks(
    path: Path | None = None,
    *,
    questions: Mapping[str, Question] | None = None,
    user_file: Path | None = None,
) -> tuple[dict[str, Playbook], list[Problem]]:
    """Load the shipped playbooks (or those in ``path``) into :class:`Playbook` records.

    If ``questions`` is given, a segment naming a category with no questions
    in it, or leading with a question that can't lead, is reported too (the
    playbook still loads). ``user_file`` (the user's ``playbooks.toml``, which
    may be missing) is read on top of the shipped ones: its playbooks are
    added, and replace a shipped one with the same slug.
    """
    playbooks, problems = _load_one(path, questions)
    if user_file is not None and path is None:
        data, read_problems = read_user_file(Path(user_file))
        problems.extend(read_problems)
        if data is not None:
            mine, found = _read_playbooks(data, str(user_file), questions)
            problems.extend(found)
            playbooks.update(mine)
    return playbooks, problems


def _load_one(
    path: Path | None, questions: Mapping[str, Question] | None
) -> tuple[dict[str, Playbook], list[Problem]]:
    if path is None:
        resource = resources.files("tui1on1.questions").joinpath("playbooks.toml")
        source, data = str(resource), resource.read_bytes()
    else:
        source = str(path)
        read, problems = read_user_file(Path(path))
        if read is None:
            return {}, problems or [Problem(source, None, "file not found")]
        data = read
    return _read_playbooks(data, source, questions)


def _read_playbooks(
    data: bytes, path: str, questions: Mapping[str, Question] | None
) -> tuple[dict[str, Playbook], list[Problem]]:
    text, problems = read_text(data, path)
    if text is None:
        return {}, problems
    document, problems = parse_toml(text, path)
    if document is None:
        return {}, problems
    locator = Locator(text)
    for key in document:
        if key != "playbook":
            message = unknown_key_message("the file", key, ("playbook",))
            problems.append(Problem(path, locator.key_line(key), message))
    entries = document.get("playbook", [])
    if not isinstance(entries, list):
        line = locator.key_line("playbook")
        return {}, [*problems, Problem(path, line, "'playbook' must be [[playbook]] tables")]
    lines = EntryLines(locator, "playbook", len(entries))
    playbooks: dict[str, Playbook] = {}
    for index, entry in enumerate(entries):
        playbook, errors = _build_playbook(entry, index, path, lines)
        line = lines.line(index, entry.get("slug") if isinstance(entry, dict) else None)
        if playbook is None:
            problems.extend(Problem(e.path, e.line, f"{e.message}; skipped") for e in errors)
            continue
        if playbook.slug in playbooks:
            problems.append(
                Problem(path, line, f"playbook {playbook.slug!r} is a duplicate; skipped")
            )
            continue
        if questions is not None:
            playbook, found = _check_against_bank(playbook, questions)
            problems.extend(Problem(path, line, message) for message in found)
        playbooks[playbook.slug] = playbook
    return playbooks, problems


def _check_against_bank(
    playbook: Playbook, questions: Mapping[str, Question]
) -> tuple[Playbook, list[str]]:
    """Categories without questions and leads that can't lead, said; such
    leads are left out."""
    used = {q.category for q in questions.values()}
    problems: list[str] = []
    segments: list[Segment] = []
    for segment in playbook.segments:
        where = f"playbook {playbook.slug!r} segment {segment.title!r}"
        problems.extend(
            f"{where} names category {category!r}, which has no questions"
            for category in segment.categories
            if category not in used
        )
        kept: list[str] = []
        for slug in segment.lead:
            question = questions.get(slug)
            if question is None:
                problems.append(f"{where} leads with {slug!r}, which is not in the bank; left out")
            elif question.follow_up:
                problems.append(
                    f"{where} leads with {slug!r}, a follow-up question that needs "
                    "an answer first; left out"
                )
            else:
                kept.append(slug)
        segments.append(replace(segment, lead=tuple(kept)))
    return replace(playbook, segments=tuple(segments)), problems


def _build_playbook(
    entry: object, index: int, path: str, lines: EntryLines
) -> tuple[Playbook | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(path, lines.line(index), f"playbook #{index + 1} is not a table")]
    raw_slug = entry.get("slug")
    label = (
        f"playbook {raw_slug!r}"
        if isinstance(raw_slug, str) and raw_slug
        else f"playbook #{index + 1}"
    )
    errors: list[Problem] = []

    def report(table: Table) -> None:
        errors.extend(
            Problem(path, lines.line(index, raw_slug, issue.key), f"{label} {issue.message}")
            for issue in table.issues
        )

    table = Table(entry)
    table.refuse_unknown(_PLAYBOOK_KEYS, _unknown(_PLAYBOOK_KEYS))
    kebab = "needs a kebab-case slug, like 'weekly'"
    slug = table.text(
        "slug", missing=kebab, wrong=kebab, check=lambda s: None if _SLUG.match(s) else kebab
    )
    title = table.text("title", missing="has no title", wrong="has no title", blank_is_wrong=True)
    description = table.text("description", wrong="has a description that is not text", default="")
    minutes = table.number(
        "minutes", missing="needs minutes as a number", wrong="needs minutes as a number"
    )
    raw_segments = table.items(
        "segment",
        missing=_NO_SEGMENTS,
        wrong=_NO_SEGMENTS,
        check=lambda found: None if found else _NO_SEGMENTS,
    )
    report(table)
    if raw_segments is None:
        return None, errors
    span = lines.span(index)
    segment_lines = EntryLines(
        lines.locator,
        "playbook.segment",
        len(raw_segments),
        *(span if span is not None else (0, 0)),
    )
    segments: list[Segment] = []
    for number, raw in enumerate(raw_segments, start=1):
        where = f"{label} segment {number}"

        def seg_line(key: str | None, number: int = number) -> int | None:
            return segment_lines.line(number - 1, None, key) if span is not None else None

        if not isinstance(raw, dict):
            errors.append(Problem(path, seg_line(None), f"{where} is not a table"))
            continue
        segment = _build_segment(Table(raw))
        errors.extend(
            Problem(path, seg_line(issue.key), f"{where} {issue.message}") for issue in segment[1]
        )
        if not errors and segment[0] is not None:
            segments.append(segment[0])
    if errors or slug is None or title is None or description is None or minutes is None:
        errors.sort(key=lambda e: e.line if e.line is not None else 0)
        return None, errors
    playbook = Playbook(
        slug=slug,
        title=title.strip(),
        description=description.strip(),
        minutes=float(minutes),
        segments=tuple(segments),
        source=path,
    )
    for message in validate_playbook(playbook):
        errors.append(Problem(path, lines.line(index, slug), message))
    return (None, errors) if errors else (playbook, [])


_NO_SEGMENTS = "has no [[playbook.segment]] tables"


def _unknown(allowed: tuple[str, ...]) -> Callable[[str], str]:
    return lambda key: unknown_key_message("", key, allowed).lstrip()


def _build_segment(table: Table) -> tuple[Segment | None, list[Issue]]:
    """One ``[[playbook.segment]]``, or None and what is wrong with it."""
    table.refuse_unknown(_SEGMENT_KEYS, _unknown(_SEGMENT_KEYS))
    title = table.text("title", missing="has no title", wrong="has no title", blank_is_wrong=True)
    positive = "needs minutes as a positive number"
    minutes = table.number(
        "minutes", missing=positive, wrong=positive, check=lambda m: None if m > 0 else positive
    )
    categories = table.text_list(
        "categories", wrong="has categories that are not a list of text", default=[]
    )
    for category in categories or []:
        if category not in CATEGORIES:
            table.report(
                "categories",
                f"has unknown category {category!r} (known: {', '.join(CATEGORIES)})",
            )
    hint = table.text("hint", wrong="has a hint that is not text", default="")
    slugs = "has a lead that is not a list of question slugs"
    lead = table.text_list(
        "lead",
        wrong=slugs,
        default=[],
        check=lambda found: None if all(_SLUG.match(s) for s in found) else slugs,
    )
    if (
        table.issues
        or title is None
        or minutes is None
        or categories is None
        or hint is None
        or lead is None
    ):
        return None, table.issues
    segment = Segment(
        title=title.strip(),
        minutes=float(minutes),
        categories=tuple(categories),
        hint=hint.strip(),
        lead=tuple(dict.fromkeys(lead)),
    )
    return segment, []
