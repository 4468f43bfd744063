"""Compose's body: loading and saving large bodies, and foreign HTML made Qt's in a helper process."""
