"""An account's send queue in this process, Qt-free, built one way for the window and for ``dispatch-mail``:
:class:`~app.core.account_queue.driver.AccountQueue` takes the account's lock (:mod:`.keeper`; a lock another
process holds is waited for by the one rule of :mod:`.lock_wait`), restores the journal's unfinished work into
the account's one Outbox (:mod:`.runtime`), opens the account's door for commands
(:class:`app.core.scripts.desk.ScriptDesk`) and tells whoever shows it what happens. The window
(app/ui/outbox/journal_bridge.py) and the command (app/command/queue.py) only inject what differs between them;
nothing else builds an ``AccountRuntime`` or a ``QueueKeeper`` (tests/test_rules.py). Not to be confused with
:mod:`app.core.accounts.services`, which picks an account's mail service and signs it in.
"""
