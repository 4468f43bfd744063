"""What to ask before a message goes out: things that are allowed but are often a mistake.

:func:`send_warnings` lists them for a draft (an empty subject; a body that says a file is attached
when none is). The UI only asks ("Send anyway" / "Go back"); the rule lives here, without Qt.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from app.domain import follow_up
from app.domain.models import BodyFormat, Draft
from app.domain.words import translate

# words that say "a file comes with this message", in the languages people write mail in here
# (English, German, French, Spanish, Italian, Dutch, Portuguese). Matched as whole words, case- and
# accent-insensitively; quoted text of earlier messages (a reply's or forward's quoted original, lines starting
# with ">") is not read.
ATTACHMENT_WORDS = (
    # English
    "attached", "attachment", "attachments", "attaching", "enclosed", "i attach", "please find attached",
    # German
    "angehängt", "anhang", "anhänge", "anbei", "beigefügt", "im anhang", "angefügt",
    # French
    "pièce jointe", "pièces jointes", "ci-joint", "ci-jointe", "ci-joints", "fichier joint", "document joint", "en pj",
    # Spanish
    "adjunto", "adjunta", "adjuntos", "adjuntas", "archivo adjunto", "te adjunto",
    # Italian, Dutch, Portuguese
    "allegato", "allegati", "in allegato", "bijlage", "bijgevoegd", "anexo", "em anexo", "segue anexo",
)


@dataclass(frozen=True)
class SendWarning:
    """``code``: "no_subject" or "attachment_missing"; ``message``: a sentence for the user;
    ``word``: the word that was found (attachment_missing)."""

    code: str
    message: str
    word: str = ""


def without_accents(text: str) -> str:
    """``text`` without its accents (NFKD, the combining marks dropped): 'Pièce' -> 'Piece', 'Ä' -> 'A'. The
    case is the caller's (this module casefolds; the send-time parser lowers and writes "ß" as "ss")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    """Lower case without accents: 'Pièce Jointe' -> 'piece jointe', 'ANGEHÄNGT' -> 'angehangt'."""
    return without_accents(text.casefold())


_WORDS = sorted({_fold(w) for w in ATTACHMENT_WORDS}, key=len, reverse=True)
_WORD_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS) + r")(?![\w-])")
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


_RULE = re.compile(r"<hr\b[^>]*>", re.I)
_LINE_END = re.compile(r"<br\b[^>]*>|</(p|div|li|tr|h[1-6]|blockquote)\s*>", re.I)
_FORWARDED = re.compile(r"\s*-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine)",
                        re.I)


def _plain(draft: Draft) -> str:
    """The user's own words in ``draft``'s body: a rich body as lines of text (its rule the separator line a
    plain reply has), without the quoted original below a reply's or a forward's header block (any language's:
    :func:`app.domain.follow_up.quote_start`), another client's "Original Message" and lines quoted with ">"."""
    text = draft.body or ""
    if draft.body_format == BodyFormat.HTML:
        text = html.unescape(_TAGS.sub(_tag_as_text, text))
    lines = text.splitlines()
    lines = lines[:follow_up.quote_start(lines)]
    own = []
    for line in lines:
        if _FORWARDED.match(line):
            break
        if not line.lstrip().startswith(">"):
            own.append(line)
    return "\n".join(own)


def _tag_as_text(m: re.Match) -> str:
    """A tag put in text: a rule as the separator line, the end of a line or a block as a line break, any other
    as a space (a script's or a style's content goes with it)."""
    tag = m.group(0)
    if _RULE.fullmatch(tag):
        return f"\n{follow_up.SEPARATOR}\n"
    return "\n" if _LINE_END.fullmatch(tag) else " "


def mentions_attachment(text: str) -> str:
    """The first word in ``text`` that says a file is attached ('' if none)."""
    folded = _fold(text)
    m = _WORD_RE.search(folded)
    if m is None:
        return ""
    # give the word back as the user wrote it (folding keeps lengths for these scripts; fall back if not)
    if len(folded) == len(text):
        return text[m.start():m.end()]
    return m.group(1)


def send_warnings(draft: Draft) -> list[SendWarning]:
    """What to ask before sending ``draft`` (empty: nothing to ask). Never raises."""
    warnings = []
    if not draft.subject.strip():
        warnings.append(SendWarning("no_subject", translate("SendChecks", "This message has no subject.")))
    if not draft.attachments:
        word = mentions_attachment(_plain(draft))
        if word:
            warnings.append(SendWarning(
                "attachment_missing",
                translate("SendChecks", "The message mentions an attachment (“{word}”), but nothing is "
                          "attached.").format(word=" ".join(word.split())),
                word))
    return warnings
