"""The audio of a session: the supervisor of the devices and the bridge joining them to it."""
