"""Speed of the stories step as the store grows: articles/s placed into a store that already
holds 1k, 10k or 100k articles, and peak memory.

The store is filled with synthetic articles (a stream of events, each reported by a few
outlets over a few days, with event-specific terms, entities and embeddings), placed by the
real ``stories.stage.place``. Then ``--probe`` more articles are timed. Embedding (USE) is
measured apart on real example texts: it costs the same per article at any store size.

    .venv/bin/python bench/stories_speed.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsweave.model import Article, DateEvidence, PartialDate, Provenance  # noqa: E402
from newsweave.store import Store  # noqa: E402
from newsweave.stories import dedup  # noqa: E402
from newsweave.stories.features import Features, featurize, load_encoder, normalise  # noqa: E402
from newsweave.stories.score import load_params  # noqa: E402
from newsweave.stories.stage import StoryModels, place  # noqa: E402

VOCAB = [f"w{i}" for i in range(50_000)]
START_DAY = PartialDate(2020, 1, 1)


class Stream:
    """Synthetic articles: events open at a steady rate; each is reported 1–12 times."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.events: list[dict[str, object]] = []
        self.n = 0

    def event(self, day: int) -> dict[str, object]:
        centre = self.np.normal(size=512).astype(np.float32)
        return {"terms": self.rng.sample(VOCAB, 25), "ents": [f"PER:p{self.rng.randrange(10**6)}",
                f"LOC:l{self.rng.randrange(5000)}"], "vec": centre / np.linalg.norm(centre),
                "day": day, "left": self.rng.randint(1, 12)}  # fmt: skip

    def next(self) -> tuple[Article, Features]:
        self.n += 1
        day = 737425 + self.n // 150  # about 150 articles a day
        live = [e for e in self.events[-400:] if e["left"] and day - e["day"] < 5]  # type: ignore[operator]
        ev = self.rng.choice(live) if live and self.rng.random() < 0.6 else self.event(day)
        if ev not in live:
            self.events.append(ev)
        ev["left"] -= 1  # type: ignore[operator]
        return self._article(ev, day)

    def _article(self, ev: dict[str, object], day: int) -> tuple[Article, Features]:
        words = self.rng.sample(ev["terms"], 15) + self.rng.sample(VOCAB, 60)  # type: ignore[call-overload]
        vec = ev["vec"] + self.np.normal(scale=0.03, size=512).astype(np.float32)  # type: ignore[operator]
        terms = normalise({w: self.rng.random() + 0.5 for w in words})
        f = Features(0, day, "fr", vec / np.linalg.norm(vec), terms,
                     normalise(dict.fromkeys(ev["ents"], 1.0)))  # type: ignore[arg-type]  # fmt: skip
        date = PartialDate.parse(_iso(day))
        a = Article(source=f"synthetic/{self.n}", key=f"synthetic/{self.n}", text=" ".join(words),
                    title=None, lede=None, language="fr", outlet=f"o{self.n % 40}", url=None,
                    authors=[], published=DateEvidence(date, "user", "synthetic", 1.0),
                    date_candidates=[], provenance=Provenance("lines", (), "synthetic"),
                    page_hash=str(self.n))  # fmt: skip
        return a, f


def _iso(day: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(day).isoformat()


def add(store: Store, stream: Stream, n: int, models: StoryModels) -> float:
    start = time.perf_counter()
    for _ in range(n):
        article, f = stream.next()
        _, article.id = store.save(article)
        f.id = article.id
        place(article, f, store, models)
    return time.perf_counter() - start


def embed_speed(models: StoryModels) -> float:
    texts = [
        p.read_text(encoding="utf-8", errors="replace") for p in (REPO / "examples").glob("*.txt")
    ]
    articles = [Article(source="x", key="x", text=t * 2, title=None, lede=None, language="fr",
                        outlet=None, url=None, authors=[], published=None, date_candidates=[],
                        provenance=Provenance("lines", (), "x"), page_hash="x", id=i + 1)
                for i, t in enumerate(texts * 8)]  # fmt: skip
    featurize(articles[:2], models.encoder)  # warm up: model and word tables loaded
    start = time.perf_counter()
    featurize(articles, models.encoder)
    return len(articles) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--probe", type=int, default=300)
    args = ap.parse_args()
    models = StoryModels(load_encoder(), load_params(), dedup.load_params())
    print(f"features (USE + terms), real example texts: {embed_speed(models):.1f} articles/s")
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "speed.db") as store:
        stream, have = Stream(), 0
        for size in sizes:
            add(store, stream, max(0, size - have), models)
            probe = add(store, stream, args.probe, models)
            have = max(size, have) + args.probe
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            mb = Path(tmp, "speed.db").stat().st_size / 2**20
            print(f"store of {size:>7,} articles: placing {args.probe / probe:6.0f} articles/s "
                  f"(save + stories); peak RSS {rss:.0f} MB; database {mb:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
