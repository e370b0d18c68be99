"""Read a GGUF file's header (metadata key-values) without llama.cpp.

Why a reader of our own: ``veille info`` and model discovery must say what a file is (and refuse
a file that is not a GGUF at all) without importing llama_cpp, which is optional, and without
loading gigabytes of weights. Only the key-value section is parsed; big arrays (the vocabulary)
are skipped unless asked for.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any, BinaryIO

from models.errors import ModelMissing

MAGIC = b"GGUF"

# value types of the GGUF specification
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
#: Arrays longer than this are summarised as their length (vocabularies hold 32k–260k strings).
MAX_ARRAY = 64


class _Reader:
    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self.fh = fh
        self.path = path

    def read(self, n: int) -> bytes:
        data = self.fh.read(n)
        if len(data) != n:
            raise ModelMissing(f"{self.path.name} est tronqué ou corrompu (en-tête GGUF incomplet).")
        return data

    def unpack(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        n = self.unpack("<Q")
        if n > 1 << 26:
            raise ModelMissing(f"{self.path.name} est corrompu (chaîne de {n} octets dans l'en-tête).")
        return self.read(n).decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        n = self.unpack("<Q")
        self.fh.seek(n, 1)

    def value(self, vtype: int, keep_arrays: bool) -> Any:
        if vtype in _SCALARS:
            return self.unpack(_SCALARS[vtype])
        if vtype == _STRING:
            return self.string()
        if vtype == _ARRAY:
            itype = self.unpack("<I")
            n = self.unpack("<Q")
            if keep_arrays or n <= MAX_ARRAY:
                return [self.value(itype, keep_arrays) for _ in range(n)]
            if itype in _SCALARS:
                self.fh.seek(struct.calcsize(_SCALARS[itype]) * n, 1)
            elif itype == _STRING:
                for _ in range(n):
                    self.skip_string()
            else:
                for _ in range(n):
                    self.value(itype, False)
            return {"array_length": n}
        raise ModelMissing(f"{self.path.name} est corrompu (type de valeur GGUF inconnu : {vtype}).")


def is_gguf(path: Path) -> bool:
    """Whether the file starts with the GGUF magic bytes."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == MAGIC
    except OSError:
        return False


def read_metadata(path: str | Path, keep_arrays: bool = False) -> dict[str, Any]:
    """The key-values of a GGUF header, plus ``gguf.version`` and ``gguf.tensor_count``.

    Raises :class:`ModelMissing` with a French message when the file is absent, not a GGUF,
    or truncated.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelMissing(f"Fichier de modèle introuvable : {path}")
    with open(path, "rb") as fh:
        r = _Reader(fh, path)
        if fh.read(4) != MAGIC:
            raise ModelMissing(f"{path.name} n'est pas un modèle GGUF (signature absente).")
        version = r.unpack("<I")
        if version < 2:
            raise ModelMissing(f"{path.name} est un GGUF version {version}, trop ancien pour llama.cpp.")
        tensors = r.unpack("<Q")
        count = r.unpack("<Q")
        meta: dict[str, Any] = {"gguf.version": version, "gguf.tensor_count": tensors}
        for _ in range(count):
            key = r.string()
            meta[key] = r.value(r.unpack("<I"), keep_arrays)
    return meta


def summary(meta: dict[str, Any]) -> dict[str, Any]:
    """The few facts worth showing to a person (``veille info``, the settings dialog)."""
    arch = str(meta.get("general.architecture", "?"))
    return {
        "name": meta.get("general.name") or "",
        "architecture": arch,
        "size_label": meta.get("general.size_label") or "",
        "file_type": meta.get("general.file_type"),
        "context_length": meta.get(f"{arch}.context_length"),
        "chat_template": "tokenizer.chat_template" in meta,
    }
