"""Keeping a session: endpoints and keys for it, reconnects and rollovers, its first events,
the event log, and the sentences that say what happened."""
