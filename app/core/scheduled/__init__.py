"""Send later, kept by the server: the messages the account's Outbox folder holds for a time
(PidTagDeferredSendTime, 0x3FEF) as last read, and the user's hand on them (:mod:`app.core.scheduled.held`)."""
