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

Segment minutes must add up to the playbook's minutes and every category must
be one of :data:`CATEGORIES`. Invalid playbooks are reported and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from tui1on1.domain.agenda import Playbook, Segment, validate_playbook
from tui1on1.questions._toml import (
    EntryLines,
    Locator,
    Problem,
    is_number,
    parse_toml,
    read_text,
    unknown_key_message,
)
from tui1on1.questions.bank import CATEGORIES, Question

__all__ = ["load_playbooks"]

_PLAYBOOK_KEYS = ("slug", "title", "description", "minutes", "segment")
_SEGMENT_KEYS = ("title", "minutes", "categories", "hint")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_playbooks(
    path: Path | None = None, *, questions: Mapping[str, Question] | None = None
) -> tuple[dict[str, Playbook], list[Problem]]:
    """Load the shipped playbooks (or those in ``path``) into :class:`Playbook` records.

    If ``questions`` is given, a segment naming a category with no questions
    in it is reported too (the playbook still loads).
    """
    if path is None:
        resource = resources.files("tui1on1.questions").joinpath("playbooks.toml")
        source, data = str(resource), resource.read_bytes()
    else:
        source = str(path)
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            return {}, [Problem(source, None, "file not found")]
        except OSError as exc:
            return {}, [Problem(source, None, f"cannot be read: {exc.strerror or exc}")]
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
    used = {q.category for q in questions.values()} if questions is not None else None
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
        playbooks[playbook.slug] = playbook
        if used is not None:
            for segment in playbook.segments:
                for category in segment.categories:
                    if category not in used:
                        problems.append(
                            Problem(
                                path,
                                line,
                                f"playbook {playbook.slug!r} segment {segment.title!r} "
                                f"names category {category!r}, which has no questions",
                            )
                        )
    return playbooks, problems


def _build_playbook(
    entry: object, index: int, path: str, lines: EntryLines
) -> tuple[Playbook | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(path, lines.line(index), f"playbook #{index + 1} is not a table")]
    slug = entry.get("slug")
    label = f"playbook {slug!r}" if isinstance(slug, str) and slug else f"playbook #{index + 1}"
    errors: list[Problem] = []

    def report(message: str, key: str | None = None, line: int | None = None) -> None:
        where = line if line is not None else lines.line(index, slug, key)
        errors.append(Problem(path, where, f"{label} {message}"))

    for key in entry:
        if key not in _PLAYBOOK_KEYS:
            report(unknown_key_message("", key, _PLAYBOOK_KEYS).lstrip(), key)
    if not isinstance(slug, str) or not _SLUG.match(slug):
        report("needs a kebab-case slug, like 'weekly'", "slug")
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        report("has no title", "title")
    description = entry.get("description", "")
    if not isinstance(description, str):
        report("has a description that is not text", "description")
    minutes = entry.get("minutes")
    if not is_number(minutes):
        report("needs minutes as a number", "minutes")
    raw_segments = entry.get("segment")
    if not isinstance(raw_segments, list) or not raw_segments:
        report("has no [[playbook.segment]] tables", "segment")
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

        def seg_report(message: str, key: str | None = None, number: int = number) -> None:
            line = segment_lines.line(number - 1, None, key) if span is not None else None
            report(f"segment {number} {message}", line=line)

        if not isinstance(raw, dict):
            seg_report("is not a table")
            continue
        for key in raw:
            if key not in _SEGMENT_KEYS:
                seg_report(unknown_key_message("", key, _SEGMENT_KEYS).lstrip(), key)
        seg_title = raw.get("title")
        if not isinstance(seg_title, str) or not seg_title.strip():
            seg_report("has no title", "title")
        seg_minutes = raw.get("minutes")
        if not is_number(seg_minutes) or seg_minutes <= 0:
            seg_report("needs minutes as a positive number", "minutes")
        categories = raw.get("categories", [])
        if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
            seg_report("has categories that are not a list of text", "categories")
            categories = []
        for category in categories:
            if category not in CATEGORIES:
                seg_report(
                    f"has unknown category {category!r} (known: {', '.join(CATEGORIES)})",
                    "categories",
                )
        hint = raw.get("hint", "")
        if not isinstance(hint, str):
            seg_report("has a hint that is not text", "hint")
        if not errors:
            segments.append(
                Segment(
                    title=seg_title.strip(),
                    minutes=float(seg_minutes),
                    categories=tuple(categories),
                    hint=hint.strip(),
                )
            )
    if errors:
        errors.sort(key=lambda e: e.line if e.line is not None else 0)
        return None, errors
    playbook = Playbook(
        slug=slug,
        title=title.strip(),
        description=description.strip(),
        minutes=float(minutes),
        segments=tuple(segments),
    )
    for message in validate_playbook(playbook):
        errors.append(Problem(path, lines.line(index, slug), message))
    return (None, errors) if errors else (playbook, [])
