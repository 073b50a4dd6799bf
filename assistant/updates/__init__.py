"""Whether a newer version is out, and how this copy of the app is updated (no Qt)."""
