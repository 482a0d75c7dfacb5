"""`tui1on1 bench [--json]`: my role and each report's, with who could
back-fill it (ready now, within a year, later), those with no one ready
first. `tui1on1 bench NAME --for WHOSE --ready WHEN [--note TEXT]` names
NAME for the role of WHOSE (a person, or `me` for mine); `--remove` takes
them off it. ``--json`` prints :func:`as_json`'s shape (see the README)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.succession import BenchRole


def now() -> datetime:
    """The current time (tests replace this)."""
    return datetime.now(UTC)


def bench(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.succession import (
        READINESS_WORDS,
        BenchRole,
        SuccessionError,
        bench_problem,
        parse_readiness,
    )
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import NotFound, StoreError

    if args.name is None:
        if args.whose or args.ready or args.remove or args.note:
            raise UsageError("say who first: tui1on1 bench NAME --for WHOSE --ready now")
    elif args.whose is None:
        raise UsageError(f"say whose role: tui1on1 bench {args.name} --for me|NAME --ready now")
    elif args.remove and (args.ready or args.note):
        raise UsageError("--remove takes no --ready or --note")
    elif not args.remove and args.ready is None:
        raise UsageError(
            f"say how ready: tui1on1 bench {args.name} --for {args.whose} --ready now|year|later"
        )
    try:
        readiness = parse_readiness(args.ready) if args.ready else None
    except SuccessionError as exc:
        raise UsageError(str(exc)) from None
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        if args.name is not None:
            candidate = find_person(store, args.name)
            mine = args.whose.strip().casefold() in ("me", "mine", "my role")
            holder = None if mine else find_person(store, args.whose)
            holder_id = holder.id if holder is not None else None
            whose = BenchRole(holder, ()).short_title  # "my role", "Ada Lovelace's role"
            if (problem := bench_problem(candidate, holder)) is not None:
                raise UsageError(problem)
            for someone in (candidate, holder):
                if someone is not None and someone.archived:
                    return fail(
                        f"{someone.name} is archived: bring them back on home first "
                        "(Show archived people, then h)"
                    )
            if args.remove:
                try:
                    store.remove_backfill(holder_id, candidate.id)
                except NotFound:
                    return fail(
                        f"{candidate.name} wasn't named for {whose}: "
                        "tui1on1 bench lists who is named for each role"
                    )
            else:
                assert readiness is not None  # checked above
                store.set_backfill(
                    holder_id, candidate.id, readiness, at=now(), note=args.note or ""
                )
        roles = store.bench()
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.name is not None:
        who = safe_terminal_text(candidate.name)
        if args.remove:
            print(f"{who} is no longer named for {safe_terminal_text(whose)}.")
        else:
            assert readiness is not None
            said = READINESS_WORDS[readiness]
            print(f"{who} could step into {safe_terminal_text(whose)}: {said}.")
        return EXIT_OK
    if args.json:
        print(json.dumps(as_json(roles), indent=2, ensure_ascii=True))
    else:
        sys.stdout.write("".join(f"{line}\n" for line in as_text(roles)))
    return EXIT_OK


def as_text(roles: list[BenchRole]) -> list[str]:
    from tui1on1.domain.succession import bench_summary, candidate_words
    from tui1on1.domain.text import safe_terminal_text

    lines = [f"The bench: {bench_summary(roles)}."]
    for role in roles:
        mark = "!" if not role.covered else " "
        lines.append(
            f"{mark} {safe_terminal_text(role.title)}: {safe_terminal_text(candidate_words(role))}"
        )
    return lines


def as_json(roles: list[BenchRole]) -> dict[str, Any]:
    """``{"roles": [{"role", "holder", "covered", "candidates": [...]}]}``."""
    return {
        "roles": [
            {
                "role": role.title,
                "holder": role.holder.name if role.holder else None,
                "covered": role.covered,
                "candidates": [
                    {"person": p.name, "readiness": b.readiness.value, "note": b.note}
                    for p, b in role.candidates
                ],
            }
            for role in roles
        ]
    }
