"""Calibrate ``src/newsweave/stories/score.json`` on ECB+ development topics 1-35 only.

1. Gold replay: for every development article, story profiles are built from random subsets of
   gold stories (its own story without it, the other event of its topic — the hard case: two
   earthquakes, two rehab stories — and ``CROSS`` stories of other topics), ``REPS`` times.
2. A logistic regression over the ``FEATURES`` signals of those (article, profile) pairs gives
   the weights and bias of ``score``.
3. The embedding weight is raised by ``EMBED_BOOST`` (bias moved by ``EMBED_BOOST`` ×
   ``EMBED_PIVOT`` so the boundary stays put at a typical same-story cosine): ECB+ is English
   only and cannot show what the embedding is for (French and English reports of one event).
4. The join threshold is the one maximising the single-pass BCubed F1 on topics 1-35 (mean of
   ``ORDERS`` seeded orders, seeds apart from the reporting ones).
5. ``similar``'s pair model: a ridge regression over the same signals (but the size ones) of
   development article pairs, the target graded 1 (same event), 0.5 (same topic, other
   event), 0 (other topic; as many pairs as the same-topic ones).

Topics 36-45 are never read. ``FEATURES`` and ``EMBED_BOOST`` were chosen with the French
SemEval pairs as a gate (see the ``_note`` this script writes).

Run: .venv/bin/python scripts/train_story_score.py [--write] [--cache /tmp/ecb_dev.pkl]
(~4 min of enrichment and embedding, then ~1 min per threshold on 2 shared cores).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import stories_eval as se  # noqa: E402
from newsweave.stories.features import Features, Profile  # noqa: E402
from newsweave.stories.score import PARAMS_FILE, ScoreParams, signals  # noqa: E402

# Signals of the regression. "org" and "per_conflict" added nothing on ECB+ dev; "per" (person
# overlap) ranked the SemEval French pairs worse (Pearson 0.704 with it, 0.753 without) for
# about +0.005 of ECB+ dev F1, so it is left out. "numbers_conflict" (same counted thing, no
# common value: the 7th round against the 6th) moved ECB+ dev F1 0.883 → 0.888 (8 orders) and
# SemEval 0.758 → 0.760; a "day_conflict" (dev −0.002) and a share of new people (dev +0.002,
# SemEval −0.002) were tried and not kept. Round 5 (error census: of the dev precision loss,
# 0.123 of 0.130 is the two events of a topic merged, seeded by first wrong joins at story size
# 1-3): an embedding of title + first paragraph ("lede_embedding") and a place conflict moved
# dev 0.888 → 0.895 and SemEval 0.760 → 0.769, but ECB+ test 0.909 → 0.901 (one run, the rule
# "adopt only if test does not fall" set before it): not kept. Also tried on dev: mean or
# best-window embeddings over 600-char windows (0.892), refitting on the clustering's own joins
# (0.871), a head person missing from the story (SemEval −0.009). Round 6: the article's main
# event day (most-cited resolved day among its date mentions and its publication day) more than
# 3 days from every member's main day ("main_day_conflict", weight −0.8; also with ≥2 citations,
# a 7-day gap, or a "main_day_shared" twin) moved dev F1 by −0.002 to +0.001 (screened on
# same-topic candidates) and −0.003 on top of the small-story thresholds; with the shared twin
# SemEval fell to 0.74. Not kept. Round 6 also tried a stricter join threshold while the story
# has 1-3 articles (0.35, and 0.1 beyond; screened over small 0.25-0.45 × large 0.05-0.25 ×
# small size 1-5, a plateau at 0.35-0.4 / 0.08-0.15 / 2-3): dev F1 0.888 → 0.900 (8 orders; other
# seeds +0.007 and +0.016), but ECB+ test 0.909 → 0.895 (recall 0.897 → 0.871; one run, the rule
# "adopt only if test does not fall" set before it): not kept. A second-best margin rule for
# small stories lost on dev (margin 0.05: −0.004, 0.2: −0.024). Round 7 (stop 38), person
# signals in the clustering model only (the pair model kept apart, so SemEval is untouched),
# threshold by dev, test read once each (dev / test F1, from 0.886 / 0.911): "per" 0.895 / 0.874,
# "per" + "org" + "per_conflict" 0.894 / 0.882, the article's most-mentioned person missing from
# the story and the story's from the article 0.897 / 0.892, "the two differ" 0.889 / 0.892, with
# a place twin 0.897 / 0.876. Every one splits test events (recall 0.901 → 0.83-0.87: reports of
# one event there name different people); not kept.
FEATURES = (
    "terms", "lede", "embedding", "entities", "loc", "year_conflict", "year_shared",
    "month_conflict", "day_shared", "numbers_shared", "numbers_conflict", "size", "terms_by_size",
)  # fmt: skip
CROSS = 2  # other-topic stories per article and replay
REPS = 2  # replays (different random subsets)
SEED = 1
C = 1.0  # inverse L2 strength (sklearn default; 0.1-10 gave the same single-pass F1)
EMBED_BOOST = 2.0  # SemEval fr Pearson 0.753 → 0.758; ECB+ dev F1 −0.001
EMBED_PIVOT = 0.75  # mean embedding cosine of an article with its own story, ECB+ dev
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35)
# similar's pair model: the clustering signals without the story-size ones (a pair is a story
# of one). Ridge strength: 0.1-100 gave the same SemEval figure. Round 6: SemEval fr Pearson
# (PAIR_GAIN); a logistic fit on the graded target (its logit) gave 0.787, a monotone
# transform of the clustering score 0.722 (isotonic) to 0.774 (logit), adding person/org
# signals 0.773 (ridge) or 0.754 (logistic). Seen on 69 pairs: the bootstrap 90% interval of
# the gain is about −0.03 to +0.08.
PAIR_FEATURES = tuple(k for k in FEATURES if k not in ("size", "terms_by_size"))
PAIR_ALPHA = 1.0
PAIR_GAIN = "0.760 → 0.781, Spearman 0.761 → 0.774, bench/stories.py"
ORDERS = 8  # 4 orders moved the best threshold by 0.1 (single-pass F1 ±0.01 per order)
FIRST_SEED = 10  # reporting uses seeds 0-4
WINDOW_DAYS = 14  # see score.json's note


def dev_features(cache: Path | None) -> tuple[list[Features], list[str]]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    data = se.ecbplus_features(se.DEV_TOPICS)
    if cache:
        cache.write_bytes(pickle.dumps(data))
    return data


def replay_rows(fs: Sequence[Features], gold: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Signals of (article, partial gold story) pairs and whether it is the article's story."""
    rng = random.Random(SEED)
    stories: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        stories[g].append(i)
    xs, ys = [], []
    for _ in range(REPS):
        for i, g in enumerate(gold):
            for other in _contrasts(g, list(stories), rng):
                members = _subset([j for j in stories[other] if j != i], rng)
                if members:
                    s = signals(fs[i], _profile([fs[j] for j in members]))
                    xs.append([s[k] for k in FEATURES])
                    ys.append(int(other == g))
    return np.array(xs), np.array(ys)


def _contrasts(g: str, keys: list[str], rng: random.Random) -> list[str]:
    """The stories of ``g``'s topic (its own included) and ``CROSS`` of other topics."""
    topic = g.split("_")[0]
    same = [k for k in keys if k.split("_")[0] == topic]
    return same + rng.sample([k for k in keys if k.split("_")[0] != topic], CROSS)


def _subset(members: list[int], rng: random.Random) -> list[int]:
    rng.shuffle(members)
    return members[: rng.randint(1, max(1, len(members)))]


def _profile(fs: Sequence[Features]) -> Profile:
    p = Profile.of(fs[0])
    for f in fs[1:]:
        p.add(f)
    return p


def fit(xs: np.ndarray, ys: np.ndarray) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=5000).fit(xs, ys)
    weights = {k: round(float(w), 3) for k, w in zip(FEATURES, model.coef_[0], strict=True)}
    weights["embedding"] = round(weights["embedding"] + EMBED_BOOST, 3)
    return weights, round(float(model.intercept_[0]) - EMBED_BOOST * EMBED_PIVOT, 3)


def best_threshold(
    fs: list[Features], gold: list[str], weights: dict[str, float], bias: float
) -> tuple[float, float]:
    runs = []
    for t in THRESHOLDS:
        params = ScoreParams(weights, bias, t, WINDOW_DAYS)
        f1 = se.ecbplus(fs, gold, params, ORDERS, FIRST_SEED)["F1"]
        print(f"threshold {t}: single-pass BCubed F1 {f1:.4f}", flush=True)
        runs.append((f1, t))
    return max(runs)


def pair_rows(fs: Sequence[Features], gold: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Signals of every same-topic article pair and as many other-topic pairs, with the graded
    target of ``similar`` (1 same event, 0.5 same topic, 0 other topic)."""
    rng = random.Random(SEED)
    topic = [g.split("_")[0] for g in gold]
    pairs = [
        (i, j, 1.0 if gold[i] == gold[j] else 0.5)
        for i in range(len(fs))
        for j in range(i + 1, len(fs))
        if topic[i] == topic[j]
    ]
    n_same = len(pairs)
    while len(pairs) < 2 * n_same:
        i, j = rng.randrange(len(fs)), rng.randrange(len(fs))
        if topic[i] != topic[j]:
            pairs.append((i, j, 0.0))
    rows = [signals(fs[i], Profile.of(fs[j])) for i, j, _ in pairs]
    return np.array([[r[k] for k in PAIR_FEATURES] for r in rows]), np.array([y for *_, y in pairs])


def fit_pairs(xs: np.ndarray, ys: np.ndarray) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import Ridge

    model = Ridge(alpha=PAIR_ALPHA).fit(xs, ys)
    weights = {k: round(float(w), 4) for k, w in zip(PAIR_FEATURES, model.coef_, strict=True)}
    return weights, round(float(model.intercept_), 4)


NOTE = (
    "scripts/train_story_score.py on ECB+ topics 1-35 only: a logistic regression over "
    "(article, partial gold story) pairs of a gold replay, the other event of the same topic "
    "as hard negatives; embedding weight +{boost} (ECB+ is English only and cannot show what "
    "the embedding is for: French and English reports of one event); join threshold {t} "
    "maximises the single-pass BCubed F1 on topics 1-35 ({f1:.4f}, mean of {orders} orders). "
    "pair_weights: similar's ridge regression on development article pairs, target 1 same "
    "event, 0.5 same topic, 0 other topic (SemEval fr Pearson {pair_gain}). "
    "The French SemEval pairs served as a gate when choosing the signals: with person overlap "
    "('per') their Pearson fell to 0.704. window_days 14: a story stays open two weeks after "
    "its last dated report; the examples' trial story (D) spans 11 days between reports and "
    "the same-theme trap page comes five weeks after its story, and the issue separates the "
    "same theme a month later."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="overwrite score.json")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    fs, gold = dev_features(args.cache)
    weights, bias = fit(*replay_rows(fs, gold))
    pair_weights, pair_bias = fit_pairs(*pair_rows(fs, gold))
    f1, t = best_threshold(fs, gold, weights, bias)
    note = NOTE.format(boost=EMBED_BOOST, t=t, f1=f1, orders=ORDERS, pair_gain=PAIR_GAIN)
    out = {"_note": note, "weights": weights, "bias": bias, "threshold": t,
           "window_days": WINDOW_DAYS, "pair_weights": pair_weights,
           "pair_bias": pair_bias}  # fmt: skip
    print(json.dumps(out, indent=2))
    if args.write:
        PARAMS_FILE.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
