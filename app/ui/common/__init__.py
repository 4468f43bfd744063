"""Widgets every feature shows mail content in: plain text labels and the safe document."""
