"""Reading a corpus folder: which files are articles, their text, title and date.

The text returned here is the reference for every offset Veille produces: decoded, newlines
normalised to ``\\n`` and Unicode NFC (so that « é » is one character whatever the editor wrote).
It is stored in the index and printed by ``veille show``; nothing else is ever removed from it.
"""

from __future__ import annotations

import hashlib
import json
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
#: Metadata beside an article: ``foo.txt.json`` describes ``foo.txt`` (see :func:`read_sidecar`).
SIDECAR_SUFFIX = ".json"

_MB = 1024 * 1024
#: A news article is a few dozen kilobytes; a text or HTML file over this is a dump, a log or a
#: mistake, and reading it would stall the build (and the passages would flood every search).
MAX_TEXT_BYTES = 10 * _MB
#: PDFs carry fonts and photos, so their file may be larger; their extracted text still obeys
#: :data:`MAX_TEXT_BYTES` (measured in UTF-8).
MAX_PDF_BYTES = 50 * _MB
#: A sidecar holds four short fields.
MAX_SIDECAR_BYTES = 64 * 1024


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


def size_label(n_bytes: int) -> str:
    """« 50 Mo », « 1,5 Mo »: sizes as the user reads them in messages."""
    mb = n_bytes / _MB
    text = f"{mb:.0f}" if mb >= 10 or mb == int(mb) else f"{mb:.1f}".replace(".", ",")
    return f"{text} Mo"


def byte_limit(source: str) -> int:
    """The largest file accepted for this article type."""
    return MAX_PDF_BYTES if source.lower().endswith(PDF_SUFFIXES) else MAX_TEXT_BYTES


def too_large(size: int, limit: int, what: str = "fichier") -> str:
    return f"{what} trop volumineux : {size_label(size)} (limite {size_label(limit)})"


def read_corpus_file(file: CorpusFile) -> bytes:
    """The article's bytes, refusing an oversized file *before* reading it (a 5 GB log named
    ``.txt`` must cost a ``stat``, not the machine's memory).

    Raises :class:`UnreadableArticle` for a file over the limit; an ``OSError`` is left to the
    caller, which knows how to word it (deleted during the build, permission…).
    """
    limit = byte_limit(file.source)
    with open(file.path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise UnreadableArticle(file.source, too_large(size, limit))
        data = fh.read(limit + 1)  # the file may grow while we read it
    if len(data) > limit:
        raise UnreadableArticle(file.source, too_large(len(data), limit))
    return data


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _readable_source(source: str) -> str:
    """A file name that is not valid UTF-8 comes from ``os.walk`` with lone surrogates, which
    SQLite and JSON refuse; its id shows the undecodable bytes as « � » instead."""
    try:
        source.encode("utf-8")
        return source
    except UnicodeEncodeError:
        return source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_corpus(root: Path) -> list[CorpusFile]:
    """Every article file below ``root`` (recursive, symlinked folders not followed), sorted.

    An article's sidecar (``foo.txt.json``) is not an article; its size and mtime are folded
    into the article's (sum, max) so that editing the sidecar makes the next build re-read it.
    """
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
            size, mtime_ns = st.st_size, st.st_mtime_ns
            if name + SIDECAR_SUFFIX in filenames:
                try:
                    side = sidecar_path(path).stat()
                    size, mtime_ns = size + side.st_size, max(mtime_ns, side.st_mtime_ns)
                except OSError:
                    pass
            source = _readable_source(path.relative_to(root).as_posix())
            found.append(CorpusFile(source, path, size, mtime_ns))
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
    # UTF-8 with a few damaged bytes (a truncated download, a bad copy): the valid multi-byte
    # characters far outnumber the invalid bytes, which become « � » instead of turning every
    # « é » into « Ã© » under a legacy reading.
    lenient = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    bad = lenient.count("\ufffd")
    if sum(1 for c in lenient if c > "\x7f") - bad >= 4 * bad:
        return lenient
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
    else:
        sample = text[:4096]
        # French in cp1252 is mostly ASCII (accents are a few per cent of the letters); random
        # bytes decode to a soup of « ÿÐ¾Ã »: refuse it rather than index garbage.
        if sum(1 for c in sample if c > "\x7f") > 0.3 * len(sample):
            raise ValueError("encodage non reconnu (octets sans rapport avec du texte)")
    controls = sum(1 for c in text[:4096] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(3, len(text[:4096]) // 100):
        raise ValueError("fichier binaire (caractères de contrôle)")
    return text


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_sidecar(file: CorpusFile) -> tuple[dict[str, str], bytes]:
    """The metadata a user wrote beside an article, and its raw bytes (for the content hash).

    ``foo.txt.json`` may hold "date" (ISO), "title", "author" and "site"; they override what
    was extracted, since a person wrote them. A malformed sidecar refuses the article with the
    reason, rather than silently indexing it without the metadata the user asked for.
    """
    path = sidecar_path(file.path)
    name = path.name
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SIDECAR_BYTES + 1)
    except FileNotFoundError:
        return {}, b""
    except OSError as exc:
        raise UnreadableArticle(file.source, f"métadonnées {name} illisibles ({exc.strerror or exc})") from exc
    if len(raw) > MAX_SIDECAR_BYTES:
        raise UnreadableArticle(file.source, f"métadonnées {name} trop volumineuses")
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnreadableArticle(file.source, f"métadonnées {name} illisibles (JSON invalide)") from exc
    if not isinstance(meta, dict):
        raise UnreadableArticle(file.source, f"métadonnées {name} illisibles (objet JSON attendu)")
    out: dict[str, str] = {}
    for key in ("date", "title", "author", "site"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise UnreadableArticle(file.source, f"métadonnées {name} : « {key} » doit être un texte")
        value = " ".join(unicodedata.normalize("NFC", value).split())
        if not value:
            continue
        if key == "date":
            iso = _iso_date(value)
            if iso is None:
                raise UnreadableArticle(
                    file.source, f"métadonnées {name} : date « {value[:40]} » invalide (attendu AAAA-MM-JJ)")
            value = iso
        out[key] = value
    return out, raw


def _iso_date(value: str) -> str | None:
    """``2024-03-12`` or a full ISO timestamp → ``2024-03-12``; None if not a real date."""
    import datetime as _dt

    m = re.match(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$", value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def content_sha1(file: CorpusFile, data: bytes) -> str:
    """The hash that says whether an article must be read again: its bytes, and its sidecar's."""
    h = hashlib.sha1(data)
    try:
        with open(sidecar_path(file.path), "rb") as fh:
            side = fh.read(MAX_SIDECAR_BYTES + 1)
    except OSError:
        return h.hexdigest()
    return _with_sidecar(h, side)


def _with_sidecar(h: "hashlib._Hash", side: bytes) -> str:
    if side:
        h.update(b"\0veille-sidecar\0")
        h.update(side)
    return h.hexdigest()


def read_article(file: CorpusFile, data: bytes | None = None) -> Article:
    """Read, decode and describe one article; :class:`UnreadableArticle` says why not."""
    if data is None:
        try:
            data = read_corpus_file(file)
        except OSError as exc:
            raise UnreadableArticle(file.source, f"lecture impossible ({exc.strerror or exc})") from exc
    elif len(data) > byte_limit(file.source):
        raise UnreadableArticle(file.source, too_large(len(data), byte_limit(file.source)))
    sidecar, side_raw = read_sidecar(file)
    suffix = Path(file.source).suffix.lower()
    if suffix in HTML_SUFFIXES:
        from index.html_article import read_html

        article = read_html(file.source, data)
    elif suffix in PDF_SUFFIXES:
        from index.pdf_article import read_pdf

        article = read_pdf(file.source, data)
    else:
        article = _read_text(file.source, data)
    check_text_size(file.source, article.text)
    if sidecar:
        import dataclasses

        article = dataclasses.replace(
            article,
            title=sidecar.get("title", article.title),
            author=sidecar.get("author", article.author),
            site=sidecar.get("site", article.site),
            date=sidecar.get("date", article.date),
            date_source="sidecar" if "date" in sidecar else article.date_source,
        )
    if side_raw:
        import dataclasses

        article = dataclasses.replace(article, sha1=_with_sidecar(hashlib.sha1(data), side_raw))
    return article


def check_text_size(source: str, text: str) -> None:
    """The text limit, whatever the format the text came from (a PDF may be small and wordy)."""
    if len(text) > MAX_TEXT_BYTES // 4 and len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise UnreadableArticle(source, too_large(len(text.encode("utf-8")), MAX_TEXT_BYTES, "texte"))


def _read_text(source: str, data: bytes) -> Article:
    try:
        text = normalise(decode(data))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(source, f"texte illisible : {exc}") from exc
    if not text.strip():
        raise UnreadableArticle(source, "fichier vide")
    return Article(
        source=source,
        title=extract_title(text, fallback=Path(source).stem),
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
#: « Publié le 3 avril 2024 », « Date : 2024-04-03 », « Mis en ligne le … »: the publication itself.
_PUBLISHED = re.compile(r"^\s*(?:date(?: de publication)?\s*:|publié|publie|paru|mis en ligne)", re.IGNORECASE)
#: « Mis à jour le … »: a later date, used only when no publication date is stated.
_UPDATED = re.compile(r"^\s*(?:mis à jour|mis a jour|màj|actualisé|modifié)", re.IGNORECASE)
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
#: A wire dateline opening the first paragraph: « PARIS, 12 mars 2024 (AFP) - »,
#: « Bruxelles (Belgique), le 3 avril 2024 — », and the regional press's « Carhaix, le 22 juillet
#: 2024. » or « … 2024 : ». Only the date before the dash (full stop, colon) is read.
WIRE_DATELINE = re.compile(
    r"^\s*[A-ZÀ-Ý][\w'’.\- ]{1,40}?(?:\s*\([^()\n]{1,30}\))?\s*,\s*(?:le\s+)?(?:" + _WEEKDAY + r"\s+)?"
    r"(?:(?P<date>[^,()\n]{6,30}?)\s*(?:\([^()\n]{1,20}\)\s*)?[-–—]"
    r"|(?P<short>(?:1er|\d{1,2})\s+[^\W\d]+\s+(?:19|20)\d{2})\s*[.:](?:\s|$))"
)


def _first_date(line: str) -> str | None:
    """The earliest well-formed date written in ``line`` (ISO, « 12 mars 2024 » or 12/03/2024)."""
    import datetime as _dt

    found: list[tuple[int, str]] = []
    for rx, order in ((_DATE_ISO, "ymd"), (_DATE_FR, "dMy"), (_DATE_NUM, "dmy")):
        for m in rx.finditer(line):
            try:
                if order == "ymd":
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                elif order == "dMy":
                    d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
                else:
                    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                found.append((m.start(), _dt.date(y, mo, d).isoformat()))
                break
            except (ValueError, KeyError):
                continue
    return min(found)[1] if found else None


def extract_date(text: str) -> str | None:
    """A publication date stated in the article's header: a « Publié le » line, a wire dateline
    (« PARIS, 12 mars 2024 (AFP) - »), a short line among the first four, else « Mis à jour le ».

    Only the header is trusted: a date in the body is usually an event, not the publication.
    """
    lines: list[str] = []
    for ln in text.split("\n", 200)[:200]:  # the header is at the top; never scan a whole dump
        if ln.strip():
            lines.append(ln[:300])
    for ln in lines[:40]:
        if _PUBLISHED.match(ln) and (date := _first_date(ln)):
            return date
    for ln in lines[:6]:
        m = WIRE_DATELINE.match(ln)
        if m and (date := _first_date(m.group("date") or m.group("short"))):
            return date
    for ln in lines[:4]:
        if len(ln.split()) <= 12 and not _UPDATED.match(ln) and (date := _first_date(ln)):
            return date
    for ln in lines[:40]:
        if _UPDATED.match(ln) and (date := _first_date(ln)):
            return date
    return None
