"""The EWS backend (exchangelib). The only package allowed to import exchangelib.

Importing exchangelib is slow, so this package imports it lazily: ``from app.mail.ews import
EwsMailService`` pulls it in; ``import app.mail.ews`` alone does not.
"""

from __future__ import annotations

__all__ = ["EwsMailService", "new_message_id"]


def __getattr__(name):
    if name in __all__:
        from app.mail.ews import service

        return getattr(service, name)
    raise AttributeError(name)
