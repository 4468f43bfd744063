"""The Outbox view and its bridge to the journaled submission core."""
