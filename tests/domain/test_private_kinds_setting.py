"""[notes] private_by_default: which kinds of note are saved private."""

from __future__ import annotations

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.settings import Config, load_settings, read_config


@pytest.mark.parametrize(
    ("written", "kinds"),
    [
        ('private_by_default = ["concern", "parked"]', (NoteKind.CONCERN, NoteKind.PARKED)),
        ('private_by_default = ["Win", "win", "quote"]', (NoteKind.WIN, NoteKind.QUOTE)),
        ("private_by_default = []", ()),
    ],
)
def test_the_kinds_named_are_kept(tmp_path, written: str, kinds: tuple[NoteKind, ...]):
    path = tmp_path / "config.toml"
    path.write_text(f"[notes]\n{written}\n", encoding="utf-8")
    assert read_config(path) == (Config(private_by_default=kinds), [])


def test_a_kind_that_does_not_exist_is_told_and_left_out(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[notes]\nprivate_by_default = ["concerns", "zzz", "parked"]\n')
    config, problems = read_config(path)
    assert config.private_by_default == (NoteKind.PARKED,)
    assert problems == [
        f"{path}: [notes] no kind of note 'concerns' (did you mean 'concern'?); ignored",
        f"{path}: [notes] no kind of note 'zzz' (kinds of note: note, action, quote, question, "
        "decision, win, concern, parked, exposure); ignored",
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ('private_by_default = "concern"',
         '[notes] private_by_default must be a list of kinds of note; using ["concern", "parked"]'),
        ("private = true", "[notes] unknown setting 'private' ignored"),
    ],
)  # fmt: skip
def test_a_wrong_value_keeps_the_default(tmp_path, written: str, problem: str):
    path = tmp_path / "config.toml"
    path.write_text(f"[notes]\n{written}\n", encoding="utf-8")
    assert read_config(path) == (Config(), [f"{path}: {problem}"])


def test_concerns_and_parked_topics_unless_the_file_says_otherwise(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert load_settings(environ={}).private_kinds == {NoteKind.CONCERN, NoteKind.PARKED}
    folder = tmp_path / "cfg" / "tui1on1"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('[notes]\nprivate_by_default = ["win"]\n')
    assert load_settings(environ={}).private_kinds == {NoteKind.WIN}
