"""Pictures for the conversation: read, checked, scaled and encoded the way the API takes them."""
