"""Audio devices, capture, playback, levels, the hand-off to the loop and the echo guard.
No Qt and no Realtime protocol here."""
