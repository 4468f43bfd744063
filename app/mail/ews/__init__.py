"""The EWS backend (exchangelib). The only package allowed to import exchangelib.

Importing exchangelib is slow, so this package imports it lazily: ``from app.mail.ews import
EwsMailService`` pulls it in; ``import app.mail.ews`` alone does not.
"""

from __future__ import annotations

__all__ = ["EwsMailService", "create"]


def create(account, password, **options):
    """The backend entry point used by :mod:`app.mail.backends` (``options``: ``timeout``)."""
    from app.mail.ews.service import EwsMailService

    return EwsMailService(account, password, **options)


def __getattr__(name):
    if name == "EwsMailService":
        from app.mail.ews import service

        return getattr(service, name)
    raise AttributeError(name)
