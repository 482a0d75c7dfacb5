"""`tui1on1 questions list | check | playbooks` and `people add --playbook`.

In-process through ``tui1on1.cli.main`` with the per-test XDG dirs from
``isolated_dirs``; two start a real process (a fraction of a second each: no
SQLAlchemy): to read a pipe closed by ``head`` and to see what is imported.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import run
from tui1on1.cli import main
from tui1on1.questions import CATEGORIES, CATEGORY_TITLES, load_bank, load_playbooks

SHIPPED_BANK = Path(__file__).parents[2] / "src" / "tui1on1" / "questions" / "bank"

GOOD_QUESTION = """\
[[question]]
slug = "{slug}"
category = "{category}"
text = "{text}"
probes = ["Why that?", "What would help?"]
"""


def question(slug: str, category: str = "aspiration", text: str = "A question?") -> str:
    return GOOD_QUESTION.format(slug=slug, category=category, text=text)


def listed(out: str) -> dict[str, list[tuple[str, str]]]:
    """The printed listing as {heading: [(slug, rest of the line)]} (the
    coaching notes under the questions left out: see ``notes``)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    heading = None
    for line in out.splitlines():
        if not line.strip() or line.strip().startswith("↳ "):
            continue
        if not line.startswith(" "):
            heading = line
            groups[heading] = []
            continue
        slug, rest = line.strip().split(None, 1)
        groups[heading].append((slug, rest))
    return groups


def heading(category: str) -> str:
    return f"{CATEGORY_TITLES[category]} ({category})"


def shipped_text(slug: str) -> str:
    return load_bank().questions[slug].text


# --- questions list ---------------------------------------------------------------------------


def test_list_shows_the_whole_bank_by_category_in_order(capsys):
    code, out, err = run(capsys, "questions", "list")
    assert code == 0
    assert err == ""
    bank = load_bank()
    groups = listed(out)
    assert list(groups) == [heading(c) for c in CATEGORIES if bank.in_category(c)]
    for category in CATEGORIES:
        assert groups[heading(category)] == [(q.slug, q.text) for q in bank.in_category(category)]
    assert "(yours)" not in out


def notes(out: str) -> dict[str, str]:
    """The coaching note printed under each question that has one, by slug."""
    found: dict[str, str] = {}
    slug = None
    for line in out.splitlines():
        if line.strip().startswith("↳ "):
            assert slug is not None
            found[slug] = line.strip().removeprefix("↳ ")
        elif line.startswith(" ") and line.strip():
            slug = line.split()[0]
    return found


def test_list_shows_each_coaching_note_under_its_question(capsys):
    code, out, _err = run(capsys, "questions", "list")
    assert code == 0
    bank = load_bank().questions
    assert notes(out) == {slug: q.note for slug, q in bank.items() if q.note}
    assert len(notes(out)) >= 30


def test_list_one_category(capsys):
    code, out, _err = run(capsys, "questions", "list", "--category", "moonshot")
    assert code == 0
    groups = listed(out)
    assert list(groups) == [heading("moonshot")]
    assert [slug for slug, _ in groups[heading("moonshot")]] == [
        q.slug for q in load_bank().in_category("moonshot")
    ]


@pytest.mark.parametrize("relationship", ["report", "manager", "skip-level", "peer", "skip-report"])
def test_list_by_relationship_keeps_only_questions_that_suit(capsys, relationship):
    code, out, _err = run(capsys, "questions", "list", "--relationship", relationship)
    assert code == 0
    bank = load_bank()
    expected = {q.slug for q in bank.questions.values() if q.suits(relationship)}
    shown = {slug for group in listed(out).values() for slug, _ in group}
    if expected:
        assert shown == expected
    else:
        assert out.startswith("no questions")


def test_list_with_nothing_matching_says_so(capsys):
    bank = load_bank()
    empty = [
        (c, r)
        for c in CATEGORIES
        for r in ("report", "manager", "skip-level", "peer")
        if not bank.in_category(c, r)
    ]
    if not empty:
        pytest.skip("every category has questions for every relationship")
    category, relationship = empty[0]
    code, out, err = run(
        capsys, "questions", "list", "--category", category, "--relationship", relationship
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"no questions in {CATEGORY_TITLES[category]} for a {relationship}"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["questions", "list", "--category", "career"], ", ".join(f"'{c}'" for c in CATEGORIES)),
        (["questions", "list", "--relationship", "boss"], "'skip-level', 'peer'"),
        (["questions"], "ACTION"),
        (["questions", "check"], "FILE"),
        (["questions", "nope"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, argv, says):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("tui1on1: ")
    assert says in err


def test_your_questions_override_and_extend_the_bank(capsys, config_dir):
    shipped = load_bank().questions["aspiration-where-next"]
    (config_dir / "questions.toml").write_text(
        question("aspiration-where-next", "aspiration", "Where do you want to go next?")
        + "\n"
        + question("moonshot-my-own", "moonshot", "What would you build with a free year?")
    )
    code, out, err = run(capsys, "questions", "list")
    assert (code, err) == (0, "")
    groups = listed(out)
    aspiration = dict(groups[heading("aspiration")])
    assert aspiration["aspiration-where-next"] == "Where do you want to go next? (yours)"
    assert shipped.text not in out
    # The override keeps the shipped question's place; the new one comes last.
    assert groups[heading("aspiration")][0][0] == "aspiration-where-next"
    assert groups[heading("moonshot")][-1] == (
        "moonshot-my-own",
        "What would you build with a free year? (yours)",
    )
    assert out.count("(yours)") == 2


def test_your_question_can_move_a_slug_to_another_category(capsys, config_dir):
    (config_dir / "questions.toml").write_text(
        question("aspiration-where-next", "wellbeing", "How are you, really?")
    )
    code, out, _err = run(capsys, "questions", "list")
    assert code == 0
    groups = listed(out)
    assert "aspiration-where-next" not in dict(groups[heading("aspiration")])
    assert dict(groups[heading("wellbeing")])["aspiration-where-next"] == (
        "How are you, really? (yours)"
    )


def test_your_questions_respect_the_filters(capsys, config_dir):
    (config_dir / "questions.toml").write_text(
        question("moonshot-my-own", "moonshot", "For reports only?") + 'relationships = ["peer"]\n'
    )
    _code, out, _err = run(capsys, "questions", "list", "--relationship", "report")
    assert "moonshot-my-own" not in out
    _code, out, _err = run(
        capsys, "questions", "list", "--relationship", "peer", "--category", "moonshot"
    )
    assert listed(out) == {heading("moonshot"): [("moonshot-my-own", "For reports only? (yours)")]}


def test_a_broken_user_file_is_a_warning_and_the_bank_still_lists(capsys, config_dir):
    user_file = config_dir / "questions.toml"
    user_file.write_text('[[question]]\nslug = "oops\n')
    code, out, err = run(capsys, "questions", "list")
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"tui1on1: warning: {user_file} line 2: TOML syntax error")
    assert sum(len(group) for group in listed(out).values()) == len(load_bank().questions)
    assert "(yours)" not in out


def test_bad_entries_are_warned_about_one_line_each_and_the_good_ones_listed(capsys, config_dir):
    user_file = config_dir / "questions.toml"
    user_file.write_text(
        question("growth-mine", "growth", "A good one?")
        + "\n"
        + question("growth-bad", "career", "Unknown category?")
        + "\n"
        + question("growth-mine", "growth", "A duplicate?")
    )
    code, out, err = run(capsys, "questions", "list", "--category", "growth")
    assert code == 0
    warnings = err.splitlines()
    assert len(warnings) == 2, err
    assert all(w.startswith(f"tui1on1: warning: {user_file} line ") for w in warnings)
    assert "unknown category 'career'" in warnings[0] and "line 9:" in warnings[0]
    assert "duplicate" in warnings[1] and "line 13:" in warnings[1]
    assert dict(listed(out)[heading("growth")])["growth-mine"] == "A good one? (yours)"
    assert "growth-bad" not in out


def test_an_unreadable_user_file_is_a_warning(capsys, config_dir):
    (config_dir / "questions.toml").mkdir()  # a folder where the file should be
    code, out, err = run(capsys, "questions", "list")
    assert code == 0
    assert err.count("\n") == 1 and "cannot be read" in err
    assert heading("aspiration") in out


def test_control_characters_in_your_questions_are_printed_escaped(capsys, config_dir):
    (config_dir / "questions.toml").write_text(
        question("why-escape", "why", r"Red \u001b[31m and \u202e reversed?")
    )
    code, out, _err = run(capsys, "questions", "list", "--category", "why")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert dict(listed(out)[heading("why")])["why-escape"] == (
        r"Red \x1b[31m and \u202e reversed? (yours)"
    )


def test_list_output_piped_into_head_stops_quietly():
    result = subprocess.run(
        f"'{sys.executable}' -m tui1on1 questions list | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == heading(CATEGORIES[0])
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


# --- questions check ------------------------------------------------------------------------


def test_check_a_good_file(capsys, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(question("growth-one", "growth") + "\n" + question("growth-two", "growth"))
    code, out, err = run(capsys, "questions", "check", str(path))
    assert (code, err) == (0, "")
    assert out == f"{path}: ok, 2 questions\n"


def test_check_one_question_is_singular(capsys, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(question("growth-one", "growth"))
    assert run(capsys, "questions", "check", str(path))[1] == f"{path}: ok, 1 question\n"


@pytest.mark.parametrize("name", sorted(p.name for p in SHIPPED_BANK.glob("*.toml")))
def test_check_every_shipped_file_is_ok(capsys, name):
    path = SHIPPED_BANK / name
    code, out, _err = run(capsys, "questions", "check", str(path))
    assert code == 0
    assert re.fullmatch(rf"{re.escape(str(path))}: ok, \d+ questions?\n", out)


def test_check_an_empty_file(capsys, tmp_path):
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    code, out, err = run(capsys, "questions", "check", str(path))
    assert (code, err) == (0, "")
    assert out == f"{path}: ok, 0 questions\n"


@pytest.mark.parametrize(
    ("content", "line", "says"),
    [
        (b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n" * 20, 1, "not valid UTF-8"),
        (b'[[question]]\nslug = "a\n', 2, "TOML syntax error"),
        (question("x-y", "career").encode(), 3, "unknown category 'career'"),
        ((question("x-y") + "\n" + question("x-y")).encode(), 7, "duplicate"),
        (question("Not_Kebab").encode(), 2, "kebab-case"),
        (
            b'[[question]]\nslug = "a"\ncategory = "why"\ntext = "t"\nprobes = ["one"]\n',
            5,
            "1 probes",
        ),
        (
            b'[[question]]\nslug = "a"\ncategory = "why"\ntext = "t"\nprobes = ["a", "b"]\n'
            b'relationships = ["boss"]\n',
            6,
            "bad relationships",
        ),
        (
            b'[[question]]\nslug = "a"\ncategory = "why"\ntext = "t"\nprobe = ["a", "b"]\n',
            5,
            "did you mean 'probes'",
        ),
    ],
    ids=["binary", "syntax", "category", "duplicate", "slug", "probes", "relationship", "key"],
)
def test_check_reports_each_problem_with_file_and_line(capsys, tmp_path, content, line, says):
    path = tmp_path / "mine.toml"
    path.write_bytes(content)
    code, out, err = run(capsys, "questions", "check", str(path))
    assert code == 1
    assert err == ""
    problems = out.splitlines()
    assert problems and all(p.startswith(f"{path} line ") for p in problems), out
    assert any(p.startswith(f"{path} line {line}: ") and says in p for p in problems), out
    assert "ok" not in out.split(": ", 1)[0]


def test_check_escapes_control_characters_in_problems(capsys, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[question]]\nslug = "a\x1b[31m"\n')
    code, out, _err = run(capsys, "questions", "check", str(path))
    assert code == 1
    assert "\x1b" not in out


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_check_a_file_that_cannot_be_read_is_one_calm_line(capsys, tmp_path, kind):
    path = tmp_path / "nope.toml"
    if kind == "folder":
        path.mkdir()
    code, out, err = run(capsys, "questions", "check", str(path))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("tui1on1: ") and str(path) in err
    assert ("no such file" if kind == "missing" else "is a folder") in err


def test_check_garbage_has_no_traceback(cli, tmp_path):
    path = tmp_path / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 4)
    result = cli("questions", "check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == f"{path} line 2: is not valid UTF-8 text; file skipped\n"


# --- questions playbooks ----------------------------------------------------------------------


def test_playbooks_lists_slug_title_minutes_and_segments(capsys):
    code, out, err = run(capsys, "questions", "playbooks")
    assert (code, err) == (0, "")
    playbooks, _problems = load_playbooks()
    lines = out.splitlines()
    assert len(lines) == 2 * len(playbooks)
    for (slug, playbook), first, second in zip(
        playbooks.items(), lines[::2], lines[1::2], strict=True
    ):
        assert first.split(None, 1) == [slug, f"{playbook.title} · {playbook.minutes:g}m"]
        assert second.strip() == " · ".join(f"{s.title} {s.minutes:g}m" for s in playbook.segments)
    assert re.search(r"^first\s+First 1:1 · 30m$", out, re.M)
    assert "Your story 8m · What you want 8m" in out


# --- people add --playbook --------------------------------------------------------------------


def test_people_add_with_a_playbook_stores_it(capsys, data_dir):
    from tui1on1.storage.store import Store

    code, out, err = run(capsys, "people", "add", "Ada Lovelace", "--playbook", "weekly")
    assert (code, err) == (0, "")
    assert out.strip() == "added Ada Lovelace"
    assert run(capsys, "people", "add", "Grace Hopper")[0] == 0
    store = Store.open(f"sqlite:///{data_dir / 'tui1on1.db'}")
    try:
        people = {p.name: p.default_playbook for p in store.list_people()}
    finally:
        store.close()
    assert people == {"Ada Lovelace": "weekly", "Grace Hopper": None}


def test_people_add_with_an_unknown_playbook_exits_2_and_lists_them(capsys, data_dir):
    code, out, err = run(capsys, "people", "add", "Ada", "--playbook", "weekley")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "there is no playbook 'weekley'" in err
    assert ", ".join(sorted(load_playbooks()[0])) in err
    assert not (data_dir / "tui1on1.db").exists()  # refused before the database was made


def test_people_add_help_mentions_playbook(capsys):
    with pytest.raises(SystemExit):
        main(["people", "add", "--help"])
    assert "--playbook" in capsys.readouterr().out


# --- staying light ----------------------------------------------------------------------------


def test_questions_commands_never_import_sqlalchemy(tmp_path):
    script = (
        "import sys\n"
        "from tui1on1.cli import main\n"
        "assert 'sqlalchemy' not in sys.modules, 'cli'\n"
        f"for argv in (['questions', 'list'], ['questions', 'playbooks'],\n"
        f"             ['questions', 'check', {str(tmp_path / 'x.toml')!r}]):\n"
        "    main(argv)\n"
        "assert 'sqlalchemy' not in sys.modules, 'questions'\n"
        "assert 'textual' not in sys.modules, 'textual'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_help_lists_the_questions_command(capsys):
    with pytest.raises(SystemExit):
        main(["questions", "--help"])
    out = capsys.readouterr().out
    for action in ("list", "check", "playbooks"):
        assert action in out
