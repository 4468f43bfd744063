"""Accounts: the account dialog, Microsoft 365 sign-in, certificate trust and signing in again."""
