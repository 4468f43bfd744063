"""A sandbox relaying outside mail to a real SMTP server on loopback (a real socket conversation)."""

from __future__ import annotations

import contextlib
import socketserver
import threading

from exchangelib.protocol import close_connections

from app.sandbox import Sandbox

class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive one message (a real socket conversation, not a mock of smtplib)."""

    extensions = b"250 test\r\n"  # the EHLO answer (a subclass adds e.g. SMTPUTF8)

    def handle(self):
        self.wfile.write(b"220 test ESMTP\r\n")
        env = {"rcpts": []}
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.strip().decode().upper()
            if cmd.startswith(("EHLO", "HELO")):
                self.wfile.write(self.extensions if cmd.startswith("EHLO") else b"250 test\r\n")
            elif cmd.startswith("MAIL FROM:"):
                env["mail_from_line"] = line.decode()
                env["from"] = line.decode().split(":", 1)[1].split(">", 1)[0].strip().strip("<")
                self.wfile.write(b"250 OK\r\n")
            elif cmd.startswith("RCPT TO:"):
                env["rcpts"].append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.wfile.write(b"250 OK\r\n")
            elif cmd == "DATA":
                self.wfile.write(b"354 go\r\n")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                env["data"] = b"".join(data)
                self.server.received.append(env)
                env = {"rcpts": []}
                self.wfile.write(b"250 queued\r\n")
            elif cmd == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


@contextlib.contextmanager
def relaying(extensions: bytes | None = None):
    """(sandbox, SMTP server): a sandbox handing outside mail to a real SMTP server on loopback (this
    module's handler; ``extensions``: its EHLO answer, e.g. with SMTPUTF8)."""
    handler = SMTPHandler if extensions is None else type("Handler", (SMTPHandler,), {"extensions": extensions})
    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    smtp.received = []
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    sb = Sandbox(smtp_relay=f"127.0.0.1:{smtp.server_address[1]}")
    sb.start()
    try:
        yield sb, smtp
    finally:
        sb.stop()
        smtp.shutdown()
        smtp.server_close()
        close_connections()
