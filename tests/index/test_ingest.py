from pathlib import Path

import pytest

from index.ingest import UnreadableArticle, extract_title, read_article, scan_corpus


def test_scan_is_recursive_and_uses_relative_posix_sources(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.md").write_text("Titre\n\nTexte.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [f.source for f in scan_corpus(tmp_path)] == ["a/b/x.md", "y.txt"]


def test_cp1252_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("Le général a déclaré « près de 2.900 » hommes.".encode("cp1252"))
    art = read_article(scan_corpus(tmp_path)[0])
    assert "général" in art.text and "«" in art.text


def test_binary_and_empty_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    reasons = {}
    for f in scan_corpus(tmp_path):
        with pytest.raises(UnreadableArticle) as info:
            read_article(f)
        reasons[f.source] = info.value.reason
    assert "binaire" in reasons["binary.txt"]
    assert "vide" in reasons["empty.txt"]


def test_title_is_a_heading_line_or_a_short_first_sentence() -> None:
    assert extract_title("Premier contact depuis 2014\n\nEn avril 2016, le Conseil…") == "Premier contact depuis 2014"
    assert extract_title("# Un titre markdown\nTexte.") == "Un titre markdown"
    long_first = "Les armées française et russe discutent depuis plusieurs mois pour tenter de rapprocher leurs positions sur les grandes crises. Suite."
    title = extract_title(long_first)
    assert title.startswith("Les armées française et russe") and title.endswith("…") and len(title.split()) <= 15
