"""Snippets, signatures and the user's name, kept in the settings file (plain data, no secrets, but the
user's own words: the file is 0600 in a 0700 folder, ``app/storage/settings.py``).

Stored as preferences of :class:`~app.storage.settings.Settings`::

    "snippets":   [{"name", "trigger", "text", "rich"}, ...]
    "my_name":    "Alice Example"
    "signatures": {"<AccountConfig.key>": {"items": [{"name", "text", "rich"}, ...], "default": "<name>"}}

Signatures belong to one account (its ``AccountConfig.key``); ``default`` is the one new messages get
("": none, the default). Entries that are not what they should be (a hand-edited file) are left out.
"""

from __future__ import annotations

from app.domain.snippets import Signature, Snippet, signature_from_json, snippet_from_json


class ComposeTexts:
    def __init__(self, settings):
        self.settings = settings

    # ---- snippets ----
    def snippets(self) -> list[Snippet]:
        raw = self.settings.get("snippets", [])
        return [s for s in (snippet_from_json(d) for d in (raw if isinstance(raw, list) else [])) if s is not None]

    def set_snippets(self, snippets: list[Snippet]) -> None:
        self.settings.set("snippets", [s.to_json() for s in snippets])

    # ---- the user's name ({my_name}) ----
    def my_name(self) -> str:
        v = self.settings.get("my_name", "")
        return v if isinstance(v, str) else ""

    def set_my_name(self, name: str) -> None:
        self.settings.set("my_name", " ".join(name.split()))

    # ---- signatures (per account) ----
    def _all(self) -> dict:
        raw = self.settings.get("signatures", {})
        return raw if isinstance(raw, dict) else {}

    def signatures(self, account_key: str) -> list[Signature]:
        entry = self._all().get(account_key)
        items = entry.get("items", []) if isinstance(entry, dict) else []
        return [s for s in (signature_from_json(d) for d in (items if isinstance(items, list) else []))
                if s is not None]

    def default_signature(self, account_key: str) -> str:
        """The name of the signature new messages of this account get ("": none)."""
        entry = self._all().get(account_key)
        name = entry.get("default", "") if isinstance(entry, dict) else ""
        if not isinstance(name, str) or name not in {s.name for s in self.signatures(account_key)}:
            return ""
        return name

    def set_signatures(self, account_key: str, items: list[Signature], default: str = "") -> None:
        names = {s.name for s in items}
        all_ = dict(self._all())
        all_[account_key] = {"items": [s.to_json() for s in items], "default": default if default in names else ""}
        self.settings.set("signatures", all_)

    def save_all(self, snippets: list[Snippet], my_name: str, account_key: str | None,
                 signatures: list[Signature], default: str) -> None:
        """Everything the dialog edits."""
        self.set_snippets(snippets)
        self.set_my_name(my_name)
        if account_key is not None:
            self.set_signatures(account_key, signatures, default)
