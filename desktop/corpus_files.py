"""Adding articles to, and removing them from, the corpus folder, without ever losing one.

Why so careful: the corpus is the user's material, and dropped files or folders may come from
anywhere (a downloads folder, an archive someone sent). So:

* files are *copied* in (the original stays where it was), as regular files: a link is never
  created in the corpus, and links met while walking a dropped folder are not followed;
* a name is reduced to a bare, printable file name (no folders, no ``..``, no leading dot, not
  absurdly long) and the copy is written under a fresh hidden temporary name opened exclusively,
  then given its final name with a call that fails rather than replace: nothing lands outside
  the folder and no file of the corpus (or a link planted there) is ever overwritten;
* a name that already exists gets a new one (« article (2).txt »); an identical file already
  present is reported, not duplicated;
* only regular files are read (a named pipe called ``x.txt`` would block the copy forever);
* a sidecar ``<name>.json`` (metadata: date, author… see ``index.ingest.read_sidecar``) beside
  an article travels with it and follows its new name;
* a removed article is moved aside into the data folder's « corbeille » rather than deleted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from index.ingest import ARTICLE_SUFFIXES, MAX_SIDECAR_BYTES, SIDECAR_SUFFIX
#: File names are limited to 255 bytes; keep room for « (n) » and the sidecar's « .json ».
NAME_MAX_BYTES = 200
SUFFIXES_TEXT = ", ".join(ARTICLE_SUFFIXES)


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)  # sources (paths relative to the corpus)
    duplicates: list[str] = field(default_factory=list)  # identical to an existing article
    ignored: list[str] = field(default_factory=list)  # not an article file (or unreadable), with why
    sidecars: list[str] = field(default_factory=list)  # metadata files copied with their article

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} article(s) ajouté(s)")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} déjà présent(s)")
        if self.ignored:
            parts.append(f"{len(self.ignored)} ignoré(s)")
        return ", ".join(parts) or "aucun fichier"


def is_article_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def _is_regular(path: Path, follow: bool) -> bool:
    try:
        st = path.stat() if follow else path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode)


def _digest(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sidecar_name(name: str) -> str:
    """« a.txt » → « a.txt.json », as the index looks for it."""
    return name + SIDECAR_SUFFIX


def sidecar_of(path: Path) -> Path | None:
    """The sidecar beside ``path`` when it is a regular file (a link is not followed)."""
    candidate = path.with_name(sidecar_name(path.name))
    return candidate if _is_regular(candidate, follow=False) else None


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[str]]:
    """Article files among ``paths``, folders walked recursively; plus what was ignored and why.

    A file named by the user is taken even through a link (it is copied, not linked); inside a
    dropped folder, links are skipped: a folder downloaded from elsewhere may point anywhere.
    """
    files: list[Path] = []
    ignored: list[str] = []
    given = [Path(raw) for raw in paths]
    # A .json given with its article is that article's sidecar, not an ignored file.
    companions = {p.with_name(sidecar_name(p.name)) for p in given if p.name.lower().endswith(ARTICLE_SUFFIXES)}
    for p in given:
        if p.is_dir():
            for dirpath, dirnames, names in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(names):
                    if not is_article_name(name):
                        continue
                    q = Path(dirpath) / name
                    if q.is_symlink():
                        ignored.append(f"{name} : lien symbolique ignoré")
                    elif not _is_regular(q, follow=False):
                        ignored.append(f"{name} : pas un fichier ordinaire")
                    else:
                        files.append(q)
        elif p in companions:
            continue
        elif p.exists() and not _is_regular(p, follow=True):
            ignored.append(f"{p.name} : pas un fichier ordinaire")
        elif p.is_file():
            if p.name.lower().endswith(ARTICLE_SUFFIXES):  # a hidden file chosen by name: taken, renamed
                files.append(p)
            else:
                ignored.append(f"{p.name} : seuls les fichiers {SUFFIXES_TEXT} sont lus")
        else:
            ignored.append(f"{p} : introuvable")
    return files, ignored


def _truncate(stem: str, suffix: str) -> str:
    budget = NAME_MAX_BYTES - len(suffix.encode("utf-8"))
    data = stem.encode("utf-8")
    if len(data) <= budget:
        return stem + suffix
    return data[:budget].decode("utf-8", "ignore").rstrip() + suffix


def safe_name(name: str) -> str:
    """A bare file name: no folders, no leading dots, no control characters, not too long;
    an article's suffix (« .txt », « .pdf »…) is kept."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable() and c not in "/\0").strip()
    suffix = next((name[-len(s):] for s in ARTICLE_SUFFIXES if name.lower().endswith(s)), "")
    stem = name[: len(name) - len(suffix)].lstrip(". ").rstrip()
    if not stem:
        return "article" + (suffix or ".txt")
    return _truncate(stem, suffix)


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def free_name(folder: Path, name: str, sidecar: bool = False) -> Path:
    """``folder/name``, or ``folder/stem (2).ext`` … when that (or, with ``sidecar``, the name
    its sidecar would take) exists: nothing is overwritten, no orphan sidecar is adopted."""
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        candidate = name if n == 1 else f"{stem} ({n}){suffix}"
        target = folder / candidate
        if not _taken(target) and not (sidecar and _taken(folder / sidecar_name(candidate))):
            return target
        n += 1


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is a direct entry of ``folder`` (its parent resolved, its own name not)."""
    return path.parent.resolve() == folder and path.name not in ("", ".", "..")


def _copy_in(src: Path, corpus: Path, target: Path, rename: bool) -> Path:
    """Copy ``src`` to ``target`` through a hidden temporary file; never replaces anything.

    ``rename``: on a name taken meanwhile, pick the next free one (else raise FileExistsError).
    """
    if not _inside(target, corpus):
        raise PermissionError(f"nom refusé : {target.name}")
    # mkstemp opens with O_CREAT|O_EXCL: a file or link planted under a guessable temporary
    # name cannot redirect the write. The index skips dot-files, so a half copy is never read.
    fd, tmp_name = tempfile.mkstemp(prefix=".veille-", suffix=".part", dir=corpus)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as fh:
            shutil.copyfileobj(fh, out, 1 << 20)
            os.fchmod(out.fileno(), 0o644)
        return _publish(tmp, corpus, target, rename)
    finally:
        if tmp.exists():
            tmp.unlink()


def _publish(tmp: Path, corpus: Path, target: Path, rename: bool = True) -> Path:
    """Give ``tmp`` its final name without ever replacing a file that appeared meanwhile."""
    for _ in range(1000):
        try:
            os.link(tmp, target, follow_symlinks=False)  # fails instead of replacing: no race
            return target
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: reserve the name, then fill it
            try:
                os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except FileExistsError:
                pass
            else:
                os.replace(tmp, target)  # replaces only the empty file just created
                return target
        if not rename:
            raise FileExistsError(f"{target.name} existe déjà")
        target = free_name(corpus, target.name)
    raise OSError(f"aucun nom libre pour {target.name}")


def add_articles(corpus: Path, paths: Iterable[str | os.PathLike[str]]) -> AddResult:
    """Copy article files (and the article files of folders) into ``corpus``, with their sidecars."""
    corpus = Path(corpus).resolve()
    result = AddResult()
    files, result.ignored = expand(paths)
    existing: dict[int, list[Path]] = {}
    for dirpath, dirnames, names in os.walk(corpus):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in names:
            q = Path(dirpath) / name
            try:
                st = q.lstat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):  # never open a pipe or follow a link to compare
                existing.setdefault(st.st_size, []).append(q)
    for src in files:
        try:
            src_res = src.resolve()
            if src_res.is_relative_to(corpus):
                result.duplicates.append(src.name)  # already in the corpus
                continue
            if not _is_regular(src_res, follow=False):
                result.ignored.append(f"{src.name} : pas un fichier ordinaire")
                continue
            size = src_res.stat().st_size
            digest = _digest(src_res)
            if any(_digest(q) == digest for q in existing.get(size, [])):
                result.duplicates.append(src.name)
                continue
            sidecar = sidecar_of(src)
            if sidecar is not None and sidecar.stat().st_size > MAX_SIDECAR_BYTES:
                result.ignored.append(f"{sidecar.name} : métadonnées trop volumineuses, non copiées")
                sidecar = None
            target = free_name(corpus, safe_name(src.name), sidecar is not None)
            target = _copy_in(src_res, corpus, target, rename=True)
            existing.setdefault(size, []).append(target)
            result.added.append(target.relative_to(corpus).as_posix())
            if sidecar is not None:
                dest = corpus / sidecar_name(target.name)
                try:
                    _copy_in(sidecar, corpus, dest, rename=False)
                    result.sidecars.append(dest.name)
                except OSError as exc:
                    result.ignored.append(f"{sidecar.name} : métadonnées non copiées ({exc.strerror or exc})")
        except OSError as exc:
            result.ignored.append(f"{src.name} : {exc.strerror or exc}")
    return result


def remove_article(corpus: Path, source: str, trash: Path) -> Path:
    """Move ``corpus/source`` (and its sidecar) into ``trash`` (kept, not deleted); return where
    the article went. A link in the corpus is moved as a link: what it points to is untouched."""
    corpus = Path(corpus).resolve()
    path = corpus / source
    parts = Path(source).parts
    if (not source or Path(source).is_absolute() or ".." in parts or not path.parent.resolve().is_relative_to(corpus)
            or not (path.is_symlink() or _is_regular(path, follow=False))):
        raise FileNotFoundError(f"{source} n'est pas un article du corpus")
    sidecar = sidecar_of(path)
    folder = Path(trash) / time.strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    target = free_name(folder, path.name, sidecar is not None)
    shutil.move(str(path), target)
    if sidecar is not None:
        shutil.move(str(sidecar), folder / sidecar_name(target.name))
    return target
