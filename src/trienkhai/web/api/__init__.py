"""The REST API (django-ninja, OpenAPI at /api/docs): units, plans, tasks, assignments,
periods, obligations and reports, with per-user tokens and the pages' permissions."""
