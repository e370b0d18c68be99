"""PDF articles: the text of every page, with page boundaries kept as offsets.

The stored text is the pages' text joined by a blank line; ``Article.pages`` records where each
page starts, so a citation can say « p. 3 ». Each page is tidied *before* it is stored (the stored
text is the reference for every offset): spaces collapsed, lines wrapped by the layout joined back
into paragraphs (a newline ends a sentence for the splitter, so a wrapped line must not stay one),
words hyphenated at a line end rejoined.

A PDF that cannot give text is refused with the reason the user can act on: scanned (no text
layer), protected by a password, or damaged. pypdf raises a wide variety of exceptions on broken
files; none escapes this module.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import statistics
import warnings
from pathlib import Path

from index.ingest import (MAX_TEXT_BYTES, Article, UnreadableArticle, extract_date, extract_title, normalise,
                          too_large)

SCANNED = "PDF sans couche texte (document scanné ?)"
PROTECTED = "PDF protégé par un mot de passe"
DAMAGED = "PDF illisible ou endommagé"

#: Fewer letters than this in the whole document: no usable text layer (a scan may still carry a
#: few characters, e.g. a page number stamped by the scanner).
MIN_LETTERS = 20

# A word cut by the layout: « gouverne-\nment ». Not when what follows is a clitic pronoun
# (« a-t-\nil », « dit-\nelle »), which keeps its hyphen.
_CLITICS = frozenset("il ils elle elles on t je tu nous vous le la les lui leur leurs moi toi y en ce là ci".split())
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.!?…:»\"”)]$")
_TITLE_JUNK = re.compile(r"^(?:untitled|sans titre|document\d*|microsoft word - .*|.*\.(?:docx?|odt|indd|pdf|qxd))$",
                         re.IGNORECASE)


def _quiet_pypdf() -> None:
    """pypdf logs (and warns about) every irregularity of a file; a user cannot act on them."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(source: str, data: bytes) -> Article:
    """One PDF as an article; :class:`UnreadableArticle` says why not (never a pypdf error)."""
    if not data.strip():
        raise UnreadableArticle(source, "fichier vide")
    if b"%PDF" not in data[:1024]:
        raise UnreadableArticle(source, f"{DAMAGED} (en-tête PDF absent)")
    _quiet_pypdf()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            raw_pages, meta = _extract(source, data)
    except UnreadableArticle:
        raise
    except Exception as exc:  # pypdf's PdfReadError, but also KeyError, ValueError, RecursionError…
        raise UnreadableArticle(source, DAMAGED) from exc
    pages = [clean_page(t) for t in raw_pages]
    if sum(1 for c in "".join(pages) if c.isalpha()) < MIN_LETTERS:
        raise UnreadableArticle(source, SCANNED)
    starts: list[int] = []
    pos = 0
    for t in pages:
        starts.append(pos)
        pos += len(t) + 2
    text = "\n\n".join(pages)
    title = meta.get("title") or extract_title(text.lstrip(), fallback=Path(source).stem)
    date = extract_date(text)
    return Article(
        source=source,
        title=title,
        date=date,
        text=text,
        sha1=hashlib.sha1(data).hexdigest(),
        author=meta.get("author"),
        pages=tuple(starts),
        kind="pdf",
        date_source="dateline" if date else None,
    )


def _extract(source: str, data: bytes) -> tuple[list[str], dict[str, str]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many PDFs are encrypted only to restrict printing or copying, with an empty user
        # password: those open without asking anything.
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise UnreadableArticle(source, f"{PROTECTED} (chiffrement non pris en charge)") from exc
        if not opened:
            raise UnreadableArticle(source, PROTECTED)
    try:
        n_pages = len(reader.pages)
    except FileNotDecryptedError as exc:
        raise UnreadableArticle(source, PROTECTED) from exc
    if n_pages == 0:
        raise UnreadableArticle(source, f"{DAMAGED} (aucune page)")
    texts: list[str] = []
    total = 0
    for page in reader.pages:
        t = page.extract_text() or ""
        total += len(t)
        if total > MAX_TEXT_BYTES:  # stop early: a 2,000-page report is not an article
            raise UnreadableArticle(source, too_large(total, MAX_TEXT_BYTES, "texte"))
        texts.append(t)
    return texts, _metadata(reader)


def _metadata(reader: object) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        info = reader.metadata  # type: ignore[attr-defined]
        if info is None:
            return out
        for key, name in (("title", "/Title"), ("author", "/Author")):
            value = info.get(name)
            if value is None:
                continue
            value = " ".join(normalise(str(value)).split())
            if value and not (key == "title" and _TITLE_JUNK.match(value)):
                out[key] = value
    except Exception:  # broken metadata never costs the article
        return {}
    return out


def clean_page(raw: str) -> str:
    """One page's text, tidied: spaces collapsed, layout-wrapped lines joined into paragraphs,
    hyphenated words rejoined. Paragraphs end up one per line, as in a ``.txt`` article."""
    raw = _CONTROL.sub(" ", normalise(raw).replace("\u00ad", ""))  # soft hyphens are layout only
    lines = [_SPACES.sub(" ", ln).strip() for ln in raw.split("\n")]
    widths = [len(ln) for ln in lines if ln]
    if not widths:
        return ""
    # The usual width of a full line on this page (its 80th percentile, in characters).
    full = statistics.quantiles(widths, n=10)[7] if len(widths) >= 4 else max(widths)
    paragraphs: list[str] = []
    cur = ""
    for i, ln in enumerate(lines):
        if not ln:
            if cur:
                paragraphs.append(cur)
                cur = ""
            continue
        cur = _join(cur, ln, raw) if cur else ln
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # A paragraph ends at a line that stops short of the usual width after a sentence (a
        # break there never cuts a sentence, so the test can be generous), or at a much shorter
        # line followed by a capital (a heading, a signature).
        if not nxt or (len(ln) < 0.9 * full and _SENTENCE_END.search(ln)) or (
                len(ln) < 0.6 * full and nxt[:1].isupper()):
            paragraphs.append(cur)
            cur = ""
    if cur:
        paragraphs.append(cur)
    return "\n".join(paragraphs)


def _join(cur: str, ln: str, page: str) -> str:
    """Append a wrapped line to its paragraph, rejoining a word the layout hyphenated.

    The hyphen is kept when it belongs to the word: before a clitic pronoun (« a-t-il »), or
    when the page writes the same compound with its hyphen elsewhere (« vice-président »).
    """
    if cur.endswith("-") and len(cur) >= 2 and cur[-2].isalpha() and ln[:1].islower():
        head = re.search(r"(\w+)-$", cur)
        first = re.match(r"\w+", ln)
        if head and first and len(head.group(1)) >= 2:
            compound = f"{head.group(1)}-{first.group(0)}"
            if first.group(0).lower() not in _CLITICS and compound not in page:
                return cur[:-1] + ln
        return cur + ln
    return f"{cur} {ln}"
