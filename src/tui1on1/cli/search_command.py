"""`tui1on1 search [QUERY]`: every note, quote and action holding the words.

Filters (``--person``, ``--kind``, ``--tag``, ``--since``, ``--until``) narrow
the hits; given alone, with no words, they list every note they let through
("all of Priya's quotes": ``search --kind quote --person priya``).

Hits come newest first, one a line::

    2026-11-20  Ada Lovelace  quote     I light up when I unblock others

(the note's local date, the person, the kind, the text on one line, shortened
around the first match when long). Matched words are bold when stdout is a
terminal and NO_COLOR is not set. ``--json`` prints a list of objects instead.

Exit codes: 0 with hits, and also 0 with none (plain output then says "no
notes match ..." on stderr; ``--json`` prints ``[]``); 1 when the database
fails; 2 for a ``--person`` that names no one or several people, a bad
``--kind``, ``--since``, ``--until`` or ``--limit``, or neither words nor a
filter.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from tui1on1.cli import EXIT_OK, EXIT_USAGE
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.storage.search import SearchHit

MAX_CLI_LIMIT = 1000
SNIPPET_WIDTH = 160
BOLD, NORMAL = "\x1b[1m", "\x1b[22m"


def usage(message: str) -> int:
    print(f"tui1on1: {message}", file=sys.stderr)
    return EXIT_USAGE


def use_bold(stream: TextIO) -> bool:
    """Bold only on a terminal, and never when NO_COLOR is set."""
    if "NO_COLOR" in os.environ:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _parse_day(value: str | None, option: str) -> tuple[date | None, str | None]:
    if value is None:
        return None, None
    try:
        return date.fromisoformat(value.strip()), None
    except ValueError:
        from tui1on1.domain.text import safe_terminal_text

        return None, f"{option} wants a date like 2026-11-20, not '{safe_terminal_text(value)}'"


def search(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.searchtext import query_tokens
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError

    # Everything the user typed is checked before the database is opened.
    kinds = None
    if args.kind is not None:
        try:
            kinds = [NoteKind(args.kind.strip().lower())]
        except ValueError:
            choices = ", ".join(kind.value for kind in NoteKind)
            shown = safe_terminal_text(args.kind)
            return usage(f"--kind must be one of: {choices} (not '{shown}')")
    since, problem = _parse_day(args.since, "--since")
    if problem:
        return usage(problem)
    until, problem = _parse_day(args.until, "--until")
    if problem:
        return usage(problem)
    if since is not None and until is not None and since > until:
        return usage("--since is after --until")
    if not 1 <= args.limit <= MAX_CLI_LIMIT:
        return usage(f"--limit must be 1 to {MAX_CLI_LIMIT}")
    shown_query = safe_terminal_text(args.query)
    if len(shown_query) > 60:
        shown_query = shown_query[:59] + "…"
    tokens = query_tokens(args.query)
    filters = _filters_typed(args)
    if not tokens and not filters:
        wanted = "give words to search for, or a filter (--person, --kind, --tag, --since, --until)"
        if args.query.strip():
            return usage(f"'{shown_query}' has no words to search for; {wanted}")
        return usage(wanted)

    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        person_id = None
        if args.person is not None:
            person_id = find_person(store, args.person).id
        hits = store.search(
            args.query,
            person_id=person_id,
            kinds=kinds,
            tag=args.tag,
            since=since,
            until=until,
            limit=args.limit + 1,  # one more, to know whether there are more
        )
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()

    more = len(hits) > args.limit
    hits = hits[: args.limit]
    if args.json:
        print(json.dumps([as_json(hit) for hit in hits], indent=2, ensure_ascii=True))
        return EXIT_OK
    if not hits:
        asked = [f"'{shown_query}'"] if tokens else []
        if filters:
            asked += ["with", *filters] if tokens else filters
        print(f"no notes match {' '.join(asked)}", file=sys.stderr)
        return EXIT_OK
    bold = use_bold(sys.stdout)
    name_width = max(len(safe_terminal_text(hit.person_name)) for hit in hits)
    kind_width = max(len(kind.value) for kind in NoteKind)
    for hit in hits:
        day = hit.created_at.astimezone().date().isoformat()
        name = safe_terminal_text(hit.person_name).ljust(name_width)
        kind = hit.kind.value.ljust(kind_width)
        print(f"{day}  {name}  {kind}  {render(hit.text, tokens, bold)}".rstrip())
    if more:
        print(
            f"(the newest {args.limit} shown; --limit for more, or add words or filters)",
            file=sys.stderr,
        )
    return EXIT_OK


def _filters_typed(args: argparse.Namespace) -> list[str]:
    """The filter options given, as typed (``--kind quote``), for messages."""
    from tui1on1.domain.text import safe_terminal_text

    typed = []
    for option in ("person", "kind", "tag", "since", "until"):
        value = getattr(args, option)
        if value is not None:
            shown = safe_terminal_text(value)
            typed.append(f"--{option} {shown if shown and ' ' not in shown else repr(shown)}")
    return typed


def render(text: str, tokens: list[str], bold: bool) -> str:
    """The note on one line, cut around the first match, control characters
    escaped, matched words in bold when ``bold``."""
    from tui1on1.domain.searchtext import snippet
    from tui1on1.domain.text import safe_terminal_text

    one_line = " ⏎ ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    parts = []
    for part, hit in snippet(one_line, tokens, width=SNIPPET_WIDTH):
        shown = safe_terminal_text(part)
        parts.append(f"{BOLD}{shown}{NORMAL}" if hit and bold else shown)
    return "".join(parts)


def as_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "person": hit.person_name,
        "meeting_id": hit.meeting_id,
        "meeting_started_at": hit.meeting_started_at.isoformat(),
        "note_id": hit.note_id,
        "kind": hit.kind.value,
        "text": hit.text,
        "tags": list(hit.tags),
        "created_at": hit.created_at.isoformat(),
    }
