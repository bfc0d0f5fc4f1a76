"""People and their roles, each scoped to a unit; login throttling; API tokens."""
