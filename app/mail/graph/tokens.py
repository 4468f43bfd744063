"""The token side of Microsoft 365 sign-in: where MSAL's token cache is kept, and MSAL's HTTP client.

- ``TokenCacheStore``: what keeps the serialized MSAL token cache of one account. The storage layer
  implements it with the OS keyring (``app.storage.secrets.KeyringTokenCacheStore``; a plain file only on
  the user's explicit choice on a machine with no keyring; else in memory for this session); the wiring passes it in (app.mail may not import app.storage).
  ``MemoryTokenCacheStore`` is the fallback when none is given: sign in once per session.
- ``PersistedCache``: msal-extensions' ``PersistedTokenCache`` on the store's place shared by every
  process (the keyring; a plain file only where the user chose it), or an ``msal.SerializableTokenCache``
  loaded from the store and written back after every change.
- ``http_client``: a ``requests.Session`` that ignores the environment (``trust_env = False``: with it,
  ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` silently replace ``verify``) and verifies against the
  authority's own certificate (the sandbox) or the system's CA store.

msal, msal_extensions and requests are imported when first used (in a worker thread), never when this module is imported.
"""

from __future__ import annotations

import json
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

    # Optional: ``persistence(account)`` -> a place every process shares (``kind`` "keyring" with
    # ``save(str) -> bool``, ``load() -> str | None``, ``modified() -> float | None``; or ``kind`` "file"), its
    # ``location`` a file path beside which the cross-process lock is kept; None: none here.


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
    """One account's MSAL token cache, kept by a TokenCacheStore; ``persist()`` after each MSAL call.

    When the store offers a place shared by every process (``store.persistence(account)``: the OS keyring, or
    a plain file the user chose), the cache is msal-extensions' ``PersistedTokenCache`` on it: reloaded when
    another process (the window, a ``dispatch-mail`` command) changed it, and written under one file lock at
    every change, so two processes refreshing tokens never lose each other's. Otherwise a
    ``SerializableTokenCache`` loaded from the store and saved back by ``persist()``."""

    def __init__(self, account: str, store: TokenCacheStore):
        self.account, self.store = account, store
        self.lock = threading.RLock()
        self.mode = "memory"  # the shared place the cache is on: "keyring", "file", or none ("memory")
        self._persistence = None
        self._saved_in_keyring = False  # where there is no shared place: the store's last answer
        self.cache = self._shared() or self._loaded()

    def _shared(self):
        make = getattr(self.store, "persistence", None)
        place = None
        try:
            place = make(self.account) if callable(make) else None
        except Exception as exc:  # noqa: BLE001 - no shared place: this session's memory
            log.warning("token cache: its place could not be opened (%s)", type(exc).__name__)
        if place is None:
            return None
        from msal_extensions import FilePersistence, PersistedTokenCache

        self._persistence = FilePersistence(place.location) if place.kind == "file" else _BlobPersistence.of(place)
        self.mode = place.kind
        return PersistedTokenCache(self._persistence, lock_location=place.location + ".lockfile")

    def _loaded(self):
        import msal

        cache = msal.SerializableTokenCache()
        blob = None
        try:
            blob = self.store.load(self.account)
        except Exception as exc:  # noqa: BLE001 - an unreadable store is an empty cache
            log.warning("token cache: could not be read (%s)", type(exc).__name__)
        if blob:
            try:
                cache.deserialize(blob)
            except (ValueError, TypeError) as exc:
                log.warning("token cache: damaged (%s); a new sign-in is needed", type(exc).__name__)
                cache = msal.SerializableTokenCache()
        return cache

    @property
    def shared(self) -> bool:
        return self.mode != "memory"

    @property
    def kept(self) -> str:
        """Where the tokens outlive this process: "keyring", "file" (the user's choice), or only "memory" (no
        keyring, or the keyring refused the last write)."""
        if self.mode == "keyring" and getattr(self._persistence, "saved", True) is False:
            return "memory"
        if self.mode == "memory":
            return "keyring" if self._saved_in_keyring else "memory"
        return self.mode

    @property
    def in_keyring(self) -> bool:
        return self.kept == "keyring"

    def persist(self) -> None:
        with self.lock:
            if not self.cache.has_state_changed:
                return
            if self.shared:  # PersistedTokenCache wrote every change as it was made
                self.cache.has_state_changed = False
                return
            try:
                self._saved_in_keyring = bool(self.store.save(self.account, self.cache.serialize()))
            except Exception as exc:  # noqa: BLE001 - the tokens stay in memory for this session
                log.warning("token cache: could not be kept (%s); this session only", type(exc).__name__)
                self._saved_in_keyring = False
            self.cache.has_state_changed = False

    def clear(self) -> None:
        with self.lock:
            try:
                self.store.forget(self.account)
            except Exception as exc:  # noqa: BLE001
                log.warning("token cache: could not be removed (%s)", type(exc).__name__)
            self.cache = self._shared() or self._loaded()


class _BlobPersistence:
    """msal-extensions' persistence interface (``BasePersistence``) over a store's keyring place
    (app.storage.secrets.KeyringBlob). msal-extensions' own LibsecretPersistence would need PyGObject and
    libsecret's GObject bindings on Linux; the ``keyring`` package the app already uses reaches the same
    Secret Service (and macOS' Keychain, Windows' Credential Manager) without them. Built when first used,
    so msal_extensions is imported only then."""

    _cls = None

    @classmethod
    def of(cls, place):
        if cls._cls is None:
            from msal_extensions.persistence import BasePersistence, PersistenceNotFound

            class KeyringPersistence(BasePersistence):
                is_encrypted = True  # the keyring encrypts what it keeps

                def __init__(self, blob_place):
                    self._place = blob_place
                    self.saved = None  # the last write: True in the keyring, False refused (memory only)

                def save(self, content):
                    self.saved = bool(self._place.save(content))
                    if not self.saved:
                        log.warning("token cache: the keyring did not take it; this session only")

                def load(self):
                    blob = self._place.load()
                    if blob is None:
                        raise PersistenceNotFound(location=self._place.location)
                    try:
                        json.loads(blob)
                    except ValueError:  # damaged: no sign-in (a new one is needed), never an error at every use
                        log.warning("token cache: damaged; a new sign-in is needed")
                        raise PersistenceNotFound(location=self._place.location) from None
                    return blob

                def time_last_modified(self):
                    mtime = self._place.modified()
                    if mtime is None:
                        raise PersistenceNotFound(location=self._place.location)
                    return mtime

                def get_location(self):
                    return self._place.location

            cls._cls = KeyringPersistence
        return cls._cls(place)


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
