"""Reading a corpus folder: which files are articles, their text, title and date.

The text returned here is the reference for every offset Veille produces: decoded, newlines
normalised to ``\\n`` and Unicode NFC (so that « é » is one character whatever the editor wrote).
It is stored in the index and printed by ``veille show``; nothing else is ever removed from it.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from models.errors import CorpusError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES


@dataclass(frozen=True)
class CorpusFile:
    source: str  # path relative to the corpus root, with "/" separators: the article's id
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Article:
    """One article as indexed. ``text`` is the reference for every offset (see module docstring).

    For HTML it is the extracted article body (with the title as first line), for PDF the pages'
    text joined by blank lines; ``pages`` then holds the offset in ``text`` where each page starts
    (page 1 at index 0), so any offset maps to its page with :func:`page_of`.
    """

    source: str
    title: str
    date: str | None
    text: str
    sha1: str  # of the raw bytes: the content hash that drives incremental builds
    author: str | None = None
    site: str | None = None
    #: start offset of each page in ``text`` (PDF only; empty otherwise)
    pages: tuple[int, ...] = ()
    #: "text", "html" or "pdf"
    kind: str = "text"
    #: where ``date`` came from: "metadata" (HTML), "sidecar", "dateline" (the text), or None
    date_source: str | None = None


def page_of(pages: tuple[int, ...] | list[int], offset: int) -> int | None:
    """The 1-based page holding ``offset``, or None for an article without pages."""
    if not pages:
        return None
    import bisect

    return max(1, bisect.bisect_right(list(pages), offset))


class UnreadableArticle(Exception):
    """A file that cannot be indexed; ``reason`` is a French phrase for the user."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} : {reason}")
        self.source = source
        self.reason = reason


def scan_corpus(root: Path) -> list[CorpusFile]:
    """Every article file below ``root`` (recursive, symlinked folders not followed), sorted."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"Le dossier du corpus n'existe pas : {root}")
    if not root.is_dir():
        raise CorpusError(f"Le corpus doit être un dossier : {root}")
    found: list[CorpusFile] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / name
            try:
                st = path.stat()
            except OSError:
                continue  # dangling symlink or vanished file: the build reports what it reads
            if not path.is_file():
                continue
            source = path.relative_to(root).as_posix()
            found.append(CorpusFile(source, path, st.st_size, st.st_mtime_ns))
    return sorted(found, key=lambda f: f.source)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else a legacy encoding; raises ValueError for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ValueError("fichier binaire (octets nuls)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # cp1252 is by far the most common legacy encoding for French text; it is strict about the
    # five bytes it leaves undefined, which catches most non-text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError("encodage non reconnu") from None
        text = str(best)
    controls = sum(1 for c in text[:4096] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(3, len(text[:4096]) // 100):
        raise ValueError("fichier binaire (caractères de contrôle)")
    return text


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_article(file: CorpusFile, data: bytes | None = None) -> Article:
    """Read, decode and describe one article; :class:`UnreadableArticle` says why not."""
    try:
        if data is None:
            data = file.path.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(file.source, f"lecture impossible ({exc.strerror or exc})") from exc
    suffix = Path(file.source).suffix.lower()
    if suffix in HTML_SUFFIXES:
        from index.html_article import read_html

        return read_html(file.source, data)
    if suffix in PDF_SUFFIXES:
        from index.pdf_article import read_pdf

        return read_pdf(file.source, data)
    try:
        text = normalise(decode(data))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(file.source, f"texte illisible : {exc}") from exc
    if not text.strip():
        raise UnreadableArticle(file.source, "fichier vide")
    return Article(
        source=file.source,
        title=extract_title(text, fallback=Path(file.source).stem),
        date=(date := extract_date(text)),
        text=text,
        sha1=hashlib.sha1(data).hexdigest(),
        date_source="dateline" if date else None,
    )


_MD_HEADING = re.compile(r"^#{1,6}\s+")


def extract_title(text: str, fallback: str = "", max_words: int = 14) -> str:
    """The first line when it reads as a heading; otherwise the first sentence, shortened."""
    lines = [ln.strip() for ln in text.split("\n")]
    first_idx = next((i for i, ln in enumerate(lines) if ln), None)
    if first_idx is None:
        return fallback
    first = _MD_HEADING.sub("", lines[first_idx]).strip()
    next_blank = first_idx + 1 >= len(lines) or not lines[first_idx + 1]
    words = first.split()
    heading_like = (
        0 < len(words) <= 25
        and not first.endswith((".", ",", ";", ":"))
        and (next_blank or _MD_HEADING.match(lines[first_idx]) or len(words) <= 15)
    )
    if heading_like:
        return first
    from index.sentences import split_sentences

    spans = split_sentences(first)
    sentence = first[spans[0][0] : spans[0][1]] if spans else first
    sw = sentence.split()
    if len(sw) <= max_words:
        return sentence
    return " ".join(sw[:max_words]).rstrip(",;:") + " …"


_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_DATE_FR = re.compile(
    r"\b(\d{1,2})(?:er)?\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE
)
_DATE_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
_DATELINE = re.compile(r"^\s*(?:date\s*:|publié|publie|mis à jour|paru)", re.IGNORECASE)


def extract_date(text: str) -> str | None:
    """A publication date stated in the article's header (first lines, or a « Publié le » line).

    Only the header is trusted: a date in the body is usually an event, not the publication.
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    candidates = [ln for ln in lines[:4] if len(ln.split()) <= 12 or _DATELINE.match(ln)]
    candidates += [ln for ln in lines if _DATELINE.match(ln)]
    for ln in candidates:
        for rx, order in ((_DATE_ISO, "ymd"), (_DATE_FR, "dMy"), (_DATE_NUM, "dmy")):
            m = rx.search(ln)
            if not m:
                continue
            try:
                if order == "ymd":
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                elif order == "dMy":
                    d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
                else:
                    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                import datetime as _dt

                return _dt.date(y, mo, d).isoformat()
            except (ValueError, KeyError):
                continue
    return None
