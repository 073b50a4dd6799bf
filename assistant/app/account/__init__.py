"""The user's keys: the keyring store and the actions of the key dialog."""
