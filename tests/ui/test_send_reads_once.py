"""Ctrl+Return reads Compose's message once (``ComposeView.draft()``, which exports a rich body's HTML) and
checks it once (``validate_draft``) on its way to the Outbox, "Send anyway?" included: the request goes to
app.core.sending.request, which decides (Compose itself checks nothing: its save asks ``Sending.check`` too). The Outbox's own guard (nothing invalid is ever journaled, whoever calls
``Outbox.submit``) is counted apart: it trusts the request's check, made against the same size limit. Real window, real keys, the real sandbox."""

from __future__ import annotations

from PySide6.QtCore import Qt

import app.core.outbox.owner as outbox_module
import app.core.sending.request as sending_module
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle


def _counted(monkeypatch, module, counts: dict, name: str) -> None:
    real = module.validate_draft

    def validate_draft(*a, **kw):
        counts[name] += 1
        return real(*a, **kw)

    monkeypatch.setattr(module, "validate_draft", validate_draft)


def test_ctrl_return_reads_the_message_once_and_checks_it_once(qtbot, window, sandbox, monkeypatch):
    win = window
    c = win.compose
    type_message(qtbot, win, subject="", body="No subject, and read once")
    reads, counts = [], {"decides": 0, "queue guard": 0}
    real_draft = c.draft
    monkeypatch.setattr(c, "draft", lambda: reads.append(1) or real_draft())
    _counted(monkeypatch, sending_module, counts, "decides")
    _counted(monkeypatch, outbox_module, counts, "queue guard")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.flows.send_question is not None and win.flows.send_question.isVisible(),
                    timeout=5000)
    key(qtbot, win, Qt.Key_S, Qt.AltModifier)  # Send anyway
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    assert len(reads) == 1, f"ComposeView.draft() ran {len(reads)} times for one Ctrl+Return"
    assert counts == {"decides": 1, "queue guard": 0}, counts
