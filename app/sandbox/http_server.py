"""The threaded HTTP/1.1 server the sandbox's listeners share (EWS + Graph, the sign-in authority, the upload
origin, Autodiscover): it wraps each accepted connection in TLS when given a context, and keeps the open ones so
a stop can cut them (a kept-alive client would otherwise hold a handler thread). Their request handlers share
``HttpHandler``: every answer, a refusal of a malformed request line included, starts with an HTTP/1.1 status
line."""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log = logging.getLogger("app.sandbox")


class TrackingServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    request_queue_size = 64
    #: how this listener is named in its debug log
    log_name = "sandbox"

    def __init__(self, address, handler_class, ssl_context=None):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.ssl_context = ssl_context
        self.connections: set = set()
        self._conn_lock = threading.Lock()
        super().__init__(address, handler_class)

    def get_request(self):
        sock, addr = super().get_request()
        if self.ssl_context is not None:
            sock = self.ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        with self._conn_lock:
            self.connections.add(sock)
        return sock, addr

    def shutdown_request(self, request):  # called once for every request get_request returned
        with self._conn_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self):
        """Cut every open connection: a handler blocked on one sees the end of it. For a TLS connection the
        TCP socket is shut down under the TLS layer: ``SSLSocket.shutdown`` drops the TLS object first, and a
        handler thread reading a request body then got the still-buffered ciphertext as the body."""
        with self._conn_lock:
            conns = list(self.connections)
        for c in conns:
            try:
                socket.socket.shutdown(c, socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        log.debug("%s: connection error from %s", self.log_name, client_address, exc_info=True)


class HttpHandler(BaseHTTPRequestHandler):
    """The base of the sandbox's request handlers. http.server answers a request line it cannot read before it
    knows the version (an HTTP/2 preface "PRI * HTTP/2.0", a line of one or four words, a bad version) in the
    HTTP/0.9 style: the error page alone, no status line, no headers. Here every such refusal goes
    out as HTTP/1.1 with its status line and closes the connection, and an HTTP/0.9 request ("GET /", two
    words) is refused with 400 instead of being served without headers."""

    def parse_request(self):
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":
            self.send_error(400, "Bad request version")
            return False
        return True

    def send_error(self, code, message=None, explain=None):
        if not self.request_version.startswith("HTTP/1."):
            self.request_version = self.protocol_version  # the refusal's status line and headers are written
            self.close_connection = True
        super().send_error(code, message, explain)
