"""A loopback HTTP server that records every GET: what mail content must never make the app fetch."""

import http.server
import threading


class HttpCanary(http.server.ThreadingHTTPServer):
    def __init__(self):
        self.hits: list[str] = []
        canary = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                canary.hits.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *_a):
                pass

        super().__init__(("127.0.0.1", 0), H)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"
