"""Where the tests' files are: the repository (``ROOT``), the screenshots the tests save, and the README's
pictures among them (copied to docs/screenshots after a run that asks for it: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCREENSHOTS = ROOT / "tests" / "screenshots"


#: The README's pictures: after a run, each one the tests saved again is copied to docs/screenshots, so the
#: README always shows what the tests last saw (light and dark).
README_SHOTS = [f"{view}-{scheme}.png" for view in ("compose", "drafts", "sent", "outbox", "welcome", "shortcuts")
                for scheme in ("light", "dark")] + ["compose-errors.png", "tls-banner.png", "hostile-sent.png",
                                                    "compose-683.png", "sent-683.png", "compose-send-question.png",
                                                    "account-dialog-m365.png", "ews-blocked-offer.png"]


README_SHOTS += ["palette.png", "snippets-dialog.png"]  # Power composing: the palette, the snippets dialog


README_SHOTS += ["undo-send.png", "send-later.png", "compose-signature.png", "spell-check.png", "eml-opened.png"]


README_SHOTS += ["merge-results.png"]  # Power composing: mail merge, each row's outcome inline


README_SHOTS += ["compose-683-dark.png", "sent-683-dark.png"]  # issue 45: 683 px in the dark scheme too


#: the README's pictures in French and German (tests/ui/test_no_clipping.py saves them: <lang>/<name>.png)
LANGUAGE_SHOTS = [f"{lang}/{name}.png" for lang in ("fr", "de")
                  for name in ("compose", "drafts", "sent", "outbox", "shortcuts", "send-later")]
README_SHOTS += LANGUAGE_SHOTS


README_SHOTS += ["mailto-start.png", "mailto-pending.png"]  # the desktop's mail composer: a link opened, its files
README_SHOTS += ["did-it-arrive.png"]  # did it arrive: the Sent preview with each recipient's state
README_SHOTS += ["outbox-kept-by-exchange.png"]  # send later kept by the server: its row in the Outbox
README_SHOTS += ["address-book.png", "fr/address-book.png", "de/address-book.png"]  # a group, its members beside it
