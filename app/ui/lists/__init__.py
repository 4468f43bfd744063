"""Drafts and Sent: their tables, models and the actions on selected rows."""
