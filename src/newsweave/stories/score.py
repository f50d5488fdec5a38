"""The same-story score of an article against a story (or another article).

``score`` is what the clustering compares with ``params.threshold``: a logistic model
``sigmoid(bias + Σ weight × signal)`` over a few signals of the article against the story's
profile (``SIGNALS``). ``similar`` scores two articles (``newsweave similar A B``) with a
second, linear model over the same signals (``pair_weights``), fitted to a graded target: 1
same event, 0.5 same topic, 0 unrelated. Weights, bias and threshold are named data in
``score.json``, learned by ``scripts/train_story_score.py`` (how: see the ``_note`` there).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .features import Features, Profile, cosine, labelled, normalise

PARAMS_FILE = Path(__file__).with_name("score.json")
# Entity labels compared on their own: two same-type events differ in who and where.
ENTITY_LABELS = ("PER", "LOC", "ORG")
SIGNALS = (
    "terms",  # cosine of the article's terms with the story's summed terms
    "lede",  # the same over title + first paragraph
    "embedding",  # cosine with the story's summed USE vector
    "entities",  # cosine of all canonical entities
    "per",  # cosine of person entities (and LOC, ORG below)
    "loc",
    "org",
    "per_conflict",  # both name people and share none of them
    "year_conflict",  # both write out years and share none of them
    "year_shared",  # a written-out year in common
    "month_conflict",  # both name months (dates layer) and share none of them
    "day_shared",  # a full date (year, month, day) in common
    "numbers_shared",  # counted quantities in common (capped, see NUMBERS_CAP)
    "numbers_conflict",  # a counted thing both report, with no value in common
    "size",  # log of the story's size (capped): a sum of many reports matches more words
    "terms_by_size",  # terms × size: the term cosine a story needs grows with its size
)
NUMBERS_CAP = 3  # shared counted numbers beyond this add nothing
# Story sizes beyond this count as this (ECB+ dev: the term cosine of true members levels off
# from about 8 reports on).
SIZE_CAP = 16


@dataclass(frozen=True, slots=True)
class ScoreParams:
    weights: dict[str, float]  # signal name → weight (signals not listed weigh 0)
    bias: float
    threshold: float  # join the best story when its score reaches this
    window_days: int  # a story is a candidate while its dates are this close
    # ``similar``'s linear model (signal → weight, and its bias); empty: ``score`` instead.
    pair_weights: dict[str, float] = field(default_factory=dict)
    pair_bias: float = 0.0


def load_params(path: Path = PARAMS_FILE) -> ScoreParams:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ScoreParams(**{k: v for k, v in data.items() if not k.startswith("_")})


def signals(f: Features, story: Profile) -> dict[str, float]:
    """The signals of ``f`` against ``story``, by name (see ``SIGNALS``)."""
    norm = float(np.linalg.norm(story.vector))
    size = math.log(min(story.size, SIZE_CAP)) / math.log(SIZE_CAP)
    terms = cosine(f.terms, story.unit("terms"))
    return {
        "terms": terms,
        "lede": cosine(f.lede, story.unit("lede")),
        "embedding": float(f.vector @ story.vector) / norm if norm else 0.0,
        "entities": cosine(f.entities, story.unit("entities")),
        **_entity_signals(f, story),
        **_date_signals(f, story),
        "numbers_shared": min(_shared(f.numbers, story.numbers), NUMBERS_CAP) / NUMBERS_CAP,
        "numbers_conflict": numbers_conflict(f.numbers, story.numbers),
        "size": size,
        "terms_by_size": terms * size,
    }


def _entity_signals(f: Features, story: Profile) -> dict[str, float]:
    out = {}
    for label in ENTITY_LABELS:
        mine, theirs = labelled(f.entities, label), story.unit("entities", label)
        out[label.lower()] = cosine(normalise(mine), theirs)
        if label == "PER":
            out["per_conflict"] = float(bool(mine) and bool(theirs) and not mine.keys() & theirs)
    return out


def _date_signals(f: Features, story: Profile) -> dict[str, float]:
    years = [str(y) for y in f.years]
    return {
        "year_conflict": _conflict(years, story.years),
        "year_shared": float(_shared(years, story.years) > 0),
        "month_conflict": _conflict(f.months, story.months),
        "day_shared": float(_shared(f.days, story.days) > 0),
    }


def _shared(keys: list[str], counts: dict[str, int]) -> int:
    return sum(1 for k in keys if k in counts)


def numbers_conflict(numbers: list[str], story: dict[str, int]) -> float:
    """1 when some counted thing ("round", "death") is reported by both sides and none of the
    article's values for it is among the story's: the seventh round is not the sixth, an
    80-million heist not a 2.5-million one."""
    mine, theirs = _values_by_unit(numbers), _values_by_unit(story)
    return float(any(not values & theirs[unit] for unit, values in mine.items() if unit in theirs))


def _values_by_unit(numbers: Iterable[str]) -> dict[str, set[str]]:
    """{unit: values} of "value unit" keys (``features.counted_numbers``)."""
    out: dict[str, set[str]] = {}
    for key in numbers:
        value, _, unit = key.partition(" ")
        out.setdefault(unit, set()).add(value)
    return out


def _conflict(keys: list[str], counts: dict[str, int]) -> float:
    """1 when both sides name some (years, months) and none in common."""
    return float(bool(keys) and bool(counts) and not _shared(keys, counts))


def score(f: Features, story: Profile, params: ScoreParams) -> float:
    """Probability-like same-story score in [0, 1]."""
    x = signals(f, story)
    z = params.bias + sum(w * x[name] for name, w in params.weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def similar(a: Features, b: Features, params: ScoreParams) -> float:
    """Same-story score of two articles in [0, 1] (``pair_weights``: about 1 for one event,
    0.5 for one topic, 0 unrelated); 0 when their dates are further apart than the window
    (the same theme weeks later is another story)."""
    story = Profile.of(b)
    if not in_window(a, story, params):
        return 0.0
    if not params.pair_weights:
        return score(a, story, params)
    x = signals(a, story)
    z = params.pair_bias + sum(w * x[name] for name, w in params.pair_weights.items())
    return min(1.0, max(0.0, z))


def joins(a: Features, b: Features, params: ScoreParams) -> bool:
    """Whether the clustering would put ``a`` in the one-article story of ``b``."""
    story = Profile.of(b)
    return in_window(a, story, params) and score(a, story, params) >= params.threshold


def in_window(f: Features, profile: Profile, params: ScoreParams) -> bool:
    """Dated articles join stories whose dates are near; undated ones any story."""
    if f.day is None or profile.first_day is None or profile.last_day is None:
        return True
    w = params.window_days
    return profile.first_day - w <= f.day <= profile.last_day + w
