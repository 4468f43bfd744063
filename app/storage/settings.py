"""Where Dispatch keeps its settings, and the settings file itself (JSON, no secrets).

``DISPATCH_HOME`` (environment) overrides the platform directories with one root, used by tests and
portable installs: ``$DISPATCH_HOME/config``, ``$DISPATCH_HOME/data``, ``$DISPATCH_HOME/logs``.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from app.domain.account import AccountConfig
from app.domain.events import Hub, SettingsProblem
from app.domain.senders import Principal
from app.domain.suggestions import address_of
from app.domain.validation import account_url_problem, sendable
from app.domain.words import Words, translate
from app.storage.files import replace_file
# where each kind of file lives, and the language read before the window (a module light enough for start-up)
from app.storage.folders import (  # noqa: F401 (re-exported: where the files live is asked of this module)
    MAX_SETTINGS_BYTES, SETTINGS_FILE, config_dir, data_dir, log_dir, stored_language)

log = logging.getLogger(__name__)

MAX_RECENT = 200
# Undo send: the seconds between Send and the server call that the UI offers, and the default
UNDO_SEND_CHOICES = (0, 5, 10, 20, 30)
DEFAULT_UNDO_SEND = 10
# the receipts a new message may ask for by default: the draft's field names (app.domain.models.Draft)
RECEIPTS = ("read_receipt", "delivery_receipt")


def default_undo_send() -> float:
    """The undo-send delay when the user never chose one: 10 s. ``DISPATCH_UNDO_SEND_DEFAULT`` (seconds)
    replaces that default — a test and scripting switch (the test suite sets 0: tests written before undo
    send expect Ctrl+Return to send at once); a choice the user made always wins."""
    try:
        v = float(os.environ.get("DISPATCH_UNDO_SEND_DEFAULT", "") or DEFAULT_UNDO_SEND)
    except ValueError:
        v = DEFAULT_UNDO_SEND
    return v if 0 <= v <= 60 else DEFAULT_UNDO_SEND


def normalize_fingerprint(fp: str) -> str:
    """'AB:cd:..' or 'abcd..' -> 'abcd...' (lower-case hex, no separators): the form to compare."""
    return "".join(c for c in (fp or "").lower() if c in "0123456789abcdef")


def format_fingerprint(fp: str) -> str:
    """Any SHA-256 spelling -> 'AB:CD:...' (upper-case pairs, colon separated): the form to show and
    to store in ``AccountConfig.pinned_cert_sha256`` (the EWS backend accepts either)."""
    h = normalize_fingerprint(fp).upper()
    return ":".join(h[i : i + 2] for i in range(0, len(h), 2))


def same_fingerprint(a: str, b: str) -> bool:
    return bool(normalize_fingerprint(a)) and normalize_fingerprint(a) == normalize_fingerprint(b)


def account_key(account: AccountConfig) -> str:
    """One account: its address on its server (a pin belongs to exactly this pair)."""
    return f"{account.email.strip().lower()}|{account.ews_url.strip()}"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:  # a folder made before (or by someone else) that others may read: the file holds the user's words
        if path.parent.stat().st_mode & 0o077:
            os.chmod(path.parent, 0o700)
    except OSError:
        pass  # not ours to change: the file itself is 0600 all the same
    replace_file(path, text.encode("utf-8"), prefix=path.name)


def _why(exc: BaseException) -> str:
    """A damaged or unreadable file's problem in words (never the file's content)."""
    if isinstance(exc, RecursionError):
        return translate("Settings", "it is nested too deeply to be a settings file")
    if isinstance(exc, UnicodeDecodeError):
        return translate("Settings", "it is not text")
    if isinstance(exc, json.JSONDecodeError):
        return translate("Settings", "it is not valid JSON (line {line}, column {column})").format(
            line=exc.lineno, column=exc.colno)
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    if exc.args and isinstance(exc.args[0], Words):  # our own words (raised by load)
        return exc.args[0]
    return str(exc)


class Settings:
    """The settings file: the account (without password), recent recipients, small UI preferences.

    Damaged local data never stops the app: a settings file that cannot be read is set aside (renamed
    ``settings.json.damaged``, so nothing is lost and the next save does not overwrite it) and the app
    starts with defaults; a file that cannot be written keeps the settings for this session. Either way
    :attr:`problem` says so in words, and its :attr:`news` publishes a
    :class:`app.domain.events.SettingsProblem` (the window shows it).
    """

    FILE = SETTINGS_FILE

    def __init__(self, path: Path | None = None):
        self.path = path or (config_dir() / self.FILE)
        self._data: dict = {}
        self.problem = ""
        self.news = Hub(SettingsProblem)  # each problem as it appears, in words
        self._read_only = False  # the file could be neither read nor set aside: never overwrite it
        self.load()

    def _report(self, text: str) -> None:
        self.problem = text
        log.warning("settings: %s", text)
        self.news.publish(SettingsProblem(text))

    def load(self) -> None:
        try:
            with open(self.path, "rb") as f:
                raw = f.read(MAX_SETTINGS_BYTES + 1)
            if len(raw) > MAX_SETTINGS_BYTES:
                raise ValueError(translate("Settings", "it is larger than {limit} MB").format(
                    limit=MAX_SETTINGS_BYTES >> 20))
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError(translate("Settings", "it does not hold settings"))
            self._data = data
            self._check_account_urls()
        except (FileNotFoundError, NotADirectoryError):  # none yet (a save says if it cannot be written)
            self._data = {}
        except IsADirectoryError as exc:
            self._data = {}
            self._report(translate("Settings", "The settings file {path} could not be read ({why}). Dispatch "
                                   "started with default settings.").format(path=str(self.path), why=_why(exc)))
        except PermissionError as exc:
            self._data = {}
            self._report(translate("Settings", "The settings file {path} could not be read ({why}). Dispatch "
                                   "started with default settings and will not change the file.").format(
                path=str(self.path), why=_why(exc)))
            self._read_only = True
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            self._data = {}
            self._set_aside(_why(exc))

    def _check_account_urls(self) -> None:
        """An address in the stored account that would carry a secret in clear text (an edited file) is
        reported now, at start; the mail layer refuses to use it whatever lets it through."""
        acc = self.account()
        problem = account_url_problem(acc) if acc is not None else None
        if problem:
            self._report(translate("Settings", "The settings file {path} holds an address Dispatch will not use. "
                                   "{problem}").format(path=str(self.path), problem=problem))

    def _set_aside(self, why: str) -> None:
        aside = self.path.with_name(self.path.name + ".damaged")
        try:
            os.replace(self.path, aside)
        except OSError:
            self._read_only = True
            self._report(translate("Settings", "The settings file {path} is damaged ({why}) and could not be set "
                                   "aside. Dispatch started with default settings and will not change the "
                                   "file.").format(path=str(self.path), why=why))
            return
        self._report(translate("Settings", "The settings file was damaged ({why}). It was kept as {aside}; Dispatch "
                               "started with default settings.").format(why=why, aside=str(aside)))

    def save(self) -> bool:
        """Write the settings; False (and :attr:`problem` set) when they could not be written."""
        if self._read_only:
            return False
        data = dict(self._data)
        acc = data.get("account")
        if isinstance(acc, dict):
            acc.pop("password", None)
        try:
            _write_atomic(self.path, json.dumps(data, indent=2, sort_keys=True))
        except OSError as exc:
            self._report(translate("Settings", "Dispatch cannot write its settings file {path} ({why}). Changes are "
                                   "kept until Dispatch closes.").format(path=str(self.path), why=_why(exc)))
            return False
        return True

    # ---- account ----
    def account(self) -> AccountConfig | None:
        d = self._data.get("account")
        if not isinstance(d, dict):
            return None
        try:
            return AccountConfig.from_json(d)
        except (TypeError, ValueError) as exc:
            log.warning("stored account unreadable (%s)", exc)
            return None

    def set_account(self, account: AccountConfig | None) -> bool:
        """The account set up (None: none); whether the file was written (else :attr:`problem` says why)."""
        if account is None:
            self._data.pop("account", None)
        else:
            d = account.to_json()
            d.pop("password", None)
            self._data["account"] = d
        return self.save()

    def remember_server_build(self, build: str, version_name: str = "") -> None:
        acc = self.account()
        if acc is None or (acc.server_build == build and acc.server_version_name == version_name):
            return
        acc.server_build = build
        acc.server_version_name = version_name
        self.set_account(acc)

    # ---- the mailboxes an account sends from (send as, send on behalf) ----
    def principals(self, account: AccountConfig) -> list[Principal]:
        """The mailboxes ``account`` may send from, as the stored account lists them (the sandbox's account
        is made afresh at each start: its list is the stored one's); the account's own list otherwise."""
        stored = self.account()
        if stored is not None and stored.key == account.key:
            return list(stored.principals)
        return list(account.principals)

    def set_principals(self, account: AccountConfig, principals: list[Principal]) -> bool:
        """Set the list on ``account`` and save it with the stored account when that is this one (or none is
        stored). False when it is kept for this session only: another account is stored (one given on the
        command line), or the settings file could not be written."""
        account.principals = list(principals)
        stored = self.account()
        if stored is None:
            stored = account
        elif stored.key != account.key:
            return False
        stored.principals = list(principals)
        self._data["account"] = {k: v for k, v in stored.to_json().items() if k != "password"}
        return self.save()

    # ---- trusted certificates (per account; verification stays on, exactly this certificate passes) ----
    def pinned_certificate(self, account: AccountConfig) -> str:
        pins = self._data.get("cert_pins")
        pin = pins.get(account_key(account), "") if isinstance(pins, dict) else ""
        return pin if isinstance(pin, str) else ""

    def pin_certificate(self, account: AccountConfig, fingerprint: str) -> str:
        """The user chose to trust this certificate for this account: remember its SHA-256 (also in the
        stored account if it is this one). Returns the pin as stored ('AB:CD:...')."""
        pin = format_fingerprint(fingerprint)
        if len(normalize_fingerprint(pin)) != 64:
            raise ValueError("not a SHA-256 fingerprint")
        pins = self._data.get("cert_pins")
        if not isinstance(pins, dict):
            pins = self._data["cert_pins"] = {}
        pins[account_key(account)] = pin
        stored = self.account()
        if stored is not None and account_key(stored) == account_key(account):
            stored.pinned_cert_sha256 = pin
            stored.verify_tls = True
            self._data["account"] = {k: v for k, v in stored.to_json().items() if k != "password"}
        self.save()
        return pin

    # ---- recent recipients (per account: one account's correspondents never show up in another's) ----
    def recent_recipients(self, account: str = "") -> list[str]:
        """The account's recent recipients, newest first: addresses that can be sent to only (an invalid one an
        earlier version learned from a draft is never offered)."""
        by_account = self._data.get("recent_by_account")
        items = by_account.get(account, []) if isinstance(by_account, dict) else []
        return [s for s in items if sendable(s)] if isinstance(items, list) else []

    def add_recent_recipients(self, entries: list[str], account: str = "", *, sent: bool = False) -> None:
        """Learn ``entries`` (a message's recipients): those that can be sent to; an unfinished or invalid
        address a draft holds is never learned. ``sent``: the message went to them, one more time each
        (:meth:`sent_counts`; a draft saved again and again counts nothing)."""
        recent = self.recent_recipients(account)
        kept = list(filter(sendable, entries))
        for e in kept:
            low = e.lower()
            recent = [r for r in recent if r.lower() != low]
            recent.insert(0, e)
        recent = recent[:MAX_RECENT]
        self._scoped("recent_by_account")[account] = recent
        counts = self.sent_counts(account)
        for address in {address_of(e) for e in kept} if sent else ():
            counts[address] = counts.get(address, 0) + 1
        still = {address_of(r) for r in recent}
        self._scoped("sent_counts_by_account")[account] = {a: n for a, n in counts.items() if a in still}
        self._data.pop("recent_recipients", None)  # the unscoped list of earlier versions
        self.save()

    def sent_counts(self, account: str = "") -> dict[str, int]:
        """How many messages went to each of the account's recent recipients (by lower-case address)."""
        by_account = self._data.get("sent_counts_by_account")
        counts = by_account.get(account, {}) if isinstance(by_account, dict) else {}
        if not isinstance(counts, dict):
            return {}
        return {a: n for a, n in counts.items() if isinstance(a, str) and isinstance(n, int) and n > 0}

    def _scoped(self, name: str) -> dict:
        by_account = self._data.get(name)
        if not isinstance(by_account, dict):
            by_account = self._data[name] = {}
        return by_account

    def forget_recent_recipients(self, addresses: list[str], account: str = "") -> int:
        """Offer none of ``addresses`` again (an address a report says does not exist): every recent entry with one
        of them goes; how many went."""
        gone = {a.strip().lower() for a in addresses}
        recent = self.recent_recipients(account)
        kept = [r for r in recent if address_of(r) not in gone]
        if len(kept) != len(recent):
            self._scoped("recent_by_account")[account] = kept
            self._scoped("sent_counts_by_account")[account] = {
                a: n for a, n in self.sent_counts(account).items() if a not in gone}
            self.save()
        return len(recent) - len(kept)

    # ---- small preferences ----
    def get(self, key: str, default=None):
        return self._data.get("prefs", {}).get(key, default)

    def set(self, key: str, value) -> None:
        self._data.setdefault("prefs", {})[key] = value
        self.save()

    # ---- the theme ----
    def theme(self) -> str:
        """"system", "light" or "dark" (View → Theme); anything else stored is "system"."""
        v = self.get("theme")
        return v if v in ("system", "light", "dark") else "system"

    def set_theme(self, choice: str) -> None:
        if self.get("theme") != choice:
            self.set("theme", choice)

    # ---- the language ----
    def language(self) -> str:
        """The language chosen over the system's ("en", "fr", "de"), or "" for the system's."""
        return stored_language(self._data)

    def set_language(self, code: str) -> None:
        """Choose the window's language ("" for the system's); it applies at the next start."""
        if self.get("language", "") != code:
            self.set("language", code)

    # ---- the window ----
    def window_geometry(self) -> str:
        """The main window's size and position when it last closed (Qt's saveGeometry(), base64), or ""."""
        v = self._data.get("window_geometry")
        return v if isinstance(v, str) else ""

    def set_window_geometry(self, text: str) -> None:
        if self._data.get("window_geometry") != text:
            self._data["window_geometry"] = text
            self.save()

    # ---- sending ----
    def undo_send_seconds(self) -> float:
        """Seconds Ctrl+Return waits before the server call (0: off). Any stored value from 0 to 60 counts
        (the menu offers :data:`UNDO_SEND_CHOICES`); anything else is the default."""
        v = self.get("undo_send_seconds")
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 60:
            return float(v)
        return default_undo_send()

    def set_undo_send_seconds(self, seconds: float) -> None:
        self.set("undo_send_seconds", seconds)

    # ---- the receipts a new message asks for (File → Receipts for new messages) ----
    def receipt_defaults(self) -> dict[str, bool]:
        """What a new message starts with (Ctrl+N, a reply, a ``mailto:`` link, Edit as new), as the draft's own
        fields: ``read_receipt`` and ``delivery_receipt``, each False unless the user chose it. A draft reopened
        keeps its own; scripts never take these (``dispatch-mail send --read-receipt``)."""
        return {name: self.get(f"new_{name}") is True for name in RECEIPTS}

    def set_receipt_default(self, name: str, on: bool) -> None:
        """``name`` (one of :data:`RECEIPTS`) asked for by every new message from now on, or not."""
        if name not in RECEIPTS:
            raise ValueError(name)
        if self.get(f"new_{name}") is not bool(on):
            self.set(f"new_{name}", bool(on))
