"""Extraction benchmark: HTML (newsweave vs trafilatura) and plain text (textlines vs a rule).

    .venv/bin/python bench/extraction.py [--shared PATH] [--json] [--repeat N] [--all-modes]
                                         [--text-only] [--text-batch N]

HTML set: the 181 ScrapingHub pages, 4-gram shingle P/R/F1 (``newsweave.evaluate``).
Text set: the held-out split of ``scrapinghub-text/pages.jsonl`` (``evaluate.is_heldout``):
token F1 (shingle metric on lede + body vs ``gold_body``) and micro line F1.
Speed: the process is pinned to one core; pages/s is CPU time of the extraction calls only
(decompression and JSON reading excluded), after a warm-up; systems take turns page by page
and each page counts its fastest of ``--repeat`` rounds. The textlines row is timed as it runs
in bulk, ``extract_lines_batch`` over ``--text-batch`` pages a call (best of ``--repeat`` whole
runs); a last line gives its pages/s at batch sizes 1, 32 and 256 over the 181 pages of
``pages.jsonl`` (cycled to 512 pages).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import trafilatura

from newsweave.evaluate import PRF, is_heldout, line_prf, micro, shingle_scores
from newsweave.extract.html import extract_html
from newsweave.settings import Settings

REPO = Path(__file__).resolve().parents[1]
WARMUP = 10

Extractor = Callable[[str], Any]


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed(systems: dict[str, Extractor], docs: Sequence[str], repeat: int) -> dict[str, Any]:
    """{name: (outputs, pages/s)}. The systems take turns on each page, and each page counts
    its fastest of ``repeat`` rounds, so load drift on a shared machine hits them alike."""
    outputs: dict[str, list[Any]] = {name: [None] * len(docs) for name in systems}
    best = {name: [float("inf")] * len(docs) for name in systems}
    for fn in systems.values():
        for doc in docs[:WARMUP]:
            fn(doc)
    for _ in range(max(1, repeat)):
        for i, doc in enumerate(docs):
            for name, fn in systems.items():
                start = time.process_time()
                outputs[name][i] = fn(doc)
                best[name][i] = min(best[name][i], time.process_time() - start)
    return {name: (outputs[name], len(docs) / max(sum(best[name]), 1e-9)) for name in systems}


def row(name: str, prf: PRF, speed: float, **extra: float) -> dict[str, Any]:
    out = {"name": name, "precision": prf.precision, "recall": prf.recall, "f1": prf.f1}
    return out | {"empty": prf.empty, "pages": prf.n, "pages_per_s": speed} | extra


# ---------------------------------------------------------------- HTML set


def load_html_set(shared: Path) -> tuple[list[str], list[str]]:
    base = shared / "data/extraction/scrapinghub"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = [gzip.decompress((base / f"html/{i}.html.gz").read_bytes()).decode() for i in ids]
    return pages, [truth[i]["articleBody"] for i in ids]


def newsweave_html(settings: Settings) -> Extractor:
    return lambda html: extract_html(html, None, settings).text


def html_systems(all_modes: bool) -> dict[str, Extractor]:
    modes = ("precision", "balanced", "recall") if all_modes else ("precision",)
    systems = {f"newsweave/{m}": newsweave_html(Settings(html_mode=m)) for m in modes}
    systems["trafilatura/precision,no-comments"] = lambda h: trafilatura.extract(
        h, favor_precision=True, include_comments=False
    )
    if all_modes:
        systems["trafilatura/balanced,no-comments"] = lambda h: trafilatura.extract(
            h, include_comments=False
        )
        systems["trafilatura/recall,no-comments"] = lambda h: trafilatura.extract(
            h, favor_recall=True, include_comments=False
        )
    systems["trafilatura/default"] = lambda h: trafilatura.extract(h)
    return systems


def bench_html(shared: Path, repeat: int, all_modes: bool) -> list[dict[str, Any]]:
    pages, gold = load_html_set(shared)
    rows = []
    for name, (outputs, speed) in timed(html_systems(all_modes), pages, repeat).items():
        prf = shingle_scores(zip(gold, (o or "" for o in outputs), strict=True))
        rows.append(row(name, prf, speed))
    speeds = {r["name"]: r["pages_per_s"] for r in rows}
    for r in rows:  # time overhead of newsweave over trafilatura run bare with the same settings
        bare = speeds.get(r["name"].replace("newsweave/", "trafilatura/") + ",no-comments")
        if bare and r["name"].startswith("newsweave/"):
            r["slower_than_bare"] = bare / r["pages_per_s"] - 1
    return rows


# ---------------------------------------------------------------- text set


def load_text_set(shared: Path, heldout_only: bool = True) -> list[dict[str, Any]]:
    path = shared / "data/extraction/scrapinghub-text/pages.jsonl"
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if is_heldout(r["id"]) or not heldout_only]


def rule_lines(text: str, min_words: int = 20) -> list[bool]:
    """Baseline: keep a line of more than ``min_words`` whitespace-separated words (this
    reproduces the README's figures on all 181 pages: token F1 0.786, line F1 0.628)."""
    return [len(line.split()) > min_words for line in text.split("\n")]


TEXT_BATCH = 32  # pages per extract_lines_batch call in the text row (Settings.batch_size)
SPEED_BATCHES = (1, 32, 256)
SPEED_PAGES = 512  # the 181 pages of pages.jsonl, cycled, so that 256 makes two full batches

Batched = Callable[[list[str]], list[tuple[list[bool], str]]]


def textlines_system() -> Batched | str:
    """The batched textlines extractor, or why it cannot run (module or weights not ready)."""
    try:
        from newsweave.extract.textlines import extract_lines_batch, load_model

        model = load_model()
    except Exception as exc:  # a bench must still report the HTML part
        return f"{type(exc).__name__}: {exc}"

    def run(texts: list[str]) -> list[tuple[list[bool], str]]:
        out = []
        for found in extract_lines_batch(texts, model):
            kept = [label in ("body", "lede") for label in found.labels]
            out.append((kept, "\n".join(([found.lede] if found.lede else []) + found.body)))
        return out

    return run


def batched_speed(run: Batched, texts: list[str], size: int, repeat: int) -> float:
    """Pages/s (CPU time, best of ``repeat``) extracting ``texts`` in batches of ``size``."""
    run(texts[:WARMUP])
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        for lo in range(0, len(texts), size):
            run(texts[lo : lo + size])
        best = min(best, time.process_time() - start)
    return len(texts) / max(best, 1e-9)


def rule_system(text: str) -> tuple[list[bool], str]:
    kept = rule_lines(text)
    return kept, "\n".join(line for line, k in zip(text.split("\n"), kept, strict=True) if k)


def score_text(
    name: str, records: list[dict[str, Any]], outputs: list[Any], speed: float
) -> dict[str, Any]:
    tokens = shingle_scores(
        (r["gold_body"], body) for r, (_, body) in zip(records, outputs, strict=True)
    )
    counts, misaligned = [], 0
    for rec, (kept, _) in zip(records, outputs, strict=True):
        gold = [line["label"] for line in rec["lines"]]
        if len(kept) != len(gold):  # the extractor split lines differently: score it all-off
            misaligned += 1
            kept = [False] * len(gold)
        counts.append(line_prf(gold, kept))
    lines = micro(counts)
    extra = {"line_precision": lines.precision, "line_recall": lines.recall}
    return row(name, tokens, speed, line_f1=lines.f1, misaligned=misaligned, **extra)


def bench_text(
    shared: Path, repeat: int, batch: int = TEXT_BATCH
) -> tuple[list[dict[str, Any]], str | None, dict[int, float]]:
    """Rows of the text set, why textlines is missing from them (None if it is there), and
    textlines pages/s by batch size over all pages of ``pages.jsonl``."""
    records = load_text_set(shared)
    texts = [r["text"] for r in records]
    ours = textlines_system()
    rows = []
    speeds: dict[int, float] = {}
    if not isinstance(ours, str):
        every = [r["text"] for r in load_text_set(shared, heldout_only=False)]
        stream = [every[i % len(every)] for i in range(SPEED_PAGES)]
        speeds = {size: batched_speed(ours, stream, size, repeat) for size in SPEED_BATCHES}
        outputs = [o for lo in range(0, len(texts), batch) for o in ours(texts[lo : lo + batch])]
        speed = batched_speed(ours, texts, batch, repeat)
        rows.append(score_text(f"newsweave/textlines b={batch}", records, outputs, speed))
    ((outputs, speed),) = timed({"words>20": rule_system}, texts, repeat).values()
    rows.append(score_text("words>20", records, outputs, speed))
    return rows, ours if isinstance(ours, str) else None, speeds


# ---------------------------------------------------------------- report


def print_html(rows: list[dict[str, Any]]) -> None:
    print(f"HTML set ({rows[0]['pages']} pages), 4-gram shingle metric")
    print(f"  {'system':36s} {'P':>6s} {'R':>6s} {'F1':>6s} {'empty':>5s} {'pages/s':>8s}")
    for r in rows:
        print(
            f"  {r['name']:36s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
            f" {r['empty']:5d} {r['pages_per_s']:8.1f}"
            + (f"  ({r['slower_than_bare']:+.1%} time vs bare)" if "slower_than_bare" in r else "")
        )


def compiled_state() -> str:
    """Whether the line classifier runs its compiled inner loops (speed differs ~2x)."""
    from newsweave.extract import textlines

    return "compiled inner loops" if textlines._fast is not None else "numpy only (not built)"


def print_text(rows: list[dict[str, Any]], missing: str | None, speeds: dict[int, float]) -> None:
    print(f"\nText set (held-out, {rows[0]['pages']} pages); line classifier: {compiled_state()}")
    if missing:
        print(f"  textlines: not available ({missing})")
    print(f"  {'system':24s} {'tok P':>6s} {'tok R':>6s} {'tok F1':>6s} {'line F1':>7s}"
          f" {'empty':>5s} {'pages/s':>8s}")  # fmt: skip
    for r in rows:
        print(
            f"  {r['name']:24s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
            f" {r['line_f1']:7.3f} {r['empty']:5d} {r['pages_per_s']:8.1f}"
            + (f"  ({r['misaligned']} pages misaligned)" if r["misaligned"] else "")
        )
    if speeds:
        by_size = ", ".join(f"batch {size}: {speed:.0f}" for size, speed in speeds.items())
        print(f"  textlines pages/s by batch size ({SPEED_PAGES} pages of pages.jsonl): {by_size}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs, best kept")
    parser.add_argument("--all-modes", action="store_true", help="balanced and recall too")
    parser.add_argument("--text-only", action="store_true", help="skip the HTML set")
    parser.add_argument("--text-batch", type=int, default=TEXT_BATCH, help="textlines batch")
    args = parser.parse_args(argv)
    if not (args.shared / "data/extraction").is_dir():
        print(f"no extraction data under {args.shared}", file=sys.stderr)
        return 2
    pin_one_core()
    for name in ("trafilatura", "htmldate"):  # "discarding data" notices are not results
        logging.getLogger(name).setLevel(logging.ERROR)
    html = [] if args.text_only else bench_html(args.shared, args.repeat, args.all_modes)
    if html and not args.json:
        print_html(html)
        sys.stdout.flush()
    text, missing, speeds = bench_text(args.shared, args.repeat, args.text_batch)
    if args.json:
        report = {"html": html, "text": text, "textlines_missing": missing}
        report["textlines_inner_loops"] = compiled_state()
        print(json.dumps(report | {"textlines_pages_per_s_by_batch": speeds}, indent=1))
    else:
        print_text(text, missing, speeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
