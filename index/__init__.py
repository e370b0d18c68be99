"""Articles → passages with exact offsets → hybrid dense + lexical index → ranked passages.

No Qt here, and no model loads at import: see ``models``.
"""
