"""Floors of the same-story score on held-out ECB+ topics and the French SemEval pairs.

The whole pipeline runs (spaCy enrichment, USE embedding, terms, single pass), on a few
held-out topics only, so the file stays under a minute. The full figures (topics 36-45, all
69 SemEval pairs) come from ``bench/stories_eval.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from tests.conftest import SHARED, needs_shared

if TYPE_CHECKING:
    from newsweave.stories.features import Features

pytestmark = needs_shared

# Held-out topics (36-45, never tuned on), five orders (bench default); BCubed F1 rounded down.
TOPICS = (36, 41)
ECB_F1_FLOOR = 0.96  # measured 0.977 (P 1.000, R 0.956), 5 orders (0.965 with the previous score)
# SemEval fr-fr pairs: all 69 with text, Pearson (sign-flipped) rounded down. (A subset of 24
# pairs, used before for speed, moved against the whole set: 0.731 → 0.693 while all 69 went
# 0.754 → 0.758.)
SEMEVAL_PAIRS = 69
SEMEVAL_FLOOR = 0.775  # measured 0.781 (0.760 before the pair model; issue floor 0.756)


@pytest.fixture(scope="module")
def encoder():  # type: ignore[no-untyped-def]
    from newsweave.stories.features import load_encoder

    return load_encoder()


def test_ecbplus_heldout_topics(encoder) -> None:  # type: ignore[no-untyped-def]
    from bench import stories_eval as se

    docs = se.ecbplus_docs(TOPICS)
    fs = se.prepare([d.article for d in docs], encoder)
    result = se.ecbplus(fs, [d.gold for d in docs])
    assert result["F1"] >= ECB_F1_FLOOR, result


def test_semeval_french_pairs(encoder) -> None:  # type: ignore[no-untyped-def]
    from bench import stories_eval as se

    pairs = se.semeval_pairs()[:SEMEVAL_PAIRS]
    fs = se.prepare([a for a, _, _ in pairs] + [b for _, b, _ in pairs], encoder)
    n = len(pairs)
    result = se.semeval([(fs[i], fs[n + i], pairs[i][2]) for i in range(n)])
    assert result["pearson"] >= SEMEVAL_FLOOR, result


def test_bcubed_counts_merges_and_splits() -> None:
    from bench.stories_eval import bcubed

    assert bcubed([0, 0, 1, 1], ["a", "a", "b", "b"]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed([0, 0, 0, 0], ["a", "a", "b", "b"])
    assert (p, r) == (0.5, 1.0)
    p, r, _ = bcubed([0, 1, 2, 3], ["a", "a", "b", "b"])
    assert (p, r) == (1.0, 0.5)


def test_score_is_symmetric_in_scale_and_prefers_the_same_article(encoder) -> None:  # type: ignore[no-untyped-def]
    from bench import stories_eval as se
    from newsweave.stories.score import load_params, similar

    docs = se.ecbplus_docs((36,))[:2]
    fa, fb = se.prepare([d.article for d in docs], encoder)
    params = load_params()
    same, other = similar(fa, fa, params), similar(fa, fb, params)
    assert 0.0 <= other <= same <= 1.0
    assert np.isclose(same, similar(fa, fa, params))


def test_shared_data_present() -> None:
    assert (SHARED / "data" / "ecbplus" / "gold_clusters.tsv").is_file()


def _features(**kw: Any) -> Features:
    from newsweave.stories.features import Features, normalise

    base = {"terms": normalise({"quake": 1.0, "tonga": 1.0}), "entities": {}, "years": []}
    return Features(id=1, day=None, language="en", vector=np.ones(4, np.float32) / 2,
                    **{**base, **kw})  # fmt: skip


def test_conflicting_years_and_people_lower_the_score() -> None:
    from newsweave.stories.features import Profile
    from newsweave.stories.score import ScoreParams, score, signals

    params = ScoreParams({"terms": 10.0, "year_conflict": -2.0, "per_conflict": -1.0}, -2.5, 0.5, 7)
    story = Profile.of(_features(years=[2008], entities={"PER:reid": 1.0}))
    same = _features(years=[2008], entities={"PER:reid": 1.0})
    other = _features(years=[2013], entities={"PER:lohan": 1.0})
    s_same, s_other = signals(same, story), signals(other, story)
    assert (s_same["year_conflict"], s_other["year_conflict"]) == (0.0, 1.0)
    assert (s_same["per_conflict"], s_other["per_conflict"]) == (0.0, 1.0)
    assert score(same, story, params) > score(other, story, params)


def test_profile_json_round_trip_keeps_dates() -> None:
    from newsweave.stories.features import Profile

    p = Profile.of(_features(months=["05"], days=["2013-05-02"]))
    q = Profile.from_json(p.vector, p.to_json())
    assert (q.months, q.days, q.size) == ({"05": 1}, {"2013-05-02": 1}, 1)
    assert q.unit("terms") == p.unit("terms")


def test_numbers_conflict_needs_the_same_counted_thing_with_no_common_value() -> None:
    from newsweave.stories.score import numbers_conflict

    story = {"7 round": 2, "80000000 euro": 1}
    assert numbers_conflict(["6 round"], story) == 1.0
    assert numbers_conflict(["7 round", "6 round"], story) == 0.0
    assert numbers_conflict(["6 death"], story) == 0.0  # nothing counted by both
    assert numbers_conflict([], story) == 0.0


def test_similar_uses_the_pair_model_clipped_to_unit_range() -> None:
    from newsweave.stories.score import ScoreParams, similar

    a, b = _features(), _features(terms={"quake": 1.0})
    plain = ScoreParams({"terms": 4.0}, -2.0, 0.5, 7)
    paired = ScoreParams({"terms": 4.0}, -2.0, 0.5, 7, pair_weights={"terms": 0.5}, pair_bias=0.1)
    assert np.isclose(similar(a, b, paired), 0.1 + 0.5 * np.sqrt(0.5), atol=1e-4)
    assert similar(a, b, plain) != similar(a, b, paired)
    big = ScoreParams({}, 0.0, 0.5, 7, pair_weights={"terms": 5.0}, pair_bias=0.0)
    assert similar(a, a, big) == 1.0


def test_params_without_a_pair_model_still_load(tmp_path: Path) -> None:
    import json

    from newsweave.stories.score import PARAMS_FILE, load_params

    data = json.loads(PARAMS_FILE.read_text(encoding="utf-8"))
    old = {k: data[k] for k in ("weights", "bias", "threshold", "window_days")}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    params = load_params(tmp_path / "old.json")
    assert params.pair_weights == {} and params.pair_bias == 0.0


def test_an_acronym_keeps_its_own_story_key() -> None:
    """ "OSDH", linked in its article to the name it spelt out, is keyed "osdh" for stories: the
    articles that write only "OSDH" share that key. A surname keeps its person's key."""
    from newsweave.enrich.link import translit_key
    from newsweave.model import Article, Provenance, Span
    from newsweave.stories.features import entity_weights

    name, person = "Observatoire syrien des droits de l'homme", "Vladimir Poutine"
    text = f"Selon l'{name} (OSDH), l'OSDH et {person} ont dit. Poutine a dit."
    found = [(name, "ORG", name), ("OSDH", "ORG", name), (person, "PER", person)]
    spans = [
        Span(text.index(s), text.index(s) + len(s), lab, {"canonical": c}) for s, lab, c in found
    ]
    spans.append(
        Span(text.rindex("Poutine"), text.rindex("Poutine") + 7, "PER", {"canonical": person})
    )
    art = Article(
        source="a", key="a", text=text, title=None, lede=None, language="fr", outlet=None,
        url=None, authors=[], published=None, date_candidates=[],
        provenance=Provenance("lines", (0,), "test"), page_hash="a",
    )  # fmt: skip
    art.annotations["entities"] = spans
    expected = {f"ORG:{translit_key(name)}", "ORG:osdh", f"PER:{translit_key(person)}"}
    assert set(entity_weights(art)) == expected
