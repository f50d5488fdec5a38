"""The public surface stays small and deliberate (httpx style): changing it is a decision."""

from __future__ import annotations

import inspect
from pathlib import Path

import newsweave
from newsweave import api

PUBLIC = {
    "Article", "DateEvidence", "InputError", "NewsweaveError", "NotFound", "Page",
    "PartialDate", "Provenance", "Settings", "Skip", "Span", "StoreError", "__version__", "api",
}  # fmt: skip
API = {"ingest", "enrich", "iter_articles", "articles", "article", "search", "entities",
       "rejects", "export", "open_store", "stories", "story", "restory", "similar"}  # fmt: skip


def test_package_surface() -> None:
    assert set(newsweave.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(newsweave, name), name


def test_api_surface() -> None:
    found = {
        n
        for n, f in vars(api).items()
        if inspect.isfunction(f) and f.__module__ == api.__name__ and not n.startswith("_")
    }
    assert found == API


def test_one_exception_tree() -> None:
    for exc in (newsweave.Skip, newsweave.InputError, newsweave.StoreError, newsweave.NotFound):
        assert issubclass(exc, newsweave.NewsweaveError)


def test_python_api_roundtrip(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    body = " ".join(["Le conseil régional a adopté jeudi un plan de transport ambitieux."] * 6)
    page.write_text(f"Plan de transport adopté\n{body}\n{body}\n")
    db = tmp_path / "n.db"
    counts = api.ingest([str(page)], newsweave.Settings(db_path=db))
    assert counts["stored"] == 1
    (article,) = api.articles(db)
    assert article.language == "fr" and "plan de transport" in article.text
