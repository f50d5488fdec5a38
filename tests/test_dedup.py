"""Near-duplicates: wire copies and light rewrites are copies, independent reports are not.

Material: the bundled examples (the Harbour Times page is a real wire copy of wire.jsonl#L1),
synthetic light rewrites made here from the examples, and ECB+ (same-event articles by
different outlets). Run ``.venv/bin/python -m tests.test_dedup`` to print the separation.
"""

from __future__ import annotations

import csv
import functools
import itertools
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from datasketch.lsh import _optimal_param

from newsweave import Settings, api
from newsweave.model import Article
from newsweave.stories import dedup
from tests.conftest import EXAMPLES, REPO, SHARED, needs_shared

P = dedup.load_params()
ECB = SHARED / "data/ecbplus"
# Floors: measured on this data (see __main__ below), rounded down a little.
FLOOR_REWRITE_COPY = 0.95  # share of combined light rewrites of the examples found as copies
FLOOR_REWRITE_BAND = 0.95  # ... sharing at least one band key with their original
FLOOR_SINGLE_EDIT_COPY = 1.0  # one edit alone (headline, paragraph, sentence, boilerplate)
INDEPENDENT_CONTAINMENT = 0.5  # under half of the shorter text's 4-word runs shared: not a copy
SEEDS = range(6)
FILLERS = [
    "indeed",
    "reportedly",
    "officially",
    "however",
    "meanwhile",
    "notably",
    "also",
    "further",
    "today",
]
BOILER_HEAD = "By Staff Reporter, The Daily Example"
BOILER_FOOT = "Copyright 2026 The Daily Example. All rights reserved. Read more on our site."


# ---------------------------------------------------------------- material


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    return load_examples(tmp_path_factory.mktemp("dedup") / "ex.db")


def load_examples(db: Path) -> dict[str, Article]:
    api.ingest([str(EXAMPLES)], Settings(db_path=db, progress=False, stages=()))
    return {Path(a.source).name: a for a in api.articles(db)}


def full_text(article: Article) -> str:
    """What a caller would sign: the headline, then lede and body."""
    return f"{article.title or ''}\n{article.text}"


def reword(paragraph: str, rng: random.Random) -> str:
    """One sentence of the paragraph with three of its words replaced."""
    sentences = re.split(r"(?<=[.!?]) ", paragraph)
    i = rng.randrange(len(sentences))
    words = sentences[i].split()
    for j in rng.sample(range(len(words)), min(3, len(words))):
        words[j] = rng.choice(FILLERS)
    sentences[i] = " ".join(words)
    return " ".join(sentences)


def rewrite(article: Article, rng: random.Random, edits: tuple[str, ...]) -> str:
    """A light rewrite: new headline, one paragraph dropped, one sentence reworded, new
    boilerplate around the text (each edit only when asked)."""
    paras = article.text.split("\n")
    title = "Latest: officials respond as the situation develops" if "head" in edits else None
    if "drop" in edits and len(paras) > 3:
        del paras[rng.randrange(1, len(paras))]
    if "reword" in edits:
        k = rng.randrange(len(paras))
        paras[k] = reword(paras[k], rng)
    if "boiler" in edits:
        paras = [BOILER_HEAD, *paras, BOILER_FOOT]
    return f"{title or article.title or ''}\n" + "\n".join(paras)


ALL_EDITS = ("head", "drop", "reword", "boiler")


def rewrites(examples: dict[str, Article]) -> Iterator[tuple[str, str]]:
    """(original, combined light rewrite) for every example page and seed."""
    for seed in SEEDS:
        rng = random.Random(seed)
        for name in sorted(examples):
            yield full_text(examples[name]), rewrite(examples[name], rng, ALL_EDITS)


@functools.cache
def ecb_docs() -> dict[str, tuple[str, str, int]]:
    """doc name -> (text without the URL sentence, gold event cluster, topic)."""
    from bench.goldsets import ecbplus_text

    with (ECB / "gold_clusters.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {
        r["doc_name"]: (ecbplus_text(ECB / r["path"]), r["event_cluster"], int(r["topic"]))
        for r in rows
    }


def exact(a: str, b: str) -> tuple[float, float]:
    """Exact Jaccard and containment (of the smaller set) of the two shingle sets."""
    sa, sb = set(dedup.shingles(a, P.shingle)), set(dedup.shingles(b, P.shingle))
    inter = len(sa & sb)
    return inter / max(1, len(sa | sb)), inter / max(1, min(len(sa), len(sb)))


# ---------------------------------------------------------------- unit behaviour


def test_params_follow_datasketch_optimum() -> None:
    """Bands x rows: datasketch's optimum for the lowest Jaccard a copy may have."""
    assert (P.bands, P.rows) == _optimal_param(P.min_jaccard, P.num_perm, 0.5, 0.5)
    assert P.bands * P.rows <= P.num_perm and P.min_jaccard <= P.threshold


def test_identical_text_is_copy_with_equal_keys(examples: dict[str, Article]) -> None:
    text = full_text(examples["wire.jsonl#L1"])
    a, b = dedup.signature(text, P), dedup.signature(text, P)
    assert a.dtype == np.uint64 and a.shape == (P.num_perm,)
    assert dedup.similarity(a, b) == 1.0 and dedup.is_copy(a, b, P)
    assert dedup.band_keys(a, P) == dedup.band_keys(b, P)


def test_punctuation_case_and_accents_do_not_count() -> None:
    a = dedup.signature("L'Élysée a réagi, mardi : « Non ».", P)
    b = dedup.signature("l elysee A REAGI mardi non", P)
    assert dedup.similarity(a, b) == 1.0


def test_short_and_empty_texts() -> None:
    short = dedup.signature("Séisme au Japon", P)  # fewer words than one shingle
    assert not dedup.is_empty(short)
    assert dedup.is_copy(short, dedup.signature("séisme au japon !", P), P)
    assert not dedup.is_copy(short, dedup.signature("Séisme en Grèce", P), P)
    empty = dedup.signature(" ,;! ", P)
    assert dedup.band_keys(empty, P) == [] and not dedup.is_copy(empty, empty, P)


def test_bytes_round_trip(examples: dict[str, Article]) -> None:
    sig = dedup.signature(full_text(examples["deuxrives-cessez-le-feu.html"]), P)
    blob = dedup.to_bytes(sig)
    assert isinstance(blob, bytes) and len(blob) == 8 * P.num_perm
    back = dedup.from_bytes(blob)
    assert back.dtype == np.uint64 and np.array_equal(back, sig)


def test_band_keys_stable_across_calls_and_processes(examples: dict[str, Article]) -> None:
    text = full_text(examples["observateur-brenholm-echec.txt"])
    keys = dedup.band_keys(dedup.signature(text, P), P)
    assert len(keys) == P.bands and all(0 <= k < 2**63 for k in keys)
    assert keys == dedup.band_keys(dedup.signature(text, P), P)
    code = (
        "import sys; from newsweave.stories import dedup as d; p = d.load_params(); "
        "print(d.band_keys(d.signature(sys.stdin.read(), p), p))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
        cwd=REPO, env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )  # fmt: skip
    assert out.stdout.strip() == str(keys)


# ---------------------------------------------------------------- copies


def test_wire_copy_in_examples_is_found(examples: dict[str, Article]) -> None:
    """The Harbour Times republishes the CPA wire under another headline and boilerplate."""
    wire = dedup.signature(full_text(examples["wire.jsonl#L1"]), P)
    copy = dedup.signature(full_text(examples["harbourtimes-ceasefire-talks.html"]), P)
    assert dedup.is_copy(wire, copy, P)
    assert set(dedup.band_keys(wire, P)) & set(dedup.band_keys(copy, P))


def test_no_other_example_pair_is_a_copy(examples: dict[str, Article]) -> None:
    """Same story by other outlets (A, B, C, D) and the same-theme trap are not copies."""
    sigs = {n: dedup.signature(full_text(a), P) for n, a in examples.items()}
    found = {frozenset(p) for p in itertools.combinations(sigs, 2) if dedup.is_copy(
        sigs[p[0]], sigs[p[1]], P)}  # fmt: skip
    assert found == {frozenset({"wire.jsonl#L1", "harbourtimes-ceasefire-talks.html"})}


@pytest.mark.parametrize("edit", ALL_EDITS)
def test_each_light_edit_alone_is_a_copy(examples: dict[str, Article], edit: str) -> None:
    rng = random.Random(7)
    hits = [
        dedup.is_copy(
            dedup.signature(full_text(a), P), dedup.signature(rewrite(a, rng, (edit,)), P), P
        )
        for a in examples.values()
    ]
    assert sum(hits) / len(hits) >= FLOOR_SINGLE_EDIT_COPY


def test_combined_light_rewrites_are_copies_and_share_keys(
    examples: dict[str, Article],
) -> None:
    copies = shared = total = 0
    for original, rewritten in rewrites(examples):
        a, b = dedup.signature(original, P), dedup.signature(rewritten, P)
        copies += dedup.is_copy(a, b, P)
        shared += bool(set(dedup.band_keys(a, P)) & set(dedup.band_keys(b, P)))
        total += 1
    assert copies / total >= FLOOR_REWRITE_COPY
    assert shared / total >= FLOOR_REWRITE_BAND


def test_truncated_copy_is_a_copy(examples: dict[str, Article]) -> None:
    """A copy keeping the first 45 % of the paragraphs (containment rule)."""
    article = examples["infohexagone-greve-negociations.html"]
    paras = article.text.split("\n")
    short = "\n".join(paras[: max(1, len(paras) * 45 // 100)])
    a, b = dedup.signature(article.text, P), dedup.signature(short, P)
    assert dedup.similarity(a, b) < P.threshold and dedup.is_copy(a, b, P)


# ---------------------------------------------------------------- independent reports


@needs_shared
def test_independent_ecbplus_reports_are_not_copies() -> None:
    """Two outlets' own reports of one event (NYT and The Age on the Wasilla church fire)."""
    docs = ecb_docs()
    a, b = docs["13_1ecb.xml"][0], docs["13_4ecb.xml"][0]
    assert exact(a, b)[1] < INDEPENDENT_CONTAINMENT
    assert not dedup.is_copy(dedup.signature(a, P), dedup.signature(b, P), P)


@needs_shared
def test_ecbplus_separation() -> None:
    """No same-event pair sharing under half its 4-word runs is a copy; no pair of different
    events even shares a band key; pairs that are near-verbatim copies are all found."""
    report = ecb_report(ecb_docs())
    assert report["independent_linked"] == 0
    assert report["cross_event_candidates"] == 0
    assert report["verbatim_found"] == report["verbatim"] > 0


def ecb_report(docs: dict[str, tuple[str, str, int]]) -> dict[str, int]:
    names = sorted(docs)
    sigs = {n: dedup.signature(docs[n][0], P) for n in names}
    keys = {n: set(dedup.band_keys(sigs[n], P)) for n in names}
    out = dict.fromkeys(
        ("pairs", "independent", "independent_linked", "linked", "verbatim", "verbatim_found",
         "cross_event_candidates"), 0)  # fmt: skip
    for a, b in itertools.combinations(names, 2):
        if docs[a][1] != docs[b][1]:
            out["cross_event_candidates"] += bool(keys[a] & keys[b])
            continue
        jac, cont = exact(docs[a][0], docs[b][0])
        copy = dedup.is_copy(sigs[a], sigs[b], P)
        out["pairs"] += 1
        out["linked"] += copy
        out["independent"] += cont < INDEPENDENT_CONTAINMENT
        out["independent_linked"] += copy and cont < INDEPENDENT_CONTAINMENT
        out["verbatim"] += jac >= 0.8
        out["verbatim_found"] += copy and jac >= 0.8
    return out


def main() -> None:  # pragma: no cover - prints the calibration figures
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        examples = load_examples(Path(tmp) / "ex.db")
    est = [dedup.similarity(dedup.signature(a, P), dedup.signature(b, P))
           for a, b in rewrites(examples)]  # fmt: skip
    print(
        f"combined light rewrites of the examples: n={len(est)} estimated Jaccard "
        f"min={min(est):.3f} p5={np.quantile(est, 0.05):.3f} median={np.median(est):.3f}"
    )
    sigs = {n: dedup.signature(full_text(a), P) for n, a in examples.items()}
    pairs = sorted(((dedup.similarity(sigs[a], sigs[b]), a, b)
                    for a, b in itertools.combinations(sigs, 2)), reverse=True)  # fmt: skip
    print("examples, top pairs:", [(round(j, 3), a, b) for j, a, b in pairs[:3]])
    docs = ecb_docs()
    for label, keep in (("topics 1-35", range(1, 36)), ("topics 36-45", range(36, 46))):
        part = {n: d for n, d in docs.items() if d[2] in keep}
        print(f"ECB+ {label}:", ecb_report(part))


if __name__ == "__main__":
    main()
