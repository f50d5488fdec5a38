"""Date mentions (newsweave.enrich.timex) against gold TIMEX3.

ftib (French TimeBank, ../shared/data/fr_timex/ftib): TempEval-3 style P/R/F1 of strict extent
(exact offsets), relaxed extent (overlap), and value / type (correct attribute on a relaxed
match, over all system resp. gold mentions), for the dev docs, the held-out docs and all.
ml_crisis_tls (French, HeidelTime-style tags on tokenised text): agreement of our mentions with
its TIMEX3 (extent overlap P/R/F1, exact-extent P/R/F1, value and type agreement on matched
mentions). Speed: documents/s and words/s of ``find_dates`` alone (spaCy parse excluded).

--breakdown prints, per split (dev, held-out, all), P/R/F1 per gold TIMEX3 type (a spurious
mention counts under its own label) and error counts per type and kind: missed, spurious,
extent (boundary only), value (value only), ext+val (both). Counts only, no items: it is the
one view of the held-out docs besides their totals.

--errors prints the errors on the ftib dev docs only (never the held-out ones), one line each,
grouped by kind: missed, spurious, extent (boundary), value (wrong value or type).

--dev prints the dev totals and ml_crisis only (the held-out docs are not run): the check to
repeat while tuning.

Hand gold (``tests/gold/timex_fr.jsonl``, see tests/gold/README.md, "Date mentions"): ml_crisis_tls
Global Voices articles annotated by us in the French TimeBank convention, scored as ftib, per
split (dev / held-out by ``bench.goldsets.split_of``) and per annotation batch (rows ``hand
batchN …``). --hand-errors lists its dev errors only (--new: the newest batch's only).

--crisis-errors [TOPICS] lists the ml_crisis disagreements of the files (among the --crisis-limit
ones) of the given topics (comma-separated, default egypt,libya: the topics kept for error
reading; syria and yemen are kept unread), one line each: missed (a tag we lack), spurious (a
mention of ours without tag), extent and value (on an overlap). Then the agreement per topic,
totals only, for every topic.

Run: .venv/bin/python bench/enrich_timex.py [--no-parse] [--crisis-limit N]
     [--dev | --errors | --hand-errors [--new] | --breakdown | --crisis-errors [TOPICS]]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.enrich.annotate import parser_input
from newsweave.enrich.timex import find_dates
from newsweave.evaluate import is_heldout
from newsweave.model import PartialDate, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FTIB = SHARED / "data" / "fr_timex" / "ftib" / "ftib_timex.jsonl"
CRISIS = SHARED / "data" / "ml_crisis_tls" / "fr"
_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for k in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def prf(tp: int, system: int, gold: int) -> tuple[float, float, float]:
    p = tp / system if system else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[Gold], pred: list[Span]) -> tuple[list[tuple[Gold, Span, bool]], list[int]]:
    """One-to-one matching: exact offsets first, then the largest overlap. Returns the pairs
    (gold, system, exact) and the indices of the system mentions left unmatched."""
    free = list(range(len(pred)))
    pairs: list[tuple[Gold, Span, bool]] = []
    for g in gold:
        exact = [i for i in free if (pred[i].start, pred[i].end) == (g.start, g.end)]
        over = [i for i in free if pred[i].start < g.end and g.start < pred[i].end]
        pick = exact or sorted(over, key=lambda i: -overlap(g, pred[i]))
        if pick:
            free.remove(pick[0])
            pairs.append((g, pred[pick[0]], bool(exact)))
    return pairs, free


def score(gold: list[Gold], pred: list[Span]) -> Counts:
    pairs, _ = match(gold, pred)
    c = Counts(gold=len(gold), system=len(pred))
    c.strict = sum(exact for _, _, exact in pairs)
    c.relaxed = len(pairs)
    c.value = sum(g.value == (s.attrs.get("value") or "") for g, s, _ in pairs)
    c.type = sum(g.type == s.label for g, s, _ in pairs)
    return c


def overlap(g: Gold, s: Span) -> int:
    return min(g.end, s.end) - max(g.start, s.start)


def report(name: str, c: Counts) -> None:
    cells = []
    for key in ("strict", "relaxed", "value", "type"):
        p, r, f = prf(getattr(c, key), c.system, c.gold)
        cells.append(f"{key} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"{name:<10} gold {c.gold:4d} sys {c.system:4d} | " + " | ".join(cells))


# ---------------------------------------------------------------- ftib


def ftib_docs() -> list[dict[str, Any]]:
    with FTIB.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def heldout(doc_id: str) -> bool:
    return is_heldout(hashlib.sha1(doc_id.encode()).hexdigest())


def load_nlp() -> Any:
    import spacy

    return spacy.load("fr_core_news_md")


def parsed(nlp: Any, texts: list[str]) -> Iterator[Any]:
    if nlp is None:
        yield from (None for _ in texts)
    else:
        yield from nlp.pipe(map(parser_input, texts), batch_size=32)


def ftib_runs(
    nlp: Any, dev_only: bool = False
) -> Iterator[tuple[dict[str, Any], list[Gold], list[Span], float]]:
    """(doc, gold, system mentions, seconds spent in find_dates) for every ftib document (the
    dev ones only with dev_only: held-out docs are then skipped unread)."""
    docs = [d for d in ftib_docs() if not (dev_only and heldout(d["doc_id"]))]
    for d, doc in zip(docs, parsed(nlp, [d["text"] for d in docs]), strict=True):
        t0 = time.perf_counter()
        pred = find_dates(d["text"], PartialDate.parse(d["dct"]), "fr", doc)
        spent = time.perf_counter() - t0
        gold = [Gold(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]]
        yield d, gold, pred, spent


def split_of(d: dict[str, Any]) -> str:
    return "held-out" if heldout(d["doc_id"]) else "dev"


def run_ftib(nlp: Any, dev_only: bool = False) -> dict[str, Counts]:
    totals = {"dev": Counts()} if dev_only else {"dev": Counts(), "held-out": Counts()}
    totals["all"] = Counts()
    spent, words, n = 0.0, 0, 0
    for d, gold, pred, seconds in ftib_runs(nlp, dev_only):
        spent, words, n = spent + seconds, words + len(d["text"].split()), n + 1
        c = score(gold, pred)
        totals[split_of(d)].add(c)
        totals["all"].add(c)
    print(f"ftib: {n / spent:.0f} docs/s, {words / spent:.0f} words/s (find_dates only)")
    return totals


# ---------------------------------------------------------------- breakdown (totals only)

TYPES = ("DATE", "TIME", "DURATION", "SET")
KINDS = ("missed", "spurious", "extent", "value", "ext+val")


@dataclass(slots=True)
class Breakdown:
    """Counts per TIMEX3 type (a matched mention counts under its gold type, a spurious one
    under its system label) and per (type, error kind)."""

    types: dict[str, Counts]
    kinds: Counter[tuple[str, str]]

    @classmethod
    def empty(cls) -> Breakdown:
        return cls({t: Counts() for t in TYPES}, Counter())

    def add(self, gold: list[Gold], pred: list[Span]) -> None:
        pairs, free = match(gold, pred)
        for g in gold:
            self.types.setdefault(g.type, Counts()).gold += 1
        for g, s, exact in pairs:
            self.add_pair(g, s, exact)
        found = {id(g) for g, _, _ in pairs}
        self.kinds.update((g.type, "missed") for g in gold if id(g) not in found)
        for i in free:
            self.types.setdefault(pred[i].label, Counts()).system += 1
            self.kinds[(pred[i].label, "spurious")] += 1

    def add_pair(self, g: Gold, s: Span, exact: bool) -> None:
        c = self.types.setdefault(g.type, Counts())
        right = g.value == (s.attrs.get("value") or "")
        c.system, c.relaxed, c.strict = c.system + 1, c.relaxed + 1, c.strict + exact
        c.value, c.type = c.value + right, c.type + (g.type == s.label)
        kind = "ext+val" if not (exact or right) else ("extent" if not exact else "value")
        if not (exact and right):
            self.kinds[(g.type, kind)] += 1


def run_breakdown(nlp: Any) -> None:
    """Per split: P/R/F1 per gold type and error counts per type and kind (no items shown), for
    ftib and then the hand gold."""
    print_breakdown((split_of(d), gold, pred) for d, gold, pred, _ in ftib_runs(nlp))
    if HAND_GOLD.is_file():
        print_breakdown(hand_runs(nlp), "hand ")


def print_breakdown(runs: Iterable[tuple[str, list[Gold], list[Span]]], prefix: str = "") -> None:
    parts = {"dev": Breakdown.empty(), "held-out": Breakdown.empty(), "all": Breakdown.empty()}
    for split, gold, pred in runs:
        parts[split].add(gold, pred)
        parts["all"].add(gold, pred)
    for name, b in parts.items():
        print(f"== {prefix}{name}")
        for t, c in b.types.items():
            report(f"  {t}", c)
        print(f"  {'errors':<8} " + " ".join(f"{k:>8}" for k in KINDS))
        for t in b.types:
            print(f"  {t:<8} " + " ".join(f"{b.kinds[(t, k)]:>8d}" for k in KINDS))
        total = [sum(b.kinds[(t, k)] for t in b.types) for k in KINDS]
        print(f"  {'total':<8} " + " ".join(f"{n:>8d}" for n in total))


def dev_errors(nlp: Any) -> list[tuple[str, str]]:
    """(kind, line) for every error on the dev docs; held-out docs are skipped unread."""
    return errors_of(nlp, [d for d in ftib_docs() if not heldout(d["doc_id"])])


def errors_of(nlp: Any, docs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(kind, line) for every error on ``docs`` (ftib-shaped: doc_id, dct, text, timexes)."""
    out: list[tuple[str, str]] = []
    for d, doc in zip(docs, parsed(nlp, [d["text"] for d in docs]), strict=True):
        pred = find_dates(d["text"], PartialDate.parse(d["dct"]), "fr", doc)
        out.extend(doc_errors(d, pred))
    return sorted(out)


def doc_errors(d: dict[str, Any], pred: list[Span]) -> Iterator[tuple[str, str]]:
    text, used = d["text"], set()
    for t in d["timexes"]:
        over = [i for i, s in enumerate(pred) if s.start < t["end"] and t["start"] < s.end]
        where = f"{d['doc_id']} dct {d['dct']} | {text[max(0, t['start'] - 40) : t['end'] + 20]!r}"
        if not over:
            yield "missed", f"[{t['text']}] {t['type']} {t['value']} {where}"
            continue
        s = pred[over[0]]
        used.add(over[0])
        if (s.start, s.end) != (t["start"], t["end"]):
            yield "extent", f"gold [{t['text']}] sys [{text[s.start : s.end]}] {where}"
        if (s.label, s.attrs.get("value")) != (t["type"], t["value"]):
            got = f"{s.label} {s.attrs.get('value')}"
            yield "value", f"[{t['text']}] gold {t['type']} {t['value']} sys {got} {where}"
    for i, s in enumerate(pred):
        if i not in used:
            ctx = text[max(0, s.start - 40) : s.end + 20]
            yield "spurious", f"[{text[s.start : s.end]}] {s.label} {s.attrs.get('value')} {ctx!r}"


# ---------------------------------------------------------------- hand gold (ml_crisis_tls)

REPO = Path(__file__).resolve().parents[1]
HAND_GOLD = REPO / "tests" / "gold" / "timex_fr.jsonl"


def hand_docs() -> list[dict[str, Any]]:
    """The hand-annotated documents in the ftib shape (doc_id = path), text from the shared
    file; a text that no longer matches its annotation is an error."""
    if str(REPO) not in sys.path:  # run as a script: bench/ is not a package on the path
        sys.path.insert(0, str(REPO))
    from bench.goldsets import doc_text, sha256_text

    out = []
    for line in HAND_GOLD.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        text = doc_text(raw["path"])
        if sha256_text(text) != raw["text_sha256"]:
            raise ValueError(f"{raw['path']}: text changed since it was annotated")
        spans = [{**t, "text": text[t["start"] : t["end"]]} for t in raw["timexes"]]
        out.append({**raw, "doc_id": raw["path"], "text": text, "timexes": spans})
    return out


def hand_split(d: dict[str, Any]) -> str:
    return "held-out" if d["split"] == "heldout" else "dev"


def hand_scored(
    nlp: Any, dev_only: bool = False
) -> Iterator[tuple[dict[str, Any], list[Gold], list[Span]]]:
    """(document, gold, system mentions) per hand-gold document (held-out ones not run with
    dev_only)."""
    docs = [d for d in hand_docs() if not (dev_only and d["split"] == "heldout")]
    for d, doc in zip(docs, parsed(nlp, [d["text"] for d in docs]), strict=True):
        pred = find_dates(d["text"], PartialDate.parse(d["dct"]), "fr", doc)
        yield d, [Gold(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]], pred


def hand_runs(nlp: Any, dev_only: bool = False) -> Iterator[tuple[str, list[Gold], list[Span]]]:
    """(split, gold, system mentions) per hand-gold document."""
    for d, gold, pred in hand_scored(nlp, dev_only):
        yield hand_split(d), gold, pred


def run_hand(nlp: Any, dev_only: bool = False) -> dict[str, Counts]:
    """Totals per split and all, then per annotation batch ("batch2 dev", …): a batch's
    figures before any rule was tuned on it are its fresh check."""
    totals: dict[str, Counts] = {"dev": Counts(), "held-out": Counts(), "all": Counts()}
    for d, gold, pred in hand_scored(nlp, dev_only):
        c, split, batch = score(gold, pred), hand_split(d), f"batch{d['batch']}"
        for key in (split, "all", f"{batch} {split}", f"{batch} all"):
            totals.setdefault(key, Counts()).add(c)
    return totals


def hand_errors(nlp: Any, newest: bool = False) -> list[tuple[str, str]]:
    """(kind, line) for every error on the hand gold's dev docs (of the newest batch only with
    ``newest``); held-out docs are not run."""
    docs = [d for d in hand_docs() if d["split"] == "dev"]
    last = max(d["batch"] for d in docs)
    return errors_of(nlp, [d for d in docs if not newest or d["batch"] == last])


def report_hand(nlp: Any, dev_only: bool = False) -> None:
    if not HAND_GOLD.is_file():
        return
    totals = run_hand(nlp, dev_only)
    for name in [*list(totals)[:3], *sorted(list(totals)[3:])]:
        c = totals[name]
        if not (dev_only and not name.endswith("dev")):
            report(f"hand {name}", c)


# ---------------------------------------------------------------- ml_crisis_tls


def crisis_files(limit: int | None) -> list[Path]:
    files = sorted(CRISIS.glob("*/*/*.tokenized.timeml"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def untag(raw: str) -> tuple[str, list[Gold]]:
    body = raw.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0].strip("\n")
    out: list[str] = []
    gold: list[Gold] = []
    pos = last = 0
    for m in _TAG.finditer(body):
        out.append(body[last : m.start()])
        pos += m.start() - last
        attrs = dict(_ATTR.findall(m.group(1)))
        gold.append(Gold(pos, pos + len(m.group(2)), attrs.get("type", ""), attrs.get("value", "")))
        out.append(m.group(2))
        pos += len(m.group(2))
        last = m.end()
    out.append(body[last:])
    return "".join(out), gold


def run_crisis(nlp: Any, limit: int | None) -> Counts:
    files = crisis_files(limit)
    items = [untag(f.read_text(encoding="utf-8")) for f in files]
    total = Counts()
    spent = 0.0
    texts = [text for text, _ in items]
    for f, (text, gold), doc in zip(files, items, parsed(nlp, texts), strict=True):
        t0 = time.perf_counter()
        pred = find_dates(text, PartialDate.parse(f.parent.name), "fr", doc)
        spent += time.perf_counter() - t0
        total.add(score(gold, pred))
    words = sum(len(t.split()) for t in texts)
    rate = f"{len(files) / spent:.0f} docs/s, {words / spent:.0f} words/s"
    print(f"ml_crisis: {len(files)} docs, {rate} (find_dates only)")
    return total


def crisis_report(c: Counts) -> None:
    p, r, f = prf(c.relaxed, c.system, c.gold)
    ps, rs, fs = prf(c.strict, c.system, c.gold)
    value = c.value / c.relaxed if c.relaxed else 0.0
    kind = c.type / c.relaxed if c.relaxed else 0.0
    print(
        f"ml_crisis  gold {c.gold} sys {c.system} | overlap P {p:.3f} R {r:.3f} F1 {f:.3f} | "
        f"exact P {ps:.3f} R {rs:.3f} F1 {fs:.3f} | on overlaps: value agreement {value:.3f}, "
        f"type agreement {kind:.3f}"
    )


def crisis_errors(nlp: Any, limit: int | None, topics: set[str]) -> None:
    """Disagreement lines for the files of ``topics``; agreement per topic for all files."""
    files = crisis_files(limit)
    items = [untag(f.read_text(encoding="utf-8")) for f in files]
    per_topic: dict[str, Counts] = {}
    kinds: Counter[str] = Counter()
    for f, (text, gold), doc in zip(files, items, parsed(nlp, [t for t, _ in items]), strict=True):
        pred = find_dates(text, PartialDate.parse(f.parent.name), "fr", doc)
        topic = f.parent.parent.name
        per_topic.setdefault(topic, Counts()).add(score(gold, pred))
        if topic in topics:
            for kind, line in crisis_doc_errors(text, gold, pred):
                kinds[kind] += 1
                print(f"{kind:<8} {topic}/{f.parent.name}/{f.name[:-16]} {line}")
    print("census: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for topic, c in sorted(per_topic.items()):
        print(f"== {topic}")
        crisis_report(c)


def crisis_doc_errors(text: str, gold: list[Gold], pred: list[Span]) -> Iterator[tuple[str, str]]:
    """(kind, line) per disagreement of one file, matched as in score()."""
    pairs, free = match(gold, pred)
    found = {id(g) for g, _, _ in pairs}
    for g in gold:
        if id(g) not in found:
            yield "missed", f"[{_show(text, g)}] {g.type} {g.value} | {_ctx(text, g)}"
    for g, s, exact in pairs:
        ours = f"[{_show(text, s)}] {s.label} {s.attrs.get('value')}"
        if not exact:
            yield "extent", f"tag [{_show(text, g)}] ours {ours} | {_ctx(text, g)}"
        if (g.type, g.value) != (s.label, s.attrs.get("value") or ""):
            yield "value", f"tag {g.type} {g.value} ours {ours} | {_ctx(text, g)}"
    for i in free:
        s = pred[i]
        ours = f"[{_show(text, s)}] {s.label} {s.attrs.get('value')}"
        yield "spurious", f"{ours} | {_ctx(text, s)}"


def _ctx(text: str, x: Gold | Span) -> str:
    return repr(text[max(0, x.start - 60) : x.end + 30].replace("\n", " "))


def _show(text: str, x: Gold | Span) -> str:
    """The mention's text on one line."""
    return text[x.start : x.end].replace("\n", " ")


def _args(argv: Iterable[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--no-parse", action="store_true", help="no spaCy doc (no tense cues)")
    ap.add_argument("--crisis-limit", type=int, default=120, help="ml_crisis files (0 = all)")
    ap.add_argument("--errors", action="store_true", help="list the ftib dev errors and stop")
    ap.add_argument(
        "--dev", action="store_true", help="ftib dev docs only (held-out unread), then ml_crisis"
    )
    ap.add_argument(
        "--breakdown", action="store_true", help="ftib counts per type and error kind, then stop"
    )
    ap.add_argument(
        "--hand-errors", action="store_true", help="list the hand gold's dev errors and stop"
    )
    ap.add_argument("--new", action="store_true", help="--hand-errors of the newest batch only")
    ap.add_argument(
        "--crisis-errors",
        nargs="?",
        const="egypt,libya",
        metavar="TOPICS",
        help="list ml_crisis disagreements of these topics (default egypt,libya), then stop",
    )
    return ap.parse_args(list(argv or []))  # main() from bench/enrich.py: defaults


def main(argv: Iterable[str] | None = None) -> None:
    args = _args(argv)
    nlp = None if args.no_parse else load_nlp()
    if args.breakdown:
        run_breakdown(nlp)
        return
    if args.crisis_errors:
        crisis_errors(nlp, args.crisis_limit or None, set(args.crisis_errors.split(",")))
        return
    if args.errors or args.hand_errors:
        errors = dev_errors(nlp) if args.errors else hand_errors(nlp, args.new)
        for kind, line in errors:
            print(f"{kind:<8} {line}")
        kinds = Counter(kind for kind, _ in errors)
        print("dev census: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        return
    for name, c in run_ftib(nlp, args.dev).items():
        if not (args.dev and name == "all"):
            report(name, c)
    report_hand(nlp, args.dev)
    crisis_report(run_crisis(nlp, args.crisis_limit or None))


if __name__ == "__main__":
    main(sys.argv[1:])
