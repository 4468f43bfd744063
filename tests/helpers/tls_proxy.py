"""A TLS-terminating proxy for the tests: it accepts TLS with its own certificate (app/sandbox/tlscert.py) and
opens one TLS connection to the server for each client connection (a load balancer that decrypts and encrypts
again). A client's channel binding is then to the proxy's certificate, never the server's: Extended Protection's
case. Bytes are passed as they come, both ways.

It runs on an asyncio loop of its own thread: one TLS connection is read and written by that one thread (an
``ssl.SSLSocket`` read in one thread while another writes to it is not safe: a proxy pumping each direction in a
thread of its own hung now and then, its client's read timing out)."""

from __future__ import annotations

import asyncio
import ssl
import threading
from pathlib import Path

from app.sandbox.tlscert import make_self_signed


class TlsProxy:
    """``requests``: how many EWS requests (``POST /EWS/``) clients sent through it; ``connections``: how many
    clients it put through. ``tls=False``: plain TCP both ways (only to count the requests)."""

    def __init__(self, folder: Path, host: str, port: int, *, tls: bool = True):
        self.tls, self.requests, self.connections = tls, 0, 0
        cert, key, self.cert_sha256 = make_self_signed(str(folder / "proxy"), host="localhost", stem="proxy",
                                                       common_name="Dispatch test TLS proxy")
        self._server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._server_ctx.load_cert_chain(cert, key)
        self._client_ctx = ssl.create_default_context()
        self._client_ctx.check_hostname = False
        self._client_ctx.verify_mode = ssl.CERT_NONE  # the sandbox's own certificate: the test trusts its proxy
        self._upstream = (host, port)
        self._loop = asyncio.new_event_loop()
        self._writers: list[asyncio.StreamWriter] = []
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(self._listen(), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _listen(self) -> asyncio.AbstractServer:
        return await asyncio.start_server(self._serve, "127.0.0.1", 0,
                                          ssl=self._server_ctx if self.tls else None)

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            up_r, up_w = await asyncio.wait_for(asyncio.open_connection(
                *self._upstream, ssl=self._client_ctx if self.tls else None,
                server_hostname=self._upstream[0] if self.tls else None), 10)
        except (OSError, asyncio.TimeoutError):
            client_w.close()
            return
        self.connections += 1
        self._writers += [client_w, up_w]
        await asyncio.gather(_pump(client_r, up_w, self._count), _pump(up_r, client_w))

    def _count(self, data: bytes) -> None:
        self.requests += data.count(b"POST /EWS/")

    def stop(self) -> None:
        async def close() -> None:
            self._server.close()
            for w in self._writers:
                w.close()
            rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in rest:
                t.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter, seen=None) -> None:
    try:
        while data := await source.read(65536):
            if seen is not None:
                seen(data)
            sink.write(data)
            await sink.drain()
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        sink.close()  # the other way's end: its peer sees the connection end, as the client or server did
