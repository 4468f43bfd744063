"""A TLS-terminating proxy for the tests: it accepts TLS with its own certificate (app/sandbox/tlscert.py) and
opens one TLS connection to the server for each client connection (a load balancer that decrypts and encrypts
again). A client's channel binding is then to the proxy's certificate, never the server's: Extended Protection's
case. Bytes are passed as they come, both ways, one thread per direction."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

from app.sandbox.tlscert import make_self_signed


class TlsProxy:
    """``requests``: how many EWS requests (``POST /EWS/``) clients sent through it. ``tls=False``: plain TCP both
    ways (only to count the requests)."""

    def __init__(self, folder: Path, host: str, port: int, *, tls: bool = True):
        self.tls, self.requests = tls, 0
        cert, key, self.cert_sha256 = make_self_signed(str(folder / "proxy"), host="localhost", stem="proxy",
                                                       common_name="Dispatch test TLS proxy")
        self._server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._server_ctx.load_cert_chain(cert, key)
        self._client_ctx = ssl.create_default_context()
        self._client_ctx.check_hostname = False
        self._client_ctx.verify_mode = ssl.CERT_NONE  # the sandbox's own certificate: the test trusts its proxy
        self._upstream = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                raw, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        try:
            client, upstream = raw, socket.create_connection(self._upstream, timeout=10)
            if self.tls:
                client = self._server_ctx.wrap_socket(raw, server_side=True)
                upstream = self._client_ctx.wrap_socket(upstream, server_hostname=self._upstream[0])
        except OSError:
            raw.close()
            return
        self.connections += 1
        self._open += [client, upstream]
        threading.Thread(target=_pump, args=(upstream, client), daemon=True).start()
        _pump(client, upstream, self._count)

    def _count(self, data: bytes) -> None:
        self.requests += data.count(b"POST /EWS/")

    def stop(self) -> None:
        self._listener.close()
        for s in self._open:
            try:
                s.close()
            except OSError:
                pass


def _pump(source: socket.socket, sink: socket.socket, seen=None) -> None:
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            if seen is not None:
                seen(data)
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
