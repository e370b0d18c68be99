"""Questions to answers: retrieval results turned into cited answers, and the ``veille`` CLI."""
