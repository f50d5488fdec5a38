"""The bundled sample corpus (written by us) comes out as its README says it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave import Settings, api
from newsweave.model import Article

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    db = tmp_path_factory.mktemp("examples") / "n.db"
    # Extraction as the pages give it: stories (which settle the Radio Lère year) are off.
    counts = api.ingest([str(EXAMPLES)], Settings(db_path=db, progress=False, stories=False))
    assert counts == {"stored": 15}
    return {Path(a.source).name: a for a in api.articles(db)}


def iso(article: Article) -> str | None:
    return article.published.value.iso() if article.published else None


def test_dates_and_their_evidence(stored: dict[str, Article]) -> None:
    expected = {
        "courrierduval-incendie-chimirex.txt": ("2026-03-03", "url"),
        "radiolere-evacues-rentrent.txt": ("--03-05T14:02", "text-stamp"),  # no year anywhere
        "quotidien-armance-greve-jour2.txt": ("2026-03-17T18:30", "text-stamp"),
        "quotidien-armance-accord.txt": ("2026-03-23", "user"),
        "observateur-brenholm-echec.txt": ("2026-03-28T10:20", "text-stamp+image-path"),
        "kellingford-post-trial-opens.txt": ("2026-02-09", "url"),
        "northernledger-france-chemical-fire.html": ("2026-03-03T19:30", "html-meta"),
        "wire.jsonl#L1": ("2026-03-27", "user"),
    }
    for name, (value, source) in expected.items():
        article = stored[name]
        assert (iso(article), article.published and article.published.source) == (value, source)


def test_titles_never_invented(stored: dict[str, Article]) -> None:
    assert stored["radiolere-evacues-rentrent.txt"].title is None
    kell = stored["kellingford-post-trial-opens.txt"]
    assert (
        kell.title == "Former Wendmere Water finance chief 'cooked the books on leaks', jury told"
    )
    assert kell.authors == ["Tom Ashworth"]
    assert stored["quotidien-armance-greve-jour2.txt"].title is not None


def test_boilerplate_dropped_body_kept(stored: dict[str, Article]) -> None:
    for name, article in stored.items():
        for junk in (".jpg)", "À regarder", "Sign in", "Connectez-vous", "Sur le même sujet"):
            assert junk not in article.text, (name, junk)
    radio = stored["radiolere-evacues-rentrent.txt"].text
    assert radio.startswith("Les quelque 1 500 habitants évacués")
    assert "Patrick Sorel" in radio


def test_language_and_outlet(stored: dict[str, Article]) -> None:
    langs = {name: a.language for name, a in stored.items()}
    assert sum(v == "fr" for v in langs.values()) == 9
    assert sum(v == "en" for v in langs.values()) == 6
    assert stored["northernledger-thorley-verdict.html"].outlet == "The Northern Ledger"
    assert stored["radiolere-evacues-rentrent.txt"].outlet == "radiolere.example"
    # a dump ingested before its outlet's HTML page takes the name that page declares
    assert stored["courrierduval-incendie-chimirex.txt"].outlet == "Le Courrier du Val"
