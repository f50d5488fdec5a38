"""Plain-text dumps in French: the line classifier on real crawled pages of ml_crisis_tls.

``tests/gold/textlines_fr.jsonl`` labels, by hand, the lines of 48 French news page dumps drawn
at random from ``../shared/data/ml_crisis_tls/fr`` (draw, guidelines and counts in
``tests/gold/README.md``): the title line and the article's body lines (standfirst included);
every other line with a letter is boilerplate. The files are read from the shared folder by
path; no page text is in the repository.

Prints, per split (``dev``: may be looked at and trained on; ``held-out``: ``is_heldout`` of the
sha1 of the page path, never looked at), the line P/R/F1 (micro, lines with a letter), the
benchmark's 4-gram token P/R/F1 of lede + body against the gold body lines, and the share of
pages whose title line is right (no title line is right when the gold has none).

    .venv/bin/python bench/textlines_fr.py [--shared ../shared] [--pages] [--round N]

``--round N`` scores only the pages a labelling round added (``round`` in the records; the
first round's records have none): a round's pages are a fresh check of the model trained
before they were labelled.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from newsweave.evaluate import (
    PRF,
    LineGoldPage,
    is_heldout,
    line_prf,
    load_line_gold,
    micro,
    shingle_scores,
)
from newsweave.extract.textlines import TextExtraction, extract_lines_batch, load_model

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "textlines_fr.jsonl"


def load_gold(shared: Path) -> list[LineGoldPage]:
    return load_line_gold(GOLD, shared / "data" / "ml_crisis_tls" / "fr")


def heldout(page: LineGoldPage) -> bool:
    return is_heldout(page.page_id)


@dataclass(frozen=True)
class Scores:
    lines: PRF
    tokens: PRF
    titles: float
    pages: int


def score(pages: list[LineGoldPage], found: list[TextExtraction]) -> Scores:
    line_counts = []
    for page, ex in zip(pages, found, strict=True):
        kept = [lab in ("body", "lede") for lab in ex.labels]
        line_counts.append(line_prf(page.labels(), kept))
    tokens = shingle_scores((p.gold_text(), ex.text) for p, ex in zip(pages, found, strict=True))
    titles = sum(_title_line(ex) == p.title for p, ex in zip(pages, found, strict=True))
    return Scores(micro(line_counts), tokens, titles / max(len(pages), 1), len(pages))


def _title_line(ex: TextExtraction) -> int | None:
    return next((i for i, lab in enumerate(ex.labels) if lab == "title"), None)


def run(shared: Path, show_pages: bool = False, round_: int | None = None) -> dict[str, Scores]:
    pages = [p for p in load_gold(shared) if round_ in (None, p.round)]
    found = extract_lines_batch(["\n".join(p.lines) for p in pages], load_model())
    out = {}
    for name, keep in (("dev", False), ("held-out", True), ("all", None)):
        part = [(p, f) for p, f in zip(pages, found, strict=True) if keep in (None, heldout(p))]
        out[name] = score([p for p, _ in part], [f for _, f in part])
    if show_pages:
        for p, f in zip(pages, found, strict=True):
            if not heldout(p):
                s = score([p], [f])
                print(f"  {p.path:32s} lines {s.lines.f1:.3f} tokens {s.tokens.f1:.3f} "
                      f"title {_title_line(f)} / {p.title}")  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--pages", action="store_true", help="per-page figures (dev pages only)")
    parser.add_argument("--round", type=int, help="only the pages of this labelling round")
    args = parser.parse_args()
    for name, s in run(args.shared, args.pages, args.round).items():
        print(f"{name:9s} {s.pages:3d} pages  lines {s.lines}  tokens {s.tokens}  "
              f"titles right {s.titles:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
