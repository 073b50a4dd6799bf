"""Audio devices, capture, playback and the bridge to a Realtime session. No Qt here."""
