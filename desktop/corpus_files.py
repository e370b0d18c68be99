"""Adding articles to, and removing them from, the corpus folder, without ever losing one.

Why so careful: the corpus is the user's material. Files are *copied* in (the original stays
where it was), a name that already exists gets a new name instead of being overwritten (an
identical file already present is reported, not duplicated), names are reduced to a bare file
name so nothing lands outside the folder, and a removed article is moved aside into the data
folder's « corbeille » rather than deleted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

#: What the index reads (index.ingest.ARTICLE_SUFFIXES); other dropped files are reported.
ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)  # sources (paths relative to the corpus)
    duplicates: list[str] = field(default_factory=list)  # identical to an existing article
    ignored: list[str] = field(default_factory=list)  # not an article file (or unreadable), with why

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} article(s) ajouté(s)")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} déjà présent(s)")
        if self.ignored:
            parts.append(f"{len(self.ignored)} ignoré(s)")
        return ", ".join(parts) or "aucun fichier"


def _digest(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[str]]:
    """Article files among ``paths``, folders walked recursively; plus what was ignored and why."""
    files: list[Path] = []
    ignored: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for dirpath, dirnames, names in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                        files.append(Path(dirpath) / name)
        elif p.is_file():
            if p.name.lower().endswith(ARTICLE_SUFFIXES):
                files.append(p)
            else:
                ignored.append(f"{p.name} : seuls les fichiers .txt et .md sont lus")
        else:
            ignored.append(f"{p} : introuvable")
    return files, ignored


def safe_name(name: str) -> str:
    """A bare file name: no folders, no leading dots, no control characters."""
    name = Path(name.replace("\\", "/")).name
    name = "".join(c for c in name if c.isprintable() and c not in '/\0').strip().lstrip(".")
    return name or "article.txt"


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/stem (2).ext`` … when that exists: nothing is overwritten."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while target.exists() or target.is_symlink():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target


def add_articles(corpus: Path, paths: Iterable[str | os.PathLike[str]]) -> AddResult:
    """Copy article files (and the article files of folders) into ``corpus``."""
    corpus = Path(corpus).resolve()
    result = AddResult()
    files, result.ignored = expand(paths)
    existing: dict[int, list[Path]] = {}
    for dirpath, _, names in os.walk(corpus):
        for name in names:
            q = Path(dirpath) / name
            try:
                existing.setdefault(q.stat().st_size, []).append(q)
            except OSError:
                continue
    for src in files:
        try:
            src_res = src.resolve()
            if src_res.is_relative_to(corpus):
                result.duplicates.append(src.name)  # already in the corpus
                continue
            size = src_res.stat().st_size
            digest = _digest(src_res)
            if any(_digest(q) == digest for q in existing.get(size, [])):
                result.duplicates.append(src.name)
                continue
            target = free_name(corpus, safe_name(src.name))
            if target.resolve().parent != corpus:  # belt and braces against traversal
                result.ignored.append(f"{src.name} : nom refusé")
                continue
            # Write under a hidden temporary name (the index skips dot-files), then rename:
            # a half-copied article is never seen, and an existing file is never replaced.
            tmp = corpus / f".{target.name}.part"
            shutil.copyfile(src_res, tmp)
            os.chmod(tmp, 0o644)
            try:
                target = _publish(tmp, corpus, target)
            finally:
                if tmp.exists():
                    tmp.unlink()
            existing.setdefault(size, []).append(target)
            result.added.append(target.relative_to(corpus).as_posix())
        except OSError as exc:
            result.ignored.append(f"{src.name} : {exc.strerror or exc}")
    return result


def _publish(tmp: Path, corpus: Path, target: Path) -> Path:
    """Give ``tmp`` its final name without ever replacing a file that appeared meanwhile."""
    for _ in range(100):
        try:
            os.link(tmp, target)  # fails instead of replacing: no race with other programs
            return target
        except FileExistsError:
            target = free_name(corpus, target.name)
        except OSError:  # a file system without hard links
            if not target.exists():
                os.rename(tmp, target)
                return target
            target = free_name(corpus, target.name)
    raise OSError(f"aucun nom libre pour {target.name}")


def remove_article(corpus: Path, source: str, trash: Path) -> Path:
    """Move ``corpus/source`` into ``trash`` (kept, not deleted); return where it went."""
    corpus = Path(corpus).resolve()
    path = (corpus / source).resolve()
    if not path.is_relative_to(corpus) or not path.is_file():
        raise FileNotFoundError(f"{source} n'est pas un article du corpus")
    folder = Path(trash) / time.strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    target = free_name(folder, path.name)
    shutil.move(str(path), target)
    return target
