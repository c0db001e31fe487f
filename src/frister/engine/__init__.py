"""The engine: which obligations a case gave rise to, when each is due, and why."""
