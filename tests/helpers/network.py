"""The ``network_spy`` fixture: no name look-up or socket connect leaves this process (import it into the
test module that uses it)."""

from __future__ import annotations

import socket

import pytest

@pytest.fixture
def network_spy(monkeypatch):
    """Every name look-up and socket connect in this process is recorded (and fails at once)."""
    calls = []

    def getaddrinfo(host, *args, **kwargs):
        calls.append(("getaddrinfo", host))
        raise socket.gaierror(socket.EAI_NONAME, "blocked by the test")

    def connect(self, address):
        calls.append(("connect", address))
        raise ConnectionRefusedError("blocked by the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    return calls
