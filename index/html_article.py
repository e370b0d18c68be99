"""HTML articles saved from the web: the article body, title, date, author and site name.

Placeholder until the HTML reader lands (issue 6).
"""

from __future__ import annotations

from index.ingest import Article, UnreadableArticle


def read_html(source: str, data: bytes) -> Article:
    raise UnreadableArticle(source, "format HTML pas encore pris en charge")
