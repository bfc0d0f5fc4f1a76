"""Dashboards: progress, targets and timeliness of a unit's subtree, as server-side SVG."""
