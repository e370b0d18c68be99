"""The manifest says how an index was built, so that a mismatch is caught, never used.

It is a small JSON file written last into each index generation. Anything that changes the
meaning of stored vectors or terms (schema, embedder, chunking, analysis) is compared on open.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import IndexCorrupt, IndexMismatch

#: 2: article author/site/pages/kind/date_source/dup_of (HTML, PDF, near-duplicates)
SCHEMA_VERSION = 2
MANIFEST = "manifest.json"


@dataclass
class Manifest:
    embedder_id: str
    dimension: int
    chunking: dict[str, int]
    analyzer: str
    schema: int = SCHEMA_VERSION
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
    corpus: str = ""
    embedder_path: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "embedder": {"id": self.embedder_id, "dimension": self.dimension, "path": self.embedder_path},
            "chunking": self.chunking,
            "analyzer": self.analyzer,
            "created": self.created,
            "corpus": self.corpus,
            "counts": self.counts,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Manifest":
        emb = data["embedder"]
        return cls(
            embedder_id=emb["id"],
            dimension=int(emb["dimension"]),
            embedder_path=emb.get("path", ""),
            chunking=dict(data["chunking"]),
            analyzer=data["analyzer"],
            schema=int(data["schema"]),
            created=data.get("created", ""),
            corpus=data.get("corpus", ""),
            counts=dict(data.get("counts", {})),
        )

    def save(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "Manifest":
        try:
            return cls.from_json(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
        except FileNotFoundError as exc:
            raise IndexCorrupt(f"manifeste absent dans {folder}") from exc
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise IndexCorrupt(f"manifeste illisible dans {folder} : {exc}") from exc

    def check_compatible(self, expected: "Manifest") -> None:
        """Raise :class:`IndexMismatch` naming every difference that invalidates the index."""
        diffs = []
        if self.schema != expected.schema:
            diffs.append(f"schéma {self.schema} → {expected.schema}")
        if self.embedder_id != expected.embedder_id or self.dimension != expected.dimension:
            diffs.append(
                f"modèle d'embedding {self.embedder_id} ({self.dimension}d) → "
                f"{expected.embedder_id} ({expected.dimension}d)"
            )
        if self.chunking != expected.chunking:
            diffs.append(f"découpage {self.chunking} → {expected.chunking}")
        if self.analyzer != expected.analyzer:
            diffs.append(f"analyse lexicale {self.analyzer} → {expected.analyzer}")
        if diffs:
            raise IndexMismatch("L'index a été construit autrement (" + " ; ".join(diffs) + ").")
