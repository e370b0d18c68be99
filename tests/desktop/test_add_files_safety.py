"""Adding files from the desktop can neither escape the corpus folder nor overwrite anything.

One test per attack: hostile names, links planted in the corpus or in a dropped folder, named
pipes, name clashes with an article or with its sidecar; plus the new formats and sidecars.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from desktop.corpus_files import NAME_MAX_BYTES, add_articles, remove_article, safe_name


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    return c


@pytest.fixture
def src(tmp_path: Path) -> Path:
    s = tmp_path / "depot"
    s.mkdir()
    return s


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_html_pdf_and_text_are_accepted_json_alone_is_not(corpus: Path, src: Path) -> None:
    for name in ("a.html", "b.htm", "c.PDF", "d.md", "e.txt"):
        (src / name).write_bytes(name.encode() + b" contenu")
    (src / "notes.json").write_text("{}", encoding="utf-8")
    (src / "image.png").write_bytes(b"\x89PNG")
    result = add_articles(corpus, sorted(src.iterdir()))
    assert sorted(result.added) == ["a.html", "b.htm", "c.PDF", "d.md", "e.txt"]
    assert len(result.ignored) == 2 and all(".pdf" in why for why in result.ignored)
    assert listing(corpus) == ["a.html", "b.htm", "c.PDF", "d.md", "e.txt"]


def test_hostile_names_stay_inside(corpus: Path, src: Path, tmp_path: Path) -> None:
    assert safe_name("../../x.txt") == "x.txt"
    assert safe_name("/etc/cron.d/x.txt") == "x.txt"
    assert safe_name("C:\\Windows\\x.pdf") == "x.pdf"
    assert safe_name(".txt") == "article.txt" and safe_name("..pdf") == "article.pdf"
    assert safe_name("a\x00b\x1b[31m.txt") == "ab[31m.txt"
    long = safe_name("é" * 300 + ".html")
    assert long.endswith(".html") and len(long.encode()) <= NAME_MAX_BYTES
    # Backslashes are legal in Linux names: a file called « ..\..\evil.txt » lands as evil.txt.
    evil = src / "..\\..\\evil.txt"
    evil.write_text("x", encoding="utf-8")
    (src / ("n" * 240 + ".txt")).write_text("long", encoding="utf-8")
    result = add_articles(corpus, [evil, *[p for p in src.iterdir() if p != evil]])
    assert result.added[0] == "evil.txt"
    assert all("/" not in a and not a.startswith(".") for a in result.added)
    assert len(result.added) == 2 and set(listing(corpus)) == set(result.added)
    assert listing(tmp_path) == sorted(["corpus", "depot", *[f"corpus/{a}" for a in result.added],
                                        *[f"depot/{p.name}" for p in src.iterdir()]])


def test_link_planted_in_corpus_is_not_written_through(corpus: Path, src: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victime.txt"
    victim.write_text("précieux", encoding="utf-8")
    (corpus / "a.txt").symlink_to(victim)
    (corpus / "b.txt").symlink_to(tmp_path / "nulle-part.txt")  # dangling
    (corpus / ".a.txt.part").symlink_to(victim)  # the temporary name an older version used
    (src / "a.txt").write_text("nouveau A", encoding="utf-8")
    (src / "b.txt").write_text("nouveau B", encoding="utf-8")
    result = add_articles(corpus, [src / "a.txt", src / "b.txt"])
    assert result.added == ["a (2).txt", "b (2).txt"]
    assert victim.read_text(encoding="utf-8") == "précieux"
    assert not (tmp_path / "nulle-part.txt").exists()
    assert (corpus / "a (2).txt").read_text(encoding="utf-8") == "nouveau A"
    assert not (corpus / "a (2).txt").is_symlink()


def test_links_in_a_dropped_folder_are_not_followed(corpus: Path, src: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "mots-de-passe.txt").write_text("hunter2", encoding="utf-8")
    (src / "vrai.txt").write_text("un article", encoding="utf-8")
    (src / "lien.txt").symlink_to(secret / "mots-de-passe.txt")
    (src / "dossier-lie").symlink_to(secret, target_is_directory=True)
    result = add_articles(corpus, [src])
    assert result.added == ["vrai.txt"]
    assert any("lien.txt" in why and "lien symbolique" in why for why in result.ignored)
    assert listing(corpus) == ["vrai.txt"]


def test_a_link_the_user_names_is_copied_as_a_plain_file(corpus: Path, src: Path, tmp_path: Path) -> None:
    real = tmp_path / "ailleurs.txt"
    real.write_text("contenu réel", encoding="utf-8")
    (src / "raccourci.txt").symlink_to(real)
    result = add_articles(corpus, [src / "raccourci.txt"])
    assert result.added == ["raccourci.txt"]
    copied = corpus / "raccourci.txt"
    assert not copied.is_symlink() and copied.read_text(encoding="utf-8") == "contenu réel"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipes_never_block(corpus: Path, src: Path) -> None:
    os.mkfifo(src / "tube.txt")
    os.mkfifo(corpus / "tube-du-corpus.txt")
    (src / "ok.txt").write_text("texte", encoding="utf-8")
    out: list = []
    worker = threading.Thread(target=lambda: out.append(add_articles(corpus, [src, src / "tube.txt"])), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "adding files blocked on a named pipe"
    result = out[0]
    assert result.added == ["ok.txt"]
    assert sum("tube.txt" in why for why in result.ignored) == 2


def test_clash_renames_article_and_sidecar_together(corpus: Path, src: Path) -> None:
    (corpus / "a.html").write_text("<p>ancien</p>", encoding="utf-8")
    (corpus / "a (2).html.json").write_text("{}", encoding="utf-8")  # an orphan sidecar takes « (2) »
    (src / "a.html").write_text("<p>nouveau</p>", encoding="utf-8")
    meta = {"date": "2024-03-12", "author": "Marie Dupont"}
    (src / "a.html.json").write_text(json.dumps(meta), encoding="utf-8")
    result = add_articles(corpus, [src / "a.html", src / "a.html.json"])
    assert result.added == ["a (3).html"] and result.sidecars == ["a (3).html.json"]
    assert result.ignored == []  # the .json given with its article is no « ignored » file
    assert json.loads((corpus / "a (3).html.json").read_text(encoding="utf-8")) == meta
    assert (corpus / "a.html").read_text(encoding="utf-8") == "<p>ancien</p>"
    assert (corpus / "a (2).html.json").read_text(encoding="utf-8") == "{}"


def test_oversized_sidecar_stays_behind(corpus: Path, src: Path) -> None:
    from index.ingest import MAX_SIDECAR_BYTES

    (src / "rapport.pdf").write_bytes(b"%PDF nouveau")
    (src / "rapport.pdf.json").write_text('{"date": "2023-01-05", "x": "' + "a" * MAX_SIDECAR_BYTES + '"}',
                                          encoding="utf-8")
    (src / "rapport.json").write_text("{}", encoding="utf-8")  # not a sidecar the index reads
    result = add_articles(corpus, [src])
    assert result.added == ["rapport.pdf"] and result.sidecars == []
    assert any("trop volumineuses" in why for why in result.ignored)
    assert listing(corpus) == ["rapport.pdf"]


def test_identical_file_and_the_corpus_itself_add_nothing(corpus: Path, src: Path) -> None:
    (corpus / "a.txt").write_text("même texte", encoding="utf-8")
    (src / "copie.txt").write_text("même texte", encoding="utf-8")
    result = add_articles(corpus, [src / "copie.txt", corpus, corpus / "a.txt"])
    assert result.added == [] and sorted(result.duplicates) == ["a.txt", "a.txt", "copie.txt"]
    assert listing(corpus) == ["a.txt"]


def test_remove_refuses_paths_outside_and_moves_links_and_sidecars(corpus: Path, tmp_path: Path) -> None:
    trash = tmp_path / "corbeille"
    outside = tmp_path / "dehors.txt"
    outside.write_text("ne pas toucher", encoding="utf-8")
    for bad in ("../dehors.txt", str(outside), "", "."):
        with pytest.raises(FileNotFoundError):
            remove_article(corpus, bad, trash)
    assert outside.exists()
    (corpus / "lien.txt").symlink_to(outside)
    kept = remove_article(corpus, "lien.txt", trash)
    assert kept.is_symlink() and outside.read_text(encoding="utf-8") == "ne pas toucher"
    (corpus / "a.html").write_text("<p>a</p>", encoding="utf-8")
    (corpus / "a.html.json").write_text("{}", encoding="utf-8")
    kept = remove_article(corpus, "a.html", trash)
    assert (kept.parent / "a.html.json").exists() and not (corpus / "a.html.json").exists()
