"""The app and the CLI open no network connection except to the database URL
the user gave.

Two nets: Python's socket module is patched to refuse (and record) every
connect that is not a Unix socket or the database's host:port, and, because
psycopg's libpq connects from C where no patch reaches, the process's own TCP
sockets are read from /proc after the run.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from pilot_wait import wait_for
from tui1on1.cli import main
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SIZE = (100, 30)


class NetworkGuard:
    """Refuses connects other than to ``allowed`` (host, port) pairs."""

    def __init__(self, allowed: set[tuple[str, int]]) -> None:
        self.allowed = allowed
        self.attempts: list[object] = []  # every TCP/UDP connect tried
        self.refused: list[object] = []

    def check(self, family, address) -> None:
        if family == getattr(socket, "AF_UNIX", object()) or isinstance(address, str | bytes):
            return
        self.attempts.append(address)
        if (address[0], address[1]) not in self.allowed:
            self.refused.append(address)
            raise ConnectionRefusedError(f"test: no network to {address!r}")


@pytest.fixture
def guard(monkeypatch):
    def install(db_url: str | None = None) -> NetworkGuard:
        allowed: set[tuple[str, int]] = set()
        if db_url and not db_url.startswith("sqlite"):
            url = make_url(db_url)
            port = url.port or 5432
            for info in socket.getaddrinfo(url.host or "localhost", port):
                allowed.add((info[4][0], port))
            allowed.add((url.host or "localhost", port))
        net = NetworkGuard(allowed)
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_create = socket.create_connection

        def connect(self, address):
            net.check(self.family, address)
            return real_connect(self, address)

        def connect_ex(self, address):
            net.check(self.family, address)
            return real_connect_ex(self, address)

        def create_connection(address, *args, **kwargs):
            net.check(socket.AF_INET, address)
            return real_create(address, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        return net

    return install


def tcp_peer_ports() -> set[int]:
    """Remote ports of this process's TCP sockets (Linux /proc), or empty."""
    try:
        inodes = set()
        for fd in os.listdir("/proc/self/fd"):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return set()
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            remote, state, inode = fields[2], fields[3], fields[9]
            if inode in inodes and state != "0A":  # 0A: listening
                ports.add(int(remote.rsplit(":", 1)[1], 16))
    return ports


async def drive_the_app(db_url: str) -> set[int]:
    """A meeting (notes, ask, end), then home and search; the TCP peers seen."""
    from textual.widgets import Input

    from tui1on1.ui.dialogs.summary import SummaryScreen
    from tui1on1.ui.screens.home import HomeScreen
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.search import SearchScreen
    from tui1on1.ui.widgets.notes import NoteInput

    settings = load_settings(db_arg=db_url)
    app = OneOnOneApp(
        settings,
        meet=MeetRequest("Ada Lovelace", new=True),
        store=Store.open(settings.database_url),
        clock=FakeClock(T0),
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model)
        for line in ("wants to lead a team #career", "! send the RFC @fri", "> I like it"):
            app.screen.query_one(NoteInput).value = line
            await pilot.press("enter")
        await pilot.press("ctrl+g")
        app.screen.query_one(NoteInput).value = "an answer"
        await pilot.press("enter")
        await pilot.press("ctrl+o", "enter")  # ending asks first
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        app.screen.query_one(Input).value = "rfc"
        await pilot.pause(0.3)
        peers = tcp_peer_ports()
        await pilot.press("escape")
    assert app.return_code in (0, None) and app.crash is None
    return peers


def run_the_cli(db_url: str, capsys) -> None:
    for argv in (
        ["people"],
        ["search", "rfc"],
        ["export", "--person", "ada"],
        ["recap", "ada"],
    ):
        assert main(["--db", db_url, *argv]) == 0, capsys.readouterr()


async def test_sqlite_opens_no_connection_at_all(guard, sqlite_url, capsys):
    net = guard()
    peers = await drive_the_app(sqlite_url)
    run_the_cli(sqlite_url, capsys)
    assert net.attempts == []
    assert peers == set()


@pytest.mark.postgres
async def test_postgresql_connects_only_to_the_database(guard, pg_url, capsys):
    net = guard(pg_url)
    port = make_url(pg_url).port or 5432
    peers = await drive_the_app(pg_url)
    run_the_cli(pg_url, capsys)
    assert net.refused == []
    assert peers <= {port}


def test_the_guard_does_refuse_other_hosts(guard):
    net = guard()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert net.refused == [("192.0.2.1", 80)]
