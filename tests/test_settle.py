"""A year-less publication date takes its year from the story, only when all evidence agrees."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsweave import Settings, api
from newsweave.enrich.annotate import annotate
from newsweave.model import Article, DateEvidence, PartialDate
from newsweave.stories.settle import SettleParams, redate, settle_year
from tests.conftest import EXAMPLES, FRANCEINFO, XINHUA, needs_shared

STAMP_2020 = PartialDate(2020, 10, 31)  # what the franceinfo seed is dated (image path)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, nlp_fr: Any) -> dict[str, Article]:
    """Both seeds extracted, with numbers and date mentions resolved as enrichment does."""
    if not XINHUA.exists():
        pytest.skip("../shared is not beside the repo")
    db = tmp_path_factory.mktemp("settle") / "seeds.db"
    settings = Settings(db_path=db, progress=False, stages=(), stories=False)
    api.ingest([str(XINHUA), str(FRANCEINFO)], settings)
    out = {Path(a.source).name[:3]: a for a in api.articles(db)}
    for article in out.values():
        annotate(article, nlp_fr(article.text), "fr", Settings(stages=("numbers", "dates")))
    return out


@pytest.fixture
def xinhua(seeds: dict[str, Article]) -> Article:
    return copy.deepcopy(seeds["000"])


def story_of(seeds: dict[str, Article]) -> list[tuple[int, PartialDate]]:
    franceinfo = seeds["002"]
    assert franceinfo.id is not None and franceinfo.published is not None
    return [(franceinfo.id, franceinfo.published.value)]


def with_stamp(article: Article, value: PartialDate, text: str) -> Article:
    out = copy.deepcopy(article)
    out.published = DateEvidence(value, "text-stamp", text, 0.5)
    return out


def values(article: Article, word: str) -> set[str]:
    return {str(s.attrs.get("value")) for s in article.annotations["dates"]
            if s.text_of(article.text).lower() == word}  # fmt: skip


# ---------------------------------------------------------------- the seeds


@needs_shared
def test_seed_000_takes_2020_from_its_story(seeds: dict[str, Article], xinhua: Article) -> None:
    assert xinhua.needs_year and seeds["002"].published is not None
    assert seeds["002"].published.value == STAMP_2020
    original = xinhua.published
    assert original is not None
    evidence = settle_year(xinhua, story_of(seeds))
    assert evidence is not None
    assert evidence.value == replace(original.value, year=2020)
    assert evidence.value.iso() == "2020-11-05T09:55"
    assert evidence.source == "story" and evidence.confidence < original.confidence
    assert original.text in evidence.text  # the stamp as read ...
    assert f"article {seeds['002'].id} (2020-10-31)" in evidence.text  # ... and the story


@needs_shared
def test_redate_re_resolves_the_date_mentions(
    seeds: dict[str, Article], xinhua: Article, nlp_fr: Any
) -> None:
    before = {k: v for k, v in xinhua.annotations.items() if k != "dates"}
    assert values(xinhua, "mercredi") == {"None"}  # unresolved without a year
    original = xinhua.published
    evidence = settle_year(xinhua, story_of(seeds))
    assert evidence is not None and original is not None
    redate(xinhua, evidence, nlp_fr(xinhua.text))
    assert xinhua.published == evidence and not xinhua.needs_year
    kept = {(c.value, c.source, c.text) for c in xinhua.date_candidates}
    assert (original.value, original.source, original.text) in kept  # the stamp as read
    assert evidence in xinhua.date_candidates
    assert values(xinhua, "mercredi") == {"2020-11-04"}
    assert values(xinhua, "samedi") == {"2020-10-31"}
    assert values(xinhua, "le 10 octobre") == {"2020-10-10"}
    assert {k: v for k, v in xinhua.annotations.items() if k != "dates"} == before


@needs_shared
def test_redate_without_doc_resolves_the_weekdays_too(
    seeds: dict[str, Article], xinhua: Article
) -> None:
    evidence = settle_year(xinhua, story_of(seeds))
    assert evidence is not None
    redate(xinhua, evidence)
    assert values(xinhua, "mercredi") == {"2020-11-04"}


@needs_shared
def test_story_dated_2026_gives_2026(xinhua: Article) -> None:
    evidence = settle_year(xinhua, [(7, PartialDate(2026, 10, 31)), (8, PartialDate(2026, 11, 3))])
    assert evidence is not None and evidence.value.iso() == "2026-11-05T09:55"
    assert "article 8 (2026-11-03)" in evidence.text


@needs_shared
@pytest.mark.parametrize(
    "story",
    [
        [(7, PartialDate(2019, 11, 1)), (8, PartialDate(2021, 11, 2))],  # years apart
        [(7, PartialDate(2020, 10, 31)), (8, PartialDate(2026, 10, 31))],  # conflicting
        [(7, PartialDate(2020, 3, 1))],  # months before the article's day-month
        [(7, PartialDate(2020, None))],  # no dated article with a day
        [],
    ],
)
def test_no_single_agreeing_year_gives_none(
    xinhua: Article, story: list[tuple[int, PartialDate]]
) -> None:
    assert settle_year(xinhua, story) is None


@needs_shared
def test_article_with_a_year_is_untouched(seeds: dict[str, Article]) -> None:
    franceinfo = copy.deepcopy(seeds["002"])
    assert settle_year(franceinfo, [(1, PartialDate(2020, 11, 5))]) is None


@needs_shared
def test_weekday_in_stamp_must_fit_the_year(xinhua: Article) -> None:
    """5 November is a Thursday in 2020 and a Wednesday in 2025."""
    stamped = with_stamp(xinhua, PartialDate(None, 11, 5), "Publié le mercredi 5 novembre")
    assert settle_year(stamped, [(7, STAMP_2020)]) is None
    evidence = settle_year(stamped, [(7, PartialDate(2025, 10, 31))])
    assert evidence is not None and evidence.value == PartialDate(2025, 11, 5)


@needs_shared
def test_weekday_with_day_month_in_text_must_fit_the_year(xinhua: Article) -> None:
    wrong = copy.deepcopy(xinhua)
    wrong.text = wrong.text.replace("a déclaré mercredi", "a déclaré mardi 4 novembre", 1)
    assert settle_year(wrong, [(7, STAMP_2020)]) is None
    right = copy.deepcopy(xinhua)
    right.text = right.text.replace("a déclaré mercredi", "a déclaré mercredi 4 novembre", 1)
    assert settle_year(right, [(7, STAMP_2020)]) is not None


@needs_shared
def test_bare_weekdays_must_fall_inside_the_story_window(xinhua: Article) -> None:
    """Dated 3 Nov with a 2-day window: "samedi" (31 Oct) falls outside, 5 days fits."""
    story = [(7, PartialDate(2020, 11, 3))]
    assert settle_year(xinhua, story, SettleParams(window_days=2)) is None
    assert settle_year(xinhua, story, SettleParams(window_days=5)) is not None


@needs_shared
def test_story_across_new_year(xinhua: Article) -> None:
    stamped = with_stamp(xinhua, PartialDate(None, 1, 2, 9, 55), "Mis à jour le 02/01 à 9h55")
    evidence = settle_year(stamped, [(7, PartialDate(2020, 12, 30))])
    assert evidence is not None and evidence.value.iso() == "2021-01-02T09:55"


# ---------------------------------------------------------------- the examples


def test_year_less_example_takes_its_story_year(tmp_path: Path) -> None:
    """radiolere (stamp "14h02 le 05/03", no year anywhere) within story A (3-4 March 2026)."""
    db = tmp_path / "ex.db"
    api.ingest([str(EXAMPLES)], Settings(db_path=db, progress=False, stages=(), stories=False))
    by_name = {Path(a.source).name: a for a in api.articles(db)}
    story_a = ("courrierduval-incendie-chimirex.txt", "northernledger-france-chemical-fire.html",
               "infohexagone-saint-aubin-bilan.html.gz")  # fmt: skip
    dated = [(by_name[n].id or 0, by_name[n].published.value)  # type: ignore[union-attr]
             for n in story_a]  # fmt: skip
    radio = by_name["radiolere-evacues-rentrent.txt"]
    evidence = settle_year(radio, dated)
    assert evidence is not None and evidence.value.iso() == "2026-03-05T14:02"
    assert settle_year(radio, [(99, PartialDate(2025, 4, 7))]) is None  # a month too far
