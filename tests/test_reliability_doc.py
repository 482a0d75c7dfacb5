"""docs/reliability.md names the tests that prove each promise: they must exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_every_test_the_reliability_doc_names_exists():
    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    refs = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", doc)
    names = re.findall(r"`::(\w+)`", doc)
    assert refs, "the document should name its tests"
    missing = []
    last_file = None
    for path, name in refs:
        file = ROOT / path
        if not file.exists():
            missing.append(path)
            continue
        last_file = file
        if name and not re.search(rf"def {name}\b", file.read_text(encoding="utf-8")):
            missing.append(f"{path}::{name}")
    for name in names:  # "`::name`" continues the file named just before it
        text = "".join(f.read_text(encoding="utf-8") for f in (ROOT / "tests").rglob("*.py"))
        if not re.search(rf"def {name}\b", text):
            missing.append(f"::{name}")
    assert last_file is not None
    assert missing == []
