"""Hostile corpus files: each one is either indexed correctly or reported by name with its reason,
and never costs the other articles. (Symlink loops, permissions, files changing during a build
and damaged indexes are tested with the build itself.)"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

from index.chunking import chunk_text
from index.ingest import MAX_PDF_BYTES, MAX_TEXT_BYTES, UnreadableArticle, read_article, scan_corpus
from index.sentences import split_sentences
from tests.conftest import SAMPLE_CORPUS
from tests.fixtures_hostile import NEWS_BODY, encrypted_pdf, news_page, pdf_pages, scanned_pdf, write_sparse

PROSE = ("Le conseil municipal a voté jeudi soir le budget de la commune, après un débat de plus de "
         "trois heures sur le financement de la nouvelle médiathèque. ")
NO_PUNCT_WORDS = "maire conseil budget commune vote soir débat heures financement médiathèque".split()


def no_punctuation_lines(n_lines: int, words_per_line: int = 6, seed: int = 0) -> str:
    rng = random.Random(seed)
    return "\n".join(" ".join(rng.choice(NO_PUNCT_WORDS) for _ in range(words_per_line)) for _ in range(n_lines))


def reason_of(path: Path, root: Path) -> str:
    f = next(f for f in scan_corpus(root) if f.path == path)
    with pytest.raises(UnreadableArticle) as info:
        read_article(f)
    return info.value.reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b"")
    (tmp_path / "blanc.md").write_bytes(b" \n\r\n\t \n")
    (tmp_path / "vide.html").write_bytes(b"")
    (tmp_path / "vide.pdf").write_bytes(b"")
    for name in ("vide.txt", "blanc.md", "vide.html", "vide.pdf"):
        assert reason_of(tmp_path / name, tmp_path) == "fichier vide", name


def test_binary_files_named_as_articles(tmp_path: Path) -> None:
    rng = random.Random(3)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)))
    (tmp_path / "bruit.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    (tmp_path / "accents.md").write_bytes(bytes(rng.choice(range(160, 256)) for _ in range(4000)))
    (tmp_path / "image.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(rng.randrange(256) for _ in range(4000)))
    for name in ("photo.txt", "bruit.txt", "accents.md"):
        reason = reason_of(tmp_path / name, tmp_path)
        assert reason.startswith("texte illisible") and ("binaire" in reason or "encodage" in reason), (name, reason)
    assert "binaire" in reason_of(tmp_path / "image.html", tmp_path)


def test_legacy_and_damaged_encodings(tmp_path: Path) -> None:
    (tmp_path / "windows.txt").write_bytes(("Éric Dupond-Moretti a déclaré « ça suffit » : 50 € l'œuvre.\n" * 3)
                                           .encode("cp1252"))
    damaged = (PROSE * 5).encode() + b"\xc3\x28" + (PROSE * 5).encode()  # one broken byte in UTF-8
    (tmp_path / "abime.txt").write_bytes(damaged)
    files = {f.source: f for f in scan_corpus(tmp_path)}
    assert read_article(files["windows.txt"]).text.startswith("Éric Dupond-Moretti a déclaré « ça suffit » : 50 € l'œuvre.")
    text = read_article(files["abime.txt"]).text
    assert "médiathèque" in text and "Ã" not in text and text.count("\ufffd") == 1


def test_oversized_files_are_refused_without_being_read(tmp_path: Path) -> None:
    # Sparse files of NUL bytes: had they been read, the reason would be « binaire ».
    write_sparse(tmp_path / "enorme.txt", 50 * 1024 * 1024)
    write_sparse(tmp_path / "enorme.html", MAX_TEXT_BYTES + 1)
    write_sparse(tmp_path / "enorme.pdf", MAX_PDF_BYTES + 1)
    write_sparse(tmp_path / "moyen.pdf", MAX_TEXT_BYTES + 1)  # a PDF may be larger than a text file
    assert reason_of(tmp_path / "enorme.txt", tmp_path) == "fichier trop volumineux : 50 Mo (limite 10 Mo)"
    assert reason_of(tmp_path / "enorme.html", tmp_path) == "fichier trop volumineux : 10 Mo (limite 10 Mo)"
    assert reason_of(tmp_path / "enorme.pdf", tmp_path) == "fichier trop volumineux : 50 Mo (limite 50 Mo)"
    assert "volumineux" not in reason_of(tmp_path / "moyen.pdf", tmp_path)


def test_long_unpunctuated_text_is_cut_at_word_boundaries() -> None:
    # Sizes at which a quadratic step would take minutes to hours; linear code takes well under a second.
    for text in (no_punctuation_lines(10_000), " ".join(NO_PUNCT_WORDS * 10_000), "a" + "." * 100_000 + "b",
                 "début " + "». " * 50_000 + "fin", "Publicité\n" * 20_000 + PROSE):
        sents = split_sentences(text)
        assert sents and all(len(text[s:e].split()) <= 120 for s, e in sents)
        assert all(a[1] <= b[0] for a, b in zip(sents, sents[1:]))
        furniture = text.count("Publicité\n")  # each such line is excluded, as boilerplate would be
        chunks = chunk_text(text, excluded=[(10 * i, 10 * i + 9) for i in range(furniture)])
        assert chunks and all(c.end - c.start > 0 for c in chunks)
        covered = " ".join(text[c.start : c.end] for c in chunks).split()
        assert len(covered) == sum(len(text[s:e].split()) for c in chunks for s, e in c.sentences)


def test_html_without_article(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_bytes(b"<html><head><title>Accueil</title></head><body><nav>"
                                         b"<a href='/'>Accueil</a> <a href='/s'>Sport</a></nav></body></html>")
    assert reason_of(tmp_path / "menu.html", tmp_path) == "page HTML sans texte d'article"


def write_pdfs(folder: Path) -> dict[str, str | None]:
    """The PDF cases, with the reason each must be refused for (None: indexed)."""
    text_pdf = pdf_pages([[PROSE * 3], [PROSE * 2]], title="Budget municipal")
    cases: dict[str, tuple[bytes, str | None]] = {
        "protege-aes.pdf": (encrypted_pdf(text_pdf, "secret", "AES-256"), "PDF protégé par un mot de passe"),
        "protege-rc4.pdf": (encrypted_pdf(text_pdf, "secret", "RC4-128"), "PDF protégé par un mot de passe"),
        # Encrypted with an empty user password (copy/print restrictions only): opens as is.
        "restreint.pdf": (encrypted_pdf(text_pdf, "", "AES-128"), None),
        "tronque.pdf": (text_pdf[: len(text_pdf) // 3], "PDF illisible ou endommagé"),
        "abime.pdf": (text_pdf[:300] + bytes(range(256)) * 8, "PDF illisible ou endommagé"),
        "faux.pdf": (b"Ceci n'est pas un PDF, juste du texte.", "PDF illisible ou endommagé (en-tête PDF absent)"),
        "scanne.pdf": (scanned_pdf(), "PDF sans couche texte (document scanné ?)"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in cases.items()}


def test_pdf_cases(tmp_path: Path) -> None:
    expected = write_pdfs(tmp_path)
    for f in scan_corpus(tmp_path):
        if expected[f.source] is None:
            art = read_article(f)
            assert "médiathèque" in art.text and len(art.pages) == 2
        else:
            with pytest.raises(UnreadableArticle) as info:
                read_article(f)
            assert info.value.reason.startswith(expected[f.source]), f.source  # type: ignore[arg-type]


# -- the whole build over a hostile corpus --------------------------------------------------------

ODD_NAMES = ["article avec espaces.txt", "été à Noël – réveillon.md", "fête 🎉 de la musique.txt",
             "dossier accentué/Région Île-de-France.txt"]


def make_hostile_corpus(root: Path) -> dict[str, str]:
    """The sample articles plus every hostile file; returns {source: expected reason prefix}."""
    shutil.copytree(SAMPLE_CORPUS, root)
    refused: dict[str, str] = {}
    (root / "vide.txt").write_bytes(b"")
    refused["vide.txt"] = "fichier vide"
    rng = random.Random(7)
    (root / "binaire.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)))
    refused["binaire.txt"] = "texte illisible"
    (root / "charabia.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    refused["charabia.txt"] = "texte illisible : encodage non reconnu"
    (root / "windows-1252.txt").write_bytes(("Hausse des prix à Lyon\n\nLe prix du ticket passe à 2 € "
                                             "dès lundi, a annoncé l'opérateur « Sytral ».").encode("cp1252"))
    write_sparse(root / "journal-50Mo.txt", 50 * 1024 * 1024)
    refused["journal-50Mo.txt"] = "fichier trop volumineux : 50 Mo (limite 10 Mo)"
    # Kept to ~200 passages to embed (the larger inputs are in the splitter test above).
    (root / "sans-ponctuation.txt").write_text(no_punctuation_lines(10_000, 2), encoding="utf-8")
    (root / "une-seule-ligne.txt").write_text(" ".join(NO_PUNCT_WORDS * 300), encoding="utf-8")
    (root / "menu.html").write_bytes(b"<html><head><title>Accueil</title></head><body><nav><a href='/'>"
                                     b"Accueil</a> <a href='/s'>Sport</a></nav></body></html>")
    refused["menu.html"] = "page HTML sans texte d'article"
    (root / "barrages.html").write_bytes(news_page())
    for name, reason in write_pdfs(root).items():
        if reason is not None:
            refused[name] = reason
    (root / "dossier accentué").mkdir()
    for name in ODD_NAMES:
        (root / name).write_text(f"{Path(name).stem}\n\n{PROSE}", encoding="utf-8")
    # A name that is not valid UTF-8 (an old archive unpacked as is).
    with open(os.fsencode(root) + b"/caf\xe9-ancien.txt", "wb") as fh:
        fh.write(("Le café du port ferme\n\n" + PROSE).encode())
    (root / "avec-meta.txt").write_text("Un titre\n\n" + NEWS_BODY[0], encoding="utf-8")
    (root / "avec-meta.txt.json").write_text(json.dumps({"date": "2022-02-02", "site": "Le Journal"}), encoding="utf-8")
    return refused


@pytest.mark.slow
def test_build_over_a_hostile_corpus(tmp_path: Path, embedder, capsys: pytest.CaptureFixture[str]) -> None:
    from index.build import build_index
    from index.store import OpenIndex
    from qa.cli import main

    corpus = tmp_path / "corpus"
    refused = make_hostile_corpus(corpus)
    index_dir = tmp_path / "index"
    summary = build_index(corpus, index_dir, embedder)

    # Every hostile file that cannot be read is reported, by name, with its reason...
    assert set(summary.skipped) == set(refused), summary.skipped
    for source, reason in refused.items():
        assert summary.skipped[source].startswith(reason), (source, summary.skipped[source])
    # ...and everything else is indexed.
    idx = OpenIndex.open(index_dir)
    try:
        indexed = {a.source for a in idx.articles()}
        expected = {f.source for f in scan_corpus(corpus)} - set(refused)
        assert indexed == expected
        assert {p.name for p in SAMPLE_CORPUS.iterdir()} <= indexed
        assert {"restreint.pdf", "barrages.html", "windows-1252.txt", "caf\ufffd-ancien.txt"} <= indexed
        assert set(ODD_NAMES) <= indexed
        assert "« Sytral »" in str(idx.article("windows-1252.txt")["text"])
        meta = idx.article("avec-meta.txt")
        assert (meta["date"], meta["site"], meta["date_source"]) == ("2022-02-02", "Le Journal", "sidecar")
        # The unpunctuated texts are indexed whole, in passages of bounded length.
        for source in ("sans-ponctuation.txt", "une-seule-ligne.txt"):
            text = str(idx.article(source)["text"])
            assert text == (corpus / source).read_text(encoding="utf-8")
        rows = idx._query('SELECT source, start, "end" FROM passages WHERE source = ?', ("une-seule-ligne.txt",))
        assert rows and all(len(str(idx.article(r[0])["text"])[r[1] : r[2]].split()) <= 130 for r in rows[:5])
    finally:
        idx.close()

    # The command line: `veille index` names every skipped file with its reason, and odd names
    # round-trip through `veille show`.
    common = ["--corpus", str(corpus), "--index", str(index_dir)]
    assert main(["index", *common]) == 0
    err = capsys.readouterr().err
    for source, reason in refused.items():
        assert f"veille: ignoré {source} : {reason}" in err
    for source in ODD_NAMES + ["caf\ufffd-ancien.txt"]:
        assert main(["show", source, "--json", *common]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["source"] == source and PROSE.strip() in shown["text"]
