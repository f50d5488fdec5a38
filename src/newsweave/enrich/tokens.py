"""Token attributes read as arrays: the rule layers' scans over every token of a document.

spaCy makes a new ``Token`` object on every ``doc[i]`` and every step of ``for t in doc``,
and each string attribute (``t.lower_``) is a look-up in the vocabulary: over the rule
layers this was a fifth of their time. A scan that only needs one attribute reads it here
for all tokens at once and makes Token objects for the few tokens it keeps.
"""

from __future__ import annotations

from spacy.tokens import Doc


def token_strings(doc: Doc, attr: int) -> list[str]:
    """One string attribute (``LOWER``, ``LEMMA``, ``POS``, ``DEP``, ``ORTH`` …) of every
    token, from one array; each distinct value is looked up once."""
    strings, seen = doc.vocab.strings, dict[int, str]()
    return [seen[h] if h in seen else seen.setdefault(h, strings[h]) for h in
            doc.to_array(attr).tolist()]  # fmt: skip
