"""The update notice: once a day (or when asked) the release feed is asked for a newer version."""
