"""The helper process that turns HTML Qt did not write (Outlook's, a web client's) into Qt's own HTML.

``QTextDocument.setHtml`` of a long foreign body is one call of seconds (Outlook's HTML goes in at ~4 MB a
second here), and it cannot move to a thread of the app: PySide holds the interpreter lock through it. So
this process does it: ``dispatch-mail --qt-html FONT`` reads the HTML on stdin, sets it in a
:class:`~app.ui.common.safe_document.SafeDocument` (which fetches nothing: no network, no file) on the editor's
default font, and writes ``toHtml()`` on stdout (ASCII: other characters as character references). Qt's HTML of a document is the same document when set
again, and the app loads it a few paragraphs per frame (``app/ui/compose/body/body_loader.py``, ``app/ui/compose/body/qt_html.py``).

Qt GUI only (no widgets), on the offscreen platform: it starts in ~0.15 s.
"""

from __future__ import annotations

import os
import sys

from app import QT_HTML_FLAG

# the command-line flag that makes ``dispatch-mail`` this helper
FLAG = QT_HTML_FLAG
# the environment variable that gives the helper the app's link colour (``#rrggbb``)
LINK_ENV = "DISPATCH_HTML_LINK"
# the helper's time for a body: start-up plus Qt's import at a slow 1 MB a second. The app kills it then
# (``app/ui/compose/body/qt_html.py``) and sets the body itself; the helper also limits its own CPU time to it (POSIX),
# so that one the app could not kill (the app was killed first) still ends
BASE_SECONDS, SECONDS_PER_MB = 10.0, 1.0


def seconds_for(chars: int) -> float:
    """The helper's time for a body of ``chars`` characters."""
    return BASE_SECONDS + SECONDS_PER_MB * chars / 1e6


def limit_cpu(seconds: float) -> None:
    """At most ``seconds`` of CPU for this process (the kernel ends it then); nothing where there is no
    such limit (Windows)."""
    try:
        import resource
    except ImportError:
        return
    whole = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (whole, whole + 1))


def serve(argv: list[str]) -> int:
    """Read HTML on stdin, write Qt's HTML of it on stdout; ``argv``: the default font (``QFont.toString``)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window, no display connection
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

    from app.ui.common.safe_document import SafeDocument

    app = QGuiApplication(sys.argv[:1])  # fonts need the application
    link = QColor(os.environ.get(LINK_ENV, ""))
    if link.isValid():  # the app's link colour: Qt writes it into each link it reads (the window's HTML, exactly)
        palette = app.palette()
        palette.setColor(QPalette.ColorRole.Link, link)
        app.setPalette(palette)
    html = sys.stdin.buffer.read().decode("utf-8", "surrogatepass")
    limit_cpu(seconds_for(len(html)))
    doc = SafeDocument()
    font = QFont()
    if argv and argv[0] and font.fromString(argv[0]):
        doc.setDefaultFont(font)
    doc.setHtml(html)
    # ASCII, every other character a character reference (the same HTML to Qt): the app decodes it in one
    # short call and holds it at one byte a character, where UTF-8 with one emoji took ~10 ms for 7 MB and
    # four bytes a character (its decode holds the GIL: the UI thread waits)
    sys.stdout.buffer.write(doc.toHtml().encode("ascii", "xmlcharrefreplace"))
    sys.stdout.buffer.flush()
    return 0
