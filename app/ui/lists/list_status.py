"""A list's load failure in the window's banner, gone once that list loads again.

"Could not load Drafts: …" names its list; when that list later loads a page (F5, a reconnect, a save
that reloads it), the banner is hidden if it still shows that very message (another message that took
its place stays).
"""

from __future__ import annotations

from typing import Callable

from app.domain.words import QT_TRANSLATE_NOOP
from app.mail.errors import ExtendedProtectionMismatch, NoKerberosTicket, WrongAuthMethod, needs_sign_in
from app.ui.common.port import Level, ShellPort
from app.ui.common.tr import shown, translate

#: the lists' names as the window passes them ("Drafts", "Sent"), in the user's language in the banner
NAMES = (QT_TRANSLATE_NOOP("ListStatus", "Drafts"), QT_TRANSLATE_NOOP("ListStatus", "Sent"))


def watch_list_errors(port: ShellPort, offer_sign_in: Callable, explain: Callable, banner, model, name: str) -> None:
    """Show ``model``'s load failures in the window's ``banner`` (through ``port``, the shell's) and take them back
    when it loads. ``offer_sign_in(session, exc)``: the sign-in offered instead (True); ``explain(exc)``: in words."""
    said = {"text": ""}

    def failed(exc) -> None:
        if needs_sign_in(exc) and offer_sign_in(port.session, exc):
            return  # the banner offers the sign-in: the list loads once signed in
        if isinstance(exc, (WrongAuthMethod, NoKerberosTicket, ExtendedProtectionMismatch)):
            return  # the sign-in's own words are in the banner (app.ui.accounts.security)
        text = translate("ListStatus", "Could not load {name}: {why}").format(
            name=translate("ListStatus", shown(name)), why=shown(explain(exc)))
        said["text"] = text
        port.say(text, Level.ERROR, retry=True)

    def loaded() -> None:
        text, said["text"] = said["text"], ""
        if text and banner.text() == text:
            banner.hide()

    model.load_failed.connect(failed)
    model.page_loaded.connect(loaded)
