"""Function calling: the tool registry, built-in tools and the consent policy (reserved; no Qt)."""
