"""User configuration objects: a folder's named application settings (EWS Create/Get/Update/
DeleteUserConfiguration), protocol-neutral.

Exchange keeps each as a hidden (folder-associated) message on its folder, named by the folder and its name;
it holds up to three parts: a typed dictionary, XML data and binary data ("A user configuration object can
contain XML, binary, a data dictionary, or a combination of those three data types", "Manage persistent
application settings by using EWS in Exchange", learn.microsoft.com). The store keeps them in a table of their
own (``userconfig``), so they persist with the mailbox and go with their folder when it is deleted for good.

A dictionary is a list of entries [key, value]: each a typed object [type, [values]] (types.xsd
UserConfigurationDictionaryObjectType: a type and one or more value strings), a value may be None (nil). The
values are kept as the client wrote them, with their type, so they come back as they went in.

A name is matched without regard to case: Exchange keeps a configuration as a message of class
IPM.Configuration.<name>, and message classes "should be treated as case-insensitive strings for sorting and
comparison" (PidTagMessageClass canonical property, learn.microsoft.com). Microsoft documents nothing about the
operations themselves, so this is the sandbox's choice (docs/sandbox.md); the spelling it was created with is the
one answered.

Errors, as Exchange answers them (exchangelib's own test of these operations against Exchange,
tests/test_folder.py test_user_configuration): getting, updating or deleting one that does not exist is
ErrorItemNotFound, creating one whose name the folder already has is ErrorItemSave.
"""

from __future__ import annotations

import json

from . import keys
from .errors import NOT_FOUND, MailboxError

CONFIG_SCHEMA = """
CREATE TABLE IF NOT EXISTS userconfig (
    mailbox TEXT NOT NULL, folder TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, key TEXT NOT NULL,
    change_key TEXT NOT NULL,
    dictionary TEXT, xml_data BLOB, binary_data BLOB, PRIMARY KEY (mailbox, folder, name)
);
"""
PARTS = ("dictionary", "xml_data", "binary_data")
EXISTS = "A user configuration object with this name already exists on the folder."


class ConfigRows:
    """The ``userconfig`` rows of a Store (store.py mixes this in; it provides ``db``, ``_lock`` and ``tx``)."""

    def user_config(self, mailbox: str, folder: str, name: str) -> dict | None:
        with self._lock:
            row = self.db.execute(
                "SELECT name, key, change_key, dictionary, xml_data, binary_data FROM userconfig "
                "WHERE mailbox=? AND folder=? AND name=?", (mailbox.lower(), folder, name)).fetchone()
        if row is None:
            return None
        return {"name": row[0], "key": row[1], "change_key": row[2],
                "dictionary": json.loads(row[3]) if row[3] is not None else None,
                "xml_data": bytes(row[4]) if row[4] is not None else None,
                "binary_data": bytes(row[5]) if row[5] is not None else None}

    def put_user_config(self, mailbox: str, folder: str, name: str, config: dict) -> None:
        """Insert or replace the configuration ``name`` of a folder (``config``: key, change_key and PARTS); one
        whose name differs only in case is replaced, and ``name`` is the spelling kept."""
        d = config.get("dictionary")
        with self.tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO userconfig (mailbox, folder, name, key, change_key, dictionary, xml_data, "
                "binary_data) VALUES (?,?,?,?,?,?,?,?)",
                (mailbox.lower(), folder, name, config["key"], config["change_key"],
                 json.dumps(d) if d is not None else None, config.get("xml_data"), config.get("binary_data")))

    def delete_user_config(self, mailbox: str, folder: str, name: str) -> None:
        with self.tx() as db:
            db.execute("DELETE FROM userconfig WHERE mailbox=? AND folder=? AND name=?",
                       (mailbox.lower(), folder, name))


def create(store, folder: tuple[str, str], name: str, parts: dict) -> dict:
    """A new configuration ``name`` on ``folder`` (mailbox, folder key) with ``parts`` (any of PARTS).
    ErrorItemSave when the folder has one of that name, in any case."""
    if store.user_config(folder[0], folder[1], name) is not None:
        raise MailboxError("ErrorItemSave", EXISTS)
    config = {"key": keys.new_uuid(), "change_key": keys.new_change_key(), **{p: parts.get(p) for p in PARTS}}
    store.put_user_config(folder[0], folder[1], name, config)
    return config


def get(store, folder: tuple[str, str], name: str) -> dict:
    """The configuration ``name`` (matched without regard to case), with its stored spelling as "name"."""
    config = store.user_config(folder[0], folder[1], name)
    if config is None:
        raise MailboxError("ErrorItemNotFound", NOT_FOUND)
    return config


def update(store, folder: tuple[str, str], name: str, parts: dict) -> dict:
    """Replace the parts given (a part not given stays as it was). ErrorItemNotFound when there is none."""
    config = get(store, folder, name)
    config.update({p: v for p, v in parts.items() if p in PARTS}, change_key=keys.new_change_key())
    store.put_user_config(folder[0], folder[1], config["name"], config)  # the spelling it was created with
    return config


def delete(store, folder: tuple[str, str], name: str) -> None:
    get(store, folder, name)
    store.delete_user_config(folder[0], folder[1], name)
