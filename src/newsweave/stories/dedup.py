"""Near-duplicate articles (wire copies and light rewrites) by MinHash over word shingles.

Pure functions, no SQL: the caller stores ``to_bytes(signature(...))`` and the ``band_keys``
of every article, looks up the articles sharing a band key with a new one (LSH candidates,
constant work per article however large the store) and confirms each with ``is_copy``.

Text normalisation: case folded, accents folded (an outlet that drops accents on capitals or
a transliterated copy still matches), every run of non-word characters is one break, so
punctuation and apostrophes do not count. Shingles are runs of ``shingle`` words; a text
shorter than one shingle is a single shingle of all its words; an empty text has an empty
signature that is a copy of nothing. Parameters and how they were calibrated: ``dedup.json``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

PARAMS_FILE = Path(__file__).with_name("dedup.json")
SCHEME = "affine64"  # datasketch 2.0 permutation scheme: 64-bit values, stored as uint64
EMPTY = np.uint64((1 << 64) - 1)  # the value of every slot of an empty MinHash (affine64)
KEY_MASK = (1 << 63) - 1  # band keys are non-negative 63-bit ints: they fit SQLite INTEGER
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint64]


@dataclass(frozen=True, slots=True)
class DedupParams:
    """MinHash and LSH settings (see ``dedup.json`` for the values and their calibration)."""

    num_perm: int
    seed: int
    shingle: int  # words per shingle
    bands: int
    rows: int  # hash values per band; bands * rows <= num_perm
    threshold: float  # estimated Jaccard at or above which two articles are copies
    containment: float  # estimated containment at or above which a shorter text is a copy
    min_jaccard: float  # ... provided its Jaccard is at least this (truncated copies)


def load_params(path: Path = PARAMS_FILE) -> DedupParams:
    """The parameters in ``dedup.json`` (keys starting with "_" are notes)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return DedupParams(**{k: v for k, v in data.items() if not k.startswith("_")})


def normalise(text: str) -> list[str]:
    """The words of ``text``: case folded, accents folded, punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain)


def shingles(text: str, size: int) -> list[bytes]:
    """Runs of ``size`` words (one shingle of all the words when the text is shorter)."""
    words = normalise(text)
    if not words:
        return []
    count = max(1, len(words) - size + 1)
    return [" ".join(words[i : i + size]).encode() for i in range(count)]


@functools.cache
def _permutations(num_perm: int, seed: int) -> npt.NDArray[np.uint64]:
    """The permutation parameters of the fixed seed, computed once per process."""
    perms: npt.NDArray[np.uint64] = MinHash(
        num_perm=num_perm, seed=seed, scheme=SCHEME
    ).permutations
    return perms


def signature(text: str, params: DedupParams) -> Signature:
    """MinHash signature (``num_perm`` uint64 values) of the word shingles of ``text``."""
    perms = _permutations(params.num_perm, params.seed)
    mh = MinHash(num_perm=params.num_perm, seed=params.seed, scheme=SCHEME, permutations=perms)
    mh.update_batch(shingles(text, params.shingle))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def is_empty(sig: Signature) -> bool:
    return bool(np.all(sig == EMPTY))


def band_keys(sig: Signature, params: DedupParams) -> list[int]:
    """One key per band: blake2b of the band index and the band's values, as a 63-bit int.

    Stable across processes and machines (little-endian bytes, no Python ``hash``). An empty
    signature has no keys: it must never meet another empty text in the index.
    """
    if is_empty(sig):
        return []
    raw = sig.astype("<u8")
    keys = []
    for band in range(params.bands):
        chunk = raw[band * params.rows : (band + 1) * params.rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") & KEY_MASK)
    return keys


def to_bytes(sig: Signature) -> bytes:
    """Little-endian uint64 bytes (8 per value) for the ``minhashes.sig`` BLOB."""
    return sig.astype("<u8").tobytes()


def from_bytes(blob: bytes) -> Signature:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def similarity(sig_a: Signature, sig_b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets (0.0 when either is empty)."""
    if len(sig_a) != len(sig_b):
        raise ValueError("signatures of different lengths")
    if is_empty(sig_a) or is_empty(sig_b):
        return 0.0
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def cardinality(sig: Signature) -> float:
    """Estimated number of distinct shingles (datasketch ``MinHash.count``)."""
    return float(len(sig) / np.sum(sig / float(EMPTY)) - 1.0)


def containment(sig_a: Signature, sig_b: Signature) -> float:
    """Estimated share of the smaller set's shingles found in the other one."""
    j = similarity(sig_a, sig_b)
    if j == 0.0:
        return 0.0
    na, nb = cardinality(sig_a), cardinality(sig_b)
    inter = j / (1.0 + j) * (na + nb)
    return min(1.0, inter / max(1.0, min(na, nb)))


def is_copy(sig_a: Signature, sig_b: Signature, params: DedupParams) -> bool:
    """A wire copy or light rewrite: high Jaccard, or a truncated copy (high containment)."""
    j = similarity(sig_a, sig_b)
    if j >= params.threshold:
        return True
    return j >= params.min_jaccard and containment(sig_a, sig_b) >= params.containment
