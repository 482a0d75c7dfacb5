"""What a PostgreSQL refusal says: the user's mistake in words, never the driver's text."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.store import Store

pytestmark = pytest.mark.postgres


def test_a_user_the_server_does_not_know(pg_url):
    url = make_url(pg_url).set(username="nobody_by_this_name")
    with pytest.raises(DatabaseUnavailable) as caught:
        Store.open(url.render_as_string(hide_password=False))
    assert "has no user by that name" in str(caught.value)
    assert "can't reach" not in str(caught.value)


def test_a_user_without_rights_on_the_tables(pg_url):
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP ROLE IF EXISTS tui1on1_no_rights"))
        conn.execute(text("CREATE ROLE tui1on1_no_rights LOGIN"))
        conn.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    try:
        url = make_url(pg_url).set(username="tui1on1_no_rights")
        with pytest.raises(DatabaseUnavailable) as caught:
            Store.open(url.render_as_string(hide_password=False))
        assert "doesn't let this user use tui1on1's tables" in str(caught.value)
    finally:
        with admin.connect() as conn:
            conn.execute(text("DROP OWNED BY tui1on1_no_rights"))
            conn.execute(text("DROP ROLE tui1on1_no_rights"))
        admin.dispose()
