"""Publication dates with evidence: never invent a year."""

from __future__ import annotations

import pytest

from newsweave.extract import dates
from newsweave.model import PartialDate

from .conftest import FRANCEINFO, XINHUA, needs_shared


def _pub(text: str, url: str | None = None, english: bool = False) -> dates.DateEvidence | None:
    lines = text.splitlines()
    chosen, _ = dates.publication_date(lines, lines, url, english=english)
    return chosen


@pytest.mark.parametrize(
    ("line", "english", "iso"),
    [
        ("Dernière mise à jour à 09h55 le 05/11", False, "--11-05T09:55"),
        ("Publié le mardi 3 mars 2026 à 08h15", False, "2026-03-03T08:15"),
        ("Mis à jour le 05/11/2020 à 14h02", False, "2020-11-05T14:02"),
        ("Updated 3:45 PM GMT, Tuesday March 3", True, "--03-03T15:45"),
        ("Published: November 20, 2019", True, "2019-11-20"),
        ("Posted 11/05/2020", True, "2020-11-05"),
        ("samedi 31 octobre", False, "--10-31"),
    ],
)
def test_stamps(line: str, english: bool, iso: str) -> None:
    found = _pub(line, english=english)
    assert found is not None and found.value.iso() == iso
    assert found.source.startswith("text-stamp") and found.text == line


FILLER = "\n".join(f"Titre d'un autre article numéro {k} de la rubrique" for k in range(20))


def test_a_stamp_after_the_byline_on_its_line_counts_below_the_header() -> None:
    stamp = "Le Courrier du Val avec AFP Publié le 21 février 2011 à 16h56 - Mis à jour le 22"
    found = _pub(FILLER + "\n" + stamp + " février 2011 à 14h45\nLe texte de l'article.")
    assert found is not None and found.value.iso() == "2011-02-21T16:56"


def test_a_lower_case_publie_in_prose_below_the_header_is_not_a_stamp() -> None:
    prose = "Selon le rapport publié le 3 mars 2011 par l'ONG, les combats ont repris."
    assert _pub(FILLER + "\n" + prose) is None


def test_a_dated_link_to_another_article_does_not_date_the_page() -> None:
    text = (
        "Le texte de l'article sur la ville.\n"
        "Lire aussi : http://www.exemple.fr/monde/article/2008/12/20/un-autre-sujet.html\n"
        "![](/images/2020/10/31/phpLli898.jpg)"
    )
    found = _pub(text)
    assert found is not None and found.value.iso() == "2020-10-31"
    assert _pub(text.rsplit("\n", 1)[0]) is None


def test_year_never_invented() -> None:
    found = _pub("Dernière mise à jour à 09h55 le 05/11\nUn article sans année.")
    assert found is not None and found.value.year is None
    assert found.confidence < 0.8


def test_wrong_weekday_is_not_a_date() -> None:
    # 5 November 2020 was a Thursday: the stamp contradicts itself and is not trusted.
    assert dates.find_dates("mercredi 5 novembre 2020") == []
    assert [v.iso() for _, v in dates.find_dates("jeudi 5 novembre 2020")] == ["2020-11-05"]


def test_url_date_wins_over_stamp_and_settles_nothing_else() -> None:
    found = _pub("Publié le 04/03\ncorps", url="https://x.example/2026/03/04/feu-usine")
    assert found is not None and found.value == PartialDate(2026, 3, 4)
    assert found.source == "url"


def test_stamp_takes_year_from_matching_path() -> None:
    text = "Mis à jour le 31/10 à 10h02\n/2020/10/31/photo123.jpg)\nUn corps d'article."
    found = _pub(text)
    assert found is not None and found.value.iso() == "2020-10-31T10:02"
    assert "image-path" in found.source and "/2020/10/31/" in found.text


def test_placeholder_asset_dates_are_ignored() -> None:
    text = "/2023/07/06/64a68815cd1a7_placeholder-36b69ec8.png)\ncorps"
    assert _pub(text) is None


def test_user_date_wins() -> None:
    user = dates.user_evidence("2020-11-05", "manifest")
    lines = ["Publié le 3 mars 2026"]
    chosen, cands = dates.publication_date(lines, lines, None, user=user)
    assert chosen is not None and chosen.source == "user" and chosen.value.iso() == "2020-11-05"
    assert any(c.source == "text-stamp" for c in cands)


def test_partial_date_iso_roundtrip() -> None:
    for iso in ("2020-10-31", "2020-10-31T09:55", "--11-05", "--11-05T09:55", "2020-10", "2020"):
        assert PartialDate.parse(iso).iso() == iso


@needs_shared
def test_seed_xinhua_has_no_year() -> None:
    found = _pub(XINHUA.read_text("utf-8"))
    assert found is not None and found.value.iso() == "--11-05T09:55"
    assert found.text == "Dernière mise à jour à 09h55 le 05/11"


@needs_shared
def test_seed_franceinfo_from_image_path_not_placeholder() -> None:
    found = _pub(FRANCEINFO.read_text("utf-8"))
    assert found is not None and found.value.iso() == "2020-10-31"
    assert found.source == "image-path" and "phpLli898" in found.text
    assert found.confidence >= 0.7  # corroborated by "samedi 31 octobre" in the body


def test_url_day_wins_when_utc_metadata_falls_a_day_later() -> None:
    meta = dates.DateEvidence(PartialDate(2019, 11, 20, 2, 30), "html-meta", "m", 0.9)
    url = "https://news.example/2019/11/19/story"
    chosen, _ = dates.publication_date([], [], url, meta=meta)
    assert chosen is not None and chosen.source == "url" and chosen.value.iso() == "2019-11-19"
    same = "https://news.example/2019/11/20/story"
    chosen, _ = dates.publication_date([], [], same, meta=meta)
    assert chosen is not None and chosen.source == "html-meta"
