"""`assistant-token-server`: hands out Realtime client secrets so staff never hold the standard
key. See `app.py` for the HTTP side, `callers.py` for who may ask and how often."""
