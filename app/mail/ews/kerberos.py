"""The user's Kerberos ticket (the default ccache, ``KRB5CCNAME``) through python-gssapi: whether one can be used,
and whose it is. No exchangelib here: Find server (autodiscover.py) uses it too."""

from __future__ import annotations

from app.mail.errors import NoKerberosTicket


def kerberos_problem() -> NoKerberosTicket | None:
    """None when the user holds a Kerberos ticket-granting ticket that has not expired (the default ccache,
    ``KRB5CCNAME``), else what is wrong, in words."""
    try:
        import gssapi
    except ImportError:  # the kerberos extra is not installed: no ticket can be used
        return NoKerberosTicket()
    try:
        creds = gssapi.Credentials(usage="initiate")
        if creds.lifetime == 0:
            return NoKerberosTicket(expired=True)
    except gssapi.exceptions.ExpiredCredentialsError:
        return NoKerberosTicket(expired=True)
    except gssapi.exceptions.GSSError:
        return NoKerberosTicket()
    return None


def kerberos_principal() -> str:
    """The user's Kerberos name (alice@CONTOSO.COM), "" when none can be read."""
    try:
        import gssapi

        return str(gssapi.Credentials(usage="initiate").name)
    except Exception:  # noqa: BLE001 - only for display
        return ""
