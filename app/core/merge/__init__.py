"""A mail merge: one draft per row of a table on the server, then all of them in one send request through the
Outbox, as Compose's Send is (:mod:`.run`, :mod:`.send`); what a row shows, derived from its submission
(:mod:`.rows`); what a run writes down (:mod:`.record`); its own worker thread for files and parsing (:mod:`.pool`).
"""
