"""`tui1on1 import` reads an export a person at a time: what lands is what an
import from memory lands, a role held by someone later in the file still
finds its holder, and a file that turns out bad half-way lands nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tui1on1.cli import export_file, main
from tui1on1.demo.generate import generate
from tui1on1.domain.succession import Readiness
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def without_time(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "exported_at"}


def exported(url: str) -> dict:
    store = Store.open(url)
    try:
        return export_data(store, now=NOW)
    finally:
        store.close()


def people_in(url: str) -> list[str]:
    store = Store.open(url)
    try:
        return [p.name for p in store.list_people(include_archived=True)]
    finally:
        store.close()


@pytest.fixture
def demo_file(tmp_path):
    """The demo's half year, written by `export --all`."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    store = Store.open(url)
    import_data(store, generate(people=5, weeks=26, now=NOW))
    store.close()
    target = tmp_path / "all.json"
    assert main(["--db", url, "export", "--all", "-o", str(target)]) == 0
    return target


def test_a_file_lands_as_the_same_document_from_memory_does(
    demo_file, tmp_path, capsys, monkeypatch
):
    # The file is streamed: the stdlib parser is never asked for it.
    monkeypatch.setattr(export_file.json, "loads", None)
    streamed = f"sqlite:///{tmp_path / 'streamed.db'}"
    capsys.readouterr()
    assert main(["--db", streamed, "import", str(demo_file)]) == 0
    said = capsys.readouterr().out
    monkeypatch.undo()
    in_memory = f"sqlite:///{tmp_path / 'memory.db'}"
    store = Store.open(in_memory)
    report = import_data(store, json.loads(demo_file.read_text()))
    store.close()
    assert said == "".join(f"{line}\n" for line in report.lines())
    assert said.startswith("added 5 people, ")
    assert without_time(exported(streamed)) == without_time(exported(in_memory))
    assert without_time(exported(streamed)) == without_time(json.loads(demo_file.read_text()))


def test_a_role_held_by_someone_later_in_the_file_finds_its_holder(tmp_path, capsys):
    """Ada could step into Zoë's role: Ada comes first in the file, Zoë after."""
    source = f"sqlite:///{tmp_path / 'source.db'}"
    store = Store.open(source)
    ada = store.add_person("Ada Lovelace", now=NOW)
    zoe = store.add_person("Zoë Müller", now=NOW)
    store.set_backfill(zoe.id, ada.id, Readiness.NOW, at=NOW, note="ran the migration")
    store.close()
    target = tmp_path / "all.json"
    assert main(["--db", source, "export", "--all", "-o", str(target)]) == 0
    names = [p["name"] for p in json.loads(target.read_text())["people"]]
    assert names == ["Ada Lovelace", "Zoë Müller"]
    other = f"sqlite:///{tmp_path / 'other.db'}"
    capsys.readouterr()
    assert main(["--db", other, "import", str(target)]) == 0
    assert capsys.readouterr().out == "added 2 people, 0 meetings, 0 notes\nwith 1 backfill\n"
    store = Store.open(other)
    try:
        (backfill,) = store.backfills()
        by_id = {p.id: p.name for p in store.list_people()}
        assert (by_id[backfill.holder_id], by_id[backfill.candidate_id]) == (
            "Zoë Müller",
            "Ada Lovelace",
        )
    finally:
        store.close()


def test_a_bad_person_at_the_end_lands_nothing(demo_file, tmp_path, capsys):
    document = json.loads(demo_file.read_text())
    document["people"][-1]["meetings"][0]["started_at"] = "last tuesday"
    demo_file.write_text(json.dumps(document, indent=1))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    capsys.readouterr()
    assert main(["--db", other, "import", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tui1on1: can't import {demo_file}: people[4].meetings[0].started_at")
    assert err.endswith("; nothing was imported\n")
    assert people_in(other) == []


def test_a_file_that_changes_while_it_is_read_lands_nothing(
    demo_file, tmp_path, capsys, monkeypatch
):
    """Read once whole, then cut short before its people are read again (a
    copy still being written, say): one calm line, nothing imported."""
    reading = export_file._people

    def cut_short(handle, shown):
        with open(demo_file, "r+b") as out:
            out.truncate(demo_file.stat().st_size // 2)
        return reading(handle, shown)

    monkeypatch.setattr(export_file, "_people", cut_short)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    capsys.readouterr()
    assert main(["--db", other, "import", str(demo_file)]) == 1
    assert capsys.readouterr().err == (
        f"tui1on1: {demo_file} changed while it was read; nothing was imported\n"
    )
    assert people_in(other) == []


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode(), id="byte-order mark"),
        pytest.param(
            lambda text: text.replace('"version": 6', '"version": 6.0').encode(),
            id="version as 6.0",
        ),
    ],
)
def test_files_the_stream_reads_differently_land_as_before(demo_file, tmp_path, capsys, write):
    demo_file.write_bytes(write(demo_file.read_text()))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    capsys.readouterr()
    assert main(["--db", other, "import", str(demo_file)]) == 0
    assert capsys.readouterr().out.startswith("added 5 people, ")


def test_a_file_nested_deeper_than_an_export_is_refused_quickly(tmp_path, capsys):
    deep = tmp_path / "deep.json"
    deep.write_bytes(
        b'{"format": "tui1on1-export", "people": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    )
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["--db", other, "import", str(deep)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tui1on1: ") and err.count("\n") == 1 and "Traceback" not in err
