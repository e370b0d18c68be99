"""Adding and removing articles never overwrites, moves or loses a user's file."""

from __future__ import annotations

from pathlib import Path

from desktop.corpus_files import add_articles, remove_article, safe_name


def test_copy_rename_on_clash_skip_duplicates_and_non_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("ancien", encoding="utf-8")
    src = tmp_path / "src"
    (src / "sous-dossier").mkdir(parents=True)
    (src / "a.txt").write_text("nouveau", encoding="utf-8")
    (src / "sous-dossier" / "b.md").write_text("# Titre\n\ntexte", encoding="utf-8")
    (src / "sous-dossier" / "image.png").write_bytes(b"\x89PNG")
    (src / "copie.txt").write_text("ancien", encoding="utf-8")  # same bytes as a.txt
    photo = src / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")

    result = add_articles(corpus, [src / "a.txt", src / "sous-dossier", src / "copie.txt", photo])
    assert result.added == ["a (2).txt", "b.md"]
    assert result.duplicates == ["copie.txt"]
    assert len(result.ignored) == 1 and "photo.jpg" in result.ignored[0]
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "ancien"
    assert (corpus / "a (2).txt").read_text(encoding="utf-8") == "nouveau"
    assert (src / "a.txt").exists()  # copied, not moved
    assert not list(corpus.glob(".*.part"))
    # Adding the same files again adds nothing.
    again = add_articles(corpus, [src / "a.txt"])
    assert again.added == [] and again.duplicates == ["a.txt"]


def test_names_cannot_escape_the_corpus(tmp_path: Path) -> None:
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\..\\x.txt") == "x.txt"
    assert safe_name(".cache.txt") == "cache.txt"
    assert safe_name("..") == "article.txt"


def test_remove_moves_to_trash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("texte", encoding="utf-8")
    kept = remove_article(corpus, "a.txt", tmp_path / "corbeille")
    assert not (corpus / "a.txt").exists() and kept.read_text(encoding="utf-8") == "texte"
    import pytest

    with pytest.raises(FileNotFoundError):
        remove_article(corpus, "../corbeille/" + kept.parent.name + "/a.txt", tmp_path / "corbeille")
