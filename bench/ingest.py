"""End-to-end ingest speed: pages/s from files on disk to a fresh SQLite store.

Runs the real pipeline (decode, extract, date, language, outlet, enrichment, one transaction a
page) on the ScrapingHub benchmark pages in both forms: the 181 HTML pages and their 181
plain-text renderings, once without enrichment and once with every layer (spaCy models loaded
before the clock starts). Prints figures; asserts nothing.

    .venv/bin/python bench/ingest.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path

from newsweave import Settings
from newsweave.enrich.annotate import Nlp, load_nlp
from newsweave.extract import load_models
from newsweave.pipeline import run
from newsweave.store import Store

REPO = Path(__file__).resolve().parents[1]


def write_inputs(shared: Path, folder: Path) -> tuple[Path, Path]:
    html_dir, text_dir = folder / "html", folder / "text"
    html_dir.mkdir()
    text_dir.mkdir()
    for gz in sorted((shared / "data/extraction/scrapinghub/html").glob("*.html.gz")):
        (html_dir / gz.name[:-3]).write_bytes(gzip.decompress(gz.read_bytes()))
    pages = shared / "data/extraction/scrapinghub-text/pages.jsonl"
    for line in pages.read_text("utf-8").splitlines():
        rec = json.loads(line)
        (text_dir / f"{rec['id']}.txt").write_text(rec["text"], "utf-8")
    return html_dir, text_dir


def timed(folder: Path, db: Path, settings: Settings, nlp: Nlp | None) -> tuple[int, float]:
    models = load_models(settings)
    with Store(db) as store:
        start = time.perf_counter()
        counts = run([str(folder)], store, models, settings, nlp=nlp)
        seconds = time.perf_counter() - start
    return sum(counts.values()), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    nlp = load_nlp(Settings())
    for lang in ("en", "fr"):
        nlp.pipeline(lang)
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, text_dir = write_inputs(args.shared, Path(tmp))
        for name, folder in (("html", html_dir), ("text", text_dir)):
            for mode, engine in (("extract only", None), ("enriched", nlp)):
                db = Path(tmp) / f"{name}-{mode[:4]}.db"
                settings = Settings(db_path=db, progress=False)
                n, seconds = timed(folder, db, settings, engine)
                rate = n / seconds
                print(f"ingest {name:<5} {mode:<13} {n} pages in {seconds:.2f} s = {rate:.1f}/s")
            _, again = timed(folder, db, settings, engine)
            print(f"re-run {name:<5} (all unchanged) {n / again:.0f} pages/s")


if __name__ == "__main__":
    main()
