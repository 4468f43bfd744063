"""Find server: the EWS page's Autodiscover. The search (app/core/accounts/autodiscover.py) runs on a worker
thread (``run_in_executor`` on a plain Python thread, as the attachment saver does); each step it tries is shown as it goes in
a short list with ticks and crosses, and its questions ("send the password to this host?") are asked with a
window-modal message box opened with ``open()``, never ``exec()``: the worker waits for the answer, the UI
thread never does. Closing the dialog cancels the search and answers any open question "no"."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from app.core.accounts.autodiscover import Cancelled, default_transport, discover
from app.domain.autodiscover import Outcome, Question, Step
from app.domain.senders import Principal, SendRight
from app.domain import words
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import counted, shown, translate

MARKS = {"trying": "…", "found": "✓", "failed": "✗", "skipped": "–"}
#: a step's end as a reader hears it (the list's marks are symbols); "found" is said with the result
SAID = {"failed": QT_TRANSLATE_NOOP("FindServer", "Tried {step}"),
        "skipped": QT_TRANSLATE_NOOP("FindServer", "Skipped {step}")}
SAID_WHY = {"failed": QT_TRANSLATE_NOOP("FindServer", "Tried {step}: {detail}"),
            "skipped": QT_TRANSLATE_NOOP("FindServer", "Skipped {step}: {detail}")}
#: said as a search starts (the button's "Finding…")
FINDING = QT_TRANSLATE_NOOP("FindServer", "Finding the server…")
#: a URL tried again and again (a redirect loop)
TIMES = words.translate("FindServer", "%n times", None, 0)
_WORKER: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    """A plain Python thread for the search. Not the loop's default executor: under qasync that is made of
    QThreads, and Qt aborts the process if one is still running when the application ends."""
    global _WORKER
    if _WORKER is None:
        _WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="find-server")
    return _WORKER


class _Bridge(QObject):
    """Carries the worker's steps and questions to the UI thread (queued signals)."""

    step = Signal(object)
    question = Signal(object, object)  # Question, Future[bool]


class FindServer(QWidget):
    """The Find server button, the steps list, and the mailboxes found to send from (unchecked: Autodiscover
    tells Full Access, not whether the server lets the user send as them)."""

    finished = Signal(object)  # Outcome; not emitted when cancelled

    def __init__(self, parent=None, announcer=None):
        super().__init__(parent)
        self.announcer = announcer  # the window's: each step's end said once, a question assertive; None: silent
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.button = QPushButton(translate("FindServer", "&Find server"), self)
        self.button.setAccessibleName(translate("FindServer", "Find server"))
        self.button.setToolTip(translate("FindServer", "Find the EWS URL from the e-mail address and password "
                                                       "(Autodiscover), as Outlook does"))
        row.addWidget(self.button)
        row.addStretch(1)
        lay.addLayout(row)
        self.steps = QListWidget(self)
        self.steps.setAccessibleName(translate("FindServer", "Find server steps"))
        self.steps.setMaximumHeight(130)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.steps.hide()
        lay.addWidget(self.steps)
        self.also_send = QCheckBox(self)
        self.also_send.setAccessibleName(translate("FindServer", "Also send from the mailboxes found"))
        self.also_send.hide()
        lay.addWidget(self.also_send)
        self.transport = None  # None: the system's resolver and certificates (tests inject the sandbox's)
        self.outcome: Outcome | None = None
        self._rows: dict[str, QListWidgetItem] = {}
        self._said: set[str] = set()  # this search's steps already said (a redirect loop tries one URL again and again)
        self._bridge = _Bridge(self)
        self._bridge.step.connect(self._show_step)
        self._bridge.question.connect(self._ask)
        self._cancel = threading.Event()
        self._outstanding: list[Future] = []
        self._lock = threading.Lock()
        self._task: asyncio.Task | None = None
        self.prompt: QMessageBox | None = None

    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, email: str, username: str, password: str) -> None:
        self.cancel()
        self._cancel = threading.Event()
        self._rows.clear()
        self._said.clear()
        self.steps.clear()
        self.steps.show()
        self.also_send.hide()
        self.also_send.setChecked(False)
        self.outcome = None
        self.button.setEnabled(False)
        self.button.setText(translate("FindServer", "Finding…"))
        if self.announcer is not None:
            self.announcer.polite(translate("FindServer", FINDING))
        self._task = asyncio.ensure_future(self._run(email, username, password, self._cancel))

    async def _run(self, email: str, username: str, password: str, cancel: threading.Event) -> None:
        transport = self.transport or default_transport()

        def work():
            return discover(email, username, password, transport, confirm=lambda q: self._confirm_from_worker(q, cancel),
                            on_step=self._bridge.step.emit, cancelled=cancel.is_set)

        try:
            outcome = await asyncio.get_running_loop().run_in_executor(_worker(), work)
        except Cancelled:
            return
        finally:
            if not cancel.is_set():
                self.button.setEnabled(True)
                self.button.setText(translate("FindServer", "&Find server"))
        if cancel.is_set():
            return
        self.outcome = outcome
        if outcome.found and outcome.alternate_mailboxes:
            names = ", ".join(f"{m.display_name} <{m.smtp_address}>" if m.display_name else m.smtp_address
                              for m in outcome.alternate_mailboxes)
            self.also_send.setText(translate("FindServer", "Also &send from {names} (the server found you may open "
                                                           "it)").format(names=names))
            self.also_send.show()
        self.finished.emit(outcome)

    def principals(self) -> list[Principal]:
        """The mailboxes found, if the user ticked them: Send As (the server refuses at send if not allowed)."""
        o = self.outcome
        if o is None or not self.also_send.isVisible() or not self.also_send.isChecked():
            return []
        return [Principal(m.smtp_address, m.display_name, SendRight.SEND_AS) for m in o.alternate_mailboxes]

    # ---------------- the worker's questions ----------------
    def _confirm_from_worker(self, question: Question, cancel: threading.Event) -> bool:
        """On the worker thread: ask on the UI thread and wait for the answer (no if cancelled)."""
        fut: Future = Future()
        with self._lock:
            if cancel.is_set():
                return False
            self._outstanding.append(fut)
        self._bridge.question.emit(question, fut)
        return bool(fut.result())

    def _ask(self, question: Question, fut: Future) -> None:
        if fut.done():
            return
        box = QMessageBox(QMessageBox.Question, translate("FindServer", "Find server"), shown(question.text),
                          QMessageBox.Yes | QMessageBox.No, self.window())
        box.setAccessibleName(translate("FindServer", "Find server question"))
        box.setDefaultButton(QMessageBox.No)
        box.setWindowModality(Qt.WindowModal)
        yes = box.button(QMessageBox.Yes)
        yes.setText(translate("FindServer", "&Send to {host}").format(host=question.host))
        box.button(QMessageBox.No).setText(translate("FindServer", "&Don't send"))
        box.finished.connect(lambda _r: self._answer(fut, box.clickedButton() is yes, box))
        self.prompt = box
        box.open()  # a reader reads the question as the box opens (an alert with the keyboard in it): not said twice

    def _answer(self, fut: Future, yes: bool, box: QMessageBox) -> None:
        self._resolve(fut, yes)
        if self.prompt is box:
            self.prompt = None
        box.deleteLater()
        self.window().activateWindow()  # the keyboard back in the dialog

    def _resolve(self, fut: Future, value: bool) -> None:
        with self._lock:
            if fut in self._outstanding:
                self._outstanding.remove(fut)
            if not fut.done():
                fut.set_result(value)

    def cancel(self) -> None:
        """Stop a search under way: its questions are answered no, its outcome dropped."""
        with self._lock:
            self._cancel.set()
            pending, self._outstanding = self._outstanding, []
        for fut in pending:
            if not fut.done():
                fut.set_result(False)
        if self.prompt is not None:
            self.prompt.close()
            self.prompt = None
        self.button.setEnabled(True)
        self.button.setText(translate("FindServer", "&Find server"))

    # ---------------- the steps list ----------------
    def _show_step(self, step: Step) -> None:
        text = f"{MARKS.get(step.state, '')} {step_text(step)}"
        item = self._rows.get(step.key)
        if item is None:
            item = QListWidgetItem(text)
            self._rows[step.key] = item
            self.steps.addItem(item)
        item.setText(text)
        self.steps.scrollToItem(item)
        words = step_words(step)
        if words and words not in self._said and self.announcer is not None:
            self._said.add(words)
            self.announcer.polite(words)

    def step_texts(self) -> list[str]:
        return [self.steps.item(i).text() for i in range(self.steps.count())]


def step_text(step: Step) -> str:
    """A step as the list shows it (after its mark): what was tried, and how it went."""
    if not step.detail:
        return shown(step.text)
    return translate("FindServer", "{step}: {detail}").format(step=shown(step.text), detail=shown(step.detail))


def step_words(step: Step) -> str:
    """What a reader hears of ``step`` ("" for nothing): its end, once ("Tried https://…: no answer"); not its
    start (each step would be said twice) nor a find (the result says it)."""
    if step.state not in SAID:
        return ""
    if step.text == STOPPED:  # "More than 10 redirects: stopped"
        detail = shown(step.detail)
        return detail[:1].upper() + detail[1:]
    if not step.detail:
        return translate("FindServer", SAID[step.state]).format(step=shown(step.text))
    return translate("FindServer", SAID_WHY[step.state]).format(step=shown(step.text), detail=shown(step.detail))


def found_words(outcome: Outcome) -> str:
    """What a reader hears when a search ends with something found."""
    if outcome.exchange_online:
        return translate("FindServer", "{address} is in Microsoft 365: sign in with Microsoft on this page.").format(
            address=outcome.address)
    return translate("FindServer", "Server found: {url}").format(url=outcome.ews_url)


# the text of the step that ends a search at the redirect limit (app/core/accounts/autodiscover.py)
STOPPED = "Redirects"
REDIRECTS_TO = "redirects to "


def failure_text(outcome: Outcome) -> str:
    """What was tried and why each failed, then what to type instead. Each URL is named once:
    a step that redirects to another one tried says "redirects" (the steps list above names the target),
    and a URL tried again and again (a redirect loop) is one entry that says how many times."""
    stopped = [s.detail for s in outcome.tried if s.text == STOPPED]
    steps = [s for s in outcome.tried if s.text != STOPPED]
    names = {s.text for s in steps}
    details: dict[str, list[str]] = {}
    times: dict[str, int] = {}
    for s in steps:
        detail = shown(s.detail)
        if s.detail.startswith(REDIRECTS_TO) and s.detail[len(REDIRECTS_TO):] in names:
            detail = translate("FindServer", "redirects")
        seen = details.setdefault(s.text, [])
        if detail and detail not in seen:
            seen.append(detail)
        times[s.text] = times.get(s.text, 0) + 1
    tried = translate("FindServer", "; ").join(_entry(text, details[text], times[text]) for text in details)
    if stopped:
        return translate("FindServer", "The server was not found ({why}). Tried: {tried}. {advice}").format(
            why=shown(stopped[-1]), tried=tried, advice=shown(outcome.advice))
    return translate("FindServer", "The server was not found. Tried: {tried}. {advice}").format(
        tried=tried, advice=shown(outcome.advice))


def _entry(text: str, details: list[str], times: int) -> str:
    said = translate("FindServer", ", ").join(details + ([counted(TIMES, times)]
                                                         if times > 1 else []))
    if not said:
        return shown(text)
    return translate("FindServer", "{step} ({details})").format(step=shown(text), details=said)

