"""Report intake: reading report documents, matching them to assignments, the archive and the review queue."""
