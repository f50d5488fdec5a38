"""Story timeline: dated happenings merged across articles, corroboration without wire copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsweave import api
from newsweave.enrich.numbers import find_numbers
from newsweave.enrich.timex import find_dates
from newsweave.model import Article, DateEvidence, PartialDate, Provenance
from newsweave.settings import Settings
from newsweave.stories.timeline import (
    TimelineEntry,
    TimelineParams,
    build_timeline,
    dice,
    ranked_dates,
    sentences,
)
from tests.conftest import SEEDS, needs_shared


def make_article(
    article_id: int,
    text: str,
    published: str,
    outlet: str | None = "Le Quotidien",
    url: str | None = None,
) -> Article:
    """A hand-made French article with its date mentions and numbers (no spaCy parse)."""
    when = PartialDate.parse(published)
    article = Article(
        source=f"fixture-{article_id}", key=f"fixture-{article_id}", text=text, title=None,
        lede=None, language="fr", outlet=outlet, url=url, authors=[],
        published=DateEvidence(when, "user", published, 1.0), date_candidates=[],
        provenance=Provenance("lines", (), "fixture"), page_hash=str(article_id), id=article_id,
    )  # fmt: skip
    article.annotations = {
        "dates": find_dates(text, when, "fr"),
        "numbers": find_numbers(text, "fr"),
        "entities": [],
        "quotes": [],
    }
    return article


# Dice of the keys (calibration in timeline.json, threshold 0.3): the two reports of Saleh's
# wounding score 0.455 (one happening), the wounding and the Sanaa fighting of the same day
# 0.286 and 0.174 (two happenings). The fixtures pin the threshold inside (0.286, 0.455].
SALEH_A = (
    "Publié le 5 juin 2011 à 10h00\n"
    "Le président Ali Abdallah Saleh a été blessé le 3 juin 2011 par un tir de roquette contre "
    "la mosquée de son palais à Sanaa. Le même jour, le 3 juin 2011, des combats ont opposé à "
    "Sanaa les partisans du président Saleh aux hommes armés du cheikh Sadek al-Ahmar."
)
SALEH_B = (
    "Vendredi 3 juin, Ali Abdallah Saleh a été légèrement atteint lorsque des obus sont tombés "
    "sur la mosquée où il priait, dans l'enceinte de la présidence. M. Saleh devait s'exprimer "
    "samedi 4 juin à la télévision."
)


@pytest.fixture
def saleh() -> list[Article]:
    return [
        make_article(1, SALEH_A, "2011-06-05"),
        make_article(2, SALEH_B, "2011-06-04", outlet=None, url="https://www.agence.example/x"),
        make_article(3, SALEH_B, "2011-06-04", outlet="Le Relais"),  # wire copy of 2
    ]


def by_text(entries: list[TimelineEntry], word: str) -> TimelineEntry:
    found = [e for e in entries if word in e.text]
    assert len(found) == 1, [e.text for e in entries]
    return found[0]


def test_sentences_keep_abbreviations_and_lines() -> None:
    text = "M. Saleh a parlé. Il est parti.\nLigne deux sans point"
    spans = [text[s:e] for s, e in sentences(text, TimelineParams.load().abbreviations)]
    assert spans == ["M. Saleh a parlé.", "Il est parti.", "Ligne deux sans point"]


def test_same_happening_merges_and_wire_copy_adds_nothing(saleh: list[Article]) -> None:
    entries = build_timeline(saleh, {3: 2}, TimelineParams.load())
    wounded = by_text(entries, "Abdallah")
    assert wounded.date == "2011-06-03"
    assert set(wounded.article_ids) == {1, 2, 3}
    assert wounded.corroboration == 2  # 3 copies 2
    assert wounded.article_ids[0] in (2, 3)  # the earliest report's sentence is the text
    assert "obus" in wounded.text
    assert {"agence.example", "Le Relais", "Le Quotidien"} == set(wounded.outlets)
    texts = {a.id: a.text for a in saleh}
    assert {texts[i][s:e] for i, s, e in wounded.mentions} == {"le 3 juin 2011", "Vendredi 3 juin"}


def test_without_the_copy_link_the_copy_counts(saleh: list[Article]) -> None:
    wounded = by_text(build_timeline(saleh, {}, TimelineParams.load()), "Abdallah")
    assert wounded.corroboration == 3


def test_two_happenings_on_one_date_stay_apart(saleh: list[Article]) -> None:
    entries = build_timeline(saleh, {3: 2})
    same_day = [e for e in entries if e.date == "2011-06-03"]
    assert len(same_day) == 2
    assert by_text(entries, "Sadek").corroboration == 1


def test_stamp_is_not_a_happening_and_order_is_by_date(saleh: list[Article]) -> None:
    entries = build_timeline(saleh, {3: 2})
    assert all("Publié" not in e.text for e in entries)
    assert "2011-06-05" not in {e.date for e in entries}
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert by_text(entries, "télévision").date == "2011-06-04"


def test_byline_stamp_is_skipped_but_prose_is_kept() -> None:
    text = (
        "Marie Dupont — 2 juin 2011 à 0h00 — mis à jour le 7 juin 2011 à 16h14\n"
        "Le rapport mis à jour par l'organisation la semaine dernière décrit en détail comment "
        "les forces de sécurité ont tiré sur les manifestants le 18 mars 2011 à Sanaa."
    )
    entries = build_timeline([make_article(1, text, "2011-06-02")], {})
    assert [e.date for e in entries] == ["2011-03-18"]


def test_ranked_dates_put_corroborated_days_first(saleh: list[Article]) -> None:
    ranked = ranked_dates(build_timeline(saleh, {3: 2}))
    assert [d.isoformat() for d in ranked] == ["2011-06-03", "2011-06-04"]


def test_merge_threshold_is_what_separates() -> None:
    params = TimelineParams.load()
    assert dice({"a": 1, "b": 1}, {"a": 1, "b": 1}) == 1.0
    assert dice({"a": 1}, {"b": 1}) == 0.0
    merged_all = build_timeline(
        [make_article(1, SALEH_A, "2011-06-05")], {}, params.with_(merge_similarity=0.0)
    )
    assert len([e for e in merged_all if e.date == "2011-06-03"]) == 1


def test_to_json_round_trip(saleh: list[Article]) -> None:
    data: dict[str, Any] = build_timeline(saleh, {3: 2})[0].to_json()
    assert set(data) >= {"date", "text", "article_ids", "outlets", "corroboration", "mentions"}


# ---------------------------------------------------------------- the seeds


def seed_story(db: Path, nlp_fr: Any) -> list[Article]:
    """Both seeds ingested; 000_ given the year its story settles (2020-11-05 09:55)."""
    api.ingest([str(SEEDS)], Settings(db_path=db, progress=False))
    articles = api.articles(db)
    for article in articles:
        if "000_" in article.source:
            when = PartialDate(2020, 11, 5, 9, 55)
            article.published = DateEvidence(when, "story", "2020-11-05T09:55", 0.9)
            doc = nlp_fr(article.text)
            article.annotations["dates"] = find_dates(article.text, when, "fr", doc)
    return articles


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, nlp_fr: Any) -> list[Article]:
    return seed_story(tmp_path_factory.mktemp("seeds") / "seeds.db", nlp_fr)


@needs_shared
def test_seed_timeline(seeds: list[Article]) -> None:
    entries = build_timeline(seeds, {})
    days = [e for e in entries if e.granularity == "day"]
    assert [e.date for e in days] == sorted(e.date for e in days)
    assert {e.date for e in days} == {"2020-10-10", "2020-10-30", "2020-10-31", "2020-11-04"}
    assert "Moscou" in by_text(days, "10 octobre").text
    assert by_text(days, "Genève").date == "2020-10-30"
    assert by_text(days, "Poutine a déclaré").date == "2020-11-04"
    request = by_text(days, "Pachinian")
    assert request.date == "2020-10-31" and request.corroboration == 1
    promise = [e for e in days if e.corroboration == 2]
    assert len(promise) == 1 and promise[0].date == "2020-10-31"
    assert "ministère russe des Affaires étrangères" in promise[0].text
    franceinfo = next(a.id for a in seeds if a.outlet == "franceinfo")
    assert promise[0].article_ids[0] == franceinfo  # the earlier report gives the text
    assert promise[0].outlets == ["franceinfo", "unknown"]


@needs_shared
def test_seed_timeline_with_a_copy_link(seeds: list[Article]) -> None:
    first, second = sorted(a.id or 0 for a in seeds)
    entries = build_timeline(seeds, {second: first})
    assert max(e.corroboration for e in entries) == 1
