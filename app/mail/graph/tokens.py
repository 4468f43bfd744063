"""The token side of Microsoft 365 sign-in: where MSAL's token cache is kept, and MSAL's HTTP client.

- ``TokenCacheStore``: what keeps the serialized MSAL token cache of one account. The storage layer
  implements it with the OS keyring (``app.storage.secrets.KeyringTokenCacheStore``: never a file; with no
  keyring, in memory for this session); the wiring passes it in (app.mail may not import app.storage).
  ``MemoryTokenCacheStore`` is the fallback when none is given: sign in once per session.
- ``PersistedCache``: an ``msal.SerializableTokenCache`` loaded from the store and written back after
  every change.
- ``http_client``: a ``requests.Session`` that ignores the environment (``trust_env = False``: with it,
  ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` silently replace ``verify``) and verifies against the
  authority's own certificate (the sandbox) or the system's CA store.

msal and requests are imported when first used (in a worker thread), never when this module is imported.
"""

from __future__ import annotations

import logging
import ssl
import threading
from typing import Protocol

log = logging.getLogger(__name__)


class TokenCacheStore(Protocol):
    def load(self, account: str) -> str | None:
        """The account's serialized cache, or None."""

    def save(self, account: str, blob: str) -> bool:
        """Keep it: True if it is in the OS keyring, False if only in memory for this session."""

    def forget(self, account: str) -> None:
        """Remove it (sign out)."""


class MemoryTokenCacheStore:
    """This process's memory only: a sign-in lasts until Dispatch closes."""

    def __init__(self):
        self._blobs: dict[str, str] = {}

    def load(self, account: str) -> str | None:
        return self._blobs.get(account.strip().lower())

    def save(self, account: str, blob: str) -> bool:
        self._blobs[account.strip().lower()] = blob
        return False

    def forget(self, account: str) -> None:
        self._blobs.pop(account.strip().lower(), None)


class PersistedCache:
    """One account's MSAL token cache, kept by a TokenCacheStore; ``persist()`` after each MSAL call."""

    def __init__(self, account: str, store: TokenCacheStore):
        import msal

        self.account, self.store = account, store
        self.lock = threading.RLock()
        self.cache = msal.SerializableTokenCache()
        self.in_keyring = False
        blob = None
        try:
            blob = store.load(account)
        except Exception as exc:  # noqa: BLE001 - an unreadable store is an empty cache
            log.warning("token cache: could not be read (%s)", type(exc).__name__)
        if blob:
            try:
                self.cache.deserialize(blob)
            except (ValueError, TypeError) as exc:
                log.warning("token cache: damaged (%s); a new sign-in is needed", type(exc).__name__)
                self.cache = msal.SerializableTokenCache()

    def persist(self) -> None:
        with self.lock:
            if not self.cache.has_state_changed:
                return
            try:
                self.in_keyring = bool(self.store.save(self.account, self.cache.serialize()))
            except Exception as exc:  # noqa: BLE001 - the tokens stay in memory for this session
                log.warning("token cache: could not be kept (%s); this session only", type(exc).__name__)
                self.in_keyring = False
            self.cache.has_state_changed = False

    def clear(self) -> None:
        import msal

        with self.lock:
            self.cache = msal.SerializableTokenCache()
            try:
                self.store.forget(self.account)
            except Exception as exc:  # noqa: BLE001
                log.warning("token cache: could not be removed (%s)", type(exc).__name__)


def system_ssl_context() -> ssl.SSLContext:
    """The system's CA store (certifi's bundle if this Python finds none, as on some macOS builds)."""
    ctx = ssl.create_default_context()
    if not ctx.get_ca_certs():
        try:
            import certifi

            ctx.load_verify_locations(certifi.where())
        except (ImportError, OSError):
            pass
    return ctx


def http_client(ca_file: str | None = None, timeout: float = 30.0, *, pin: str = ""):
    """MSAL's HTTP client: nothing taken from the environment; ``ca_file`` (a PEM) is the only trusted
    certificate when given (the sandbox's authority); ``pin`` (a SHA-256 the user trusted) is the only
    certificate accepted when given; else the system's CA store."""
    import requests
    from requests.adapters import HTTPAdapter

    session = requests.Session()
    session.trust_env = False  # REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, .netrc and proxy variables: ignored
    if ca_file:
        session.verify = ca_file
        return session
    if pin:
        session.mount("https://", pinned_adapter(pin))
        return session

    class _SystemTrust(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["ssl_context"] = system_ssl_context()
            return super().init_poolmanager(*args, **kwargs)

        def cert_verify(self, conn, url, verify, cert):  # keep our context: no certifi bundle added
            super().cert_verify(conn, url, verify, cert)
            if url.lower().startswith("https") and verify is True:
                conn.ca_certs = None
                conn.ca_cert_dir = None

    session.mount("https://", _SystemTrust())
    return session


def normalize_fingerprint(fp: str) -> str:
    """'AB:cd:..' or 'abcd..' -> 'abcd...' (lower-case hex, no separators)."""
    return "".join(c for c in (fp or "").lower() if c in "0123456789abcdef")


def pinned_adapter(pin: str):
    """A requests adapter that accepts exactly one certificate, the one whose SHA-256 is ``pin`` (urllib3's
    ``assert_fingerprint`` replaces the CA check, as for a pinned EWS server: app/mail/ews/connection.py).
    Another certificate fails with an SSLError: the user is asked again, never silently."""
    from requests.adapters import HTTPAdapter

    digest = normalize_fingerprint(pin)
    if len(digest) != 64:
        raise ValueError("the trusted sign-in certificate must be a SHA-256 fingerprint (64 hex digits)")

    class PinnedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["assert_fingerprint"] = digest
            return super().init_poolmanager(*args, **kwargs)

        def cert_verify(self, conn, url, verify, cert):
            super().cert_verify(conn=conn, url=url, verify=False, cert=cert)

        def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):
            return super().get_connection_with_tls_context(request, verify=False, proxies=proxies, cert=cert)

    return PinnedAdapter()
