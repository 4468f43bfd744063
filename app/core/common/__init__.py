"""Small tools the core's capabilities share: a call off the loop's thread in a daemon thread
(:mod:`.daemon_thread`), the journal's one writer thread (:mod:`.journal_writer`), sentences put together from
words (:mod:`.word_lists`). Nothing here knows of the Outbox, a send or an account.
"""
