"""`tui1on1 questions`: list the question bank and playbooks, check a question file.

None of this touches the database, so nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_FAILURE, EXIT_OK
from tui1on1.domain.text import safe_terminal_text
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui1on1.domain.agenda import Playbook
    from tui1on1.questions import Problem, Question

USER_FILE_NAME = "questions.toml"
PLAYBOOKS_FILE_NAME = "playbooks.toml"
YOURS = "(yours)"
NOTE_MARK = "↳"  # the coaching note, under its question


def questions(settings: Settings, args: argparse.Namespace) -> int:
    action = args.questions_command
    try:
        if action == "check":
            return check(args.file, user_questions_file(settings))
        if action == "playbooks":
            return list_playbooks(settings)
        return list_questions(
            user_questions_file(settings),
            category=args.category,
            relationship=args.relationship,
        )
    except BrokenPipeError:  # piped into `head` or a pager that quit: stop quietly
        _silence_stdout()
        return EXIT_FAILURE


def user_questions_file(settings: Settings) -> Path:
    """The user's own question file: ``questions.toml`` in the config dir."""
    return settings.config_dir / USER_FILE_NAME


def user_playbooks_file(settings: Settings) -> Path:
    """The user's own playbooks: ``playbooks.toml`` in the config dir."""
    return settings.config_dir / PLAYBOOKS_FILE_NAME


def all_playbooks(settings: Settings) -> tuple[dict[str, Playbook], list[Problem]]:
    """The shipped playbooks and the user's, checked against the whole bank
    (the user's questions included)."""
    from tui1on1.questions import load_bank, load_playbooks

    bank = load_bank(user_questions_file(settings))
    return load_playbooks(questions=bank.questions, user_file=user_playbooks_file(settings))


def list_questions(user_file: Path, *, category: str | None, relationship: str | None) -> int:
    from tui1on1.questions import CATEGORIES, CATEGORY_TITLES, load_bank

    bank = load_bank(user_file)
    for problem in bank.problems:
        _warn(_describe(problem, str(problem.path)))
    groups = [
        (name, bank.in_category(name, relationship))
        for name in CATEGORIES
        if category is None or name == category
    ]
    groups = [(name, found) for name, found in groups if found]
    if not groups:
        what = f"in {CATEGORY_TITLES[category]}" if category else "in the bank"
        who = f" for a {relationship}" if relationship else ""
        print(f"no questions {what}{who}")
        return EXIT_OK
    mine = str(user_file)
    width = max(len(q.slug) for _name, found in groups for q in found)
    for number, (name, found) in enumerate(groups):
        if number:
            print()
        print(f"{CATEGORY_TITLES[name]} ({name})")
        for question in found:
            line = f"  {safe_terminal_text(question.slug).ljust(width)}  "
            line += safe_terminal_text(question.text)
            if question.source == mine:
                line += f" {YOURS}"
            print(line)
            if question.note:
                print(f"  {' ' * width}  {NOTE_MARK} {safe_terminal_text(question.note)}")
    return EXIT_OK


def check(file: str, user_questions: Path) -> int:
    """Validate one question file or playbook file: its problems on stdout
    (exit 1), or how many it holds."""
    from tui1on1.questions import load_bank, validate_file

    path = Path(file)
    if _holds_playbooks(path):
        return _check_playbooks(path, file, load_bank(user_questions).questions)
    shown = safe_terminal_text(file)
    try:
        problems = validate_file(path)
    except (OSError, ValueError) as exc:  # a name too long to stat, a NUL in it
        reason = getattr(exc, "strerror", None) or exc
        return _fail(f"can't check {shown}: {safe_terminal_text(str(reason))}")
    if len(problems) == 1 and problems[0].line is None:
        message = problems[0].message
        if message == "file not found":
            return _fail(f"can't check {shown}: there is no such file")
        if message.startswith("cannot be read: "):
            reason = message.removeprefix("cannot be read: ")
            return _fail(f"can't read {shown}: {safe_terminal_text(reason)}")
    if problems:
        for problem in problems:
            print(_describe(problem, shown))
        return EXIT_FAILURE
    count = sum(1 for q in load_bank(path).questions.values() if q.source == str(path))
    print(f"{shown}: ok, {count} question{'' if count == 1 else 's'}")
    return EXIT_OK


def _holds_playbooks(path: Path) -> bool:
    """True for a file of ``[[playbook]]`` tables (what ``check`` reads it as):
    its top-level keys say so, whatever its spacing or comments."""
    import tomllib

    from tui1on1.questions._toml import read_user_file

    try:
        data, _problems = read_user_file(path)
        document = tomllib.loads(data.decode("utf-8")) if data is not None else {}
    except (OSError, ValueError):  # unreadable or not TOML: the question check says why
        return False
    return "playbook" in document and "question" not in document


def _check_playbooks(path: Path, shown_name: str, questions: Mapping[str, Question]) -> int:
    from tui1on1.questions import load_playbooks

    shown = safe_terminal_text(shown_name)
    playbooks, problems = load_playbooks(path, questions=questions)
    if problems:
        for problem in problems:
            print(_describe(problem, shown))
        return EXIT_FAILURE
    count = len(playbooks)
    print(f"{shown}: ok, {count} playbook{'' if count == 1 else 's'}")
    return EXIT_OK


def list_playbooks(settings: Settings) -> int:
    playbooks, problems = all_playbooks(settings)
    mine = str(user_playbooks_file(settings))
    for problem in problems:
        _warn(_describe(problem, str(problem.path)))
    if not playbooks:
        print("no playbooks")
        return EXIT_OK
    width = max(len(slug) for slug in playbooks)
    for slug, playbook in playbooks.items():
        title = safe_terminal_text(playbook.title)
        yours = f" {YOURS}" if playbook.source == mine else ""
        line = f"{safe_terminal_text(slug).ljust(width)}  {title} · {_minutes(playbook.minutes)}"
        print(line + yours)
        segments = " · ".join(
            f"{safe_terminal_text(s.title)} {_minutes(s.minutes)}" for s in playbook.segments
        )
        print(f"{'':{width}}  {segments}")
    return EXIT_OK


def playbook_problem(settings: Settings, slug: str) -> str | None:
    """Why ``slug`` can't be used as a playbook (shipped or the user's), or
    None if it names one."""
    playbooks, _problems = all_playbooks(settings)
    if slug in playbooks:
        return None
    return (
        f"there is no playbook '{safe_terminal_text(slug)}'; "
        f"choose one of: {', '.join(sorted(playbooks))}"
    )


def _describe(problem: Problem, where: str) -> str:
    place = f"{where} line {problem.line}" if problem.line is not None else where
    return f"{place}: {safe_terminal_text(problem.message)}"


def _minutes(value: float) -> str:
    return f"{value:g}m"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so flushing it at exit can't raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file
        pass


def _warn(message: str) -> None:
    print(f"tui1on1: warning: {safe_terminal_text(message)}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"tui1on1: {message}", file=sys.stderr)
    return EXIT_FAILURE
