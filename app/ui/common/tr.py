"""Text in the user's language: Qt's catalogue, for the window's own words and for the core's.

``translate(context, text)`` is Qt's ``QCoreApplication.translate`` (``pyside6-lupdate`` extracts each call
into ``translations/``); ``translate(context, "%n file(s)", None, n)`` picks the plural form. Named
placeholders are filled after translating: ``translate("Compose", "Sent to {name}").format(name=...)``.
``shown(text)`` is how the window shows words it did not write: :class:`app.domain.words.Words` from the
core are translated, anything else (an address, a subject, a server's own words) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.common import word_lists
from app.domain.sizes import human_size
from app.domain.words import Number, Words

# the locales whose words, numbers and sizes Dispatch writes itself, as the core does: English and C (no
# language: the tests, a bare system)
PLAIN = (QLocale.Language.C, QLocale.Language.English)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (English when the catalogue has no entry)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def counted(mark: Words, n: int) -> str:
    """``mark``'s counted words ("%n draft(s)", marked where they are defined) for ``n``, in the user's language
    with the plural form ``n`` needs ("1 draft", "2 drafts"; "2 brouillons")."""
    return shown(word_lists.counted(mark, n))


def shown(text: object) -> str:
    """What the window shows for ``text``: core words translated, their values too (a :class:`Number` written
    the locale's way); anything else as it is."""
    if isinstance(text, Number):
        return _number(text)
    if not isinstance(text, Words):
        return "" if text is None else str(text)
    template = QCoreApplication.translate(text.context, text.source, None, text.n)
    if not text.values:
        return template
    return template.format(**{key: shown(value) for key, value in text.values.items()})


def _number(n: Number) -> str:
    """``n`` as the user's locale writes it ("1,5", "10 000"); in English as the core wrote it ("10,000")."""
    locale = QLocale()
    if plain_english(locale):
        return str(n)
    if n.decimals:
        return locale.toString(float(n.value), "f", n.decimals)
    return locale.toString(int(n.value))


def plain_english(locale: QLocale | None = None) -> bool:
    """Whether ``locale`` (the default one) is English or C: Dispatch's own English, as the core writes it."""
    return (locale if locale is not None else QLocale()).language() in PLAIN


def data_size(n: int, decimals: int = 1, locale: QLocale | None = None, plain=PLAIN) -> str:
    """``n`` bytes as the locale (the default one) writes a size, ``decimals`` digits after the point ("1,2 Mo",
    "1,2 MB"); in a language of ``plain`` as the domain writes it (app.domain.sizes.human_size: "1.2 MB",
    "512 bytes")."""
    loc = locale if locale is not None else QLocale()
    if loc.language() in plain:
        return human_size(n)
    return loc.formattedDataSize(max(n, 0), decimals, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
