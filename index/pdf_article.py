"""PDF articles: the text of every page, with page boundaries kept as offsets.

Placeholder until the PDF reader lands (issue 6).
"""

from __future__ import annotations

from index.ingest import Article, UnreadableArticle


def read_pdf(source: str, data: bytes) -> Article:
    raise UnreadableArticle(source, "format PDF pas encore pris en charge")
