"""Plans: imported documents, their reviewed and published versions, tasks and assignments."""
