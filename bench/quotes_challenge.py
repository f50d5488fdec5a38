"""Quote layer against the challenge set we wrote: ``tests/challenge/quotes_<lang>.jsonl``.

    .venv/bin/python -m bench.quotes_challenge              # P/R and speakers, dev / held-out
    .venv/bin/python -m bench.quotes_challenge --errors     # + every dev-split error
    .venv/bin/python -m bench.quotes_challenge --sets f     # one set: passages whose id starts so

Short news passages written by the team (invented events and people), each covering common
attribution constructions (inversions, pronouns with two people, role descriptions, apposition,
relayed sources, communiqués, titles and scare quotes that are not quotes); expectations were
written before any extractor ran on them (``tests/challenge/README.md``). Scoring is the gold
bench's (``bench.enrich_quotes``: span overlap ≥ half the shorter span, one-to-one; speaker right
by a gold mention or the same canonical entity). A third of the passages is held out by a hash of
the passage id, as the gold is; ``--errors`` prints the dev passages' errors only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import spacy
from spacy.language import Language

from bench.enrich_quotes import MODELS, DocResult, score_doc, summarise
from bench.goldsets import REPO, GoldDoc, _quote, sha256_text, split_of
from newsweave.enrich.annotate import parser_input
from newsweave.enrich.entities import find_entities
from newsweave.enrich.quotes import find_quotes

CHALLENGE_DIR = REPO / "tests" / "challenge"


def load_challenge(lang: str, folder: Path = CHALLENGE_DIR) -> list[tuple[GoldDoc, str]]:
    """The passages of ``quotes_<lang>.jsonl`` as gold documents, with their texts."""
    out = []
    with (folder / f"quotes_{lang}.jsonl").open(encoding="utf-8") as fh:
        for raw in map(json.loads, filter(str.strip, fh)):
            text = raw["text"]
            doc = GoldDoc(
                path=raw["id"], lang=raw["lang"], split=split_of(raw["id"]),
                text_sha256=sha256_text(text), quotes=[_quote(q) for q in raw["quotes"]],
                numbers=[],
            )  # fmt: skip
            out.append((doc, text))
    return out


def run(
    lang: str, nlp: Language | None = None, sets: str = ""
) -> tuple[list[DocResult], dict[str, str]]:
    """Score every passage (or those whose id starts with one of the letters of ``sets``);
    returns the results and the texts by passage id."""
    passages = [(g, t) for g, t in load_challenge(lang) if not sets or g.path[0] in sets]
    nlp = nlp or spacy.load(MODELS[lang])
    docs = nlp.pipe((parser_input(t) for _, t in passages), batch_size=16)
    results = []
    for (gold, _), doc in zip(passages, docs, strict=True):
        entities = find_entities(doc, lang)
        results.append(score_doc(gold, find_quotes(doc, entities, lang), entities))
    return results, {g.path: t for g, t in passages}


def print_summary(lang: str, results: list[DocResult]) -> None:
    print(f"== challenge quotes {lang}: {len(results)} passages")
    print(f"{'split':8} {'kind':9} {'docs':>4} {'gold':>5} {'pred':>5}   P     R  | spkP  spkR")
    for split in ("dev", "heldout", "all"):
        summary = summarise(results, split)
        for kind, f in summary.items():
            docs = summary["all"]["docs"] if kind == "all" else ""
            print(
                f"{split:8} {kind:9} {docs!s:>4} {f['n_gold']:>5} {f['n_pred']:>5} "
                f"{f['P']:.3f} {f['R']:.3f} | {f['spkP']:.3f} {f['spkR']:.3f}"
            )


def _show(text: str, span: object) -> str:
    return repr(text[span[0] : span[1]]) if isinstance(span, (tuple, list)) else "-"


def print_errors(results: list[DocResult], texts: dict[str, str]) -> None:
    """Missed, spurious and wrong-speaker quotes of the dev passages."""
    for res in (r for r in results if r.split == "dev"):
        text = texts[res.path]
        for pred, gold, ok in res.pairs:
            if ok:
                continue
            tag = "WRONG-SPEAKER" if pred and gold else "SPURIOUS" if pred else "MISSED"
            q = pred or gold
            assert q is not None
            print(f"{res.path} {tag} {_show(text, (q.start, q.end))[:100]}")
            if pred is not None:
                print(f"    pred speaker {_show(text, pred.attrs.get('speaker'))}")
            if gold is not None:
                print(f"    gold speaker {gold.speaker!r}")


def passage_digest(lang: str) -> str:
    """A short digest of the challenge file, printed so a figure names the set it came from."""
    data = (CHALLENGE_DIR / f"quotes_{lang}.jsonl").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=["fr"], default="fr")
    ap.add_argument("--errors", action="store_true", help="dump the dev passages' errors")
    ap.add_argument("--sets", default="", help="id letters of the sets to score (cd, f, e)")
    args = ap.parse_args(argv)
    results, texts = run(args.lang, sets=args.sets)
    if args.errors:
        print_errors(results, texts)
    print(f"challenge file sha256 {passage_digest(args.lang)}")
    print_summary(args.lang, results)


if __name__ == "__main__":
    main()
