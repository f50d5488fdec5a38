"""Store: articles, annotation spans, rejects and runs in one SQLite file (see schema.sql).

Every page is written in one transaction. All SQL is static with ``?`` parameters:
scraped text never becomes SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import NotFound, StoreError
from .model import SCHEMA_VERSION, Article, DateEvidence, PartialDate, Provenance, Span

STORED, REVISED, UNCHANGED = "stored", "revised", "unchanged"

_INSERT = """
INSERT INTO articles (doc_key, revision, is_current, source, url, outlet, language, title,
    lede, text, authors, published, published_source, published_evidence,
    published_confidence, date_candidates, page_hash, content_hash, provenance, stages,
    ingested_at)
VALUES (:doc_key, :revision, 1, :source, :url, :outlet, :language, :title, :lede, :text,
    :authors, :published, :published_source, :published_evidence, :published_confidence,
    :date_candidates, :page_hash, :content_hash, :provenance, :stages, :ingested_at)
"""
_CURRENT = (
    "SELECT id, revision, page_hash, content_hash FROM articles "
    "WHERE doc_key = ? AND is_current = 1"
)
_SEARCH = """
SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH ? AND a.is_current = 1
ORDER BY rank LIMIT ?
"""
_REJECT = """
INSERT INTO rejects (source, code, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (source, code) DO UPDATE SET
    reason = excluded.reason, last_seen = excluded.last_seen, times = times + 1
"""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: Article
    snippet: str
    rank: float


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word quoted, all required."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def _evidence_row(ev: DateEvidence | None) -> dict[str, Any]:
    if ev is None:
        return dict.fromkeys(
            ("published", "published_source", "published_evidence", "published_confidence")
        )
    return {
        "published": ev.value.iso(),
        "published_source": ev.source,
        "published_evidence": ev.text,
        "published_confidence": ev.confidence,
    }


def article_row(article: Article, revision: int) -> dict[str, Any]:
    return {
        "doc_key": article.key, "revision": revision, "source": article.source,
        "url": article.url, "outlet": article.outlet, "language": article.language,
        "title": article.title, "lede": article.lede, "text": article.text,
        "authors": json.dumps(article.authors, ensure_ascii=False),
        **_evidence_row(article.published),
        "date_candidates": json.dumps(
            [c.to_json() for c in article.date_candidates], ensure_ascii=False
        ),
        "page_hash": article.page_hash, "content_hash": article.content_hash,
        "provenance": json.dumps(article.provenance.to_json(), ensure_ascii=False),
        "stages": json.dumps(article.stages), "ingested_at": now(),
    }  # fmt: skip


def _evidence(data: dict[str, Any]) -> DateEvidence:
    return DateEvidence(
        PartialDate.parse(data["value"]), data["source"], data["text"], data["confidence"]
    )


def row_article(row: sqlite3.Row) -> Article:
    published = None
    if row["published"]:
        published = DateEvidence(
            PartialDate.parse(row["published"]), row["published_source"],
            row["published_evidence"], row["published_confidence"],
        )  # fmt: skip
    prov = json.loads(row["provenance"])
    return Article(
        source=row["source"], key=row["doc_key"], text=row["text"], title=row["title"],
        lede=row["lede"], language=row["language"], outlet=row["outlet"], url=row["url"],
        authors=json.loads(row["authors"]), published=published,
        date_candidates=[_evidence(c) for c in json.loads(row["date_candidates"])],
        provenance=Provenance(prov["kind"], tuple(prov["kept"]), prov["extractor"]),
        page_hash=row["page_hash"], stages=json.loads(row["stages"]), id=row["id"],
        revision=row["revision"],
    )  # fmt: skip


class Store:
    """One SQLite database. Use as a context manager; writes are one transaction a page."""

    def __init__(self, path: Path) -> None:
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self._setup()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open database ({exc})") from None

    def _setup(self) -> None:
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        schema = resources.files("newsweave").joinpath("schema.sql").read_text("utf-8")
        self.conn.executescript(schema)
        self.conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            (SCHEMA_VERSION,),
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def current(self, key: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(_CURRENT, (key,)).fetchone()
        return row

    def unchanged_page(self, key: str, page_hash: str) -> int | None:
        """Id of the current article for ``key`` if it came from these exact bytes."""
        row = self.current(key)
        return int(row["id"]) if row is not None and row["page_hash"] == page_hash else None

    def save(self, article: Article, spans: dict[str, list[Span]] | None = None) -> tuple[str, int]:
        """Store one article (and its spans) in one transaction: stored, revised or unchanged."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            status, article_id = self._save(article, spans or article.annotations)
            self.conn.execute("DELETE FROM rejects WHERE source = ?", (article.source,))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return status, article_id

    def _save(self, article: Article, spans: dict[str, list[Span]]) -> tuple[str, int]:
        row = self.current(article.key)
        if row is not None and row["content_hash"] == article.content_hash:
            return UNCHANGED, int(row["id"])
        revision = 1 if row is None else int(row["revision"]) + 1
        if row is not None:
            self.conn.execute("UPDATE articles SET is_current = 0 WHERE id = ?", (row["id"],))
        cur = self.conn.execute(_INSERT, article_row(article, revision))
        article_id = int(cur.lastrowid or 0)
        self._write_spans(article_id, spans)
        return (STORED if row is None else REVISED), article_id

    def _write_spans(self, article_id: int, spans: dict[str, list[Span]]) -> None:
        self.conn.execute("DELETE FROM spans WHERE article_id = ?", (article_id,))
        rows = [
            (article_id, layer, s.start, s.end, s.label, json.dumps(s.attrs, ensure_ascii=False))
            for layer, items in spans.items()
            for s in items
        ]
        self.conn.executemany(
            "INSERT INTO spans (article_id, layer, start, end, label, attrs) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def outlet_name(self, host: str) -> str | None:
        row = self.conn.execute("SELECT name FROM outlets WHERE host = ?", (host,)).fetchone()
        return str(row[0]) if row else None

    def learn_outlet(self, host: str, name: str) -> None:
        """Remember ``host`` → ``name`` and rename articles that only knew the bare host."""
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO outlets (host, name) VALUES (?, ?) ON CONFLICT (host) DO NOTHING",
            (host, name),
        )
        self.conn.execute("UPDATE articles SET outlet = ? WHERE outlet = ?", (name, host))
        self.conn.execute("COMMIT")

    def reject(self, source: str, code: str, reason: str) -> None:
        stamp = now()
        self.conn.execute(_REJECT, (source, code, reason, stamp, stamp))

    def start_run(self, settings: dict[str, Any]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, settings) VALUES (?, ?)",
            (now(), json.dumps(settings, default=str)),
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, stored = ?, revised = ?, unchanged = ?, "
            "rejected = ? WHERE id = ?",
            (now(), counts.get(STORED, 0), counts.get(REVISED, 0), counts.get(UNCHANGED, 0),
             counts.get("rejected", 0), run_id),
        )  # fmt: skip

    # -- reading -------------------------------------------------------------------------
    def get(self, article_id: int) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return self._with_spans(row_article(row))

    def _with_spans(self, article: Article) -> Article:
        rows = self.conn.execute(
            "SELECT layer, start, end, label, attrs FROM spans WHERE article_id = ? "
            "ORDER BY layer, start, end",
            (article.id,),
        )
        for r in rows:
            span = Span(r["start"], r["end"], r["label"], json.loads(r["attrs"]))
            article.annotations.setdefault(r["layer"], []).append(span)
        return article

    def articles(self, current_only: bool = True) -> Iterator[Article]:
        """Every article in id order, streamed (no cap)."""
        where = "WHERE is_current = 1" if current_only else ""
        for row in self.conn.execute(f"SELECT * FROM articles {where} ORDER BY id"):
            yield self._with_spans(row_article(row))

    def search(self, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        match = query if raw else fts_query(query)
        if not match:
            return []
        try:
            rows = self.conn.execute(_SEARCH, (match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r} ({exc})") from None
        return [SearchHit(self.get(r["id"]), r["snippet"], r["rank"]) for r in rows]

    def rejects(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM rejects ORDER BY id").fetchall()
        return [dict(r) for r in rows]

    def count(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM articles WHERE is_current = 1").fetchone()
        return int(row[0])
