"""The question bank: TOML files of questions, shipped with the app and extendable by the user.

A question file holds ``[[question]]`` entries::

    [[question]]
    slug = "aspiration-where-next"     # unique, kebab-case
    category = "aspiration"            # one of CATEGORIES
    text = "What's your career aspiration?"
    probes = ["Why does that appeal to you?", "What would that look like day to day?"]  # 2-4
    note = "Why this question works."  # optional
    relationships = ["report"]         # optional: report, manager, skip-level, peer, skip-report
    career = "strength-unused"         # optional: where its answers go in the career thread
    follow_up = true                   # optional: builds on an answer, offered only after an ask
    replaces = ["why-old-slug"]        # optional: slugs this question took over from

``career`` is one of aspiration, why, moonshot, strength-used,
strength-unused, plan, or "none"; without it a question's answers go where
its category says (aspiration, why, moonshot, strengths → strength-used,
plan), and other categories' answers stay out of the thread.

A ``follow_up`` question only makes sense once something has been asked and
answered ("You mentioned that goal — why does it matter?"): a segment offers it
after a question was asked in that segment, never as its opening prompt.
``replaces`` names the slugs of questions it took the place of (merged or
reworded): what was asked under those counts as asked under this one, and
their answers stay in the career thread.

The shipped files live in ``tui1on1/questions/bank/``. A user file in the same
format adds questions and replaces shipped ones with the same slug. Problems
never stop loading: a file with a TOML syntax error is skipped, an invalid
entry is skipped, and each is reported with the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tui1on1.domain.career import CAREER_MARKS, category_element
from tui1on1.domain.kinds import CareerElement, Relationship
from tui1on1.questions._toml import (
    EntryLines,
    Locator,
    Problem,
    parse_toml,
    read_text,
    read_user_file,
    unknown_key_message,
)
from tui1on1.schema import Table

__all__ = [
    "CATEGORIES",
    "CATEGORY_TITLES",
    "RELATIONSHIPS",
    "LoadResult",
    "Problem",
    "Question",
    "load_bank",
    "validate_file",
]

CATEGORY_TITLES: dict[str, str] = {
    "getting-to-know": "Getting to know you",
    "aspiration": "Career aspiration",
    "why": "The why behind it",
    "moonshot": "Moonshot",
    "strengths": "Strengths",
    "growth": "Growth & exposure",
    "plan": "Plan & next step",
    "feedback": "Feedback both ways",
    "wellbeing": "Wellbeing",
    "team": "Team & change",
    "stay": "Staying",
    "managing-up": "Managing up",
    "follow-up": "Follow-ups",
    "look-back": "Looking back",
    "onboarding": "Settling in",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_TITLES)
RELATIONSHIPS: tuple[str, ...] = tuple(r.value for r in Relationship)

MIN_PROBES = 2
MAX_PROBES = 4
_KEYS = (
    "slug",
    "category",
    "text",
    "probes",
    "note",
    "relationships",
    "career",
    "follow_up",
    "replaces",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Question:
    """One prompt the manager can ask, with follow-up probes."""

    slug: str
    category: str
    text: str
    probes: tuple[str, ...]
    note: str = ""
    relationships: tuple[str, ...] = ("report",)
    source: str = ""
    career: str | None = None  # the element its answers go to, if not its category's
    follow_up: bool = False  # offered only after a question was asked in the segment
    replaces: tuple[str, ...] = ()  # slugs of the questions it took the place of

    @property
    def element(self) -> CareerElement | None:
        """Where this question's answers go in the career thread."""
        return category_element(self.category, self.career)

    def suits(self, relationship: str) -> bool:
        """True if the question is meant for someone with this relationship to the user."""
        return relationship in self.relationships


@dataclass(slots=True)
class LoadResult:
    """The loaded bank: questions by slug (in load order) and any problems found."""

    questions: dict[str, Question] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def elements(self) -> dict[str, CareerElement | None]:
        """Where each slug's answers go in the career thread, the slugs a
        question replaced included (their old answers keep their place)."""
        found: dict[str, CareerElement | None] = {}
        for question in self.questions.values():
            for old in question.replaces:
                found.setdefault(old, question.element)
        found.update((slug, q.element) for slug, q in self.questions.items())
        return found

    def replaced(self) -> dict[str, str]:
        """Old slug → the question that replaced it (a slug still in the bank
        is never replaced)."""
        return {
            old: question.slug
            for question in self.questions.values()
            for old in question.replaces
            if old not in self.questions
        }

    def in_category(self, category: str, relationship: str | None = None) -> list[Question]:
        """Questions of ``category``, optionally only those suiting ``relationship``."""
        return [
            q
            for q in self.questions.values()
            if q.category == category and (relationship is None or q.suits(relationship))
        ]


def load_bank(user_file: Path | None = None) -> LoadResult:
    """Load the shipped questions, then the user's file on top of them.

    The user file may be missing (no problem is reported). Its questions are
    added, and replace shipped questions with the same slug.
    """
    result = LoadResult()
    shipped: dict[str, str] = {}  # slug -> source, to report duplicates
    for path, data in _shipped_files():
        questions, problems = _read_questions(data, path)
        result.problems.extend(problems)
        for question, line in questions:
            if question.slug in shipped:
                result.problems.append(
                    Problem(
                        path,
                        line,
                        f"question {question.slug!r} duplicates a slug already in "
                        f"{Path(shipped[question.slug]).name}; skipped",
                    )
                )
                continue
            shipped[question.slug] = path
            result.questions[question.slug] = question
    if user_file is not None:
        mine, problems = read_user_file(Path(user_file))
        result.problems.extend(problems)
        if mine is not None:
            questions, problems = _read_questions(mine, str(user_file))
            result.problems.extend(problems)
            for question, _line in questions:
                result.questions[question.slug] = question
    return result


def validate_file(path: Path) -> list[Problem]:
    """Check one question file on its own and return its problems (empty if it is fine)."""
    path = Path(path)
    data, problems = read_user_file(path)
    if data is None and not problems:
        return [Problem(str(path), None, "file not found")]
    if data is not None:
        problems.extend(_read_questions(data, str(path))[1])
    return problems


def _shipped_files() -> Iterable[tuple[str, bytes]]:
    folder = resources.files("tui1on1.questions").joinpath("bank")
    entries = [e for e in folder.iterdir() if e.name.endswith(".toml") and e.is_file()]

    def order(entry: Traversable) -> tuple[int, str]:
        stem = entry.name.removesuffix(".toml")
        rank = CATEGORIES.index(stem) if stem in CATEGORIES else len(CATEGORIES)
        return rank, entry.name

    for entry in sorted(entries, key=order):
        yield str(entry), entry.read_bytes()


def _read_questions(
    data: bytes, path: str
) -> tuple[list[tuple[Question, int | None]], list[Problem]]:
    """Parse one file. Returns the valid questions (with their lines) and the problems."""
    text, problems = read_text(data, path)
    if text is None:
        return [], problems
    document, problems = parse_toml(text, path)
    if document is None:
        return [], problems
    locator = Locator(text)
    for key in document:
        if key != "question":
            message = unknown_key_message("the file", key, ("question",))
            problems.append(Problem(path, locator.key_line(key), message))
    entries = document.get("question", [])
    if not isinstance(entries, list):
        line = locator.key_line("question")
        problems.append(Problem(path, line, "'question' must be [[question]] tables"))
        return [], problems
    lines = EntryLines(locator, "question", len(entries))
    questions: list[tuple[Question, int | None]] = []
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(entries):
        slug = entry.get("slug") if isinstance(entry, dict) else None
        line = lines.line(index, slug)
        question, errors = _build_question(entry, index, path, lines)
        problems.extend(errors)
        if question is None:
            continue
        if question.slug in seen:
            first = seen[question.slug]
            where = f" on line {first}" if first is not None else ""
            problems.append(
                Problem(
                    path,
                    line,
                    f"question {question.slug!r} is a duplicate of the one{where}; skipped",
                )
            )
            continue
        seen[question.slug] = line
        questions.append((question, line))
    return questions, problems


def _build_question(
    entry: object, index: int, path: str, lines: EntryLines
) -> tuple[Question | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(path, lines.line(index), f"question #{index + 1} is not a table")]
    raw_slug = entry.get("slug")
    label = (
        f"question {raw_slug!r}"
        if isinstance(raw_slug, str) and raw_slug
        else f"question #{index + 1}"
    )
    table = Table(entry)
    table.refuse_unknown(_KEYS, lambda key: unknown_key_message("", key, _KEYS).lstrip())
    slug = table.text(
        "slug",
        missing="has no slug",
        wrong="has a slug that is not text",
        blank_is_wrong=True,
        check=lambda s: None if _SLUG.match(s) else _NOT_KEBAB,
    )
    category = table.text(
        "category",
        missing="has no category",
        wrong=_unknown_category,
        check=lambda c: None if c in CATEGORIES else _unknown_category(c),
    )
    text = table.text(
        "text", missing="has no text", wrong="has empty or non-text 'text'", blank_is_wrong=True
    )
    probes = table.text_list(
        "probes",
        missing=f"has no probes (give {MIN_PROBES}-{MAX_PROBES} follow-ups)",
        wrong="has probes that are not a list of text",
        blank_is_wrong=True,
        check=_probe_count,
    )
    note = table.text("note", wrong="has a note that is not text", default="")
    relationships = table.text_list(
        "relationships",
        wrong=_bad_relationships,
        default=["report"],
        check=lambda r: None if r and all(x in RELATIONSHIPS for x in r) else _bad_relationships(r),
    )
    career = table.text(
        "career",
        wrong=_bad_career,
        default="",
        check=lambda c: None if c in CAREER_MARKS else _bad_career(c),
    )
    follow_up = table.boolean(
        "follow_up", wrong="has follow_up that is not true or false", default=False
    )
    replaces = table.text_list(
        "replaces",
        wrong="has replaces that is not a list of slugs",
        default=[],
        check=lambda r: (
            None if all(_SLUG.match(s) for s in r) else "has replaces that is not a list of slugs"
        ),
    )
    if (
        table.issues
        or follow_up is None
        or replaces is None
        or career is None
        or slug is None
        or category is None
        or text is None
        or probes is None
        or note is None
        or relationships is None
    ):
        errors = [
            Problem(path, lines.line(index, raw_slug, issue.key), f"{label} {issue.message}")
            for issue in table.issues
        ]
        errors.sort(key=lambda e: e.line if e.line is not None else 0)
        return None, [Problem(e.path, e.line, f"{e.message}; skipped") for e in errors]
    question = Question(
        slug=slug,
        category=category,
        text=text.strip(),
        probes=tuple(p.strip() for p in probes),
        note=note.strip(),
        relationships=tuple(dict.fromkeys(relationships)),
        source=path,
        career=career or None,
        follow_up=follow_up,
        replaces=tuple(dict.fromkeys(r for r in replaces if r != slug)),
    )
    return question, []


_NOT_KEBAB = "has a slug that is not kebab-case (like 'aspiration-where-next')"


def _unknown_category(category: object) -> str:
    return f"has unknown category {category!r} (known: {', '.join(CATEGORIES)})"


def _probe_count(probes: list[str]) -> str | None:
    if MIN_PROBES <= len(probes) <= MAX_PROBES:
        return None
    return f"has {len(probes)} probes; give {MIN_PROBES}-{MAX_PROBES}"


def _bad_career(career: object) -> str:
    return f"has unknown career {career!r} (use one of: {', '.join(CAREER_MARKS)})"


def _bad_relationships(relationships: object) -> str:
    return f"has bad relationships {relationships!r} (use a list of: {', '.join(RELATIONSHIPS)})"
