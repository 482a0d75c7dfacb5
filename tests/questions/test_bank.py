"""The shipped question bank, and how user files and broken files are handled."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tui1on1.domain.kinds import CareerElement
from tui1on1.questions import (
    CATEGORIES,
    CATEGORY_TITLES,
    RELATIONSHIPS,
    Problem,
    Question,
    load_bank,
    load_playbooks,
    validate_file,
)

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
CAREER_CORE = ("aspiration", "why", "strengths", "growth", "plan")


@pytest.fixture(scope="module")
def shipped() -> dict[str, Question]:
    result = load_bank()
    assert result.problems == []
    return result.questions


def write(tmp_path: Path, text: str, name: str = "questions.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entry(slug: str, category: str = "aspiration", text: str = "What would you try?") -> str:
    return (
        f'[[question]]\nslug = "{slug}"\ncategory = "{category}"\n'
        f'text = "{text}"\nprobes = ["Why?", "What would that look like?"]\n\n'
    )


# --- the shipped bank -------------------------------------------------------


def test_shipped_bank_loads_without_problems() -> None:
    result = load_bank()
    assert [str(p) for p in result.problems] == []


def test_shipped_bank_size_and_spread(shipped: dict[str, Question]) -> None:
    assert len(shipped) >= 120
    counts = Counter(q.category for q in shipped.values())
    # Narrow on purpose: the quarter's look back, a newcomer's first months.
    focused = {"look-back": 1, "onboarding": 5}
    for category in CATEGORIES:
        least = focused.get(category, 8)
        assert counts[category] >= least, f"{category} has only {counts[category]} questions"
    for category in CAREER_CORE:
        assert counts[category] >= 12, f"{category} should be one of the larger categories"


def test_categories_have_titles() -> None:
    assert set(CATEGORY_TITLES) == set(CATEGORIES)
    assert all(title.strip() for title in CATEGORY_TITLES.values())


def test_slugs_unique_and_kebab_case(shipped: dict[str, Question]) -> None:
    slug_re = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    bank_dir = Path(next(iter(shipped.values())).source).parent
    raw = re.findall(r'^slug = "([^"]+)"', _all_text(bank_dir.glob("*.toml")), re.M)
    assert len(raw) == len(set(raw)) == len(shipped)
    assert all(slug_re.match(slug) for slug in shipped)


def test_every_question_is_complete(shipped: dict[str, Question]) -> None:
    for q in shipped.values():
        assert q.text.strip() and q.text == q.text.strip(), q.slug
        assert 2 <= len(q.probes) <= 4, q.slug
        assert all(p.strip() for p in q.probes), q.slug
        assert len(set(q.probes)) == len(q.probes), q.slug
        assert q.relationships and set(q.relationships) <= set(RELATIONSHIPS), q.slug
        assert q.source.endswith(".toml"), q.slug


def test_no_repeated_question_texts(shipped: dict[str, Question]) -> None:
    texts = Counter(_words(q.text) for q in shipped.values())
    assert [t for t, n in texts.items() if n > 1] == []


def test_managing_up_is_for_your_own_managers(shipped: dict[str, Question]) -> None:
    for q in shipped.values():
        if q.category == "managing-up":
            assert set(q.relationships) == {"manager", "skip-level"}, q.slug


def test_why_probes_vary_and_still_dig(shipped: dict[str, Question]) -> None:
    """Not every probe of a why question starts with "Why", and every why
    question still has one that asks for the reason beneath the answer."""
    why = [q for q in shipped.values() if q.category == "why"]
    probes = [p for q in why for p in q.probes]
    starting_with_why = [p for p in probes if p.lower().startswith("why")]
    assert len(starting_with_why) <= len(probes) // 3
    digs = re.compile(
        r"\bwhy\b|behind|underneath|beneath|where (?:did|does|do)|what is it about|what makes"
    )
    assert [q.slug for q in why if not any(digs.search(p.lower()) for p in q.probes)] == []


def test_questions_are_open(shipped: dict[str, Question]) -> None:
    """No shipped question can be answered with a yes or a no."""
    closed = ("is", "are", "do", "does", "did", "would", "can", "could", "have", "has", "will")
    closed += ("shall", "should", "was", "were")
    assert [q.slug for q in shipped.values() if _words(q.text)[0] in closed] == []


def test_coaching_notes_fit_one_line(shipped: dict[str, Question]) -> None:
    assert [q.slug for q in shipped.values() if len(q.note) > 90] == []
    assert sum(1 for q in shipped.values() if q.note) >= 70


def test_merged_and_renamed_questions_keep_their_history() -> None:
    """Past meetings name the old slugs: each now counts for the question
    that took its place."""
    assert load_bank().replaced() == {
        "moonshot-could-not-fail": "moonshot-no-constraints",
        "moonshot-biggest-accomplishment": "moonshot-ten-years-brilliant",
        "why-the-feeling": "why-what-it-gives",
        "why-underneath": "why-what-it-gives",
        "plan-agreed-actions": "plan-one-step",
        "plan-one-sentence": "plan-one-step",
        "growth-mentor": "growth-learn-from-someone",
        "strengths-energy-ratio": "wellbeing-energy",
        "feedback-up-ready-for-more": "managing-up-ready-for-next",
    }


def test_follow_up_questions_and_the_why_leads(shipped: dict[str, Question]) -> None:
    follow_ups = {q.slug for q in shipped.values() if q.follow_up}
    assert {"why-that-goal", "follow-up-what-got-in-the-way", "plan-smaller-version"} <= follow_ups
    why = [q for q in shipped.values() if q.category == "why"]
    standalone = [q.slug for q in why if not q.follow_up]
    assert 2 <= len(standalone) < len(why) // 2


def test_skip_reports_have_their_own_questions(shipped: dict[str, Question]) -> None:
    """Someone two levels down gets questions about their team, what gets in
    their way and how their manager helps — never the managing-up set."""
    theirs = [q for q in shipped.values() if q.suits("skip-report")]
    only_theirs = [q.slug for q in theirs if q.relationships == ("skip-report",)]
    assert len(theirs) >= 30 and len(only_theirs) >= 5
    assert "feedback-manager-helps" in only_theirs
    assert not [q.slug for q in theirs if q.category == "managing-up"]


def test_no_sentences_copied_from_the_seeds(shipped: dict[str, Question]) -> None:
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS}")
    seed_runs = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= _runs(_words(path.read_text(encoding="utf-8", errors="replace")))
    for q in shipped.values():
        for line in (q.text, *q.probes, q.note):
            copied = _runs(_words(line)) & seed_runs
            assert not copied, f"{q.slug}: {sorted(copied)[0]!r} comes from a seed article"
    playbooks, _problems = load_playbooks()
    for playbook in playbooks.values():
        lines = [playbook.title, playbook.description]
        lines += [line for s in playbook.segments for line in (s.title, s.hint)]
        for line in lines:
            copied = _runs(_words(line)) & seed_runs
            assert not copied, f"{playbook.slug}: {sorted(copied)[0]!r} comes from a seed article"


# --- user files and problems ------------------------------------------------


def test_missing_user_file_is_not_a_problem(tmp_path: Path, shipped: dict[str, Question]) -> None:
    result = load_bank(tmp_path / "absent.toml")
    assert result.problems == []
    assert result.questions.keys() == shipped.keys()


def test_user_file_overrides_by_slug_and_adds(tmp_path: Path, shipped: dict[str, Question]) -> None:
    overridden = next(iter(shipped))
    path = write(
        tmp_path,
        entry(overridden, text="My own wording")
        + entry("my-extra-question", category="moonshot", text="Where next?"),
    )
    result = load_bank(path)
    assert result.problems == []
    assert len(result.questions) == len(shipped) + 1
    assert result.questions[overridden].text == "My own wording"
    assert result.questions[overridden].source == str(path)
    assert next(iter(result.questions)) == overridden  # keeps its place
    added = result.questions["my-extra-question"]
    assert added.category == "moonshot"
    assert added.relationships == ("report",)
    assert added.probes == ("Why?", "What would that look like?")


def test_syntax_error_is_reported_and_file_skipped(
    tmp_path: Path, shipped: dict[str, Question]
) -> None:
    path = write(tmp_path, entry("fine-one") + '[[question]]\nslug = "broken\n')
    result = load_bank(path)
    assert result.questions.keys() == shipped.keys()
    [problem] = result.problems
    assert problem.path == str(path)
    assert problem.line == 8  # the unterminated string
    assert "syntax" in problem.message.lower()
    assert str(problem).startswith("questions.toml line 8: ")


def test_invalid_entry_is_reported_with_line_and_skipped(
    tmp_path: Path, shipped: dict[str, Question]
) -> None:
    text = entry("good-one") + '[[question]]\nslug = "no-text"\ncategory = "why"\n'
    text += 'probes = ["Why?", "And?"]\n\n' + entry("good-two")
    path = write(tmp_path, text)
    result = load_bank(path)
    assert "good-one" in result.questions and "good-two" in result.questions
    assert "no-text" not in result.questions
    [problem] = result.problems
    assert problem.line == 7  # the [[question]] header of the broken entry
    assert str(problem) == "questions.toml line 7: question 'no-text' has no text; skipped"


def test_unknown_category_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, entry("star-signs", category="astrology"))
    result = load_bank(path)
    assert "star-signs" not in result.questions
    [problem] = result.problems
    assert problem.line == 3  # the category line
    assert "unknown category 'astrology'" in problem.message


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('probes = "Why?"', "probes that are not a list"),
        ('probes = ["Only one"]', "1 probes"),
        ('relationships = ["boss"]', "bad relationships"),
        ('relationships = "report"', "bad relationships"),
        ('prbes = ["a", "b"]', "unknown key 'prbes' (did you mean 'probes'?)"),
        ("note = 3", "note that is not text"),
        ('career = "ambition"', "unknown career 'ambition'"),
        ("career = 1", "unknown career 1"),
    ],
)
def test_each_kind_of_bad_entry(tmp_path: Path, extra: str, expected: str) -> None:
    text = '[[question]]\nslug = "odd-one"\ncategory = "why"\ntext = "Why?"\n'
    if not extra.startswith("probes"):
        text += 'probes = ["a", "b"]\n'
    path = write(tmp_path, text + extra + "\n")
    problems = validate_file(path)
    assert any(expected in p.message for p in problems), problems
    assert all(p.line is not None for p in problems)
    assert "odd-one" not in load_bank(path).questions


def test_missing_slug_is_located_by_header(tmp_path: Path) -> None:
    text = entry("first") + '[[question]]\ncategory = "why"\ntext = "Hm?"\nprobes = ["a", "b"]\n'
    [problem] = validate_file(write(tmp_path, text))
    assert problem.line == 7
    assert "question #2 has no slug" in problem.message


def test_duplicate_slug_in_user_file(tmp_path: Path) -> None:
    path = write(tmp_path, entry("twice") + entry("twice"))
    result = load_bank(path)
    [problem] = result.problems
    assert problem.line == 7 and "duplicate" in problem.message
    assert result.questions["twice"].source == str(path)


def test_validate_file(tmp_path: Path) -> None:
    assert validate_file(write(tmp_path, entry("all-good"))) == []
    assert [str(p) for p in validate_file(tmp_path / "nope.toml")] == ["nope.toml: file not found"]
    bad = write(tmp_path, "title = 1\n" + entry("x-y"), name="other.toml")
    [problem] = validate_file(bad)
    assert str(problem).startswith("other.toml line 1: ") and "'title'" in problem.message


def test_problem_str_without_line() -> None:
    assert str(Problem("/a/b/questions.toml", None, "oops")) == "questions.toml: oops"
    assert str(Problem("/a/b/questions.toml", 12, "oops")) == "questions.toml line 12: oops"


def test_in_category_filters_by_relationship() -> None:
    result = load_bank()
    for_reports = result.in_category("managing-up", "report")
    for_managers = result.in_category("managing-up", "manager")
    assert for_reports == [] and len(for_managers) >= 8


# --- helpers ---------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    text = text.lower().replace("’", "'").replace("'", "")
    return tuple(re.findall(r"[a-z0-9]+", text))


def _runs(words: tuple[str, ...], n: int = 8) -> set[tuple[str, ...]]:
    return {words[i : i + n] for i in range(len(words) - n + 1)}


def _all_text(paths) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def test_where_answers_go_in_the_career_thread(
    tmp_path: Path, shipped: dict[str, Question]
) -> None:
    assert shipped["aspiration-where-next"].element is CareerElement.ASPIRATION
    assert shipped["strengths-in-use"].element is CareerElement.STRENGTH_USED
    assert shipped["strengths-draining-work"].element is CareerElement.STRENGTH_UNUSED
    assert shipped["plan-one-step"].element is CareerElement.PLAN
    assert shipped["plan-my-part"].element is None  # about the manager's part, not a step
    assert all(q.element is None for q in shipped.values() if q.category == "wellbeing")
    mine = entry("wellbeing-energy", "wellbeing").replace(
        "probes", 'career = "strength-unused"\nprobes'
    ) + entry("plan-aside", "plan").replace("probes", 'career = "none"\nprobes')
    questions = load_bank(write(tmp_path, mine)).questions
    assert questions["wellbeing-energy"].element is CareerElement.STRENGTH_UNUSED
    assert questions["plan-aside"].element is None
