"""Enrichment quality and speed, every layer in one run (prints figures, asserts nothing).

    .venv/bin/python bench/enrich.py [entities|quotes|numbers|dates ...]

- dates:    French TimeBank (``../shared/data/fr_timex``) extent and value P/R/F1, and agreement
            with the TIMEX3 values of ``../shared/data/ml_crisis_tls``;
- entities: Sequoia news (exact), HIPE-2020 and NewsEye (exact and overlap) P/R/F1;
- quotes:   our hand-annotated gold (``tests/gold``): quotes and quotes with the right speaker;
- numbers:  the same gold: numeric facts (value match), qualifier and unit accuracy;
- speed:    words/s of the spaCy parse, of the rule layers and of both on the same French
            articles, and the share the rules add on top of the parse.

Each layer's figures come from ``bench/enrich_<layer>.py``, which also runs on its own.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

# the layer scripts by their own names, and the ``bench`` package they import from (goldsets)
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

LAYERS = {"dates": "enrich_timex", "entities": "enrich_entities", "quotes": "enrich_quotes",
          "numbers": "enrich_numbers", "speed": "enrich_speed"}  # fmt: skip


def main() -> None:
    chosen = sys.argv[1:] or list(LAYERS)
    unknown = [name for name in chosen if name not in LAYERS]
    if unknown:
        sys.exit(f"unknown layer(s): {', '.join(unknown)}; choose from {', '.join(LAYERS)}")
    for name in chosen:
        print(f"\n=== {name} ({LAYERS[name]}.py)", flush=True)
        start = time.perf_counter()
        module = importlib.import_module(LAYERS[name])
        sys.argv = [sys.argv[0]]
        module.main()
        print(f"--- {name}: {time.perf_counter() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
