"""Did it arrive? The reports Exchange puts in the sender's Inbox (non-delivery reports, delivery and read
receipts), read once each and kept per account (:mod:`app.core.delivery.watch`)."""
