"""A stop cuts a TLS connection under its TLS layer: a handler still reading a request body must see the
connection end, never the ciphertext that was in flight (seen once in a full run: a sandbox restarted during
a request served the encrypted bytes as the body, and the schema check caught them)."""

from __future__ import annotations

import socket
import ssl
import threading

from app.sandbox.http_server import TrackingServer
from app.sandbox.tlscert import make_self_signed


def test_a_cut_tls_connection_never_reads_as_plain_bytes(tmp_path):
    cert, key, _ = make_self_signed(str(tmp_path))
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    client_ctx = ssl.create_default_context(cafile=cert)
    raw_server, raw_client = socket.socketpair()
    server = server_ctx.wrap_socket(raw_server, server_side=True, do_handshake_on_connect=False)
    client = client_ctx.wrap_socket(raw_client, server_hostname="127.0.0.1", do_handshake_on_connect=False)
    shake = threading.Thread(target=server.do_handshake)
    shake.start()
    client.do_handshake()
    shake.join(5)
    client.sendall(b"x" * 1000)  # a request body in flight, not read yet by the handler
    holder = TrackingServer.__new__(TrackingServer)  # only its connection table: no listener needed
    holder.connections, holder._conn_lock = {server}, threading.Lock()
    try:
        holder.close_connections()  # what a stop does while the handler waits in read_body
        try:
            got = server.recv(4096)
        except (ssl.SSLError, OSError):
            got = b""
        assert got in (b"", b"x" * len(got)), f"read ciphertext as data: {got[:16]!r}"
        assert not got.startswith(b"\x17\x03\x03")
    finally:
        for s in (server, client):
            s.close()
