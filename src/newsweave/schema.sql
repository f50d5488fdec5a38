-- newsweave store: one SQLite file. Read this file to know the data; docs/schema.md
-- describes the export format built from it.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per revision of an article. A document is identified across runs by doc_key
-- (its URL when known, else the input's absolute path). Re-ingesting the same page or the
-- same content is a no-op; changed content under the same doc_key adds revision n+1 and
-- clears is_current on the previous one.
CREATE TABLE IF NOT EXISTS articles (
    id                   INTEGER PRIMARY KEY,
    doc_key              TEXT NOT NULL,
    revision             INTEGER NOT NULL DEFAULT 1,
    is_current           INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
    source               TEXT NOT NULL,           -- input path or URL as given
    url                  TEXT,
    outlet               TEXT,
    language             TEXT,
    title                TEXT,
    lede                 TEXT,
    text                 TEXT NOT NULL,           -- lede + body, one paragraph per line
    authors              TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    published            TEXT,                    -- ISO 8601 at the known precision
    published_source     TEXT,                    -- user | html-meta | url | text-stamp | image-path | story …
    published_evidence   TEXT,                    -- the text or path the date came from
    published_confidence REAL,
    date_candidates      TEXT NOT NULL DEFAULT '[]',   -- JSON list of every candidate seen
    page_hash            TEXT NOT NULL,           -- sha256 of the raw page bytes
    content_hash         TEXT NOT NULL,           -- sha256 of title + text
    provenance           TEXT NOT NULL,           -- JSON: kept lines / elements, extractor
    stages               TEXT NOT NULL DEFAULT '[]',   -- JSON list of stages that ran
    ingested_at          TEXT NOT NULL,
    UNIQUE (doc_key, revision)
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_current ON articles (doc_key) WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS articles_content ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);

-- Entities across the corpus: one row per person, place or organisation, whatever the
-- language or script it was written in. name is the canonical name; key is its
-- transliteration-aware matching key (enrich/link.py: Poutine, Putin and Путин share one).
CREATE TABLE IF NOT EXISTS entities (
    id    INTEGER PRIMARY KEY,
    label TEXT NOT NULL,                          -- PER | LOC | ORG | MISC
    name  TEXT NOT NULL,
    key   TEXT NOT NULL,
    surname TEXT,                                 -- key of the last word of a multi-word name
    UNIQUE (label, key)
);
CREATE INDEX IF NOT EXISTS entities_surname ON entities (label, surname);

-- Every name an entity was seen under, with its key: how a later article finds it.
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX IF NOT EXISTS entity_aliases_key ON entity_aliases (key);

-- Annotations: character-offset spans into articles.text (entities, quotes, numbers, dates).
-- entity_id is the corpus entity a span is about: the entity of a mention, the speaker of a
-- quote. Mention counts are counted from here (current revisions only), never stored.
CREATE TABLE IF NOT EXISTS spans (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    layer      TEXT NOT NULL,                     -- entities | quotes | numbers | dates
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    label      TEXT NOT NULL,
    attrs      TEXT NOT NULL DEFAULT '{}',        -- JSON object
    entity_id  INTEGER REFERENCES entities (id),
    CHECK (0 <= start AND start <= end)
);
CREATE INDEX IF NOT EXISTS spans_article ON spans (article_id, layer);
CREATE INDEX IF NOT EXISTS spans_entity ON spans (entity_id) WHERE entity_id IS NOT NULL;

-- Full-text search over title and text (current and past revisions; queries filter).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Inputs that were dropped, one row per (source, code); a re-run updates last_seen/times.
CREATE TABLE IF NOT EXISTS rejects (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL,
    code       TEXT NOT NULL,   -- empty | binary | undecodable | no-text | too-large | bad-gzip | missing | unreadable | bad-json | bad-record | error
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    times      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source, code)
);

-- Outlet names learned from pages that name themselves (og:site_name, JSON-LD publisher):
-- pages from the same host that do not (plain-text dumps) take the same name.
CREATE TABLE IF NOT EXISTS outlets (
    host TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- One row per ingest run, with its counts.
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    stored      INTEGER NOT NULL DEFAULT 0,
    revised     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    settings    TEXT NOT NULL DEFAULT '{}'
);

-- Stories (stories/ and docs/schema.md). Every current article belongs to one story; a
-- story's profile is the sum of its members' features, so adding an article reads and
-- writes a bounded amount whatever the size of the store.
CREATE TABLE IF NOT EXISTS stories (
    id         INTEGER PRIMARY KEY,
    size       INTEGER NOT NULL,
    first_day  INTEGER,                           -- proleptic ordinal of the earliest dated member
    last_day   INTEGER,
    vector     BLOB NOT NULL,                     -- float32 sum of member embeddings
    profile    TEXT NOT NULL                      -- JSON: summed terms, entities, years, numbers
);

CREATE TABLE IF NOT EXISTS story_members (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    score      REAL,                              -- same-story score when it joined (NULL: opened it)
    copy_of    INTEGER REFERENCES articles (id),  -- earliest article it copies (wire copy), if any
    copy_similarity REAL                          -- estimated Jaccard with that copy
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id);

-- Candidate retrieval: a story's top terms and entities per week it was active in (bucket =
-- day // 7; NULL for undated members). A new article looks up its own keys in the weeks of
-- its time window only.
CREATE TABLE IF NOT EXISTS story_keys (
    key      TEXT NOT NULL,
    bucket   INTEGER,
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    UNIQUE (key, bucket, story_id)
);

-- What the story stage computed for each article (recomputed only when the article changes).
CREATE TABLE IF NOT EXISTS article_features (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    vector     BLOB NOT NULL,                     -- float32 USE-multilingual embedding
    features   TEXT NOT NULL,                     -- JSON: day, terms, entities, years, numbers
    minhash    BLOB NOT NULL                      -- MinHash signature (stories/dedup.py)
);

-- MinHash LSH bands: articles sharing a band key are near-duplicate candidates.
CREATE TABLE IF NOT EXISTS lsh_bands (
    band_key   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
