"""Near-duplicate articles: the same wire story saved twice, or published by two outlets.

Placeholder until near-duplicate detection lands (issue 6): no article is a duplicate.
"""

from __future__ import annotations

from index.ingest import Article


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    """``{duplicate source: canonical source}`` for every article that repeats another."""
    return {}
