"""Single-pass story clustering: each article joins its best candidate story or opens one.

The same ``assign`` runs in the store (candidates found through ``story_keys``, see
``store.py``) and in memory (``cluster``, for benchmarks): articles are taken in the order
they were stored, so ``restory`` replays an ingest exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .features import Features, Profile
from .score import ScoreParams, in_window, score


def assign(
    f: Features, candidates: Iterable[tuple[int, Profile]], params: ScoreParams
) -> tuple[int | None, float]:
    """The story ``f`` joins (None: a new one) and its score; ties go to the older story."""
    best, best_score = None, float("-inf")
    for story_id, profile in candidates:
        if not in_window(f, profile, params):
            continue
        s = score(f, profile, params)
        if s > best_score or (s == best_score and best is not None and story_id < best):
            best, best_score = story_id, s
    if best is None or best_score < params.threshold:
        return None, best_score if best is not None else 0.0
    return best, best_score


def cluster(features: Sequence[Features], params: ScoreParams) -> list[int]:
    """Story index of each article, in memory, every story a candidate (benchmarks)."""
    profiles: list[Profile] = []
    labels: list[int] = []
    for f in features:
        story, _ = assign(f, enumerate(profiles), params)
        if story is None:
            profiles.append(Profile.of(f))
            story = len(profiles) - 1
        else:
            profiles[story].add(f)
        labels.append(story)
    return labels
