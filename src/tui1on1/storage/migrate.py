"""Applying and checking Alembic migrations from inside the app.

The app upgrades the schema to head at start. Checking the revision first is a
plain query, so a database that is already current never imports Alembic.

SQLite rules (batch migrations recreate tables): ``foreign_keys`` is turned OFF
before the transaction (it can't change inside one), every migration runs in
one transaction so a failure leaves the old revision intact, and
``foreign_key_check`` runs before commit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from tui1on1.storage.engine import driver_connection, writer_engine
from tui1on1.storage.errors import SchemaError
from tui1on1.storage.revision import HEAD_REVISION as HEAD_REVISION

if TYPE_CHECKING:  # Alembic is imported only when a migration runs
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision in migrations/versions; a test keeps this in step.


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            conn.rollback()
            return None


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Bring the schema to ``revision``. Returns True if anything was applied.

    Call it from one thread at a time in a process: Alembic keeps global state
    while it runs (several threads upgrading different files at once has
    crashed the interpreter). The app opens its one Store from one worker.
    """
    current = current_revision(engine)
    if revision == "head" and current == HEAD_REVISION:
        return False
    if current is None and _has_foreign_tables(engine):
        raise SchemaError(
            "this database already holds tables that aren't tui1on1's; "
            "point --db at an empty database or a tui1on1 one"
        )
    from alembic import command
    from alembic.script import ScriptDirectory

    sqlite = engine.dialect.name == "sqlite"
    with writer_engine(engine).connect() as conn:
        config = _alembic_config(conn)
        known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise SchemaError(
                f"this database is at schema revision {current}, newer than this "
                "version of tui1on1 knows; upgrade tui1on1"
            )
        if sqlite:  # must happen outside any transaction
            driver_connection(conn).execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                command.upgrade(config, revision)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise SchemaError(
                            f"the schema upgrade would break {len(broken)} references; "
                            "nothing was changed"
                        )
        finally:
            if sqlite:
                driver_connection(conn).execute("PRAGMA foreign_keys = ON")
    return True


def _has_foreign_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return bool(names - {"alembic_version"})
