"""Dispatch: a keyboard-driven mail composer for Microsoft Exchange."""

__version__ = "0.1.0"
APP_NAME = "Dispatch"
APP_ID = "dispatch-mail"
