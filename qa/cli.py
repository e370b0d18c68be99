"""The ``veille`` command line: index, search, show (and more as they land).

A stable contract for scripts and the tests: JSON shapes are only ever extended. Heavy imports
(torch, FAISS) happen inside the commands, so ``veille --help`` is instant.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any, Callable, Iterable, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from index.passage import Hit
    from index.progress import Progress
    from index.workspace import Workspace


# -- output helpers ----------------------------------------------------------------------------
class ProgressLine:
    """Renders build progress on stderr: a rewritten line on a terminal, sparse lines otherwise."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self._last = 0.0
        self._phase = ""

    def __call__(self, p: "Progress") -> None:
        if self.quiet:
            return
        now = time.monotonic()
        final = p.total and p.done >= p.total
        phase = p.message.split(":")[0]
        if not self.tty and not final and now - self._last < 2.0 and phase == self._phase:
            return
        self._phase = phase
        self._last = now
        parts = [p.message or f"{p.done}/{p.total}"]
        if p.passages and p.elapsed_s > 0:
            parts.append(f"{p.passages_per_s:.0f} passages/s")
        if p.eta_s is not None and not final:
            parts.append(f"reste ~{p.eta_s:.0f} s")
        line = " · ".join(parts)
        if self.tty:
            self.stream.write("\r\033[K" + line)
            if final:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def hit_json(hit: "Hit") -> dict[str, Any]:
    p = hit.passage
    return {"rank": hit.rank, "source": p.source, "title": hit.title, "start": p.start, "end": p.end,
            "score": round(hit.score, 6), "text": p.text}


# -- commands ----------------------------------------------------------------------------------
def _workspace(args: argparse.Namespace) -> "Workspace":
    from index.workspace import Workspace

    return Workspace(args.corpus, args.index, args.embedder)


def ensure_fresh(ws: "Workspace", quiet: bool) -> None:
    """Bring the index up to date before answering, so a search never uses a stale index."""
    st = ws.staleness()
    if not st.stale:
        return
    if not quiet:
        if st.reason and st.reason != "aucun index":
            print(f"veille: {st.reason} Mise à jour de l'index…", file=sys.stderr)
        elif st.reason:
            print("veille: premier index de ce corpus…", file=sys.stderr)
        else:
            print(f"veille: corpus modifié ({len(st.added)} ajout(s), {len(st.changed)} modification(s), "
                  f"{len(st.removed)} suppression(s)) ; mise à jour de l'index…", file=sys.stderr)
    summary = ws.build(on_progress=ProgressLine(quiet=quiet))
    _report_skipped(summary.skipped, quiet)


def _report_skipped(skipped: dict[str, str], quiet: bool) -> None:
    if quiet:
        return
    for source, reason in skipped.items():
        print(f"veille: ignoré {source} : {reason}", file=sys.stderr)


def cmd_index(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    summary = ws.build(rebuild=args.rebuild, on_progress=ProgressLine(quiet=args.quiet))
    if args.json:
        print(_dump({"corpus": str(ws.corpus), "index": str(ws.index_dir), **summary.to_json()}))
        return 0
    _report_skipped(summary.skipped, args.quiet)
    if summary.reason and not args.quiet:
        print(f"veille: {summary.reason}", file=sys.stderr)
    state = "à jour" if summary.up_to_date else "construit"
    print(
        f"Index {state} : {summary.added} ajouté(s), {summary.changed} modifié(s), {summary.removed} supprimé(s), "
        f"{summary.unchanged} inchangé(s) ; {len(summary.skipped)} ignoré(s) ; {summary.passages} passages "
        f"({summary.embedded} vectorisés) en {summary.seconds:.1f} s."
    )
    return 0


def _read_batch(path: str, key: str) -> Iterable[dict[str, Any]]:
    from models.errors import VeilleError

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item[key]
            except (ValueError, KeyError, TypeError):
                raise VeilleError(f"{path}, ligne {n} : objet JSON avec « {key} » attendu.") from None
            yield item


def cmd_search(args: argparse.Namespace) -> int:
    from models.errors import VeilleError

    if not args.batch and not args.query:
        raise VeilleError("Indiquez une requête, ou --batch FICHIER.jsonl.")
    ws = _workspace(args)
    ensure_fresh(ws, args.quiet or args.json)
    retriever = ws.retriever()

    def run(query: str) -> dict[str, Any]:
        hits = retriever.search(query, args.k)
        return {"query": query, "hits": [hit_json(h) for h in hits],
                "timings_ms": {k: round(v, 2) for k, v in retriever.last_timings.items()}}

    if args.batch:
        for item in _read_batch(args.batch, "query"):
            out = run(str(item["query"]))
            print(_dump({"id": item.get("id"), **out}) if args.json else _format_search(out), flush=True)
        return 0
    out = run(args.query)
    print(_dump(out) if args.json else _format_search(out))
    return 0


def _format_search(out: dict[str, Any]) -> str:
    lines = [f"« {out['query']} »"]
    if not out["hits"]:
        lines.append("  aucun passage trouvé")
    for h in out["hits"]:
        text = " ".join(h["text"].split())
        lines.append(f"{h['rank']:>3}. {h['title']}  [{h['source']}:{h['start']}-{h['end']}]  {h['score']:.3f}")
        lines.append(f"     {text[:220]}{'…' if len(text) > 220 else ''}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    ensure_fresh(ws, True)
    art = ws.index.article(args.source)
    if args.json:
        print(_dump(art))
    else:
        sys.stdout.write(str(art["text"]))
        if not str(art["text"]).endswith("\n"):
            sys.stdout.write("\n")
    return 0



# -- ask / eval --------------------------------------------------------------------------------
def _answerer(ws: "Workspace"):
    """The answering mode for this workspace (extractive: needs no language model)."""
    from qa.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer(ws.index, ws.retriever())


def _checked(answer: Any, ws: "Workspace") -> Any:
    """Never show a citation that does not hold, and never fail because of one.

    :func:`qa.citations.repair_citations` re-anchors or drops an unsound citation, falls back
    to quoting the sentence, or abstains; what it did is listed in ``citation_warnings``.
    """
    from qa.citations import repair_citations

    return repair_citations(answer, lambda source: str(ws.index.article(source)["text"]))


def cmd_ask(args: argparse.Namespace) -> int:
    from models.errors import VeilleError

    if not args.batch and not args.question:
        raise VeilleError("Posez une question, ou --batch FICHIER.jsonl.")
    ws = _workspace(args)
    ensure_fresh(ws, args.quiet or args.json)
    answerer = _answerer(ws)
    if args.batch:
        answerer.load()  # models once for the whole batch
        for item in _read_batch(args.batch, "question"):
            ans = _checked(answerer.ask(str(item["question"]), args.k), ws)
            out = ans.to_json()
            print(_dump({"id": item.get("id"), **out}) if args.json else _format_answer(out) + "\n", flush=True)
        return 0
    ans = _checked(answerer.ask(args.question, args.k), ws)
    print(_dump(ans.to_json()) if args.json else _format_answer(ans.to_json()))
    return 0


def _format_answer(out: dict[str, Any]) -> str:
    lines = [out["answer"], ""]
    if out["abstained"]:
        lines.append("Passages les plus proches :")
        for i, p in enumerate(out["passages"], 1):
            text = " ".join(p["text"].split())
            lines.append(f"  {i}. {p['title']}  [{p['source']}:{p['start']}-{p['end']}]")
            lines.append(f"     {text[:200]}{'…' if len(text) > 200 else ''}")
        return "\n".join(lines)
    lines.append("Sources :")
    for c in out["citations"]:
        quote = " ".join(c["quote"].split())
        lines.append(f"  [{c['n']}] {c['title']}")
        lines.append(f"      « {quote} »")
        lines.append(f"      {c['source']}:{c['start']}-{c['end']}")
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import Tally, read_items

    with open(args.questions, encoding="utf-8") as f:
        items = read_items(f)
    ws = _workspace(args)
    ensure_fresh(ws, args.quiet or args.json)
    answerer = _answerer(ws).load()
    get_text = lambda source: str(ws.index.article(source)["text"])  # noqa: E731
    answerer.ask(items[0].question if items else "?", args.k)  # warm-up, not timed
    tally = Tally(k=args.k)
    for item in items:
        tally.add(item, answerer.ask(item.question, args.k), get_text)
    summary = tally.summary()
    if args.json:
        print(_dump({**summary, "rows": tally.rows if args.details else None}))
        return 0
    labels = [
        (f"recall@{args.k}", f"Rappel@{args.k} (article attendu parmi les passages)"), ("mrr", "MRR"),
        ("answer_accuracy", "Réponses courtes justes"), ("f1", "F1 des réponses courtes"),
        ("sentence_accuracy", "Phrase citée [1] contenant la réponse"),
        ("citation_correctness", "Citations vérifiées"),
        ("abstention_precision", "Abstention : précision"), ("abstention_recall", "Abstention : rappel"),
        ("abstention_on_answerable", "Abstention sur questions répondables"),
        ("latency_p50_ms", "Latence p50 (ms)"), ("latency_p95_ms", "Latence p95 (ms)"),
    ]
    print(f"{summary['questions']} questions ({summary['answerable']} avec réponse, {summary['unanswerable']} sans)")
    for key, label in labels:
        print(f"  {label:45} {summary[key]:.3f}")
    if args.details:
        for r in tally.rows:
            ok = (r["answer_ok"] and r["sentence_ok"]) if r["answerable"] else r["abstained"]
            print(f"  {'✓' if ok else '✗'} {r['question']}  →  {r['short_answer'] or '(abstention)'}  (attendu : {r['gold']})")
    return 0

# -- parser ------------------------------------------------------------------------------------
def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="dossier des articles (défaut : corpus/ du projet ; env VEILLE_CORPUS)")
    p.add_argument("--index", metavar="DIR", help="dossier de l'index (défaut : données utilisateur ; env VEILLE_INDEX)")
    p.add_argument("--embedder", metavar="DIR", help="dossier d'un modèle sentence-transformers (env VEILLE_EMBEDDER)")
    p.add_argument("-q", "--quiet", action="store_true", help="pas de progression sur stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="veille",
        description="Questions sur un dossier d'articles de presse français, hors ligne, avec citations exactes.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    p = sub.add_parser("index", help="construire ou mettre à jour l'index")
    _common(p)
    p.add_argument("--rebuild", action="store_true", help="tout reconstruire")
    p.add_argument("--json", action="store_true", help="résumé en JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="classer les passages pour une requête")
    _common(p)
    p.add_argument("query", nargs="?", help="la requête")
    p.add_argument("-k", type=int, default=10, help="nombre de passages (défaut 10)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--batch", metavar="FILE.jsonl", help="une requête {\"id\", \"query\"} par ligne ('-' : stdin)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="afficher le texte d'un article tel que les positions le désignent")
    _common(p)
    p.add_argument("source", help="identifiant de l'article (chemin relatif au corpus)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("ask", help="répondre à une question, avec citations exactes")
    _common(p)
    p.add_argument("question", nargs="?", help="la question")
    p.add_argument("-k", type=int, default=5, help="nombre de passages listés (défaut 5)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--batch", metavar="FILE.jsonl", help="une question {\"id\", \"question\"} par ligne ('-' : stdin)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="mesurer la qualité des réponses sur un jeu de questions")
    _common(p)
    p.add_argument("questions", metavar="QUESTIONS.jsonl", help="lignes {\"question\", \"answers\": [...], \"source\"}")
    p.add_argument("-k", type=int, default=5, help="passages par question (défaut 5)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--details", action="store_true", help="le résultat de chaque question")
    p.set_defaults(func=cmd_eval)
    _load_extensions(sub)
    return parser


def _load_extensions(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Commands contributed by other packages (``veille desktop``) through entry points.

    The desktop layer sits above ``qa`` and must not be imported from here; it registers its
    subcommand under the ``veille.commands`` group instead, and is only imported when present.
    """
    from importlib.metadata import entry_points

    for ep in entry_points(group="veille.commands"):
        try:
            ep.load()(sub)
        except Exception as exc:  # noqa: BLE001 - a broken extension must not break the CLI
            print(f"veille: extension « {ep.name} » ignorée : {exc}", file=sys.stderr)




def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from models.errors import Cancelled, VeilleError

    try:
        return int(args.func(args) or 0)
    except Cancelled as exc:
        print(f"veille: {exc}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("\nveille: interrompu ; l'index précédent est conservé.", file=sys.stderr)
        return 130
    except VeilleError as exc:
        print(f"veille: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
