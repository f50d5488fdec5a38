"""Calibrate ``src/newsweave/stories/score.json`` on ECB+ development topics 1-35 only.

The score is ``sigmoid(SCALE × (terms + Σ a_k × signal_k − τ))``: the term cosine plus small
corrections. A greedy coordinate search over ``a_k`` (a grid per signal, in ``GRID`` order)
and τ maximises the BCubed F1 of the single pass itself (mean of 4 seeded orders), not a
pairwise loss: a logistic regression on article/story pairs from a gold replay ranked well but
did not raise the single-pass F1 (0.89 at best on dev). Topics 36-45 and SemEval are never read.
The shipped score.json is this script's output (the same search ran from a scratch harness).

Run: .venv/bin/python scripts/train_story_score.py [--write] [--cache /tmp/ecb_dev.pkl]
(~3 min of enrichment and embedding, then ~15 s per trial on 2 shared cores: ~15 min).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import stories_eval as se  # noqa: E402
from newsweave.stories.features import Features  # noqa: E402
from newsweave.stories.score import PARAMS_FILE, ScoreParams  # noqa: E402

# Logistic scale: score 0.5 at the decision boundary; one term-cosine point of 0.1 ≈ 0.73.
SCALE = 10.0
TAUS = (0.2, 0.225, 0.25, 0.275, 0.3)
# Values tried per signal, in this order (threshold unchanged); kept when F1 gains > 0.001.
GRID: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("size", (-0.05,)),
    ("year_conflict", (-0.05, -0.1, -0.2)),
    ("per", (0.05,)),
    ("numbers_shared", (0.05,)),
    ("day_shared", (0.05,)),
)
# Embedding weights tried last, each with τ + weight × m for m in EMBED_SHIFTS; the largest
# weight whose F1 stays within EMBED_TOLERANCE of the best is kept. ECB+ is English only: the
# embedding is what lets French and English reports of one event join, so it is kept as long
# as it costs (almost) nothing here.
EMBEDDINGS = (0.3, 0.5)
EMBED_SHIFTS = (0.5, 0.6, 0.7)
EMBED_TOLERANCE = 0.005
# Orders per trial and their seeds: 4 orders, seeds 10-13, apart from the reporting seeds
# (0-4). A first search on 2 orders (seeds 0-1) gained +0.023 there but +0.008 on other orders.
ORDERS = 4
FIRST_SEED = 10


def params_of(a: dict[str, float], tau: float) -> ScoreParams:
    weights = {"terms": SCALE, **{k: round(SCALE * v, 4) for k, v in a.items() if v}}
    return ScoreParams(weights, round(-SCALE * tau, 4), 0.5, 7)


def dev_features(cache: Path | None) -> tuple[list[Features], list[str]]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    data = se.ecbplus_features(se.DEV_TOPICS)
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def search(fs: list[Features], gold: list[str]) -> tuple[dict[str, float], float, float]:
    def f1(a: dict[str, float], tau: float) -> float:
        return se.ecbplus(fs, gold, params_of(a, tau), ORDERS, FIRST_SEED)["F1"]

    a: dict[str, float] = {}
    best, tau = max((f1(a, t), t) for t in TAUS)
    for name, values in GRID:
        for v in values:
            score = f1({**a, name: v}, tau)
            if score > best + 0.001:
                best, a = score, {**a, name: v}
                print(f"{name}={v} tau={tau:.3f}: F1 {score:.4f}", flush=True)
    return add_embedding(a, tau, best, f1)


def add_embedding(
    a: dict[str, float], tau: float, best: float, f1: Callable[[dict[str, float], float], float]
) -> tuple[dict[str, float], float, float]:
    keep = (a, tau, best)
    for e in EMBEDDINGS:
        score, t = max((f1({**a, "embedding": e}, tau + e * m), tau + e * m) for m in EMBED_SHIFTS)
        print(f"embedding={e} tau={t:.3f}: F1 {score:.4f}", flush=True)
        if score >= best - EMBED_TOLERANCE:
            keep = ({**a, "embedding": e}, t, score)
    return keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="overwrite score.json")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    a, tau, best = search(*dev_features(args.cache))
    p = params_of(a, tau)
    out = {
        "_note": f"scripts/train_story_score.py: greedy search on ECB+ topics 1-35, single-pass "
        f"BCubed F1 {best:.4f} (mean of {ORDERS} orders); score = sigmoid(bias + w·signals).",
        "weights": p.weights,
        "bias": p.bias,
        "threshold": p.threshold,
        "window_days": p.window_days,
    }
    print(json.dumps(out, indent=2))
    if args.write:
        PARAMS_FILE.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
