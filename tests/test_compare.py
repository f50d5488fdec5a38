"""Source comparison: who reports which happenings, quotes and numbers; disagreeing numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsweave.model import Article, Span
from newsweave.stories.compare import (
    CompareParams,
    compare_sources,
    consistent,
    unit_key,
)
from newsweave.stories.timeline import build_timeline
from tests.conftest import needs_shared
from tests.test_timeline import make_article, seed_story

TOLL_A = (
    "La guerre dans le Haut-Karabakh a fait plus de 1 250 morts en un peu plus d'un mois, "
    "selon les autorités du Haut-Karabakh."
)
TOLL_B = (
    "Le conflit du Haut-Karabakh a fait 1 300 morts depuis fin septembre, selon les autorités. "
    "Un obus tombé sur un marché de Stepanakert a fait 3 morts."
)
TOLL_C = "Selon le ministère, la guerre dans le Haut-Karabakh a fait 1 100 morts."


def toll_story(*texts: str) -> list[Article]:
    outlets = ["franceinfo", "Le Relais", "Agence"]
    days = ["2020-10-31", "2020-11-02", "2020-11-03"]
    return [make_article(i + 1, t, days[i], outlets[i]) for i, t in enumerate(texts)]


def test_consistent_tolls_are_flagged_consistent() -> None:
    result = compare_sources(toll_story(TOLL_A, TOLL_B), {}, [])
    assert len(result.disagreements) == 1
    d = result.disagreements[0]
    assert d.consistent
    assert sorted((v.qualifier, v.value) for v in d.values) == [("=", 1300.0), (">=", 1250.0)]
    assert {v.outlet for v in d.values} == {"franceinfo", "Le Relais"}
    assert {v.published for v in d.values} == {"2020-10-31", "2020-11-02"}
    article = toll_story(TOLL_A)[0]
    first = next(v for v in d.values if v.article_id == 1)
    assert "1 250 morts" in article.text[first.span[0] : first.span[1]]
    assert article.text[first.sentence[0] : first.sentence[1]].startswith("La guerre")


def test_side_incident_is_not_the_war_total() -> None:
    result = compare_sources(toll_story(TOLL_A, TOLL_B), {}, [])
    values = {v.value for d in result.disagreements for v in d.values}
    assert 3.0 not in values


def test_contradictory_tolls() -> None:
    result = compare_sources(toll_story(TOLL_A, TOLL_C), {}, [])
    assert [d.consistent for d in result.disagreements] == [False]


def test_equal_numbers_are_no_disagreement() -> None:
    assert compare_sources(toll_story(TOLL_B, TOLL_B), {2: 1}, []).disagreements == []


def test_context_check_keeps_two_incidents_apart() -> None:
    one = "Un obus tombé sur un marché de Stepanakert a fait 3 morts."
    other = "À Gandja, une frappe de missile contre un immeuble a fait 4 morts."
    assert compare_sources(toll_story(one, other), {}, []).disagreements == []


def test_interval_logic() -> None:
    params = CompareParams.load()
    story = toll_story(TOLL_A, TOLL_B)
    numbers = compare_sources(story, {}, []).disagreements[0].values
    assert consistent(numbers, params.approx_tolerance)
    assert unit_key("personnes tuées", params) == unit_key("morts", params) == "death"
    assert unit_key("mois", params) == "mois"


def test_quotes_and_entries_per_outlet() -> None:
    story = toll_story(
        "Le 30 octobre, les combats ont repris près de Stepanakert, a dit Arayik Haroutiounian.",
        "Les combats ont repris le 30 octobre près de Stepanakert, selon les autorités locales.",
    )
    speaker = (story[0].text.index("Arayik"), len(story[0].text) - 1)
    story[0].annotations["quotes"] = [
        Span(0, 10, "indirect", {"speaker": list(speaker), "speaker_name": "Arayik Harutyunyan"})
    ]
    story[1].annotations["quotes"] = [Span(0, 10, "indirect", {"speaker": None})]
    timeline = build_timeline(story, {})
    result = compare_sources(story, {}, timeline)
    by_outlet = {o.outlet: o for o in result.outlets}
    assert by_outlet["franceinfo"].quotes == {"Arayik Harutyunyan": [(1, 0, 10)]}
    assert by_outlet["Le Relais"].quotes == {"unknown": [(2, 0, 10)]}
    assert result.quoted_by["Arayik Harutyunyan"] == ["franceinfo"]
    shared = [i for i, e in enumerate(timeline) if e.corroboration == 2]
    assert shared and all(i in o.entries for o in result.outlets for i in shared)
    assert result.to_json()["outlets"][0]["entries"][0]["date"] == "2020-10-30"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, nlp_fr: Any) -> list[Article]:
    return seed_story(tmp_path_factory.mktemp("seeds") / "seeds.db", nlp_fr)


@needs_shared
def test_seed_comparison(seeds: list[Article]) -> None:
    timeline = build_timeline(seeds, {})
    result = compare_sources(seeds, {}, timeline)
    by_outlet = {o.outlet: o for o in result.outlets}
    assert set(by_outlet) == {"franceinfo", "unknown"}
    assert len(by_outlet["unknown"].quotes["Vladimir Poutine"]) >= 3
    assert result.quoted_by["Vladimir Poutine"] == ["unknown"]
    promise = next(i for i, e in enumerate(timeline) if e.corroboration == 2)
    assert all(promise in o.entries for o in result.outlets)
    tolls = [n for n in by_outlet["franceinfo"].numbers if n.unit == "death"]
    assert [(n.value, n.qualifier) for n in tolls] == [(1250.0, ">=")]
    assert result.disagreements == []


@needs_shared
def test_seed_numbers_read_as_written(seeds: list[Article]) -> None:
    result = compare_sources(seeds, {}, [])
    numbers = next(o for o in result.outlets if o.outlet == "franceinfo").numbers
    truces = next(n for n in numbers if n.unit == "tentative de treve")
    assert truces.label() == "3 tentatives de trêve"
    assert truces.to_json()["unit_text"] == "tentatives de trêve"


@needs_shared
def test_seed_toll_against_a_later_report(seeds: list[Article], tmp_path: Path) -> None:
    later = make_article(9, TOLL_B, "2020-11-04", outlet="Le Relais")
    result = compare_sources([*seeds, later], {}, [])
    assert len(result.disagreements) == 1
    assert result.disagreements[0].consistent
