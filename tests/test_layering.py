"""Imports flow one way: desktop → qa → index → models, and nothing below desktop loads Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LAYERS = ["models", "index", "qa", "desktop"]  # each may import only those before it
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_layers_only_import_downwards() -> None:
    problems = []
    for i, layer in enumerate(LAYERS):
        forbidden = set(LAYERS[i + 1 :]) | (set(QT) if layer != "desktop" else set())
        for path in sorted((ROOT / layer).rglob("*.py")):
            bad = _imports(path) & forbidden
            if bad:
                problems.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not problems, "\n".join(problems)


def test_core_modules_import_without_qt() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for layer in ("models", "index", "qa")
        for p in sorted((ROOT / layer).rglob("*.py"))
        if p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"leaked = [m for m in sys.modules if m.split('.')[0] in {QT!r}]\n"
        "assert not leaked, leaked\n"
        "print(len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_help_is_instant_because_imports_are_lazy() -> None:
    code = "import sys; from qa import cli; heavy = {'torch', 'faiss', 'sentence_transformers', 'numpy'} & set(sys.modules); assert not heavy, heavy"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
