"""Shared fixtures.

``store`` runs each storage test on SQLite and on PostgreSQL. The PostgreSQL
half needs a server URL in TUI1ON1_TEST_PG_URL (CI starts one with
scripts/pg-throwaway); without it those tests are skipped with that reason.
Each PostgreSQL test gets its own database, cloned from a migrated template.

Tests marked ``slow`` are skipped unless ``TUI1ON1_RUN_SLOW=1`` is set or
``--run-slow`` is given; CI runs them. Slow means: starts a process or a
terminal, or takes over ~2 s on an idle 2-core machine (measure with
``--durations=0``); everything in tests/faults and tests/e2e is slow. The
skip is one line of the summary, with that reason.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cli_run import Cli

PG_ENV = "TUI1ON1_TEST_PG_URL"
PG_SKIP_REASON = f"PostgreSQL tests need {PG_ENV} (CI sets it; see scripts/pg-throwaway)"
SLOW_ENV = "TUI1ON1_RUN_SLOW"
SLOW_SKIP_REASON = f"slow: set {SLOW_ENV}=1 or pass --run-slow to run them (CI does)"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday morning

_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help=f"also run the tests marked slow (as {SLOW_ENV}=1 does; CI runs them)",
    )


def run_slow(config: pytest.Config) -> bool:
    return bool(config.getoption("--run-slow")) or os.environ.get(SLOW_ENV, "") not in ("", "0")


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Say at the top of every run whether the PostgreSQL half and the slow tests run."""
    slow = "ON" if run_slow(config) else f"OFF ({SLOW_SKIP_REASON})"
    url = os.environ.get(PG_ENV)
    if not url:
        pg = f"OFF ({PG_SKIP_REASON})"
    else:
        from tui1on1.storage.engine import safe_url

        pg = f"ON against {safe_url(url)}"
    return [f"tui1on1: PostgreSQL tests {pg}", f"tui1on1: slow tests {slow}"]


SLOW_DIRS = ("faults", "e2e")  # fault injection and terminal journeys, as a whole
TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    slow_dirs = [TESTS / name for name in SLOW_DIRS]
    for item in items:
        if any(item.path.is_relative_to(folder) for folder in slow_dirs):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip a slow test before any of its fixtures start. Raised here rather
    than through a skip mark, so ``-ra`` folds every one into a single line."""
    if item.get_closest_marker("slow") and not run_slow(item.config):
        pytest.skip(SLOW_SKIP_REASON)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    """Every test starts under the common loose umask 022 (the case the
    privacy rules are for) and gets the old one back: main() tightens the
    umask for the whole process."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(autouse=True)
def notifications_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notification a test reads is still there when it reads it.

    Textual drops a notification after its timeout (3-8 s for most of ours);
    on a loaded CI machine a Pilot test can take longer than that between the
    app saying it and the test reading ``app._notifications`` (which a test
    should wait for: ``notify`` posts a message, handled a moment later). Only the list
    keeps them: a toast on screen (``run_test(notifications=True)``) still
    goes at its time, as the user sees it."""
    from textual.notifications import Notification

    monkeypatch.setattr(Notification, "has_expired", property(lambda self: False))


@pytest.fixture(autouse=True)
def no_key_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the OS key store (a developer's Keychain, say): keyring
    sees none, in this process and in the processes a test starts; the
    ``key_store`` fixture gives an in-memory one.
    Keys found by an earlier test are forgotten."""
    import sys

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    if "keyring" in sys.modules:
        import keyring
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
    if "tui1on1.storage.cipher" in sys.modules:
        sys.modules["tui1on1.storage.cipher"].forget_all()


@pytest.fixture
def key_store():
    """An OS key store for this test, in memory: ``.kept`` is what it holds."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(params=["plain", "sealed"])
def journal_sealing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a journal test twice: as a plain database's journal, and as an
    encrypted one's (every Journal made without a sealer gets one)."""
    if request.param == "sealed":
        from tui1on1.keys import DatabaseKey
        from tui1on1.storage import journal as journal_module
        from tui1on1.storage.sealing import Sealer

        sealer = Sealer(DatabaseKey(b"k" * 32, b"s" * 16))
        original = journal_module.Journal.__init__

        def sealed_init(self: object, path: Path, given: object = None) -> None:
            original(self, path, given or sealer)  # type: ignore[arg-type]

        monkeypatch.setattr(journal_module.Journal, "__init__", sealed_init)
    return str(request.param)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli("people")`` runs the command line in this process → CliResult
    (returncode, stdout, stderr), as ``subprocess.run`` would give."""
    from cli_run import Cli  # here, so this conftest imports none of tui1on1

    return Cli(capsys, monkeypatch)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config and data dirs and no inherited DB URL."""
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("TUI1ON1_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def config_dir(isolated_dirs: Path) -> Path:
    """The app's config dir, created (empty)."""
    path = isolated_dirs / "config" / "tui1on1"
    path.mkdir(parents=True)
    return path


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    """The app's data dir (not created: the app makes it, 0700)."""
    return isolated_dirs / "data" / "tui1on1"


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    return url


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> Iterator[str]:
    """A migrated database that every PostgreSQL test clones."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tui1on1.storage import migrate
    from tui1on1.storage.engine import make_engine

    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"tui1on1_tpl_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(pg_admin_url).set(database=name).render_as_string(False))
    migrate.upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"tui1on1_t{os.getpid()}_{next(_counter)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    yield make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'db' / 'tui1on1.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str):
    from tui1on1.storage.store import Store

    opened = Store.open(db_url)
    yield opened
    opened.close()


@pytest.fixture
def read_only_pg_store(pg_url: str):
    """A Store on the test's PostgreSQL database whose sessions refuse writes
    (``default_transaction_read_only``), as on a read-only replica."""
    from sqlalchemy import event

    from tui1on1.storage.engine import make_engine
    from tui1on1.storage.store import Store

    engine = make_engine(pg_url)

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_connection, _record):
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET default_transaction_read_only = on")
        dbapi_connection.commit()

    store = Store(engine)
    yield store
    store.close()
