"""Where each citation comes from, for the reader: page (PDF), publication date, other copies.

Every answering mode builds its citations from passages and offsets only; this pass adds what
the index knows about the cited articles, so that the CLI, the desktop app and the JSON output
show « p. 3 », the article's date and the near-duplicate copies the same way in every mode.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from qa.answer import Answer

if TYPE_CHECKING:  # pragma: no cover
    from index.store import OpenIndex


def annotate(answer: Answer, index: "OpenIndex") -> Answer:
    """Fill ``page``, ``date`` and ``also_in`` of every citation (in place; returns ``answer``)."""
    if not answer.citations:
        return answer
    meta = index.article_meta(sorted({c.source for c in answer.citations}))
    out = []
    for c in answer.citations:
        info = meta.get(c.source)
        if info is None:
            out.append(c)
            continue
        page = index.page_of(c.source, c.start) if info.n_pages else None
        out.append(dataclasses.replace(c, page=page, date=info.date,
                                       also_in=tuple(index.duplicates(c.source))))
    answer.citations = out
    return answer
