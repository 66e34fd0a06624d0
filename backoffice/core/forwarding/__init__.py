"""Call forwarding: one model for every carrier's variant, narrowed by each carrier's limits."""
