"""The window's status bar: account, connection state, busy indicator and lasting notices about local
data (the journal, the settings file). Plain text throughout (mail content is data, never markup)."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar

from app.domain.account import signed_in_words
from app.domain.words import QT_TRANSLATE_NOOP
from app.mail.errors import needs_sign_in
from app.ui.common.safe_text import PlainLabel, tooltip
from app.ui.common.tr import shown, translate

STATE_TEXT = {  # ConnectionState values: (words translated where shown, context "Status"; colour)
    "idle": (QT_TRANSLATE_NOOP("Status", "Not connected"), "#94a3b8"),
    "connecting": (QT_TRANSLATE_NOOP("Status", "Connecting…"), "#d97706"),
    "connected": (QT_TRANSLATE_NOOP("Status", "Connected"), "#16a34a"),
    "offline": (QT_TRANSLATE_NOOP("Status", "Offline"), "#dc2626"),
    "auth_failed": (QT_TRANSLATE_NOOP("Status", "Sign-in failed"), "#dc2626"),
}


class StatusWidgets:
    """Builds the status bar's widgets on ``window`` and keeps them up to date."""

    def __init__(self, window):
        sb = window.statusBar()
        sb.setSizeGripEnabled(False)
        self.account_label = PlainLabel(translate("Status", "No account"), window)
        self.account_label.setAccessibleName(translate("Status", "Account"))
        self.state_dot = PlainLabel("", window)  # a coloured dot; the words stay in plain text beside it
        self.state_dot.setAccessibleName(translate("Status", "Connection state colour"))
        self.state_label = PlainLabel("", window)
        self.state_label.setAccessibleName(translate("Status", "Connection state"))
        self.progress = QProgressBar(window)
        self.progress.setAccessibleName(translate("Status", "Busy"))
        self.progress.setRange(0, 0)
        self.progress.setFixedWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        # lasting words about local data (unlike the banner, which connection changes replace): the
        # journal (damaged and replaced, or not writable) and the settings file (set aside, not writable)
        self.journal_notice = PlainLabel("", window)
        self.journal_notice.setObjectName("journalNotice")
        self.journal_notice.setAccessibleName(translate("Status", "Local journal"))
        self.journal_notice.hide()
        self.settings_notice = PlainLabel("", window)
        self.settings_notice.setObjectName("journalNotice")
        self.settings_notice.setAccessibleName(translate("Status", "Settings file"))
        self.settings_notice.setStyleSheet("color:#dc2626;")  # readable on the light and the dark bar
        self.settings_notice.hide()
        # while another process has the account's queue (a dispatch-mail command, another window): said as long
        # as it is true (app.core.account_queue.keeper)
        self.queue_notice = PlainLabel("", window)
        self.queue_notice.setObjectName("queueNotice")
        self.queue_notice.setAccessibleName(translate("Status", "Outbox"))
        self.queue_notice.setStyleSheet("color:#d97706;")
        # it gives way in a narrow window (its words whole in its tooltip, its description and the Outbox view)
        # rather than widen the window past the size the user gave it
        self.queue_notice.setMinimumWidth(1)
        self.queue_notice.hide()
        for w in (self.settings_notice, self.journal_notice, self.queue_notice, self.progress, self.account_label,
                  self.state_dot, self.state_label):
            sb.addPermanentWidget(w)
        if hasattr(sb, "cut"):  # app.ui.window.frame.FittingStatusBar: what it had to shorten goes in the banner too
            sb.cut.connect(lambda text, w=window: _in_banner(w, text))
            sb.messageChanged.connect(lambda text, w=window: _message_changed(w, sb, text))

    def set_state(self, state: str, error=None, account=None) -> None:
        """``account``: the session's, whose last sign-in the connected state says ("Signed in with Kerberos as
        alice@CONTOSO.COM", in its tooltip and description)."""
        text, color = STATE_TEXT[state]
        text = translate("Status", text)
        signed = shown(signed_in_words(account)) if state == "connected" and account is not None else ""
        if state == "auth_failed" and needs_sign_in(error):
            # a Microsoft 365 sign-in lapsed: nothing was refused
            text, color = translate("Status", "Needs sign-in"), "#d97706"
        self.state_dot.setText("●")
        self.state_dot.setStyleSheet(f"color: {color}")
        self.state_label.setText(text)
        self.state_label.setToolTip(tooltip(shown(getattr(error, "message", "")) or signed or text))
        self.state_label.setAccessibleDescription(signed)

    def journal(self, text: str, detail: str, warning: bool) -> None:
        text, detail = shown(text), shown(detail)
        self.journal_notice.setText(("⚠ " if warning else "") + text)
        self.journal_notice.setToolTip(tooltip(detail or text))
        self.journal_notice.setStyleSheet("color:#dc2626;" if warning else "color:#64748b;")
        self.journal_notice.show()

    def queue(self, short: str, text: str) -> None:
        """``short`` words (``text`` whole, in its tooltip) while another process sends for the account; "" : none."""
        short, text = shown(short), shown(text)
        self.queue_notice.setText(short)
        self.queue_notice.setToolTip(tooltip(text) if text else "")
        self.queue_notice.setAccessibleDescription(text)
        self.queue_notice.setVisible(bool(short))

    def settings(self, text: str) -> None:
        self.settings_notice.setText("⚠ " + translate("Status", "Settings"))
        self.settings_notice.setToolTip(tooltip(shown(text)))
        self.settings_notice.show()


def account_words(acc) -> str:
    """The status bar's words for the account ``acc`` (an AccountConfig): its address, and that it is the sandbox's."""
    return translate("Status", "{address}  ·  sandbox mailbox").format(address=acc.email) if acc.sandbox else acc.email


def _in_banner(window, text: str) -> None:
    """A status bar message that did not fit, whole, as a notice in the banner (an error or an open
    question there stays: they matter more). It lives as long as the message does (:func:`_message_changed`)."""
    banner = getattr(window, "banner", None)
    if banner is None or (banner.isVisible() and banner.property("kind") == "error") or banner.choice_pending:
        return
    banner.show_message(text, kind="info", say=False)  # the status bar says its own messages (or not)


def _message_changed(window, bar, text: str) -> None:
    """The status bar's message changed, timed out or was cleared: a banner notice that repeated the one before
    goes with it, also when a shorter message replaced it (else "Scheduled: … Enter there takes it back" would
    stay on every view for minutes after the message was taken back). An error or a question stays."""
    banner = getattr(window, "banner", None)
    if banner is None or not banner.isVisible() or banner.property("kind") != "info":
        return
    if text and bar.last_cut == banner.text():
        return  # the same words again (shortened the same way): the notice still says them
    banner.hide()
