"""Dates for readers: publication dates in French, and (issue 6) relative expressions placed in time.

Placeholder for relative-date resolution; ``format_date`` is final.
"""

from __future__ import annotations

import datetime as _dt

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")


def format_date(iso: str) -> str:
    """« 2024-03-12 » → « 12 mars 2024 » (« 1er » for the first); anything else unchanged."""
    try:
        d = _dt.date.fromisoformat(iso[:10])
    except (ValueError, TypeError):
        return iso
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"
