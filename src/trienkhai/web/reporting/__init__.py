"""The reporting cycle: periods, obligations, unit reports, follow-up and reminders."""
