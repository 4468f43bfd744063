"""Plain data and validation. No Qt, no exchangelib, no I/O.

Import what you need from its module (``app.domain.models``, ``app.domain.validation``, ``app.domain.explain``,
...): this package re-exports nothing, so importing one light module (``app.domain.words``, which the command
line and the window's text helpers import before the first paint) does not import the models, the validation and
what they import (dataclasses, datetime, uuid, unicodedata)."""
