"""Which MailService implements an account's backend.

A backend is a module with a ``create(account, password, **options) -> MailService`` function, imported
only when first needed (in a worker thread: exchangelib alone takes ~0.3 s to import, httpx ~0.1 s).
``options`` are the backend's own: Microsoft Graph (``app.mail.graph``) takes ``token_provider`` (the
account's MSAL sign-in; its "password" is no password). Nothing above this layer changes per backend.
"""

from __future__ import annotations

import importlib
import os
from typing import Callable

from app import MAIL_ENGINE_VARIABLE
from app.domain.account import AccountConfig, Backend
from app.domain.words import translate
from app.mail.errors import ServerFault
from app.mail.service import MailService

BACKEND_MODULES: dict[Backend, str] = {
    Backend.EWS: "app.mail.ews",
    Backend.GRAPH: "app.mail.graph",  # Exchange Online turns EWS off (Oct 2026 / Apr 2027)
}


def backend_module(backend: Backend):
    """The backend's package (imported now: call it in a worker thread, or where its import is paid for
    anyway). Microsoft Graph's also gives its sign-in: ``signin_for(account, store)``."""
    module_name = BACKEND_MODULES.get(backend)
    if module_name is None:
        raise ServerFault("ErrorBackendUnavailable", _unavailable(backend))
    return importlib.import_module(module_name)


def _unavailable(backend: Backend) -> str:
    return translate("MailErrors", "The {backend} backend is not available in this version of Dispatch.").format(
        backend=backend.value)


def engine_mode() -> str:
    """Where an EWS backend runs (``DISPATCH_MAIL_ENGINE``): ``process``, apart from the window
    (app.mail.engine; the app's default, set by app/cli.py), or ``thread``, in the mail client's worker
    threads (unset: code that builds backends itself, the tests and benches)."""
    return "process" if os.environ.get(MAIL_ENGINE_VARIABLE, "").strip().lower() == "process" else "thread"


def create_service(account: AccountConfig, password: str, **options) -> MailService:
    """The account's backend: in its own process where the engine runs apart (EWS only: Graph's sign-in
    hands a token provider, a function of the window's process, which cannot cross to another)."""
    if account.backend == Backend.EWS and engine_mode() == "process":
        from app.mail.engine import RemoteService

        return RemoteService(account, password, **options)
    return create_local_service(account, password, **options)


def create_local_service(account: AccountConfig, password: str, **options) -> MailService:
    """The account's backend in this process (the engine's process builds its backend with this)."""
    module_name = BACKEND_MODULES.get(account.backend)
    if module_name is None:
        raise ServerFault("ErrorBackendUnavailable", _unavailable(account.backend))
    return importlib.import_module(module_name).create(account, password, **options)


def service_factory(account: AccountConfig, password: str, **options) -> Callable[[], MailService]:
    """A factory that builds the account's backend when first called (in a worker thread)."""
    return lambda: create_service(account, password, **options)
