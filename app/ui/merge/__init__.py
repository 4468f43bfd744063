"""Mail merge: its dialog, model and sending."""
