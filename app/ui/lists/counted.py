"""Counted words ("%n draft(s)") in the user's language, with the plural form the count needs.

Qt's ``pyside6-lupdate`` marks an entry as a plural only when its call has a literal count, so counted words are
marked once where they are defined, ``words.translate("Ctx", "%n draft(s)", None, 0)``, and asked for with the
real count where they are shown: ``counted(N_DRAFTS, n)``."""

from __future__ import annotations

from app.domain.words import Words
from app.ui.common.tr import translate


def counted(mark: Words, n: int) -> str:
    """``mark``'s words for ``n`` ("1 draft", "2 drafts"; "2 brouillons") in the installed catalogue."""
    return translate(mark.context, mark.source, None, n)
