"""A real (non-editable) install finds the shipped themes inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

PROBE = textwrap.dedent(
    """
    import json, tui1on1
    from tui1on1.ui.theming import load_catalogue, shipped_themes_dir
    catalogue = load_catalogue(None)
    print(json.dumps({
        "package": tui1on1.__file__,
        "folder": str(shipped_themes_dir()),
        "shipped": sorted(n for n, o in catalogue.origins.items() if o == "shipped"),
        "problems": [str(p) for p in catalogue.problems],
    }))
    """
)


@pytest.mark.slow
def test_an_installed_wheel_loads_the_shipped_themes(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("tui1on1-*.whl")
    installed = subprocess.run(
        [*pip, "install", "--no-deps", "--no-compile", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    # The installed copy comes first on the path; the checkout's themes/ is
    # nowhere near it (the probe runs in an empty folder).
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert Path(found["package"]).is_relative_to(target)
    assert Path(found["folder"]) == target / "tui1on1" / "themes"
    assert found["shipped"] == sorted(p.stem for p in (ROOT / "themes").glob("*.toml"))
    assert found["problems"] == []
