"""The follow-up flag and custom headers rows of Compose's "More options" panel.

Both are checked as they are typed with the domain's own checks (:func:`app.domain.extras.flag_problem`,
:func:`app.domain.extras.header_problem`); the text is shown at the field, and nothing typed is ever
changed or cut by an error.

- :class:`FlagRow`: a status (Not flagged / Flagged / Complete) and start and due days typed as words or
  dates (:func:`app.core.outbox.send_times.parse_day`: "tomorrow", "fri", "2026-12-04", "4.12."); a due day with
  no start day starts today (Graph refuses a due date without a start date).
- :class:`HeadersRow`: up to :data:`MAX_HEADERS` name/value pairs, each with a Remove button, and an Add
  button (all reached by Tab); "5 of 5" at the limit. On a Graph account a saved draft whose headers change
  is saved again as a new draft (Graph sets them only when a message is created): a note says so.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from app.core.outbox.send_times import WhenError, parse_day
from app.domain.extras import MAX_HEADERS, FlagStatus, FollowUpFlag, flag_problem, header_problem
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate

STATUS_TEXT = {FlagStatus.NOT_FLAGGED: QT_TRANSLATE_NOOP("Compose", "Not flagged"),
               FlagStatus.FLAGGED: QT_TRANSLATE_NOOP("Compose", "Flagged"),
               FlagStatus.COMPLETE: QT_TRANSLATE_NOOP("Compose", "Complete")}
#: on Graph, a saved draft whose headers change is created anew (app/mail/graph/service.py, _recreate)
RECREATE_NOTE = QT_TRANSLATE_NOOP("Compose", "Changing the headers of this saved draft saves it again as a new draft "
                                             "(Microsoft Graph sets headers only when a message is created).")


def _error_label(parent: QWidget, name: str) -> PlainLabel:
    lab = PlainLabel(parent)
    lab.setObjectName("fieldError")
    lab.setAccessibleName(name)
    lab.setWordWrap(True)
    lab.hide()
    return lab


def _show(label: PlainLabel, text: str | None) -> None:
    """``text``: the window's words or the domain's (Words, shown in the user's language)."""
    label.setText(shown(text) if text else "")
    label.setVisible(bool(text))


class FlagRow(QWidget):
    """The follow-up flag: status, start day, due day, and the flag's problem under them."""

    changed = Signal()

    def __init__(self, parent=None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.today = today  # injected by tests
        self._setting = False  # set_flag() is showing a flag: not typed
        self.setAccessibleName(translate("Compose", "Follow-up flag field"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        line = QHBoxLayout()
        line.setSpacing(8)
        self.status = QComboBox(self)
        self.status.setAccessibleName(translate("Compose", "Follow-up flag"))
        self.status.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        for s, text in STATUS_TEXT.items():
            self.status.addItem(translate("Compose", text), s.value)
        self.start = self._day_edit(translate("Compose", "Flag start date"),
                                    translate("Compose", "today, mon, 2026-12-01"))
        self.due = self._day_edit(translate("Compose", "Flag due date"), translate("Compose", "tomorrow, fri, 4.12."))
        line.addWidget(self.status)
        for text, e in ((translate("Compose", "Start"), self.start), (translate("Compose", "Due"), self.due)):  # the days say which is which once typed
            lab = PlainLabel(text, self)
            lab.setBuddy(e)
            line.addSpacing(4)
            line.addWidget(lab)
            line.addWidget(e, 1)
        self.error_label = _error_label(self, translate("Compose", "Follow-up flag error"))
        lay.addLayout(line)
        lay.addWidget(self.error_label)
        self.edit = self.status  # the label's buddy (MoreOptions.add_row)
        self.setFocusProxy(self.status)
        QWidget.setTabOrder(self.status, self.start)
        QWidget.setTabOrder(self.start, self.due)
        self.due.textChanged.connect(self._start_today)  # first: the start is there when the flag is checked
        self.status.currentIndexChanged.connect(self._edited)
        self.start.textChanged.connect(self._edited)
        self.due.textChanged.connect(self._edited)
        for e in (self.start, self.due):
            e.editingFinished.connect(lambda e=e: self._tidy(e))

    def _day_edit(self, name: str, hint: str) -> QLineEdit:
        e = QLineEdit(self)
        e.setAccessibleName(name)
        e.setPlaceholderText(hint)
        e.setMaxLength(40)
        return e

    # ---- value in / out ----
    def flag(self) -> FollowUpFlag:
        """The flag as typed; a day that is not (yet) a day counts as none (:meth:`problem` says so)."""
        return FollowUpFlag(FlagStatus(self.status.currentData()), self._day(self.start), self._day(self.due))

    def set_flag(self, flag: FollowUpFlag) -> None:
        """Show ``flag`` as it is (a due day without a start day from elsewhere is not given one here)."""
        self._setting = True
        try:
            self.status.setCurrentIndex(max(self.status.findData(FlagStatus(flag.status).value), 0))
            self.start.setText(flag.start.isoformat() if flag.start else "")
            self.due.setText(flag.due.isoformat() if flag.due else "")
        finally:
            self._setting = False
        self._say_day(self.start, flag.start)
        self._say_day(self.due, flag.due)
        _show(self.error_label, None)

    def day_problem(self) -> str | None:
        """A start or due day typed that is not a day (the flag, :meth:`flag`, counts it as none)."""
        bad = self._bad_day()
        return bad[1] if bad else None

    def problem(self) -> str | None:
        """What is wrong with the flag as typed: a day that is not a day, else :func:`flag_problem`."""
        return self.day_problem() or flag_problem(self.flag())

    def show_problem(self) -> QWidget | None:
        """Show the problem at the row; returns the widget to put the keyboard in (None: no problem)."""
        text = self.problem()
        _show(self.error_label, text)
        if not text:
            return None
        bad = self._bad_day()
        if bad:
            return bad[0]
        flag = self.flag()
        # dates without a flag: the status; else the due day (before the start, or with no start)
        return self.due if flag.is_set and flag.due else self.status

    def _bad_day(self) -> tuple[QLineEdit, str] | None:
        for e in (self.start, self.due):
            try:
                parse_day(e.text(), self.today())
            except WhenError as exc:
                return e, translate("Compose", "{field}: {problem}").format(field=e.accessibleName(),
                                                                            problem=shown(exc.words))
        return None

    # ---- as it is typed ----
    def _day(self, e: QLineEdit) -> date | None:
        try:
            return parse_day(e.text(), self.today())
        except WhenError:
            return None

    def _edited(self, *_a) -> None:
        """Re-check as the user types: the flag's problem is shown at once; a day still being typed is
        marked when its field is left (:meth:`_tidy`), so "fr" on the way to "fri" is not an error."""
        _show(self.error_label, flag_problem(self.flag()) if self._typing_a_day() else self.problem())
        self.changed.emit()

    def _typing_a_day(self) -> bool:
        return any(e.hasFocus() and self._day(e) is None and e.text().strip() for e in (self.start, self.due))

    def _start_today(self, *_a) -> None:
        """A due day with no start day starts today (Graph refuses a due date without a start date)."""
        if not self._setting and self._day(self.due) is not None and not self.start.text().strip():
            self.start.setText(self.today().isoformat())

    def _tidy(self, e: QLineEdit) -> None:
        """Leaving a day field: a day it names is written as a date ("fri" -> 2026-12-04); one it does not
        is marked."""
        d = self._day(e)
        if d is not None and e.text() != d.isoformat():
            e.setText(d.isoformat())
        self._say_day(e, d)
        _show(self.error_label, self.problem())

    @staticmethod
    def _say_day(e: QLineEdit, d: date | None) -> None:
        """The day a field holds, in the user's words ("vendredi 4 décembre 2026"): its tooltip, and what a
        screen reader says of it (the field itself keeps the date as typed, ISO once tidied)."""
        words = QLocale().toString(QDate(d.year, d.month, d.day), QLocale.LongFormat) if d is not None else ""
        e.setToolTip(words)
        e.setAccessibleDescription(words)


class HeaderLine(QWidget):
    """One custom header: its name, its value, a Remove button and its problem under them."""

    def __init__(self, parent, name: str = "", value: str = ""):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        line = QHBoxLayout()
        line.setSpacing(8)
        self.name = QLineEdit(name, self)
        self.name.setAccessibleName(translate("Compose", "Header name"))
        self.name.setPlaceholderText(translate("Compose", "X-Name"))
        self.value = QLineEdit(value, self)
        self.value.setAccessibleName(translate("Compose", "Header value"))
        self.value.setPlaceholderText(translate("Compose", "Value"))
        self.remove = QPushButton(translate("Compose", "Remove"), self)
        self.remove.setAccessibleName(translate("Compose", "Remove header"))
        self.remove.setFocusPolicy(Qt.TabFocus)
        line.addWidget(self.name, 1)
        line.addWidget(self.value, 2)
        line.addWidget(self.remove)
        self.error_label = _error_label(self, translate("Compose", "Header error"))
        lay.addLayout(line)
        lay.addWidget(self.error_label)
        QWidget.setTabOrder(self.name, self.value)
        QWidget.setTabOrder(self.value, self.remove)
        self.setFocusProxy(self.name)

    def pair(self) -> tuple[str, str]:
        return self.name.text().strip(), self.value.text()

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.value.text().strip()


class LinesArea(QScrollArea):
    """The header lines, as tall as they are; when Compose has less height, one line at least and a scroll
    bar (Tab scrolls the focused field into view: QScrollArea)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setAccessibleName(translate("Compose", "Custom headers"))
        self.setFrameShape(QFrame.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)  # never taller than its lines
        self.setFocusPolicy(Qt.NoFocus)
        inner = QWidget(self)
        self.lay = QVBoxLayout(inner)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(4)
        self.setWidget(inner)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        """The lines' layout changed (a line added or removed, an error shown or hidden): so did the area's
        height hint (QScrollArea lets its widget's layout requests end at the widget)."""
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:  # noqa: N802  all of the lines (QScrollArea's own stops at 24 lines of text)
        return self.widget().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802  one line
        first = self.widget().layout().itemAt(0)
        return QSize(super().minimumSizeHint().width(), first.sizeHint().height() if first else 0)


class HeadersRow(QWidget):
    """The custom headers: a line per header (none at first) and an Add button; at most MAX_HEADERS."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(translate("Compose", "Custom headers field"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        # the lines scroll when Compose runs out of height (a small window, every line with an error): they
        # are never squeezed over each other
        self.area = LinesArea(self)
        self._lay = self.area.lay
        outer.addWidget(self.area)
        self.lines: list[HeaderLine] = []
        foot = QHBoxLayout()
        foot.setSpacing(8)
        self.add_button = QPushButton(translate("Compose", "Add header"), self)
        self.add_button.setAccessibleName(translate("Compose", "Add header"))
        self.add_button.setToolTip(translate("Compose", "Add a custom X- header (at most {most})").format(
            most=QLocale().toString(MAX_HEADERS)))
        self.add_button.setFocusPolicy(Qt.TabFocus)
        self.count_label = PlainLabel(self)
        self.count_label.setObjectName("viewSubtitle")
        self.count_label.setAccessibleName(translate("Compose", "Custom headers count"))
        self.count_label.hide()
        foot.addWidget(self.add_button)
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        self.note = PlainLabel(translate("Compose", RECREATE_NOTE), self)
        self.note.setObjectName("viewSubtitle")
        self.note.setAccessibleName(translate("Compose", "Custom headers note"))
        self.note.setWordWrap(True)
        self.note.hide()
        outer.addLayout(foot)
        outer.addWidget(self.note)
        # the label's buddy; no focus proxy: Qt puts a proxy right after its widget in the Tab chain
        self.edit = self.add_button
        self.tab_after: QWidget = self  # the field Tab comes from to the first line (MoreOptions sets it)
        self.recreates = False  # Graph: headers are set only when a message is created
        self.saved = False  # the draft is on the server
        self.add_button.clicked.connect(lambda: self.add())
        self._refresh()

    # ---- value in / out ----
    def headers(self) -> list[tuple[str, str]]:
        """The headers as typed (a line with nothing in it is not one)."""
        return [ln.pair() for ln in self.lines if not ln.is_blank()]

    def set_headers(self, headers) -> None:
        while self.lines:
            self._drop(self.lines[-1])
        for name, value in headers:
            self.add(name, value, focus=False)
        self._refresh()

    def add(self, name: str = "", value: str = "", *, focus: bool = True) -> HeaderLine | None:
        if len(self.lines) >= MAX_HEADERS:
            return None
        before = self.lines[-1].remove if self.lines else self.tab_after
        ln = HeaderLine(self, name, value)
        self._lay.addWidget(ln)
        ln.show()  # now, not on the next turn (a layout shows a new child of a shown widget later)
        self.lines.append(ln)
        # Tab goes name -> value -> Remove -> the next line ... -> Add
        QWidget.setTabOrder(before, ln.name)
        QWidget.setTabOrder(ln.name, ln.value)
        QWidget.setTabOrder(ln.value, ln.remove)
        QWidget.setTabOrder(ln.remove, self.add_button)
        ln.name.textChanged.connect(self._edited)
        ln.value.textChanged.connect(self._edited)
        ln.remove.clicked.connect(lambda: self.remove(ln))
        self._refresh()
        if focus:
            self._lay.activate()  # the new line's place, to scroll it into view
            self.area.ensureWidgetVisible(ln)
            ln.name.setFocus(Qt.TabFocusReason)
            self.changed.emit()
        return ln

    def remove(self, ln: HeaderLine) -> None:
        i = self.lines.index(ln)
        had_focus = ln.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self._drop(ln)
        self._refresh()
        if had_focus:
            nxt = self.lines[i].name if i < len(self.lines) else self.add_button
            nxt.setFocus(Qt.TabFocusReason)
        self.changed.emit()

    def _drop(self, ln: HeaderLine) -> None:
        self.lines.remove(ln)
        self._lay.removeWidget(ln)
        ln.hide()
        ln.deleteLater()

    def set_saved_on_graph(self, recreates: bool, saved: bool) -> None:
        self.recreates, self.saved = recreates, saved
        self._refresh()

    # ---- checks ----
    def problems(self) -> list[tuple[HeaderLine, str]]:
        """Each line's problem (with the lines above it as the message's other headers)."""
        out, seen = [], []
        for ln in self.lines:
            if ln.is_blank():
                continue
            name, value = ln.pair()
            text = header_problem(name, value, seen)
            if text:
                out.append((ln, text))
            else:
                seen.append((name, value))
        return out

    def show_problems(self, fallback: str = "") -> QWidget | None:
        """Mark every line's problem; returns the first bad line's field (its name, or its value when the
        value is what is wrong) to put the keyboard in. ``fallback``: a problem of the headers as a whole
        (e.g. their size), shown at the first line."""
        bad = dict(self.problems())
        for ln in self.lines:
            _show(ln.error_label, bad.get(ln))
        if not bad:
            if fallback and self.lines:
                _show(self.lines[0].error_label, fallback)
                return self.lines[0].name
            return self.add_button if fallback else None
        ln, text = next(iter(bad.items()))
        return ln.value if text.startswith("The value of") else ln.name

    def _edited(self, *_a) -> None:
        self.show_problems()
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        n = len(self.lines)
        self.area.setVisible(n > 0)
        for i, ln in enumerate(self.lines, 1):  # a screen reader tells the lines apart
            number = QLocale().toString(i)
            ln.name.setAccessibleName(translate("Compose", "Header {number} name").format(number=number))
            ln.value.setAccessibleName(translate("Compose", "Header {number} value").format(number=number))
            ln.remove.setAccessibleName(translate("Compose", "Remove header {number}").format(number=number))
            ln.error_label.setAccessibleName(translate("Compose", "Header {number} error").format(number=number))
        self.add_button.setEnabled(n < MAX_HEADERS)
        _show(self.count_label, translate("Compose", "{count} of {most} (the most a message can carry)").format(
            count=QLocale().toString(n), most=QLocale().toString(MAX_HEADERS)) if n >= MAX_HEADERS else None)
        self.note.setVisible(self.recreates and self.saved and bool(self.lines))
