"""Store: idempotent re-runs, revisions, one transaction a page, FTS5 search, rejects."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsweave.model import Article, Provenance, Span
from newsweave.store import REVISED, STORED, UNCHANGED, Store


def make(text: str = "Un texte d'article sur la sécurité du réseau.", key: str = "k1") -> Article:
    return Article(
        source="src.txt", key=key, text=text, title="Titre", lede=None, language="fr",
        outlet="Exemple", url=None, authors=[], published=None, date_candidates=[],
        provenance=Provenance("lines", (0, 1), "test"), page_hash="p" + text[:5],
    )  # fmt: skip


def test_same_content_is_a_noop_and_changed_content_a_revision(db: Path) -> None:
    with Store(db) as store:
        assert store.save(make())[0] == STORED
        assert store.save(make())[0] == UNCHANGED
        status, new_id = store.save(make("Un autre texte, corrigé."))
        assert status == REVISED and store.count() == 1
        current = store.get(new_id)
        assert current.revision == 2 and current.text.startswith("Un autre")
        revisions = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert revisions == 2


def test_a_failed_write_leaves_nothing_behind(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db) as store:
        store.save(make(key="kept"))

        def boom(*_: object) -> None:
            raise sqlite3.OperationalError("disk I/O error (simulated)")

        monkeypatch.setattr(store, "_write_spans", boom)
        with pytest.raises(sqlite3.OperationalError):
            store.save(make("Texte neuf", key="half"))
        assert store.current("half") is None and store.count() == 1
        assert store.search("neuf") == []


def test_a_failed_save_is_a_reject_and_the_run_goes_on(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.pipeline import REJECTED, save_article

    with Store(db) as store:
        bad = make("Texte neuf", key="bad")
        bad.annotations["quotes"] = [Span(9, 8, "indirect", {})]  # breaks the CHECK on spans
        outcome = save_article(bad, store, None)
        assert outcome.status == REJECTED and "IntegrityError" in (outcome.reason or "")
        assert store.current("bad") is None and store.count() == 0
        assert [r["source"] for r in store.rejects()] == ["src.txt"]
        assert save_article(make(key="next"), store, None).status == STORED


def test_spans_roundtrip(db: Path) -> None:
    art = make()
    art.annotations["entities"] = [Span(3, 8, "MISC", {"canonical": "texte"})]
    with Store(db) as store:
        _, aid = store.save(art)
        back = store.get(aid)
    (span,) = back.annotations["entities"]
    assert span.text_of(back.text) == "texte" and span.attrs["canonical"] == "texte"
    assert isinstance(span.attrs["entity_id"], int)


def test_search_is_accent_insensitive_and_safe(db: Path) -> None:
    with Store(db) as store:
        store.save(make())
        store.save(make("Le match de football a été reporté.", key="k2"))
        assert [h.article.key for h in store.search("securite")] == ["k1"]
        assert "[sécurité]" in store.search("sécurité")[0].snippet
        for hostile in ('"', "AND OR", "x*) NEAR(", "'; DROP TABLE articles; --"):
            store.search(hostile)  # never raises, never runs as SQL
        assert store.count() == 2


def test_rejects_are_not_duplicated_and_cleared_on_success(db: Path) -> None:
    with Store(db) as store:
        store.reject("src.txt", "empty", "empty input")
        store.reject("src.txt", "empty", "empty input")
        (row,) = store.rejects()
        assert row["times"] == 2
        store.save(replace(make(), source="src.txt"))
        assert store.rejects() == []


def test_outlet_names_are_shared_by_host(db: Path) -> None:
    with Store(db) as store:
        store.save(replace(make(), outlet="val.example"))
        assert store.outlet_name("val.example") is None
        store.learn_outlet("val.example", "Le Courrier du Val")
        store.learn_outlet("val.example", "Another Name")  # the first name learned stays
        assert store.outlet_name("val.example") == "Le Courrier du Val"
        (article,) = store.articles()
        assert article.outlet == "Le Courrier du Val"
