"""The personal dictionary: words the user added ("Add to dictionary"), one per line, UTF-8.

One file for every language (a name is a name in any of them): ``personal-dictionary.txt`` in the app's
data dir (0700), itself 0600. Read once when spell check starts and appended to on each addition, both
on the spell-check worker thread (app/core/compose/spelling.py), never on the UI thread. A damaged or unreadable
file never stops spell check: it is read as far as it goes (a line that is not a plausible word is
skipped) and an addition that cannot be written is kept for the session.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from app.domain.words import translate

log = logging.getLogger(__name__)

FILE_NAME = "personal-dictionary.txt"
# more than this is not a personal dictionary: the rest is not read
MAX_BYTES = 4 << 20
MAX_WORD = 100


def default_path() -> Path:
    from app.storage.settings import data_dir

    return data_dir() / FILE_NAME


def _plausible(word: str) -> bool:
    return 0 < len(word) <= MAX_WORD and not any(c.isspace() or not c.isprintable() for c in word)


class PersonalDictionary:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.words: set[str] = set()
        self.problem = ""  # why the file could not be read or written (empty: fine)

    def load(self) -> set[str]:
        try:
            with open(self.path, "rb") as f:
                raw = f.read(MAX_BYTES)
        except FileNotFoundError:
            return self.words
        except OSError as exc:
            self.problem = translate("Settings", "The personal dictionary {path} could not be read ({why}).").format(
                path=str(self.path), why=exc.strerror or str(exc))
            log.warning("personal dictionary: %s", self.problem)
            return self.words
        for line in raw.decode("utf-8", errors="replace").splitlines():
            w = line.strip()
            if _plausible(w):
                self.words.add(w)
        return self.words

    def add(self, word: str) -> bool:
        """Remember ``word`` (for this session at least); False when the file could not be written."""
        word = word.strip()
        if not _plausible(word):
            return False
        if word in self.words:
            return True
        self.words.add(word)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.fchmod(fd, 0o600)
                os.write(fd, (word + "\n").encode("utf-8"))
            finally:
                os.close(fd)
        except OSError as exc:
            self.problem = translate("Settings", "The personal dictionary {path} could not be written ({why}); the "
                                     "word is known until Dispatch closes.").format(path=str(self.path),
                                                                                     why=exc.strerror or str(exc))
            log.warning("personal dictionary: %s", self.problem)
            return False
        return True
