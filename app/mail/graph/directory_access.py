"""The address book's requests and the permissions they need (incremental consent).

A directory request goes first with the sign-in's own token (an organisation that granted the permission to the
application finds it in that token). When Graph answers 403 ``Authorization_RequestDenied``, the request is tried
once more with a token for the sign-in's scopes plus the one permission it needs, got silently from the sign-in's
cache (``permission_token``: works where the user or an administrator already consented; Microsoft's way of
asking for a permission when a feature first needs it, learn.microsoft.com/entra/identity-platform/
permissions-consent-overview). That token stays here: the mail's requests never use it, so an organisation that
refuses the directory still sends mail. Where nobody consented, ``permission_token`` raises DirectoryNotGranted
with ``can_ask`` (the user may be asked in a sign-in for the permission).
"""

from __future__ import annotations

import threading
from typing import Callable

from app.mail.errors import MailError
from app.mail.graph.http import GraphHttp, Reply

DENIED = "Authorization_RequestDenied"


class DirectoryAccess:
    """``http``: the service's (the sign-in's token); ``permission_token(permission, force_refresh) -> str`` or None
    (no way to ask for more: a 403 stays a 403); ``make_http(token_provider)``: a GraphHttp like the service's."""

    def __init__(self, http: GraphHttp, permission_token: Callable[[str, bool], str] | None,
                 make_http: Callable[[Callable[[bool], str]], GraphHttp]):
        self.http = http
        self._permission_token = permission_token
        self._make_http = make_http
        self._granted: dict[str, GraphHttp] = {}  # permission -> the requests with its token
        self._lock = threading.Lock()

    @property
    def base(self) -> str:
        return self.http.base

    def call(self, permission: str, method: str, path: str, **kw) -> Reply:
        """One request needing ``permission`` ("" for none beyond the sign-in's); the 403 rule above."""
        granted = self._granted.get(permission)
        if granted is not None:
            return granted.call(method, path, **kw)
        try:
            return self.http.call(method, path, **kw)
        except MailError as exc:
            if exc.code != DENIED or not permission or self._permission_token is None:
                raise
        return self._with_permission(permission).call(method, path, **kw)

    def _with_permission(self, permission: str) -> GraphHttp:
        """The requests with a token for ``permission`` (DirectoryNotGranted, can_ask, when none is to be had)."""
        self._permission_token(permission, False)  # refused here, before anything is kept
        with self._lock:
            if permission not in self._granted:
                self._granted[permission] = self._make_http(
                    lambda force, p=permission: self._permission_token(p, force))
            return self._granted[permission]

    def close(self) -> None:
        with self._lock:
            granted, self._granted = list(self._granted.values()), {}
        for http in granted:
            http.close()
