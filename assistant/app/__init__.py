"""The application layer: the controller (intents in, news out), its typed face for the views
(`model`), the settings, and the rooms below, one role each."""
