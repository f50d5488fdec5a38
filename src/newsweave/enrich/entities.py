"""Entity mentions within one article: PER / LOC / ORG / MISC with clean spans, roles, and one
canonical entity per person, place and organisation.

``find_entities(doc, lang)`` takes the spaCy ``Doc`` of the article (parsed by the caller) and
returns ``newsweave.model.Span`` mentions with character offsets into ``doc.text``. Each
mention's ``attrs`` hold:

- ``canonical``: the fullest name form of its entity in this article ("Vladimir Poutine");
- ``entity``: an int id, the same for every mention of one entity in this article;
- ``kind``: ``"name"`` for a proper-name mention, ``"role"`` for a role noun phrase resolved to
  a person ("le président russe" -> span "président russe");
- ``role``: the role the person was given in the article ("président russe"), else null.

The model's mentions are cleaned (no leading article, preposition, elision or courtesy title, no
trailing punctuation, no job title inside a person span) and relabelled by head words
(ministries, agencies, schools are ORG; churches, streets are LOC). Word lists live in
``entities_<lang>.json`` next to this module, each with a note on what it is for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from anyascii import anyascii
from spacy.tokens import Doc, Token

from newsweave.model import Span

# Longest role phrase looked for before a name ("secrétaire d'Etat aux anciens combattants"):
# 8 tokens covered every role seen in the seeds and the Sequoia dev part.
MAX_ROLE_TOKENS = 8
# Adjectives skipped between a head noun and the name it introduces ("école primaire X").
MAX_HEAD_ADJECTIVES = 2
# Longest complement of an institution phrase ("ministère des affaires étrangères arménien").
MAX_PHRASE_TOKENS = 8

_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|pdf|html?|php)$", re.IGNORECASE)
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{1,4}[a-z]?|\d+[a-z]{0,2}|[A-Za-z]|[IVXLC]+(?:e|er|ème))$")
_TRIM_LEFT = re.compile(r"^(?:[\s\"«“(\[\-–—,;:]|[lLdDjJnNsScC]['’](?=\w))+")
_TRIM_RIGHT = re.compile(r"[\s\"»”)\]\-–—,;:!?']+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_TOPONYM = re.compile(r"-(?:sur|sous|lès|lez|les|en|le|la|aux|au|de|du|des|d'|l')-?|-Saint-")


@dataclass(frozen=True, slots=True)
class Words:
    """The word table of one language (see the JSON file's ``_notes``)."""

    label_map: dict[str, str]
    lead: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    role_premods: frozenset[str]
    role_links: frozenset[str]
    org_heads: frozenset[str]
    org_phrase_heads: frozenset[str]
    loc_heads: frozenset[str]
    not_names: frozenset[str]
    nationality: frozenset[str]
    demonym: re.Pattern[str]
    demonym_feminine: re.Pattern[str]
    demonym_dets: frozenset[str]
    place_acronyms: frozenset[str]
    stance_verbs: frozenset[str]
    title_articles: frozenset[str]
    portfolios: frozenset[str]
    determiners: frozenset[str]
    indefinites: frozenset[str]
    elided_articles: frozenset[str]
    enumeration: frozenset[str]
    of_words: frozenset[str]
    phrase_stops: frozenset[str]


def load_words(lang: str) -> Words:
    """Read ``entities_<lang>.json``."""
    path = files("newsweave.enrich").joinpath(f"entities_{lang}.json")
    raw: dict[str, Any] = json.loads(path.read_text("utf-8"))
    lists = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    return Words(
        label_map=raw["label_map"],
        demonym=re.compile(raw["demonym_suffix"]),
        demonym_feminine=re.compile(raw["demonym_feminine_suffix"]),
        nationality=lists.pop("nationality_adjectives"),
        demonym_dets=lists.pop("demonym_determiners"),
        **lists,
    )


WORDS: dict[str, Words] = {lang: load_words(lang) for lang in ("fr", "en")}


@dataclass(slots=True)
class _Mention:
    start: int  # token offsets into the doc
    end: int
    label: str
    kind: str = "name"
    role: tuple[int, int] | None = None  # token range of the role phrase
    person: _Mention | None = None  # for a role mention: the name mention it resolves to


def find_entities(doc: Doc, lang: str) -> list[Span]:
    """Entity mentions of one article, cleaned, labelled and linked within the article."""
    words = WORDS.get(lang)
    if words is None:
        return []
    names = _name_mentions(doc, words)
    roles = _role_mentions(doc, names, words)
    return _to_spans(doc, names, roles)


# ---------------------------------------------------------------- name mentions


def _name_mentions(doc: Doc, w: Words) -> list[_Mention]:
    phrases = _phrase_orgs(doc, w)
    taken = {i for m in phrases for i in range(m.start, m.end)}
    out = list(phrases)
    for ent in doc.ents:
        label = w.label_map.get(ent.label_)
        if label and not taken.intersection(range(ent.start, ent.end)):
            m = _clean(doc, ent.start, ent.end, label, w)
            if m is not None:
                out.append(m)
    return _drop_overlaps(out)


def _drop_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the first of overlapping mentions in (start, longest) order."""
    out: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


def _clean(doc: Doc, start: int, end: int, label: str, w: Words) -> _Mention | None:
    start = _skip_lead(doc, start, end, "", w)
    if label != "PER" and _starts_with_role(doc, start, end, w):
        return None  # le Premier ministre arménien: a job title alone is not an entity
    start = _skip_lead(doc, _skip_description(doc, start, end, w), end, label, w)
    end = _skip_tail(doc, start, end, w)
    if start >= end or _not_a_name(doc, start, end, label, w):
        return None
    m = _relabel(doc, _head_rule(doc, _Mention(start, end, label), w), w)
    if m.label == "ORG":
        m.end = _org_name_end(doc, m, w)
    if m.label == "PER":
        m.role = _role_before(doc, m.start, w) or _role_after(doc, m.end, w)
    return m


def _starts_with_role(doc: Doc, start: int, end: int, w: Words) -> bool:
    while start < end - 1 and doc[start].lower_ in w.role_premods:
        start += 1
    return doc[start].lower_ in w.roles


def _skip_description(doc: Doc, start: int, end: int, w: Words) -> int:
    """'présidence de Claude Simon', 'ceinture de Belfort': keep the name after 'de'."""
    first = doc[start]
    if not first.is_lower or first.lower_ in w.lead or _is_head(first, w):
        return start
    i = start
    while i < end and doc[i].is_lower:
        i += 1
    cut = max((j for j in range(start, i) if doc[j].lower_ in w.role_links), default=None)
    return start if cut is None or i == end else cut + 1


def _skip_lead(doc: Doc, start: int, end: int, label: str, w: Words) -> int:
    """Drop articles, prepositions, titles and (for persons) role words at the start."""
    while start < end - 1:
        tok = doc[start]
        if (
            _is_lead(tok, w)
            or tok.text in w.titles
            or (label == "PER" and (tok.is_lower or _is_role_word(tok, w)))
        ):
            start += 1
        else:
            break
    return start


def _is_lead(tok: Token, w: Words) -> bool:
    """A leading word to drop; a capitalised article mid-sentence belongs to the name (La Haye)."""
    if tok.lower_ not in w.lead or (_after_quote(tok) and not tok.is_punct):
        return False
    return tok.is_lower or tok.is_punct or _starts_sentence(tok)


def _starts_sentence(tok: Token) -> bool:
    """Sentence start by the parser, or first word of a line (titles, list items)."""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.nbor(-1)
    return "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)


def _after_quote(tok: Token) -> bool:
    return tok.i > 0 and tok.nbor(-1).is_quote


def _skip_tail(doc: Doc, start: int, end: int, w: Words) -> int:
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in w.role_links):
        end -= 1
    return end


def _not_a_name(doc: Doc, start: int, end: int, label: str, w: Words) -> bool:
    span = doc[start:end]
    if not any(c.isupper() for c in span.text) or (
        _is_capitalised_word(doc, start, end)
        and (label != "PER" or _is_whole_line(doc, start, end))
    ):
        return True
    if _norm(span.text) in w.portfolios:
        return True  # ministre des Affaires étrangères: part of a role, not an entity
    if end - start > 1:
        return False
    tok = doc[start]
    if tok.text in w.not_names or tok.like_url or _CODE.match(tok.text) or _FILE.search(tok.text):
        return True
    return _is_demonym(tok, label, w)


def _is_capitalised_word(doc: Doc, start: int, end: int) -> bool:
    """'Rixe à Montbéliard', 'Billard': a common noun capitalised at a sentence start."""
    first = doc[start]
    starts = _starts_sentence(first) or _after_quote(first)
    rest_lower = all(t.is_lower or t.is_punct for t in doc[start + 1 : end])
    return starts and first.pos_ in ("NOUN", "ADJ", "VERB") and rest_lower


def _is_whole_line(doc: Doc, start: int, end: int) -> bool:
    """'Billard' alone on its line: a rubric, not a person."""
    sent = doc[start].sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return len(words) == end - start


def _is_demonym(tok: Token, label: str, w: Words) -> bool:
    """Belfortain, les Chinois: people named after a place, not an entity (Sequoia convention).

    After l' only masculine forms count (l'Uruguayen), so that l'Ukraine stays a place; a
    person label only counts in the plural (les Mirecurtiens).
    """
    word = tok.lower_
    if not w.demonym.search(word) or (label == "PER" and not word.endswith("s")):
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in w.elided_articles:
        return not w.demonym_feminine.search(word)
    return prev.lower_ in w.demonym_dets or prev.pos_ == "NUM"


def _is_role_word(tok: Token, w: Words) -> bool:
    return tok.lower_ in w.roles or tok.lower_ in w.role_premods


# ---------------------------------------------------------------- head words


def _relabel(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Label rules where the model is known to be wrong."""
    text = doc[m.start : m.end].text
    if m.label != "ORG" and _is_acronym(doc, m) and text not in w.place_acronyms:
        m.label = "ORG"  # DDE, EFI, COSEC; but USA, URSS stay places
    elif text.startswith("Saint") and m.start > 0 and doc[m.start - 1].lower_ == "la":
        m.label = "MISC"  # la Saint-Honoré: a feast day
    elif m.label in ("PER", "MISC") and _TOPONYM.search(text):
        m.label = "LOC"  # Sorcy-Saint-Martin, Chavannes-sur-l'Etang
    elif m.label == "MISC" and _role_before(doc, m.start, w):
        m.label = "PER"  # le roi Pierre
    elif m.label == "LOC" and _is_speaking_subject(doc, m, w):
        m.label = "ORG"  # La France a dénoncé: the government
    elif m.label == "MISC" and m.start > 0 and doc[m.start - 1].text in w.title_articles:
        m.start -= 1  # Le Petit Prince: the article belongs to a title
    return m


def _is_acronym(doc: Doc, m: _Mention) -> bool:
    """One all-capital word, not inside an all-capital headline ('FAITS DIVERS')."""
    if m.end - m.start != 1 or not _ACRONYM.match(doc[m.start].text):
        return False
    near = [t for t in doc[max(0, m.start - 2) : m.end + 2] if t.is_alpha and t.i != m.start]
    return not any(t.is_upper and len(t) > 1 for t in near)


def _is_speaking_subject(doc: Doc, m: _Mention, w: Words) -> bool:
    """A place as the subject of a verb of saying or stance acts as its government."""
    root = doc[m.start : m.end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in w.stance_verbs


def _is_head(tok: Token, w: Words) -> bool:
    return tok.lower_ in w.org_heads or tok.lower_ in w.loc_heads


def _org_name_end(doc: Doc, m: _Mention, w: Words) -> int:
    """Extend 'Union nationale des déportés' over its complement when the model cut it short.

    Only for names headed by a capitalised organisation noun; runs over adjectives, nouns,
    link words and enumerations ('déportés, internés et familles de disparus').
    """
    if not (doc[m.start].is_title and doc[m.start].lower_ in w.org_heads):
        return m.end
    end = i = m.end
    while i < len(doc) and i - m.end < MAX_PHRASE_TOKENS:
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not tok.is_punct:
            end = i + 1
        elif not _is_name_link(doc, i, w):
            break
        i += 1
    return end


def _is_name_link(doc: Doc, i: int, w: Words) -> bool:
    """A link word inside a long name: de la, des, d', or ',' / 'et' before a noun."""
    tok = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ in w.enumeration:
        return nxt is not None and (nxt.pos_ in ("NOUN", "ADJ") or nxt.lower_ in w.of_words)
    return tok.lower_ in w.role_links and tok.lower_ not in w.phrase_stops


def _head_rule(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Relabel and extend a mention by the common noun heading it (collège Saint-Jean)."""
    first = doc[m.start].lower_
    if first in w.org_heads or first in w.loc_heads:
        m.label = "ORG" if first in w.org_heads else "LOC"
        return m
    head = _head_before(doc, m.start, w)
    if head is None:
        return m
    label = "ORG" if doc[head].lower_ in w.org_heads else "LOC"
    if m.label in ("PER", "LOC"):
        m.start, m.label = head, label
    elif label == "ORG":
        m.label = label
    return m


def _head_before(doc: Doc, start: int, w: Words) -> int | None:
    """Index of a lower-case head noun right before ``start``, across a few adjectives."""
    i = start - 1
    while i >= 0 and start - i <= MAX_HEAD_ADJECTIVES + 1:
        tok = doc[i]
        if tok.is_lower and (tok.lower_ in w.org_heads or tok.lower_ in w.loc_heads):
            return i
        if not (tok.is_lower and tok.pos_ == "ADJ"):
            return None
        i -= 1
    return None


def _phrase_orgs(doc: Doc, w: Words) -> list[_Mention]:
    """Institution phrases: ministère (adj) de/des ... with a capital or a nationality word."""
    out = []
    for tok in doc:
        if tok.lower_ in w.org_phrase_heads and not tok.ent_type_ and not _is_role_context(tok, w):
            end = _phrase_end(doc, tok.i + 1, w)
            if end and _is_specific(doc[tok.i + 1 : end], w) and not _has_place(doc, tok.i, end):
                out.append(_Mention(tok.i, end, "ORG"))
    return out


def _is_role_context(tok: Token, w: Words) -> bool:
    """'chef de la diplomatie', 'président du conseil': part of a role, not a name."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].lower_ in w.role_links:
        i -= 1
    return i < tok.i - 1 and i >= 0 and doc[i].lower_ in w.roles


def _phrase_end(doc: Doc, i: int, w: Words) -> int | None:
    """End of 'ADJ* de (DET) WORD+ ((de|et) (DET) WORD+)* ADJ*' starting at ``i``, else None."""
    stop = min(len(doc), i + MAX_PHRASE_TOKENS)
    while i < stop and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1
    if i >= stop or doc[i].lower_ not in w.of_words:
        return None
    end = None
    while i < stop:
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not tok.is_punct:
            end = i + 1
        elif tok.lower_ not in w.role_links or tok.lower_ in w.phrase_stops:
            break
        i += 1
    return end


def _has_place(doc: Doc, head: int, end: int) -> bool:
    """'tribunal de Montbéliard': the place alone is the name (Sequoia convention)."""
    return any(t.ent_type_ in ("LOC", "GPE") for t in doc[head + 1 : end])


def _is_specific(span: Any, w: Words) -> bool:
    """A phrase names one institution if it has a capital or a nationality adjective."""
    return any(t.text[:1].isupper() or t.lower_ in w.nationality for t in span)


# ---------------------------------------------------------------- roles


def _role_before(doc: Doc, name_start: int, w: Words) -> tuple[int, int] | None:
    """Role phrase before a name: 'le président russe [X]', 'le ministre arménien, [X]'."""
    best = None
    i = name_start - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    while i >= 0 and name_start - i <= MAX_ROLE_TOKENS:
        tok = doc[i]
        if tok.lower_ in w.roles:
            best = i
        elif not _is_role_filler(tok, w):
            break
        i -= 1
    if best is None:
        return None
    best = _role_left_edge(doc, best, w)
    end = name_start
    while end > best + 1 and (doc[end - 1].lower_ in w.role_links or doc[end - 1].is_punct):
        end -= 1
    return best, end


def _role_left_edge(doc: Doc, i: int, w: Words) -> int:
    """Extend a role leftwards over premodifiers: 'Premier ministre', 'Russian President'."""
    while i > 0 and (doc[i - 1].lower_ in w.role_premods or doc[i - 1].pos_ == "ADJ"):
        if doc[i - 1].ent_type_ in ("PER", "PERSON"):
            break
        i -= 1
    return i


def _is_role_filler(tok: Token, w: Words) -> bool:
    """A word inside a role phrase: adjective, noun, or a link word (de la, aux)."""
    if tok.ent_type_ == "PER" or tok.is_punct or tok.is_space:
        return False
    if tok.lower_ in w.determiners:
        return tok.i > 0 and tok.nbor(-1).lower_ in w.role_links
    return tok.lower_ in w.role_links or tok.pos_ in ("ADJ", "NOUN", "PROPN")


def _role_after(doc: Doc, name_end: int, w: Words) -> tuple[int, int] | None:
    """Apposition after a name: 'Jean Baudesson, maire de Saint-Dizier,'."""
    i = name_end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if doc[i].lower_ in w.determiners or doc[i].lower_ in w.indefinites:
        i += 1
    start = i
    while i < len(doc) and doc[i].lower_ in w.role_premods:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in w.roles:
        return None
    end = i + 1
    while end < len(doc) and end - start < MAX_ROLE_TOKENS and _is_role_filler(doc[end], w):
        end += 1
    while end > i + 1 and doc[end - 1].lower_ in w.role_links:
        end -= 1
    return start, end


def _role_mentions(doc: Doc, names: list[_Mention], w: Words) -> list[_Mention]:
    """Role noun phrases ('le président russe') resolved to the person last given that role."""
    used = _used_tokens(names)
    attached = [(m.role, m) for m in names if m.role is not None]
    out = []
    for tok in doc:
        if tok.i in used or tok.lower_ not in w.roles or not _has_determiner(tok, w):
            continue
        found = _resolve_role(doc, tok, attached, w)
        if found is not None:
            out.append(found)
            used.update(range(found.start, found.end))
    return out


def _used_tokens(names: list[_Mention]) -> set[int]:
    used = {i for m in names for i in range(m.start, m.end)}
    used.update(i for m in names if m.role for i in range(*m.role))
    return used


def _has_determiner(tok: Token, w: Words) -> bool:
    i = _role_left_edge(tok.doc, tok.i, w) - 1
    return i >= 0 and tok.doc[i].lower_ in w.determiners


def _resolve_role(
    doc: Doc, tok: Token, attached: list[tuple[tuple[int, int], _Mention]], w: Words
) -> _Mention | None:
    """Longest phrase from ``tok`` whose words match one person's role; else None."""
    before = [(r, m) for r, m in attached if r[1] <= tok.i]
    for end in _role_ends(doc, tok.i, w):
        words = _content_words(doc, tok.i, end, w)
        person = _match_role(doc, words, tok.lower_, before, w)
        if person is not None:
            start = _role_left_edge(doc, tok.i, w)
            return _Mention(start, end, "PER", kind="role", role=(start, end), person=person)
    return None


def _role_ends(doc: Doc, i: int, w: Words) -> list[int]:
    """Candidate ends of a role phrase at ``i``, longest first."""
    ends = [i + 1]
    j = i + 1
    while j < len(doc) and j - i < MAX_ROLE_TOKENS and _is_role_filler(doc[j], w):
        if doc[j].lower_ not in w.role_links and doc[j].lower_ not in w.determiners:
            ends.append(j + 1)
        j += 1
    return ends[::-1]


def _content_words(doc: Doc, start: int, end: int, w: Words) -> frozenset[str]:
    return frozenset(
        t.lower_ for t in doc[start:end] if t.lower_ not in w.role_links and not t.is_punct
    )


def _match_role(
    doc: Doc,
    words: frozenset[str],
    head: str,
    before: list[tuple[tuple[int, int], _Mention]],
    w: Words,
) -> _Mention | None:
    """Exact role words: the last person given them; a subset: the only such person."""
    exact = [m for r, m in before if _content_words(doc, *r, w) == words]
    if exact:
        return exact[-1]
    partial = {
        id(m): m
        for r, m in before
        if head in _content_words(doc, *r, w) and words <= _content_words(doc, *r, w)
    }
    return next(iter(partial.values())) if len(partial) == 1 else None


# ---------------------------------------------------------------- linking and output


def _norm(text: str) -> str:
    return " ".join(anyascii(text).lower().replace("-", " ").split())


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``[start, end)`` with quotes, dashes, elisions trimmed."""
    text = doc[start:end].text  # not doc.text: spaCy rebuilds that string on every access
    a, b = doc[start].idx, doc[start].idx + len(text)
    left = _TRIM_LEFT.match(text)
    cut = left.end() if left and left.end() < len(text) else 0
    right = _TRIM_RIGHT.search(text[cut:])
    if right and "(" in text[cut:] and text[cut:].rstrip().endswith(")"):
        right = None
    tail = len(text[cut:]) - right.start() if right and right.start() > 0 else 0
    return a + cut, b - tail


def _link(doc: Doc, names: list[_Mention]) -> dict[int, list[_Mention]]:
    """Group name mentions into entities; returns entity id -> mentions."""
    groups: dict[str, list[_Mention]] = {}
    persons = sorted((m for m in names if m.label == "PER"), key=lambda m: m.start - m.end)
    for m in persons:
        groups.setdefault(_person_key(doc, m, groups), []).append(m)
    for m in names:
        if m.label != "PER":
            key = "NAME:" + _norm(doc[m.start : m.end].text)  # Russie as LOC and ORG: one entity
            groups.setdefault(key, []).append(m)
    ordered = sorted(groups.values(), key=lambda ms: min(m.start for m in ms))
    return dict(enumerate(ordered))


def _person_key(doc: Doc, m: _Mention, groups: dict[str, list[_Mention]]) -> str:
    """A surname joins the only longer name ending with it; otherwise it is its own key."""
    name = _norm(doc[m.start : m.end].text)
    if "PER:" + name in groups:
        return "PER:" + name
    longer = [k for k in groups if k.startswith("PER:") and k.endswith(" " + name)]
    return longer[0] if len(longer) == 1 else "PER:" + name


def _to_spans(doc: Doc, names: list[_Mention], roles: list[_Mention]) -> list[Span]:
    entities = _link(doc, names)
    info: dict[int, tuple[int, str, str | None]] = {}
    for eid, mentions in entities.items():
        canonical = _canonical(doc, mentions)
        role = next((_role_text(doc, m.role) for m in mentions if m.role), None)
        for m in mentions:
            info[id(m)] = (eid, canonical, role)
    out = [_span(doc, m, *info[id(m)]) for m in names]
    for r in roles:
        eid, canonical, _ = info[id(r.person)]
        out.append(_span(doc, r, eid, canonical, _role_text(doc, (r.start, r.end))))
    return sorted(out, key=lambda s: (s.start, s.end))


def _canonical(doc: Doc, mentions: list[_Mention]) -> str:
    best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
    a, b = _char_span(doc, best.start, best.end)
    offset = doc[best.start].idx
    return " ".join(doc[best.start : best.end].text[a - offset : b - offset].split())


def _role_text(doc: Doc, role: tuple[int, int] | None) -> str | None:
    if role is None:
        return None
    text = " ".join(doc[role[0] : role[1]].text.split())
    first = doc[role[0]]
    lower = _starts_sentence(first) and first.pos_ == "NOUN"  # "Président russe X" -> président
    return text[:1].lower() + text[1:] if lower else text


def _span(doc: Doc, m: _Mention, eid: int, canonical: str, role: str | None) -> Span:
    a, b = _char_span(doc, m.start, m.end)
    own = _role_text(doc, m.role) if m.kind == "name" and m.role else role
    attrs = {"canonical": canonical, "entity": eid, "kind": m.kind, "role": own}
    return Span(a, b, m.label, attrs)
