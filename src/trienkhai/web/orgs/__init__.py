"""The organisation registry: units with their hierarchy, validity, successors and aliases."""
