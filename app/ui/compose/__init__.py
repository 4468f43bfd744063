"""Compose: the message being written, its recipients, attachments, spelling, formatting, .eml files and send timing."""
