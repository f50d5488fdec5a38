"""Metadata of real French page dumps: publication date, outlet and title on ml_crisis_tls.

Extracts (no enrichment) every French ``.txt`` dump of ``../shared/data/ml_crisis_tls/fr`` and
prints:

- publication dates: how many pages got one, how many fall on the folder's date (the set's
  publication date; some folders hold the day of an update), how many carry the folder's
  month-day without a year, and the others with their evidence (``--wrong``);
- outlets: the names found, with counts (most pages name none: unknown is a fine answer);
- titles: pages without one, and pages whose title is shared with another page (a related
  headline of the page furniture taken for the title).

    .venv/bin/python bench/dumps_meta.py [--shared ../shared] [--wrong]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsweave.extract import extract, load_models
from newsweave.model import Article, Page
from newsweave.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def articles(root: Path) -> list[tuple[Path, Article]]:
    settings = Settings(progress=False)
    models = load_models(settings)
    out = []
    for path in sorted(root.glob("*/*/*.txt")):
        page = Page(data=path.read_bytes(), source=str(path), content_type="text/plain")
        out.append((path, extract(page, models, settings, None)))
    return out


def date_outcome(path: Path, article: Article) -> str:
    folder = path.parent.name
    if article.published is None:
        return "none"
    iso = article.published.value.iso()
    if iso[:10] == folder:
        return "folder day"
    return "folder month-day, no year" if iso == "--" + folder[5:10] else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--wrong", action="store_true", help="list the 'other' dates")
    args = parser.parse_args()
    found = articles(args.shared / "data" / "ml_crisis_tls" / "fr")
    dates = Counter(date_outcome(p, a) for p, a in found)
    print(f"{len(found)} pages; publication dates: {dict(dates)}")
    for path, art in found:
        if args.wrong and date_outcome(path, art) == "other" and art.published:
            print(f"  {path.parent.parent.name}/{path.parent.name}/{path.name}: "
                  f"{art.published.value.iso()} from {art.published.text[:70]!r}")  # fmt: skip
    print("outlets:", Counter(a.outlet for _, a in found).most_common())
    titles = Counter(a.title for _, a in found if a.title)
    shared = sum(n for n in titles.values() if n > 1)
    print(f"titles: {sum(a.title is None for _, a in found)} pages without one; "
          f"{shared} pages with a title another page has too")  # fmt: skip


if __name__ == "__main__":
    main()
