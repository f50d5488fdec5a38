"""Store: articles, annotation spans, rejects and runs in one SQLite file (see schema.sql).

Every page is written in one transaction. All SQL is static with ``?`` parameters:
scraped text never becomes SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from .enrich.link import AliasTable, mention_short_form, surname_key, translit_key
from .errors import NotFound, StoreError
from .model import SCHEMA_VERSION, Article, DateEvidence, PartialDate, Provenance, Span
from .stories.features import Features, Profile

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
_SPANS = """
SELECT s.layer, s.start, s.end, s.label, s.attrs, s.entity_id, e.name AS entity_name
FROM spans s LEFT JOIN entities e ON e.id = s.entity_id
WHERE s.article_id = ? ORDER BY s.id
"""
_ENTITIES = """
SELECT e.id, e.label, e.name, count(*) AS mentions, count(DISTINCT s.article_id) AS articles
FROM entities e
JOIN spans s ON s.entity_id = e.id AND s.layer = 'entities'
JOIN articles a ON a.id = s.article_id AND a.is_current = 1
WHERE (? IS NULL OR e.label = ?) AND (? IS NULL OR e.name LIKE '%' || ? || '%')
GROUP BY e.id ORDER BY mentions DESC, e.name
"""
# Surface forms counted from the spans (kind "role" mentions such as "le président" included).
_ALIAS_COUNTS = """
SELECT s.entity_id, substr(a.text, s.start + 1, s.end - s.start) AS alias, count(*) AS n
FROM spans s JOIN articles a ON a.id = s.article_id AND a.is_current = 1
WHERE s.layer = 'entities' AND s.entity_id IS NOT NULL
GROUP BY s.entity_id, alias ORDER BY n DESC, alias
"""
_SELECT_ARTICLE = """
SELECT a.*, m.story_id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
"""
_COPY_CANDIDATES = """
SELECT f.article_id, f.minhash FROM article_features f
JOIN articles a ON a.id = f.article_id AND a.is_current = 1
WHERE f.article_id IN (
    SELECT DISTINCT article_id FROM lsh_bands WHERE band_key IN (SELECT value FROM json_each(?))
) AND f.article_id < ?
ORDER BY f.article_id
"""
_STORY_CANDIDATES = """
SELECT s.*, count(DISTINCT k.key) AS shared FROM story_keys k JOIN stories s ON s.id = k.story_id
WHERE k.key IN (SELECT value FROM json_each(?))
  AND (? IS NULL OR k.bucket IS NULL OR k.bucket BETWEEN ? AND ?)
GROUP BY s.id ORDER BY shared DESC, s.id LIMIT ?
"""
_STORY_MEMBERS = """
SELECT m.article_id, m.score, m.copy_of, m.copy_similarity, a.published, a.outlet
FROM story_members m JOIN articles a ON a.id = m.article_id AND a.is_current = 1
WHERE m.story_id = ? ORDER BY m.article_id
"""
_STORY_ROWS = """
SELECT s.id, count(*) AS articles, min(a.published) AS start, max(a.published) AS end,
    group_concat(DISTINCT coalesce(a.outlet, '?')) AS outlets, min(a.id) AS first_article
FROM stories s JOIN story_members m ON m.story_id = s.id
JOIN articles a ON a.id = m.article_id AND a.is_current = 1
GROUP BY s.id ORDER BY s.id
"""
_UNSTORIED = """
SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
WHERE a.is_current = 1 AND m.article_id IS NULL ORDER BY a.id
"""
_UPDATE_PUBLISHED = """
UPDATE articles SET published = :published, published_source = :published_source,
    published_evidence = :published_evidence, published_confidence = :published_confidence,
    date_candidates = :date_candidates
WHERE id = :id
"""
_REJECT = """
INSERT INTO rejects (source, code, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (source, code) DO UPDATE SET
    reason = excluded.reason, last_seen = excluded.last_seen, times = times + 1
"""


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _profile(row: sqlite3.Row) -> Profile:
    vector = np.frombuffer(row["vector"], dtype=np.float32)
    return Profile.from_json(vector, json.loads(row["profile"]))


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
        story_id=row["story_id"] if "story_id" in row.keys() else None,  # noqa: SIM118
    )  # fmt: skip


def _span_entity(layer: str, index: int, span: Span, entity_ids: list[int | None]) -> int | None:
    """The corpus entity of a mention, or of a quote's speaker (``speaker_entity`` index)."""
    if layer == "entities":
        return entity_ids[index] if index < len(entity_ids) else None
    speaker = span.attrs.get("speaker_entity") if layer == "quotes" else None
    return entity_ids[speaker] if isinstance(speaker, int) and speaker < len(entity_ids) else None


def _entity_attrs(layer: str, entity_id: int, name: str) -> dict[str, Any]:
    if layer == "quotes":
        return {"speaker_id": entity_id, "speaker_name": name}
    return {"entity_id": entity_id, "canonical": name}


class EntityIndex:
    """Links an article's entities to the corpus ``entities`` table (inside the caller's
    transaction): same label and same transliteration key, a known alias, or a surname."""

    def __init__(self, conn: sqlite3.Connection, aliases: AliasTable | None) -> None:
        self.conn = conn
        self.aliases = aliases

    def link(self, article: Article) -> list[int | None]:
        """Corpus entity id of each span of the article's ``entities`` layer."""
        mentions = article.annotations.get("entities", [])
        ids: list[int | None] = [None] * len(mentions)
        for members in _groups(mentions).values():
            label, name = _group_name(mentions, members, article.text)
            shorts = _short_forms(mentions, members, article.text, name)
            entity_id = self.entity_for(label, name, shorts)
            for i in members:
                ids[i] = entity_id
                self._alias(entity_id, mentions[i], article.text)
        return ids

    def entity_for(self, label: str, name: str, shorts: tuple[str, ...] = ()) -> int:
        """``shorts``: keys of the short forms (acronyms) the article gave this name."""
        preferred = self.aliases.resolve(label, name) if self.aliases else name
        key = translit_key(preferred)
        if not key:
            key = preferred.casefold()
        found = self._by_key(label, key) or self._by_alias(label, key)
        if found is None and " " not in key:
            found = self._one(_BY_SURNAME, (label, key))
        if found is None and " " in key:
            found = self._upgrade(label, key, preferred, shorts)
        return found if found is not None else self._insert(label, preferred, key)

    def _by_key(self, label: str, key: str) -> int | None:
        return self._one("SELECT id FROM entities WHERE label = ? AND key = ?", (label, key))

    def _by_alias(self, label: str, key: str) -> int | None:
        return self._one(_BY_ALIAS, (label, key))

    def _one(self, sql: str, params: tuple[Any, ...]) -> int | None:
        rows = self.conn.execute(sql, params).fetchmany(2)
        return int(rows[0][0]) if len(rows) == 1 else None

    def _upgrade(self, label: str, key: str, name: str, shorts: tuple[str, ...]) -> int | None:
        """A surname-only entity ("Poutine") takes the full name when it first appears; so does
        an acronym-only one ("OSDH") when an article spells it out."""
        found = self._by_key(label, key.rsplit(" ", 1)[-1])
        if found is None:
            by_short = (self._by_key(label, short) for short in shorts)
            found = next((f for f in by_short if f is not None), None)
        if found is not None:
            self.conn.execute(
                "UPDATE entities SET name = ?, key = ?, surname = ? WHERE id = ?",
                (name, key, surname_key(name), found),
            )
        return found

    def _insert(self, label: str, name: str, key: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO entities (label, name, key, surname) VALUES (?, ?, ?, ?)",
            (label, name, key, surname_key(name)),
        )
        return int(cur.lastrowid or 0)

    def _alias(self, entity_id: int, mention: Span, text: str) -> None:
        if mention.attrs.get("kind", "name") != "name":
            return
        alias = mention.text_of(text)
        self.conn.execute(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, key) VALUES (?, ?, ?)",
            (entity_id, alias, translit_key(alias)),
        )


_BY_ALIAS = """
SELECT DISTINCT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
WHERE e.label = ? AND a.key = ?
"""
_BY_SURNAME = "SELECT id FROM entities WHERE label = ? AND surname = ?"


def _groups(mentions: list[Span]) -> dict[Any, list[int]]:
    """Mention indices by in-article entity (``attrs['entity']``; else by canonical name)."""
    groups: dict[Any, list[int]] = {}
    for i, span in enumerate(mentions):
        local = span.attrs.get("entity", ("name", span.attrs.get("canonical"), span.label))
        groups.setdefault(local, []).append(i)
    return groups


def _short_forms(mentions: list[Span], members: list[int], text: str, name: str) -> tuple[str, ...]:
    """Keys of the acronyms among one in-article entity's name mentions."""
    keys = (mention_short_form(mentions[i], text, name) for i in members)
    return tuple(dict.fromkeys(k for k in keys if k))


def _group_name(mentions: list[Span], members: list[int], text: str) -> tuple[str, str]:
    """(label, canonical name) of one in-article entity: its mentions' majority label."""
    labels = Counter(mentions[i].label for i in members)
    first = mentions[members[0]]
    return labels.most_common(1)[0][0], str(first.attrs.get("canonical") or first.text_of(text))


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
        self._migrate()
        schema = resources.files("newsweave").joinpath("schema.sql").read_text("utf-8")
        self.conn.executescript(schema)
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SCHEMA_VERSION,),
        )

    def _migrate(self) -> None:
        """Stores from schema 1.0 gain the entity tables (created below) and spans.entity_id."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(spans)")}
        if columns and "entity_id" not in columns:
            self.conn.execute("ALTER TABLE spans ADD COLUMN entity_id INTEGER")

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

    def save(self, article: Article, aliases: AliasTable | None = None) -> tuple[str, int]:
        """Store one article, its spans and its entities in one transaction: stored, revised
        or unchanged. Entities are linked to the corpus entities (``aliases`` helps)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            status, article_id = self._save(article, aliases)
            self.conn.execute("DELETE FROM rejects WHERE source = ?", (article.source,))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return status, article_id

    def _save(self, article: Article, aliases: AliasTable | None) -> tuple[str, int]:
        row = self.current(article.key)
        if row is not None and row["content_hash"] == article.content_hash:
            return UNCHANGED, int(row["id"])
        revision = 1 if row is None else int(row["revision"]) + 1
        if row is not None:
            self.conn.execute("UPDATE articles SET is_current = 0 WHERE id = ?", (row["id"],))
        cur = self.conn.execute(_INSERT, article_row(article, revision))
        article_id = int(cur.lastrowid or 0)
        ids = EntityIndex(self.conn, aliases).link(article)
        self._write_spans(article_id, article.annotations, ids)
        return (STORED if row is None else REVISED), article_id

    def _write_spans(
        self, article_id: int, spans: dict[str, list[Span]], entity_ids: list[int | None]
    ) -> None:
        rows = [
            (article_id, layer, s.start, s.end, s.label, json.dumps(s.attrs, ensure_ascii=False),
             _span_entity(layer, i, s, entity_ids))
            for layer, items in spans.items()
            for i, s in enumerate(items)
        ]  # fmt: skip
        self.conn.executemany(
            "INSERT INTO spans (article_id, layer, start, end, label, attrs, entity_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def replace_annotations(self, article: Article, aliases: AliasTable | None = None) -> None:
        """Swap a stored article's spans and stages for new ones (``newsweave enrich``)."""
        if article.id is None:
            raise StoreError("replace_annotations needs a stored article")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM spans WHERE article_id = ?", (article.id,))
            ids = EntityIndex(self.conn, aliases).link(article)
            self._write_spans(article.id, article.annotations, ids)
            self.conn.execute(
                "UPDATE articles SET stages = ? WHERE id = ?",
                (json.dumps(article.stages), article.id),
            )
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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
        row = self.conn.execute(f"{_SELECT_ARTICLE} WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return self._with_spans(row_article(row))

    def _with_spans(self, article: Article) -> Article:
        """Attach the article's spans, with the current corpus name of each linked entity."""
        for r in self.conn.execute(_SPANS, (article.id,)):
            attrs = json.loads(r["attrs"])
            if r["entity_id"] is not None:
                attrs.update(_entity_attrs(r["layer"], r["entity_id"], r["entity_name"]))
            span = Span(r["start"], r["end"], r["label"], attrs)
            article.annotations.setdefault(r["layer"], []).append(span)
        return article

    def articles(self, current_only: bool = True) -> Iterator[Article]:
        """Every article in id order, streamed (no cap)."""
        where = "WHERE a.is_current = 1" if current_only else ""
        for row in self.conn.execute(f"{_SELECT_ARTICLE} {where} ORDER BY a.id"):
            yield self._with_spans(row_article(row))

    def current_ids(self) -> list[int]:
        rows = self.conn.execute("SELECT id FROM articles WHERE is_current = 1 ORDER BY id")
        return [int(r[0]) for r in rows]

    def search(self, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        match = query if raw else fts_query(query)
        if not match:
            return []
        try:
            rows = self.conn.execute(_SEARCH, (match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r} ({exc})") from None
        return [SearchHit(self.get(r["id"]), r["snippet"], r["rank"]) for r in rows]

    def entities(self, label: str | None = None, name: str | None = None) -> list[dict[str, Any]]:
        """Corpus entities with mention and article counts (current revisions), most
        mentioned first, each with the names it was seen under and how often."""
        rows = self.conn.execute(_ENTITIES, (label, label, name, name)).fetchall()
        aliases = self._alias_counts()
        return [{**dict(r), "aliases": aliases.get(r["id"], [])} for r in rows]

    def _alias_counts(self) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {}
        for r in self.conn.execute(_ALIAS_COUNTS):
            out.setdefault(r["entity_id"], []).append({"alias": r["alias"], "mentions": r["n"]})
        return out

    def rejects(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM rejects ORDER BY id").fetchall()
        return [dict(r) for r in rows]

    # -- stories -------------------------------------------------------------------------
    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def save_features(self, article_id: int, f: Features, minhash: bytes, bands: list[int]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO article_features (article_id, vector, features, minhash) "
            "VALUES (?, ?, ?, ?)",
            (article_id, f.vector.astype(np.float32).tobytes(), _dumps(f.to_json()), minhash),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO lsh_bands (band_key, article_id) VALUES (?, ?)",
            [(k, article_id) for k in bands],
        )

    def features(self, article_id: int) -> tuple[Features, bytes] | None:
        """Stored story features and MinHash signature of an article."""
        row = self.conn.execute(
            "SELECT vector, features, minhash FROM article_features WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        vector = np.frombuffer(row["vector"], dtype=np.float32)
        return Features.from_json(article_id, vector, json.loads(row["features"])), row["minhash"]

    def copy_candidates(self, article_id: int, bands: list[int]) -> list[tuple[int, bytes]]:
        """Earlier current articles sharing a MinHash band with ``article_id``, oldest first."""
        rows = self.conn.execute(_COPY_CANDIDATES, (_dumps(bands), article_id)).fetchall()
        return [(int(r[0]), r[1]) for r in rows]

    def story_candidates(
        self, keys: list[str], buckets: tuple[int, int] | None, limit: int
    ) -> list[tuple[int, Profile]]:
        """Stories sharing keys with an article in the weeks of its window (most shared
        first); every week when the article is undated."""
        lo, hi = buckets if buckets else (None, None)
        rows = self.conn.execute(_STORY_CANDIDATES, (_dumps(keys), lo, lo, hi, limit)).fetchall()
        return [(int(r["id"]), _profile(r)) for r in rows]

    def save_story(self, story_id: int | None, profile: Profile) -> int:
        """Insert (``story_id`` None) or update a story's profile; return its id."""
        row = (profile.size, profile.first_day, profile.last_day,
               profile.vector.astype(np.float32).tobytes(), _dumps(profile.to_json()))  # fmt: skip
        if story_id is None:
            cur = self.conn.execute(
                "INSERT INTO stories (size, first_day, last_day, vector, profile) "
                "VALUES (?, ?, ?, ?, ?)", row)  # fmt: skip
            return int(cur.lastrowid or 0)
        self.conn.execute(
            "UPDATE stories SET size = ?, first_day = ?, last_day = ?, vector = ?, profile = ? "
            "WHERE id = ?", (*row, story_id))  # fmt: skip
        return story_id

    def add_story_keys(self, story_id: int, keys: list[str], bucket: int | None) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_keys (key, bucket, story_id) VALUES (?, ?, ?)",
            [(k, bucket, story_id) for k in keys],
        )

    def set_member(
        self, article_id: int, story_id: int, score: float | None, copy: tuple[int, float] | None
    ) -> None:
        copy_of, similarity = copy if copy else (None, None)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_members (article_id, story_id, score, copy_of, "
            "copy_similarity) VALUES (?, ?, ?, ?, ?)",
            (article_id, story_id, score, copy_of, similarity),
        )

    def relink_copies(self, old: int, new: int, similarity: float) -> None:
        """``new`` is an earlier report than ``old``: ``old`` and its copies now copy ``new``."""
        self.conn.execute(
            "UPDATE story_members SET copy_of = ?, copy_similarity = coalesce(copy_similarity, ?) "
            "WHERE article_id = ? OR copy_of = ?",
            (new, similarity, old, old),
        )

    def published(self, article_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def story_of(self, article_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def story_profile(self, story_id: int) -> Profile:
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id}")
        return _profile(row)

    def story_members(self, story_id: int) -> list[sqlite3.Row]:
        """(article_id, score, copy_of, copy_similarity, published) of a story's current
        articles, in storing order."""
        return self.conn.execute(_STORY_MEMBERS, (story_id,)).fetchall()

    def story_rows(self) -> list[sqlite3.Row]:
        """Every story with at least one current article: id, size, dates, outlets."""
        return self.conn.execute(_STORY_ROWS).fetchall()

    def clear_stories(self) -> None:
        self.conn.execute("DELETE FROM story_keys")
        self.conn.execute("DELETE FROM story_members")
        self.conn.execute("DELETE FROM stories")

    def unstoried_ids(self) -> list[int]:
        """Current articles with no story yet, in storing order."""
        rows = self.conn.execute(_UNSTORIED)
        return [int(r[0]) for r in rows]

    def update_published(self, article: Article) -> None:
        """A settled publication date (stories) and the re-resolved date mentions, in place:
        the content hash stays the extracted one, so re-ingesting the page is still a no-op."""
        if article.id is None:
            raise StoreError("update_published needs a stored article")
        self.conn.execute(_UPDATE_PUBLISHED, {
            **_evidence_row(article.published), "id": article.id,
            "date_candidates": json.dumps(
                [c.to_json() for c in article.date_candidates], ensure_ascii=False),
        })  # fmt: skip
        self.conn.execute(
            "DELETE FROM spans WHERE article_id = ? AND layer = 'dates'", (article.id,)
        )
        dates = {"dates": article.annotations.get("dates", [])}
        self._write_spans(article.id, dates, [])

    def count(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM articles WHERE is_current = 1").fetchone()
        return int(row[0])
