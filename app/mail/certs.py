"""The SHA-256 fingerprint of the certificate a server presents, to show the user before they choose to trust
it (EWS's pinned certificate, a Microsoft 365 sign-in authority's). Shared by both backends."""

from __future__ import annotations

import hashlib
import socket
import ssl
from urllib.parse import urlsplit


def peer_fingerprint(url: str, timeout: float = 5.0) -> str:
    """SHA-256 of the certificate the https server at ``url`` presents (hex with colons), '' if unreachable.
    Only read, to show to the user: nothing is sent on this connection."""
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 443
    if not host or parts.scheme != "https":
        return ""
    try:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        with socket.create_connection((host, port), timeout=timeout) as sock:
            with ctx.wrap_socket(sock, server_hostname=host) as tls:
                der = tls.getpeercert(binary_form=True)
    except OSError:
        return ""
    if not der:
        return ""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
