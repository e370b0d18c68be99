"""Faults: damaged index files, an index folder that cannot be written, odd corpus entries.

Everything runs on the real model, real files, real SQLite; the only fakes are the fault
injections that cannot be produced for real on this machine (a full disk, and permission
refusals while the tests run as root, who ignores permission bits). Each one says so.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

from index.build import build_index, check_staleness
from index.retriever import Retriever
from index.store import CHECKSUMS, OpenIndex, current_generation
from models.embedder import Embedder
from models.errors import IndexCorrupt, IndexWriteError
from qa.cli import main
from tests.conftest import SAMPLE_CORPUS

QUERY = "Lecointre Guerassimov 10 juillet"
LECOINTRE = "003_546b02830ba72005.txt"
REBUILD_HINT = "reconstruisez-le : veille index --rebuild"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        embedder: Embedder) -> Callable[..., tuple[int, str, str]]:
    """``veille`` in-process, sharing the session's loaded model (a fresh load per call would
    cost seconds and prove nothing more)."""
    monkeypatch.setattr("index.workspace.Embedder", lambda path=None: embedder)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="module")
def template_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    index_dir = tmp_path_factory.mktemp("faults") / "index"
    build_index(SAMPLE_CORPUS, index_dir, embedder)
    return index_dir


@pytest.fixture
def index_copy(template_index: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "index"
    shutil.copytree(template_index, dst)
    return dst


def _target(index_dir: Path, name: str) -> Path:
    if name == "CURRENT":
        return index_dir / "CURRENT"
    gen = current_generation(index_dir)
    assert gen is not None
    return gen / name


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    rng = random.Random(f"{path.name}-{how}")
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        path.write_bytes(bytes(rng.randrange(256) for _ in range(len(data))))
    elif how == "flip":  # three bytes inverted in the middle of the file, length unchanged
        buf = bytearray(data)
        for pos in (len(buf) // 3, len(buf) // 2, 2 * len(buf) // 3):
            buf[pos] ^= 0xFF
        path.write_bytes(bytes(buf))
    else:  # pragma: no cover
        raise ValueError(how)


FILES = ["vectors.npy", "lexical/tf_indptr.npy", "lexical/tf_indices.npy", "lexical/tf_data.npy",
         "lexical/vocab.json", "meta.sqlite", "manifest.json", "CURRENT"]


@pytest.mark.parametrize("how", ["truncate", "garbage", "flip"])
@pytest.mark.parametrize("name", FILES)
def test_damaged_file_is_reported_then_rebuilt(name: str, how: str, index_copy: Path, cli) -> None:
    damage(_target(index_copy, name), how)
    args = ("--corpus", str(SAMPLE_CORPUS), "--index", str(index_copy))

    code, out, err = cli("search", QUERY, "--json", *args)
    assert code != 0 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one line, no traceback
    assert lines[0].startswith("veille: L'index est endommagé (") and lines[0].endswith(REBUILD_HINT)
    with pytest.raises(IndexCorrupt):
        OpenIndex.open(index_copy)

    # A plain incremental `veille index` notices the damage and rebuilds everything.
    code, out, err = cli("index", "--json", *args)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["full_rebuild"] and "endommagé" in summary["reason"]
    assert summary["added"] == 5 and summary["unchanged"] == 0

    code, out, _ = cli("search", QUERY, "--json", *args)
    assert code == 0
    hits = json.loads(out)["hits"]
    assert LECOINTRE in [h["source"] for h in hits]
    for h in hits:
        assert (SAMPLE_CORPUS / h["source"]).read_text(encoding="utf-8")[h["start"] : h["end"]] == h["text"]


def test_ask_on_a_damaged_index_gives_the_same_one_line_message(index_copy: Path, cli) -> None:
    damage(_target(index_copy, "meta.sqlite"), "flip")
    code, out, err = cli("ask", "Quand Lecointre a-t-il appelé Guerassimov ?", "--corpus", str(SAMPLE_CORPUS),
                         "--index", str(index_copy))
    assert code == 2 and out == "" and err.strip().endswith(REBUILD_HINT) and len(err.strip().splitlines()) == 1


# -- structural checks (a generation written before checksums existed has none) -------------------
def _vectors_scaled(path: Path) -> None:
    v = np.load(path)
    v[3] *= 2.0
    np.save(path, v)


def _vectors_nan(path: Path) -> None:
    v = np.load(path)
    v[1, 7] = np.nan
    np.save(path, v)


def _vectors_float64(path: Path) -> None:
    np.save(path, np.load(path).astype(np.float64))


def _vectors_one_row_short(path: Path) -> None:
    np.save(path, np.load(path)[:-1])


def _term_out_of_vocab(path: Path) -> None:
    idx = np.load(path)
    idx[len(idx) // 2] = 10**6
    np.save(path, idx)


def _indptr_decreasing(path: Path) -> None:
    ptr = np.load(path)
    ptr[2], ptr[3] = ptr[3], ptr[2] - 1
    np.save(path, ptr)


def _npy_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 100])


def _passage_deleted(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM passages WHERE id = 2")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("name, damage_fn", [
    ("vectors.npy", _vectors_scaled), ("vectors.npy", _vectors_nan), ("vectors.npy", _vectors_float64),
    ("vectors.npy", _vectors_one_row_short), ("vectors.npy", _npy_truncated),
    ("lexical/tf_indices.npy", _term_out_of_vocab), ("lexical/tf_indptr.npy", _indptr_decreasing),
    ("lexical/tf_data.npy", _npy_truncated), ("meta.sqlite", _passage_deleted),
], ids=lambda x: getattr(x, "__name__", x))
def test_structural_checks_without_checksums(name: str, damage_fn: Callable[[Path], None], index_copy: Path,
                                             embedder: Embedder) -> None:
    gen = current_generation(index_copy)
    assert gen is not None
    (gen / CHECKSUMS).unlink()
    OpenIndex.open(index_copy).close()  # still opens without checksums
    damage_fn(gen / name)
    with pytest.raises(IndexCorrupt) as info:
        OpenIndex.open(index_copy)
    assert str(info.value).endswith(REBUILD_HINT)
    summary = build_index(SAMPLE_CORPUS, index_copy, embedder)
    assert summary.full_rebuild and "endommagé" in summary.reason
    OpenIndex.open(index_copy).close()


def test_numpy_refuses_truncated_files_even_with_mmap(tmp_path: Path) -> None:
    """What the loaders rely on: a truncated .npy fails to load (mmap or not), it is never
    silently read short."""
    path = tmp_path / "v.npy"
    np.save(path, np.ones((100, 8), np.float32))
    path.write_bytes(path.read_bytes()[:-40])
    for mmap in (None, "r"):
        with pytest.raises(ValueError):
            np.load(path, mmap_mode=mmap, allow_pickle=False)


def test_staleness_reports_damage_rather_than_asking_for_a_build(index_copy: Path, embedder: Embedder) -> None:
    (index_copy / "CURRENT").write_bytes(b"\xff\xfe garbage")
    st = check_staleness(SAMPLE_CORPUS, index_copy, embedder)
    assert st.stale and st.corrupt is not None and str(st.corrupt).endswith(REBUILD_HINT)


# -- an index folder that cannot be written -----------------------------------------------------
def _assert_previous_index_intact(index_dir: Path, before: Path, embedder: Embedder) -> None:
    assert current_generation(index_dir) == before
    assert not list(index_dir.glob("*.tmp")), "a partial generation was left behind"
    assert sorted(p.name for p in index_dir.glob("gen-*")) == [before.name]
    idx = OpenIndex.open(index_dir)
    try:
        assert LECOINTRE in [h.source for h in Retriever(idx, embedder).search(QUERY, 5)]
    finally:
        idx.close()


@pytest.mark.parametrize("where", ["vectors", "checksums", "pointer"])
def test_disk_full_while_writing(where: str, corpus_copy: Path, tmp_path: Path, embedder: Embedder,
                                 monkeypatch: pytest.MonkeyPatch, cli) -> None:
    """FAULT INJECTION: a real full disk cannot be made here (no loop device or tmpfs quota), so
    the write that would fail raises ``OSError(ENOSPC)``, at three moments of the write: the
    vectors, the checksums (everything else written), and the CURRENT swap."""
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    before = current_generation(index_dir)
    assert before is not None
    (corpus_copy / "nouveau.txt").write_text("Le port de Brest accueille un nouveau navire.\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = {"vectors": "numpy.save", "checksums": "index.build.write_checksums", "pointer": "os.replace"}[where]
    monkeypatch.setattr(target, full)
    with pytest.raises(IndexWriteError) as info:
        build_index(corpus_copy, index_dir, embedder)
    assert str(info.value) == f"Impossible d'écrire l'index dans {index_dir} : disque plein."
    code, out, err = cli("index", "--corpus", str(corpus_copy), "--index", str(index_dir))
    assert code == 2  # progress lines, then the message as the last line
    assert err.strip().splitlines()[-1] == f"veille: Impossible d'écrire l'index dans {index_dir} : disque plein."
    monkeypatch.undo()
    _assert_previous_index_intact(index_dir, before, embedder)
    assert build_index(corpus_copy, index_dir, embedder).added == 1  # and the next build works


def test_access_denied_while_writing(corpus_copy: Path, tmp_path: Path, embedder: Embedder,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """FAULT INJECTION (the tests run as root, who may write anywhere): creating the new
    generation's first file raises ``PermissionError``. The real refusals are the next tests."""
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    before = current_generation(index_dir)
    assert before is not None
    (corpus_copy / "nouveau.txt").write_text("Le port de Brest accueille un nouveau navire.\n", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("numpy.save", denied)
    with pytest.raises(IndexWriteError) as info:
        build_index(corpus_copy, index_dir, embedder)
    monkeypatch.undo()
    assert str(info.value) == f"Impossible d'écrire l'index dans {index_dir} : accès refusé."
    _assert_previous_index_intact(index_dir, before, embedder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits (see the /sys test)")
def test_read_only_index_folder(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    """A real chmod 555 index folder (only meaningful when not running as root)."""
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    before = current_generation(index_dir)
    (corpus_copy / "nouveau.txt").write_text("Le port de Brest accueille un nouveau navire.\n", encoding="utf-8")
    index_dir.chmod(0o555)
    try:
        with pytest.raises(IndexWriteError) as info:
            build_index(corpus_copy, index_dir, embedder)
        assert "accès refusé" in str(info.value)
    finally:
        index_dir.chmod(0o755)
    assert before is not None
    _assert_previous_index_intact(index_dir, before, embedder)


def test_index_folder_the_kernel_refuses(corpus_copy: Path, cli) -> None:
    """A real refusal even for root: sysfs does not let anyone create a folder (EPERM). What this
    proves: a refused ``mkdir`` of the index folder is a one-line French message, not a traceback."""
    target = Path("/sys/veille-test-index")
    try:
        os.mkdir(target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EACCES, errno.EROFS):
            pytest.skip(f"/sys refuses with {exc}")
    else:  # pragma: no cover - an unusual system
        os.rmdir(target)
        pytest.skip("/sys is writable here")
    code, out, err = cli("index", "--corpus", str(corpus_copy), "--index", str(target / "index"))
    assert code == 2 and out == ""
    assert err.strip().startswith(f"veille: Impossible d'écrire l'index dans {target / 'index'} : accès refusé")


def test_index_path_under_a_regular_file(corpus_copy: Path, tmp_path: Path, cli) -> None:
    """Another real failure root cannot override: the index's parent is a file, not a folder."""
    blocker = tmp_path / "un-fichier"
    blocker.write_text("x")
    code, out, err = cli("index", "--corpus", str(corpus_copy), "--index", str(blocker / "index"))
    assert code == 2 and out == ""
    assert err.strip() == (f"veille: Impossible d'écrire l'index dans {blocker / 'index'} : "
                           "un élément du chemin n'est pas un dossier.")
    assert blocker.read_text() == "x"


# -- the corpus is never modified --------------------------------------------------------------
def corpus_fingerprint(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry below ``root`` (hidden ones too), with content hash, mtime and mode."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            st = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[path.relative_to(root).as_posix()] = (digest, st.st_mtime_ns, st.st_mode)
    return out


def test_indexing_never_modifies_the_corpus(corpus_copy: Path, tmp_path: Path, cli) -> None:
    (corpus_copy / "binaire.txt").write_bytes(bytes(range(256)) * 4)
    (corpus_copy / "sous").mkdir()
    (corpus_copy / "sous" / "a.md").write_text("# Titre\n\nLe conseil municipal de Lorient a voté.\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    args = ("--corpus", str(corpus_copy), "--index", str(index_dir))
    before = corpus_fingerprint(corpus_copy)
    assert cli("index", *args)[0] == 0
    assert corpus_fingerprint(corpus_copy) == before
    assert cli("index", "--rebuild", *args)[0] == 0
    assert corpus_fingerprint(corpus_copy) == before

    # After adding and removing articles (by hand, then through the CLI's incremental index).
    (corpus_copy / "ajout.txt").write_text("Un nouvel article sur la pêche à Concarneau.\n", encoding="utf-8")
    (corpus_copy / "000_6499cf396df39ab0.txt").unlink()
    before = corpus_fingerprint(corpus_copy)
    assert cli("index", *args)[0] == 0
    assert cli("search", "pêche Concarneau", *args)[0] == 0
    assert corpus_fingerprint(corpus_copy) == before


# -- odd corpus entries ------------------------------------------------------------------------
def test_symlink_loops_are_reported_and_the_rest_indexed(corpus_copy: Path, tmp_path: Path,
                                                         embedder: Embedder) -> None:
    (corpus_copy / "boucle").mkdir()
    (corpus_copy / "boucle" / "parent").symlink_to("..", target_is_directory=True)  # folder -> its ancestor
    (corpus_copy / "a.txt").symlink_to("b.txt")  # file loop a -> b -> a
    (corpus_copy / "b.txt").symlink_to("a.txt")
    (corpus_copy / "casse.txt").symlink_to("disparu.txt")
    index_dir = tmp_path / "index"
    summary = build_index(corpus_copy, index_dir, embedder)
    assert summary.added == 5
    assert summary.skipped == {"a.txt": "illisible : boucle de liens symboliques",
                               "b.txt": "illisible : boucle de liens symboliques",
                               "casse.txt": "illisible : lien symbolique cassé"}
    idx = OpenIndex.open(index_dir)
    assert idx.skipped() == summary.skipped and len(idx.articles()) == 5
    idx.close()
    # Reported once, remembered: the index is not "stale" because of them.
    assert not check_staleness(corpus_copy, index_dir, embedder).stale
    assert build_index(corpus_copy, index_dir, embedder).up_to_date


def test_file_deleted_between_scan_and_read(corpus_copy: Path, tmp_path: Path, embedder: Embedder,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import index.build as build

    victim = "002_4066432a79b64ac8.txt"
    real_scan = build.scan_corpus

    def scan_then_delete(root: Path):
        files = real_scan(root)
        (Path(root) / victim).unlink()  # the user deletes it right after the scan
        return files

    monkeypatch.setattr(build, "scan_corpus", scan_then_delete)
    summary = build_index(corpus_copy, tmp_path / "index", embedder)
    monkeypatch.undo()
    assert summary.skipped == {victim: "fichier supprimé pendant l'indexation"}
    assert summary.added == 4
    assert not check_staleness(corpus_copy, tmp_path / "index", embedder).stale


def test_file_changed_during_the_build_is_picked_up_next_time(corpus_copy: Path, tmp_path: Path,
                                                              embedder: Embedder,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import index.build as build

    victim = corpus_copy / "001_f27857910a253753.txt"
    real_read = build.read_article
    addition = "\nLe ministre a précisé que la frégate Bretagne rejoindrait Toulon en octobre.\n"

    def read_then_edit(file, data=None):
        article = real_read(file, data)
        if file.path == victim:  # the user saves an edit just after Veille read the file
            with open(victim, "a", encoding="utf-8") as fh:
                fh.write(addition)
            os.utime(victim, ns=(file.mtime_ns + 10**9, file.mtime_ns + 10**9))
        return article

    index_dir = tmp_path / "index"
    monkeypatch.setattr(build, "read_article", read_then_edit)
    build_index(corpus_copy, index_dir, embedder)
    monkeypatch.undo()
    idx = OpenIndex.open(index_dir)
    assert "frégate Bretagne" not in str(idx.article(victim.name)["text"])
    idx.close()
    assert check_staleness(corpus_copy, index_dir, embedder).changed == [victim.name]
    second = build_index(corpus_copy, index_dir, embedder)
    assert second.changed == 1
    idx = OpenIndex.open(index_dir)
    assert str(idx.article(victim.name)["text"]) == victim.read_text(encoding="utf-8")
    idx.close()


def test_unreadable_file_is_reported_and_the_rest_indexed(corpus_copy: Path, tmp_path: Path,
                                                         embedder: Embedder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without read permission. As root ``chmod 000`` does not stop reads, so there this
    is a FAULT INJECTION: opening that one file raises ``PermissionError`` (both ``open`` and
    ``io.open``, which ``Path.read_bytes`` uses); as another user the real chmod is used."""
    victim = corpus_copy / "004_a4761b2f1505ef77.txt"
    if os.geteuid() == 0:
        real_open = io.open

        def guarded_open(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and Path(file) == victim:
                raise PermissionError(errno.EACCES, "Permission denied", str(victim))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr("builtins.open", guarded_open)
    else:  # pragma: no cover - depends on who runs the tests
        victim.chmod(0)
    try:
        summary = build_index(corpus_copy, tmp_path / "index", embedder)
    finally:
        monkeypatch.undo()
        victim.chmod(0o644)
    assert summary.added == 4
    assert set(summary.skipped) == {victim.name}
    assert "lecture impossible" in summary.skipped[victim.name]
    assert "accès refusé" in summary.skipped[victim.name] or "Permission" in summary.skipped[victim.name]
