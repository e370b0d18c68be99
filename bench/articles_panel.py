"""How fast the « Articles » panel takes a large corpus: load, sort, filter, scroll.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/articles_panel.py [--rows 10000 50000]

Synthetic snapshots (no index): the panel only reads what the core hands it. Each step is the
wall time of the GUI thread, with the event loop drained so painting is included. Prints a table
and writes bench/results/articles_panel.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "articles_panel.json"


def snapshot(n: int):  # noqa: ANN201 - desktop.core.Snapshot, imported lazily
    from desktop.core import Snapshot
    from index.build import Staleness
    from index.store import ArticleInfo

    arts = [ArticleInfo(f"{i:06d}.txt", f"Article numéro {i} sur la politique locale",
                        f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", "0" * 40, 1000, 0, 7,
                        author="Jeanne Martin" if i % 2 else None, site="Ouest-France" if i % 3 else None,
                        kind="pdf" if i % 7 == 0 else "text", n_pages=5 if i % 7 == 0 else 0,
                        dup_of=f"{i - 1:06d}.txt" if i % 50 == 1 else None)
            for i in range(n)]
    skipped = {f"x{i}.pdf": "PDF sans texte" for i in range(n // 100)}
    return Snapshot(arts, skipped, Staleness(added=[f"new{i}.html" for i in range(n // 100)]))


def timed(app, fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    app.processEvents()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10_000, 50_000])
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.articles_panel import DATE, TITLE, ArticlesPanel

    app = QApplication.instance() or QApplication([])
    results = []
    for n in args.rows:
        snap = snapshot(n)
        panel = ArticlesPanel()
        panel.resize(800, 600)
        panel.show()
        app.processEvents()
        row = {"rows": n}
        row["load_ms"] = timed(app, lambda: panel.set_snapshot(snap))
        row["same_again_ms"] = timed(app, lambda: panel.set_snapshot(snap))  # window re-activated
        changed = snapshot(n)
        changed.staleness.changed.append(changed.articles[0].source)
        row["one_changed_ms"] = timed(app, lambda: panel.set_snapshot(changed))
        row["sort_title_ms"] = timed(app, lambda: panel.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder))
        row["sort_date_ms"] = timed(app, lambda: panel.view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder))
        row["filter_ms"] = timed(app, lambda: panel._apply_filter("politique 2019"))
        row["unfilter_ms"] = timed(app, lambda: panel._apply_filter(""))
        bar = panel.view.verticalScrollBar()

        def scroll() -> None:
            for k in range(50):
                bar.setValue(bar.maximum() * k // 49)
                app.processEvents()

        row["scroll_page_ms"] = timed(app, scroll) / 50
        results.append(row)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    keys = ["rows", "load_ms", "same_again_ms", "one_changed_ms", "sort_title_ms", "sort_date_ms", "filter_ms", "unfilter_ms", "scroll_page_ms"]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (times grow with it)")
    print(" | ".join(f"{k:>14}" for k in keys))
    for r in results:
        print(" | ".join(f"{r[k]:>14.0f}" if k == "rows" else f"{r[k]:>14.1f}" for k in keys))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine_cores": os.cpu_count(), "load_average": os.getloadavg()[0], "results": results}, indent=2) + "\n",
                       encoding="utf-8")


if __name__ == "__main__":
    main()
