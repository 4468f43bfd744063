"""A tiny real DNS server on 127.0.0.1 (UDP) for the recipient-domain check (app/core/sending/domain_check.py): the tests
run with no network, so the resolver is pointed at this one through ``DISPATCH_DNS`` rather than mocked. dnspython
reads each query and builds each answer: NXDOMAIN for the names in ``missing``, no answer at all (a resolver that
is down or slow) for those in ``silent``, NOERROR without records (NODATA: the name exists, no MX) for the rest.
``asked`` lists the names it was asked, in order."""

from __future__ import annotations

import socket
import threading

import dns.message
import dns.rcode


class DnsServer:
    def __init__(self, missing=(), silent=(), held=()):
        self.missing = {n.lower().rstrip(".") for n in missing}
        self.silent = {n.lower().rstrip(".") for n in silent}
        # answered only once release() is called (a slow resolver whose answer comes when the test says)
        self.held = {n.lower().rstrip(".") for n in held}
        self._holding: list[tuple] = []
        self._released = False
        self.asked: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sock.settimeout(0.1)  # so that close() is seen (an event, not a sleep: recvfrom returns on a query)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def setting(self) -> str:
        """The value of ``DISPATCH_DNS`` that points the app at this server."""
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            try:
                query = dns.message.from_wire(data)
            except Exception:  # noqa: BLE001 - not a DNS query: ignored, as a server would
                continue
            name = query.question[0].name.to_text().lower().rstrip(".")
            self.asked.append(name)
            if name in self.silent:
                continue
            if name in self.held and not self._released:
                self._holding.append((query, name, peer))
                continue
            self._answer(query, name, peer)

    def _answer(self, query, name, peer) -> None:
        answer = dns.message.make_response(query)
        answer.set_rcode(dns.rcode.NXDOMAIN if name in self.missing else dns.rcode.NOERROR)
        self.sock.sendto(answer.to_wire(), peer)

    def release(self) -> None:
        """The held queries are answered now, and those that come later at once."""
        self._released = True
        while self._holding:
            self._answer(*self._holding.pop(0))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()
