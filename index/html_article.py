"""HTML articles saved from the web: the article body, title, date, author and site name.

trafilatura finds the main text of the page (navigation, adverts, comments and footers are left
out) and its metadata; everything runs on the saved bytes, never on the network. The stored text
is the title, a blank line, then the body's paragraphs one per line, like a ``.txt`` article,
so offsets, passages and ``veille show`` work the same for every format.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from pathlib import Path

from index.ingest import Article, UnreadableArticle, extract_date, extract_title, normalise

NO_BODY = "page HTML sans texte d'article"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_ISO_DAY = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})")


def decode_html(data: bytes) -> str:
    """The page as text: a byte-order mark first, then the charset the page declares (in its
    first 4 KB, as browsers do), then UTF-8, then cp1252 (what French pages declared as
    latin-1 mostly are). Raises ValueError for binary data."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if b"\x00" in data[:4096]:
        raise ValueError("fichier binaire (octets nuls)")
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = None
    if m:
        try:
            declared = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            declared = None
    if declared in ("latin-1", "iso8859-1", "ascii"):
        declared = "cp1252"  # browsers read both labels as windows-1252
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _quiet_libraries() -> None:
    """trafilatura, htmldate and justext log every odd page at WARNING; a corpus of saved pages
    would print hundreds of lines that the user can do nothing about."""
    for name in ("trafilatura", "htmldate", "justext", "readability", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _extract(html: str):
    import trafilatura

    _quiet_libraries()
    return trafilatura.bare_extraction(
        html,
        url=None,  # never given: nothing is fetched
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # Dates from the page's own markup only (meta tags, <time>, JSON-LD, the canonical
        # URL). No free-text search: it picks up any date in the body, and it falls back on
        # dates close to today, which would pass the day of indexing off as the publication.
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": "2099-12-31"},
    )


def _field(doc: object, name: str) -> str | None:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    if not isinstance(value, str):
        return None
    value = " ".join(normalise(value).split())
    return value or None


def read_html(source: str, data: bytes) -> Article:
    """One saved web page as an article; :class:`UnreadableArticle` when it has no article body."""
    try:
        html = decode_html(data)
    except ValueError as exc:
        raise UnreadableArticle(source, f"page HTML illisible : {exc}") from exc
    if not html.strip():
        raise UnreadableArticle(source, "fichier vide")
    try:
        doc = _extract(html)
    except Exception as exc:  # a parser failure on a malformed page: report it, never crash
        raise UnreadableArticle(source, f"{NO_BODY} (analyse impossible : {type(exc).__name__})") from exc
    body = _field_text(doc)
    if not _has_prose(body):
        raise UnreadableArticle(source, NO_BODY)
    title = _field(doc, "title")
    lines = body.split("\n")
    if title and lines and " ".join(lines[0].split()) == title:
        body = "\n".join(lines[1:]).lstrip("\n")  # the extractor kept the <h1>: do not repeat it
    if title:
        text = f"{title}\n\n{body}"
    else:  # no title anywhere in the page: the body's opening stands for it, written once
        title = extract_title(body, fallback=Path(source).stem)
        text = body
    date, date_source = _iso(_field(doc, "date")), "metadata"
    if date is None:
        date, date_source = extract_date(body), "dateline"
    return Article(
        source=source,
        title=title,
        date=date,
        text=text,
        sha1=hashlib.sha1(data).hexdigest(),
        author=_field(doc, "author"),
        site=_field(doc, "sitename"),
        kind="html",
        date_source=date_source if date else None,
    )


_PROSE_MARK = re.compile(r"[.!?,;:…»]")


def _has_prose(body: str) -> bool:
    """Whether the extracted text reads as an article rather than leftovers of the page's
    furniture (a menu, a cookie banner): at least one line of six words or more with
    punctuation in it. On a page without article, trafilatura's fallbacks return whatever
    text there is, such as « Accueil Politique »."""
    return any(len(ln.split()) >= 6 and _PROSE_MARK.search(ln) for ln in body.split("\n"))


def _field_text(doc: object) -> str:
    """The extracted body, one paragraph per line, normalised like a text file."""
    if doc is None:
        return ""
    raw = doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)
    if not isinstance(raw, str):
        return ""
    lines = [" ".join(ln.split()) for ln in normalise(raw).split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip("\n")


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_DAY.match(value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
