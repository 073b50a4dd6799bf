"""Desktop integration: the global push-to-talk key, the tray, one instance, theme, autostart."""
