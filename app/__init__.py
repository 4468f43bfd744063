"""Dispatch: a keyboard-driven mail composer for Microsoft Exchange."""

__version__ = "0.1.0"
APP_NAME = "Dispatch"
APP_ID = "dispatch-mail"
# makes ``dispatch-mail`` the helper process that turns foreign HTML into Qt's (app/ui/compose/body/html_helper.py);
# here, not in app/cli.py, so that the helper needs nothing of the entry point
QT_HTML_FLAG = "--qt-html"
# makes ``dispatch-mail`` the mail engine's process (app/mail/engine_host.py: the EWS backend apart from the window)
MAIL_ENGINE_FLAG = "--mail-engine"
# where the EWS backend runs: ``process`` (the app's default, app/cli.py) or ``thread`` (app/mail/backends.py)
MAIL_ENGINE_VARIABLE = "DISPATCH_MAIL_ENGINE"
