"""Where the corpus and the index live: command-line flag, then environment, then default."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CORPUS_ENV = "VEILLE_CORPUS"
INDEX_ENV = "VEILLE_INDEX"
DATA_ENV = "VEILLE_DATA"

#: The repository's bundled sample corpus (``corpus/`` beside the packages).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The user data folder (``VEILLE_DATA`` overrides, e.g. in tests)."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("veille", appauthor=False))


def resolve_corpus(explicit: str | os.PathLike[str] | None = None) -> Path:
    chosen = explicit or os.environ.get(CORPUS_ENV)
    return Path(chosen).expanduser().resolve() if chosen else PROJECT_ROOT / "corpus"


def resolve_index(corpus: Path, explicit: str | os.PathLike[str] | None = None) -> Path:
    """An explicit folder, else one folder per corpus under the user data folder."""
    chosen = explicit or os.environ.get(INDEX_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    corpus = Path(corpus).resolve()
    tag = hashlib.sha1(str(corpus).encode()).hexdigest()[:10]
    return data_dir() / "indexes" / f"{corpus.name or 'corpus'}-{tag}"
