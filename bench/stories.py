"""Every story figure of issue 4 in one run.

1. ECB+ (English, 982 articles, 86 gold events): BCubed P/R/F1 of the single pass on the
   test topics 36–45 (tuning used topics 1–35 only), mean of several random orders.
2. SemEval-2022 task 8, French pairs: Pearson of ``newsweave similar`` against ``Overall``.
3. ml_crisis_tls (French): timeline date-selection F1 of each crisis's longest story.
4. Speed: articles/s placed into stores of 1k, 10k and 100k articles, and peak memory.

    .venv/bin/python bench/stories.py                       # everything (100k takes a while)
    .venv/bin/python bench/stories.py --sizes 1000,10000    # a shorter speed run
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import stories_eval, stories_speed, stories_tls  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="store sizes for the speed run")
    ap.add_argument("--skip", nargs="*", default=(), choices=("ecbplus", "semeval", "tls", "speed"))
    args = ap.parse_args()
    start = time.perf_counter()
    if "ecbplus" not in args.skip:
        fs, gold = stories_eval.ecbplus_features(stories_eval.TEST_TOPICS)
        e = stories_eval.ecbplus(fs, gold)
        print("ECB+ topics 36-45 ({n} docs): BCubed P/R/F1 {P:.3f} / {R:.3f} / {F1:.3f} "
              "(worst order {F1_min:.3f})".format(n=len(fs), **e))  # fmt: skip
    if "semeval" not in args.skip:
        pairs = stories_eval.semeval_features()
        s, (lo, hi) = stories_eval.semeval(pairs), stories_eval.semeval_spread(pairs)
        print("SemEval fr-fr ({pairs:.0f} pairs): Pearson {pearson:.3f}, "
              "Spearman {spearman:.3f}".format(**s),
              f"(bootstrap 90%: {lo:.3f}-{hi:.3f})")  # fmt: skip
    if "tls" not in args.skip:
        stories_tls.main([])
    if "speed" not in args.skip:
        sys.argv = [sys.argv[0], "--sizes", args.sizes]
        stories_speed.main()
    print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
