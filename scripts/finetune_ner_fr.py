"""Fine-tune the ``ner`` of ``fr_core_news_md`` on Sequoia (an experiment, not shipped).

    OMP_NUM_THREADS=1 .venv/bin/python scripts/finetune_ner_fr.py --out /tmp/ner_fr [--epochs 8]
    .venv/bin/python bench/enrich_entities.py --ner /tmp/ner_fr

Training sentences: Sequoia's non-news domains (Europarl, Wikipedia, EMEA) and the dev part of
its news sentences (``bench/enrich_entities.part_of``); the held-out news sentences are never
trained on. Gold: the flat contextual labels the bench scores. Only ``ner`` is updated (it has
its own tok2vec), numpy only. Adam at 0.001, dropout 0.2, batches of 16, seed 0. Writes the
component's weights (``model``) to ``--out``; the bench's ``--ner`` loads them in place.
Measured (stop 32), stock weights first: Sequoia held-out 0.801 -> 0.776 (this script) and
0.807 (a first run shuffling with another seed); HIPE-2020 exact 0.489 -> 0.470 and 0.446;
NewsEye exact 0.338 -> 0.349 and 0.320. No gain beyond the seed's noise: not kept.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.training import Example

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.enrich_entities import part_of, sequoia_gold  # noqa: E402
from newsweave.enrich.annotate import parser_input  # noqa: E402

NEWS = "news_est_republicain"


def training_records(shared: Path) -> list[dict[str, Any]]:
    path = shared / "data/fr_ner/sequoia/sequoia_ner.jsonl"
    recs = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    return [r for r in recs if r["domain"] != NEWS or part_of(r["sent_id"]) == "dev"]


def example(nlp: Any, rec: dict[str, Any]) -> Example:
    """The sentence with its gold spans; spans off token bounds or overlapping are left out."""
    doc = nlp.make_doc(parser_input(rec["text"]))
    ents: list[tuple[int, int, str]] = []
    for s, e, label in sorted(sequoia_gold(rec)):
        if doc.char_span(s, e) is not None and not (ents and s < ents[-1][1]):
            ents.append((s, e, label))
    return Example.from_dict(doc, {"entities": ents})


def train(nlp: Any, examples: list[Example], epochs: int) -> None:
    other = [p for p in nlp.pipe_names if p != "ner"]
    opt = nlp.resume_training()
    rng = random.Random(0)
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for i in range(0, len(examples), 16):
            nlp.update(examples[i : i + 16], sgd=opt, drop=0.2, losses=losses, exclude=other)
        print(f"epoch {epoch}: loss {losses['ner']:.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()
    spacy.util.fix_random_seed(0)
    nlp = spacy.load("fr_core_news_md")
    examples = [example(nlp, r) for r in training_records(args.shared)]
    print(f"{len(examples)} training sentences", flush=True)
    train(nlp, examples, args.epochs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model").write_bytes(nlp.get_pipe("ner").model.to_bytes())


if __name__ == "__main__":
    main()
