"""An account's mail service: which backend an account gets and the Microsoft 365 sign-in (:mod:`.services`),
setting an account up and taking it off (:mod:`.setup`), Find server (:mod:`.autodiscover`), one signed-in mailbox
for the UI (:mod:`.session`) with its async client (:mod:`.mailclient`), and the built-in sandbox mailbox
(:mod:`.demo`). Not the account's send queue: that is :mod:`app.core.account_queue`.
"""
