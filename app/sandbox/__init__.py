"""EWS sandbox: a real Exchange Web Services server (HTTP + SOAP 1.1 + SQLite) on loopback.

    from app.sandbox import Sandbox
    sb = Sandbox(data=":memory:", port=0).start()
    sb.ews_url, sb.accounts, sb.faults.inject("SendItem", "server_busy"), sb.mailbox("bob@example.com").items("inbox")
    sb.stop()
"""

from .sandbox import DEFAULT_USERS, MailboxView, Sandbox, load_users

__all__ = ["Sandbox", "MailboxView", "DEFAULT_USERS", "load_users"]
