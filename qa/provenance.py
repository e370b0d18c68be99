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


def relative_date_notes(answer: Answer) -> Answer:
    """For a « quand » answer written by a model: place the cited relative dates in time.

    The extractive answerer writes the note into its short answer; a model's sentence is its
    own, so the notes go beside it instead (``dates`` and one notice line): the reader sees
    « lundi » [1] = 11 mars 2024, deduced from the article's date, whatever the model wrote.
    Uses the citations' ``date``, so call it after :func:`annotate`.
    """
    from qa.dates import describe, note, speaks_of_future
    from qa.qtypes import DATE
    from qa.spans import date_spans

    if answer.qtype != DATE or answer.abstained or answer.dates:
        return answer
    seen: set[tuple[str, int]] = set()
    parts: list[str] = []
    for c in answer.citations:
        if not c.date:
            continue
        for s, e in date_spans(c.quote):
            expr = c.quote[s:e]
            future = speaks_of_future(c.quote, s, e)
            dn = note(expr, c.n, c.date, future)
            if dn is None or (expr.lower(), c.n) in seen:
                continue
            seen.add((expr.lower(), c.n))
            answer.dates.append(dn)
            parts.append(f"« {expr} » [{c.n}] : {describe(expr, c.date, future)}")
    if parts:
        answer.notices.append("Dates relatives : " + " ; ".join(parts) + ".")
    return answer
