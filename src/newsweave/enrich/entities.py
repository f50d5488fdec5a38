"""Entity mentions within one article: PER / LOC / ORG / MISC with clean spans, roles, and one
canonical entity per person, place and organisation.

``find_entities(doc, lang)`` takes the spaCy ``Doc`` of the article (parsed by the caller) and
returns ``newsweave.model.Span`` mentions with character offsets into ``doc.text``. Each
mention's ``attrs`` hold:

- ``canonical``: the fullest name form of its entity in this article ("Vladimir Poutine"); an
  acronym defined in brackets after a name ("l'Observatoire syrien des droits de l'homme
  (OSDH)") is that name's entity in the whole article;
- ``entity``: an int id, the same for every mention of one entity in this article;
- ``kind``: ``"name"`` for a proper-name mention, ``"role"`` for a role noun phrase resolved to
  a person ("le président russe" -> span "président russe");
- ``role``: the role the person was given in the article ("président russe"), else null.

The model's mentions are cleaned (no leading article, preposition, elision or courtesy title, no
trailing punctuation, no job title inside a person span) and relabelled by head words
(ministries, agencies, schools are ORG; churches, streets are LOC). Word lists live in
``entities_<lang>.json`` next to this module, each with a note on what it is for.

What counts as an entity follows the Sequoia gold (PARSEME-FR named entities, contextual
labels) where that is a sensible reading for news users:

- rule mentions come first: institution phrases (ministère des affaires étrangères arménien),
  short quoted names after a cue noun (la société "La Gaule vidusienne" ORG, exposition
  intitulée "Images du ciel" MISC, the article inside the quotes kept), lower-case head + name
  (église Saint-Etienne, rue de Danjoutin, centre Leclerc LOC; fête des Mères, affaire Elf
  MISC), all-capital acronyms the model missed (du COSEC, 35e RI: ORG), hyphenated communes
  (l'Isle-sur-le-Doubs), news media after a media noun (le journal en ligne Al-Manara,
  la chaîne de télévision France 3: the name alone, ORG in the whole article); the model's
  mentions fill what is left, widened to whole hyphenated words, cut at a dash or before
  'de' + town (église Notre-Dame | de Void-Vacon), without a lower-case modifier before the
  name (notre France) nor a verb, article or title the model ran into after it;
- contextual labels: a place acting (La France a dénoncé, l'Irak ne possède) or a seat of
  government (le Quai d'Orsay) is ORG; in a sports sentence a city not after a locative
  preposition is its team (ORG); one word after 'directeur de' is a company;
- not entities: demonyms (les Chinois), job titles alone, holidays (Noël: a date), generic
  services (l'Office de tourisme; in 'Samu du Haut-Rhin' only the place is kept).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from anyascii import anyascii
from spacy.attrs import IS_QUOTE, IS_TITLE, IS_UPPER, LIKE_URL, LOWER, ORTH, SHAPE
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsweave.enrich.tokens import token_strings
from newsweave.model import Span

# Longest role phrase looked for before a name ("secrétaire d'Etat aux anciens combattants"):
# 8 tokens covered every role seen in the seeds and the Sequoia dev part.
MAX_ROLE_TOKENS = 8
# A role phrase read before a name the model did not tag ('la haut commissaire aux droits de
# l'Homme de l'ONU X': 9 tokens); longer than MAX_ROLE_TOKENS because the name's own shape
# (first name + flat:name surname) already says person. Set on one dev quote speaker.
MAX_ROLE_PHRASE_TOKENS = 12
# Adjectives skipped between a head noun and the name it introduces ("école primaire X").
MAX_HEAD_ADJECTIVES = 2
# Longest complement of an institution phrase ("ministère des affaires étrangères arménien").
MAX_PHRASE_TOKENS = 8
# Longest rank or title that yields to a fuller role before a comma ('le porte-parole de
# l'armée, le colonel X'): two words ('le général de brigade' is rare; 'le colonel', 'le
# nouveau préfet').
MAX_RANK_TOKENS = 2
# Shortest person name split off the end of an organisation or place mention ('ONU Ban
# Ki-moon'): two words (first name and surname), so that 'directeur de Peugeot Citroën' stays.
MIN_SPLIT_NAME_TOKENS = 2

_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|pdf|html?|php)$", re.IGNORECASE)
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{1,4}[a-z]?|\d+[a-z]{0,2}|[A-Za-z]|[IVXLC]+(?:e|er|ème))$")
_TRIM_LEFT = re.compile(
    r"^(?:[\s\"«“(\[\-–—,;:]|[lLdDjJnNsScC]['’](?=\w)|(?:pro|anti|post|après)-(?=[A-ZÉÈ]))+"
)
# 'pro-Kadhafi', 'l'après-Bachar el-Assad': a prefix glued to a name is not part of it (but
# 'ex-Yougoslavie' is a name, as in Sequoia)
_NAME_PREFIX = re.compile(r"^(?:pro|anti|post|après)-(?=[A-ZÉÈ])")
# Token shapes of a prefix glued to a capitalised word ('pro-Kadhafi': xxx-Xxxxx)
_GLUED_SHAPES = ("xxx-X", "xxxx-X", "xxxxx-X")
_TRIM_RIGHT = re.compile(r"[\s\"»”)\]\-–—,;:!?']+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_TOPONYM = re.compile(r"-(?:sur|sous|lès|lez|les|en|le|la|aux|au|de|du|des|d'|l')-?|-Saint-")
_HYPHEN_PLACE = re.compile(r"^[A-ZÉÈ][\w']+(?:-[A-ZÉÈ][\w']+)+$")  # Void-Vacon, Mont-Saint-Martin
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ORDINAL = re.compile(r"^\d+(?:e|er|ème|è)$")
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")  # 36-32: a sports score
_WORD = re.compile(r"^(?:[^\W_]|['’-])+$")  # a word part: letters, digits, hyphen, elision
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
# Longest quoted phrase taken as a name ("Fédération des jardiniers de France"): 6 tokens kept
# every quoted name of the Sequoia dev part and leaves out quoted speech.
MAX_QUOTED_NAME_TOKENS = 6
# Words looked at before an opening quote for a cue noun (société de pêche "X": 3 tokens).
QUOTE_CUE_WINDOW = 3
# Longest complement between a media noun and the name ('agence de presse gouvernementale
# Mena', 'radio publique américaine NPR'): 4 tokens covered the media phrases of the quote gold's
# dev articles.
MAX_MEDIA_COMPLEMENT = 4
# Longest number ending a medium's name ('France 3', 'France 24', 'Europe 1'): 3 digits.
MAX_MEDIA_NUMBER = 3


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
    venue_heads: frozenset[str]
    street_heads: frozenset[str]
    event_heads: frozenset[str]
    misc_names: frozenset[str]
    holidays: frozenset[str]
    quote_misc_cues: frozenset[str]
    sports_words: frozenset[str]
    locative_preps: frozenset[str]
    generic_services: frozenset[str]
    title_acronyms: frozenset[str]
    government_seats: frozenset[str]
    not_acronyms: frozenset[str]
    name_particles: frozenset[str]
    org_roles: frozenset[str]
    work_verbs: frozenset[str]
    place_only_preps: frozenset[str]
    compound_places: frozenset[str]
    place_preps: frozenset[str]
    company_heads: frozenset[str]
    media_heads: frozenset[str]
    media_complements: frozenset[str]
    lowercase_orgs: frozenset[str]
    # role phrases written two ways, as ascii lower-case token tuples -> the other way's words
    role_equivalents: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    demonym_nouns: frozenset[str] = frozenset()  # every form (see _demonym_forms)
    person_place_preps: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    fronted_preps: frozenset[str] = frozenset()
    world_places: frozenset[str] = frozenset()  # in _norm form
    platform_names: frozenset[str] = frozenset()
    no_particle_roles: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    compass_regions: frozenset[str] = frozenset()
    compass_articles: frozenset[str] = frozenset()
    channel_names: frozenset[str] = frozenset()
    portfolio_heads: frozenset[str] = frozenset()
    loc_tails: frozenset[str] = frozenset()
    common_noun_heads: frozenset[str] = frozenset()
    name_adjectives: frozenset[str] = frozenset()
    furniture_line_starts: tuple[str, ...] = ()


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
        demonym_nouns=_demonym_forms(lists.pop("demonym_nouns", frozenset())),
        role_equivalents=_equivalents(raw.get("role_equivalents", {})),
        furniture_line_starts=tuple(lists.pop("furniture_line_starts", ())),
        **lists,
    )


def _demonym_forms(singulars: frozenset[str]) -> frozenset[str]:
    """Masculine singular inhabitant nouns with their plural and feminine forms (syrien,
    syriens, syrienne, syriennes; occidental, occidentaux)."""
    out: set[str] = set()
    for m in singulars:
        fem = m if m.endswith("e") else m + ("ne" if m.endswith(("ien", "éen", "yen")) else "e")
        out.update((m, _plural(m), fem, fem + "s"))
    return frozenset(out)


def _plural(word: str) -> str:
    if word.endswith(("s", "x")):
        return word  # français, chinois
    return word[:-2] + "aux" if word.endswith("al") else word + "s"  # occidentaux, syriens


def _equivalents(table: dict[str, str]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """ "chef de l'état" -> ("chef", "de", "l'", "etat"): tokens as spaCy cuts them (after an
    elision), in ascii lower case; the values' words as written."""
    cut = re.compile(r"[^\s']+'?")
    return tuple(
        (tuple(cut.findall(anyascii(k).lower())), tuple(cut.findall(v.lower())))
        for k, v in table.items()
    )


# Tokens from a line's start within which a furniture line's opening words are looked for.
FURNITURE_LINE_TOKENS = 8
# A capitalised domain name of a news site: 'Monde.fr', 'Owni.fr', 'Rue89.com'.
_SITE_NAME = re.compile(r"^[A-Z][\w-]*\.(?:fr|com|net|org|info|be|ch|ca)$")
CLOSING_MARKS = {"»": "«", "”": "“"}  # closing quote mark -> its opening mark
CHANNEL_PREPS = frozenset({"sur", "via"})

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
    names = _persons_everywhere(doc, _surnames_after(doc, _name_mentions(doc, words), words), words)
    names = _prefixed_persons(doc, names)
    roles = _role_mentions(doc, names, words)
    return _to_spans(doc, _outside_equivalents(doc, names, roles, words), roles)


# ---------------------------------------------------------------- name mentions


def _persons_everywhere(doc: Doc, names: list[_Mention], w: Words) -> list[_Mention]:
    """A name of two words or more tagged as a person somewhere in the article is a person
    everywhere in it ("Syrie : pour Bachar Al-Assad, …", read as a place in a headline); so is
    a one-word name that ends a longer person's name or is tagged a person more often than not
    ("la résidence de Kadhafi", read as a place); not a known place, nor a name in capitals
    (photo credits, whose tags vary)."""
    keys = [_norm(doc[m.start : m.end].text) for m in names]
    persons = Counter(k for k, m in zip(keys, names, strict=True) if m.label == "PER")
    others = Counter(k for k, m in zip(keys, names, strict=True) if m.label != "PER")
    surnames = {k.split()[-1] for k in persons if len(k.split()) > 1}
    for key, m in zip(keys, names, strict=True):
        if m.label == "PER" or doc[m.start : m.end].text.isupper() or key in w.world_places:
            continue
        if len(key.split()) > 1:
            m.label = "PER" if key in persons else m.label
        elif key in surnames or persons[key] > others[key]:
            m.label = "PER"
    return names


def _prefixed_persons(doc: Doc, names: list[_Mention]) -> list[_Mention]:
    """'les pro-Kadhafi', 'des manifestants anti-Morsi': a person named elsewhere in the
    article, glued to a prefix the model leaves untagged, is a mention of that person (the
    prefix is trimmed from the span, as for tagged names)."""
    tokens = [t for t in _tokens_shaped(doc, _GLUED_SHAPES) if _NAME_PREFIX.match(t.text)]
    if not tokens:
        return names
    persons = {_norm(doc[m.start : m.end].text) for m in names if m.label == "PER"}
    persons |= {k.split()[-1] for k in persons}
    taken = {i for m in names for i in range(m.start, m.end)}
    found = [
        _Mention(t.i, t.i + 1, "PER")
        for t in tokens
        if t.i not in taken and _norm(t.text) in persons
    ]
    return sorted(names + found, key=lambda m: m.start) if found else names


def _surnames_after(doc: Doc, names: list[_Mention], w: Words) -> list[_Mention]:
    """'son homologue, Djeyhoun Baïramov,' where the model tagged the first name alone: a
    capitalised proper noun right after a person's name, in no mention, completes it."""
    taken = {i for m in names for i in range(m.start, m.end)}
    for m in names:
        j = m.end
        if m.label == "PER" and j < len(doc) and j not in taken and _is_surname(doc[j], w):
            m.end = j + 1
    return names


def _is_surname(tok: Token, w: Words) -> bool:
    if not (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN") or not tok.nbor(-1).whitespace_:
        return False
    word = tok.lower_
    return not (word in w.roles or tok.text in w.titles or _norm(tok.text) in w.world_places)


def _name_mentions(doc: Doc, w: Words) -> list[_Mention]:
    """Rule mentions first (institution phrases, quoted names, head + name, acronyms); the
    model's mentions fill the tokens they leave free."""
    media = _media_names(doc, w)
    rules = _drop_overlaps(media + _phrase_orgs(doc, w) + _pattern_mentions(doc, w))
    taken = {i for m in rules for i in range(m.start, m.end)}
    out = list(rules)
    for ent in doc.ents:
        label = w.label_map.get(ent.label_)
        if not label:
            continue
        for start, end in _model_pieces(doc, ent.start, ent.end, taken, w):
            for a, b, piece_label in _person_split(doc, start, end, label, w):
                m = _clean(doc, a, b, piece_label, w)
                if m is not None:
                    out.append(m)
    mentions = _merge_compounds(doc, _drop_overlaps(out), w)
    return _company_names_everywhere(doc, _apposed_persons(doc, mentions, w), media, w)


def _merge_compounds(doc: Doc, mentions: list[_Mention], w: Words) -> list[_Mention]:
    """'Maine et Loire': two place mentions joined by 'et' that form one known place."""
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _is_compound(doc, prev, m, w):
            out[-1] = _Mention(prev.start, m.end, "LOC")
        else:
            out.append(m)
    return out


def _is_compound(doc: Doc, a: _Mention, b: _Mention, w: Words) -> bool:
    if b.start != a.end + 1 or doc[a.end].lower_ not in w.enumeration:
        return False
    return _norm(doc[a.start : b.end].text) in w.compound_places


def _model_pieces(
    doc: Doc, start: int, end: int, taken: set[int], w: Words
) -> list[tuple[int, int]]:
    """A model mention widened to whole hyphenated words, cut at a dash ('Etang- Montreux'),
    at the rule mentions' tokens and after 'église Notre-Dame' before 'de Void-Vacon'."""
    start, end = _glue(doc, start, end)
    out = []
    pieces = [p for a, b in _split_lines(doc, start, end) for p in _split_dashes(doc, a, b)]
    for a, b in pieces:
        for c, d in _free_parts(a, b, taken):
            named = doc[c:d].text in w.lowercase_orgs  # franceinfo
            if named or any(not t.is_lower and t.lower_ not in w.lead for t in doc[c:d]):
                out.extend(_split_head_name(doc, c, d, w))  # not the 'L'' of 'L'affaire X'
    return out


def _glue(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Extend over tokens written without a space up to a capitalised word: Chavannes-sur-l'
    + Etang, José- + Maria; not over 'Chirac-n'a' or 'Moscovici-qui' (dashes as brackets)."""
    i = start
    while i > 0 and not doc[i - 1].whitespace_ and _WORD.match(doc[i - 1].text):
        if doc[i - 1].text[-1] in "'’":
            break  # l'Arménie: the elision is not part of the name
        i -= 1
        start = i if doc[i].text[:1].isupper() else start
    i = end
    while i < len(doc) and not doc[i - 1].whitespace_ and _WORD.match(doc[i].text):
        i += 1
        end = i if doc[i - 1].text[:1].isupper() else end
    return start, end


def _split_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A mention never runs over a line break ('#freeRazan\nLaura Vidal': a hashtag ending
    one line, a name opening the next), unless a hyphen cuts a word there ('Napo-\nléon')."""
    out, a = [], start
    for i in range(start + 1, end - 1):
        if doc[i].is_space and "\n" in doc[i].text and not doc[i - 1].text.endswith("-"):
            out.append((a, i))
            a = i + 1
    return [*out, (a, end)]


def _split_dashes(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for i in range(start, end - 1):
        if doc[i].text.endswith("-") and doc[i].whitespace_ and len(doc[i]) > 2:
            out.append((a, i + 1))
            a = i + 1
    out.append((a, end))
    return out


def _free_parts(start: int, end: int, taken: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in range(start, end):
        if i in taken:
            continue
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _split_head_name(doc: Doc, start: int, end: int, w: Words) -> list[tuple[int, int]]:
    """'église Notre-Dame de Void-Vacon': the named building, then the town (Sequoia)."""
    company = start > 0 and _is_company_head(doc[start - 1], w)  # usine Chimirex | de Prény
    if not ((_is_head(doc[start], w) and doc[start].is_lower) or company) or start + 1 >= end:
        return [(start, end)]
    cut = _capital_chain_end(doc, start if company else start + 1)
    if cut is None or cut + 1 >= end or doc[cut].lower_ not in w.of_words:
        return [(start, end)]
    return [(start, cut), (cut, end)]


def _capital_chain_end(doc: Doc, i: int) -> int | None:
    """End of the capitalised words starting at ``i`` (Saint-Etienne, Jacques Bailleurs)."""
    end = i
    while end < len(doc) and _is_capitalised(doc[end]):
        end = _glue(doc, end, end + 1)[1]
    return end if end > i else None


def _capital_starts(doc: Doc) -> list[int]:
    """Indices of the tokens whose first character is a capital, read from one array (the
    scans for names skip the others without making Token objects)."""
    return [i for i, text in enumerate(token_strings(doc, ORTH)) if text[:1].isupper()]


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and bool(_WORD.match(tok.text)) and not tok.is_sent_start


# ---------------------------------------------------------------- persons after a role


def _person_split(
    doc: Doc, start: int, end: int, label: str, w: Words
) -> list[tuple[int, int, str]]:
    """'(porte-parole du) département d'Etat Victoria Nuland', '(de l')ONU Ban Ki-moon',
    'Premier ministre turc Recep Tayyip Erdogan', 'ATI Technologies India MD Dasaradha R Gude':
    a model mention that runs from an organisation, place or role into a person's name is cut
    into the organisation or place (kept when capitalised) and the person (PER)."""
    cut = _person_cut(doc, start, end, label, w)
    if cut is None:
        return [(start, end, label)]
    head_end, name_start = cut
    name_end = max(end, _name_end(doc, name_start))  # 'MD Dasaradha R' + Gude
    head_label = label if label != "PER" else _place_or_org(doc[start])
    head = [(start, head_end, head_label)] if head_end > start else []
    return [*head, (name_start, name_end, "PER")]


def _place_or_org(tok: Token) -> str:
    return "ORG" if _ACRONYM.match(tok.text) else "LOC"


def _person_cut(doc: Doc, start: int, end: int, label: str, w: Words) -> tuple[int, int] | None:
    """(end of the part before the person, start of the person's name), else None."""
    inner = _inner_role(doc, start, end, w)
    if inner is not None:
        return inner
    if _role_before(doc, start, w) is not None and _apposition_ok(doc, start, w):
        name = _name_tail(doc, start, end, doc[start - 1].lower_ in w.role_links, w)
        if name is not None and (label != "PER" or name > start):
            return name, name
    acronym = _ACRONYM.match(doc[start].text) and doc[start].text not in w.place_acronyms
    if acronym and (label == "PER" or _role_after(doc, end, w) is not None):
        name = _name_tail(doc, start, end, True, w)  # l'AFP Ahmed Karimi, porte-parole
        return (name, name) if name is not None else None
    return None


def _inner_role(doc: Doc, start: int, end: int, w: Words) -> tuple[int, int] | None:
    """A role word inside the mention with a name after it: 'Premier ministre turc X'."""
    roles = [i for i in range(start, end - 1) if doc[i].lower_ in w.roles]
    if not roles:
        return None
    i = roles[-1] + 1
    while i < end and (doc[i].is_lower or doc[i].lower_ in w.role_premods):
        i += 1  # ministre turc, ministre de l'Intérieur
    name = _name_tail(doc, i, end, doc[i - 1].lower_ in w.role_links, w) if i < end else None
    if name is None:
        return None
    return _role_left_edge(doc, roles[-1], w), name


def _name_tail(doc: Doc, start: int, end: int, linked: bool, w: Words) -> int | None:
    """Start of the person's name that ends a run of capitalised words, else None. After a
    link word ('président de Serbie Milan Milutinovic') the first word is the complement."""
    k = end
    while k > start:
        j = _word_start(doc, start, k)
        if not (_is_name_word(doc[j:k], w) or _inner_name_adj(doc, j, start, end)):
            break
        k = j
    if k == end:
        return None
    if k == start and linked:
        k = _glue(doc, start, start + 1)[1]  # the complement's one word: Serbie, Saint-Dizier
    if k > start and end - k < MIN_SPLIT_NAME_TOKENS:
        return None
    return k


def _word_start(doc: Doc, start: int, end: int) -> int:
    """First token of the word written without spaces that ends at ``end`` ('Ki - moon')."""
    j = end - 1
    while j > start and not doc[j - 1].whitespace_ and _WORD.match(doc[j - 1].text):
        j -= 1
    return j


def _is_name_word(span: Any, w: Words) -> bool:
    """A word that can be part of a person's name: capitalised, not an acronym, not a role,
    head noun or portfolio; single capitals are initials ('Dasaradha R Gude')."""
    text, tok = span.text, span[0]
    if not text[:1].isupper() or not _WORD.match(text) or (text.isupper() and len(text) > 1):
        return False
    word = tok.lower_
    if word in w.roles or word in w.role_premods or _is_head(tok, w) or text in w.not_names:
        return False
    if text in w.titles or word in w.titles:
        return False
    return _norm(text) not in w.portfolios and tok.pos_ != "ADJ"


def _inner_name_adj(doc: Doc, i: int, start: int, end: int) -> bool:
    """'Recep Tayyip Erdogan': a capitalised word the tagger calls an adjective, between two
    proper nouns, is a middle name."""
    if not (start < i < end - 1 and doc[i].text[:1].isupper() and doc[i].pos_ == "ADJ"):
        return False
    return doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN"


def _name_end(doc: Doc, i: int) -> int:
    """End of the capitalised words from ``i``, across a sentence break the parser put after
    an initial ('Dasaradha R | Gude')."""
    while i < len(doc) and doc[i].text[:1].isupper() and _WORD.match(doc[i].text):
        i += 1
    return i


def _apposition_ok(doc: Doc, start: int, w: Words) -> bool:
    """The word before a name that may stand in apposition to a role: the role itself, an
    adjective or a capitalised word ending its complement; not a head noun ('usine X')."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.text == "," and start > 1:
        prev = doc[start - 2]
        return prev.lower_ in w.roles or (prev.is_lower and prev.pos_ == "ADJ")
    if prev.lower_ in w.roles or prev.lower_ in w.role_links:
        return True
    return (prev.is_lower and prev.pos_ == "ADJ") or prev.text[:1].isupper()


def _apposed_persons(doc: Doc, mentions: list[_Mention], w: Words) -> list[_Mention]:
    """A name right after a role phrase is a person: 'le porte-parole Hong Lei' tagged as a
    place or left untagged by the model."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = [_as_person(doc, m, w) for m in mentions]
    for i in _capital_starts(doc):
        if i < 1 or i in taken or not _is_capitalised(doc[i]) or _is_capitalised(doc[i - 1]):
            continue
        end = _name_end(doc, i)  # across a sentence break the parser put inside 'Wang | Yi'
        if doc[i - 1].is_punct:
            continue  # 'Monsieur le Président, Monsieur le Commissaire': no apposition
        if not taken.intersection(range(i, end)):
            m = _as_person(doc, _Mention(i, end, ""), w)
            if m.label == "PER":
                out.append(m)
    return sorted(out, key=lambda m: m.start)


def _as_person(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Relabel a place, work or untagged name PER when a role phrase stands right before it."""
    if m.label not in ("LOC", "MISC", ""):
        return m
    if _name_tail(doc, m.start, m.end, False, w) != m.start:
        return m
    if _norm(doc[m.start : m.end].text) in w.world_places:
        return m  # 'la directrice Afrique de l'OMS', 'le responsable Moyen-Orient': a remit
    prev = doc[m.start - 1]
    if prev.lower_ in w.role_links or not _apposition_ok(doc, m.start, w):
        return m
    role = _role_before(doc, m.start, w)
    if role is not None:
        m.label, m.role = "PER", role
    return m


# ---------------------------------------------------------------- companies


def _company_names_everywhere(
    doc: Doc, mentions: list[_Mention], media: list[_Mention], w: Words
) -> list[_Mention]:
    """'l'usine Chimirex ... selon Chimirex': a name introduced by a company or media noun is
    an organisation in the whole article (one sense per article)."""
    names = {_norm(doc[m.start : m.end].text) for m in mentions if _after_company(doc, m, w)}
    names.update(_norm(doc[m.start : m.end].text) for m in media)
    for m in mentions:
        if m.label != "ORG" and m.kind == "name" and _norm(doc[m.start : m.end].text) in names:
            m.label = "ORG"
    return mentions


def _after_company(doc: Doc, m: _Mention, w: Words) -> bool:
    head = _head_before(doc, m.start, w)
    return head is not None and _is_company_head(doc[head], w)


# ---------------------------------------------------------------- news media


def _media_names(doc: Doc, w: Words) -> list[_Mention]:
    """'le journal en ligne Al-Manara', 'la chaîne France 3', 'l'agence de presse TASS': the
    name after a media noun and its complement is an ORG, without the noun."""
    out = _channel_names(doc, w) + _site_names(doc)
    for tok in _tokens_in(doc, w.media_heads):
        if not tok.is_lower:
            continue
        start = _media_complement_end(doc, tok.i + 1, w)
        end = _media_name_end(doc, start, w)
        if end is not None:
            out.append(_Mention(start, end, "ORG"))
    return out


def _site_names(doc: Doc) -> list[_Mention]:
    """'il s'est confié au Point.fr', 'dont Owni.fr': a news site written as its capitalised
    domain name is an organisation (the tokenizer reads it as a URL)."""
    urls = _tokens_with(doc, LIKE_URL)
    return [_Mention(t.i, t.i + 1, "ORG") for t in urls if _SITE_NAME.match(t.text)]


def _channel_names(doc: Doc, w: Words) -> list[_Mention]:
    """'un entretien accordé à France 24': a broadcaster named after a place (``channel_names``)
    is the organisation, its number or second word included (the model tags the place)."""
    out = []
    for tok in _tokens_in(doc, frozenset(n.split()[0].lower() for n in w.channel_names)):
        for name in w.channel_names:
            n = len(name.split())
            if name.startswith(tok.text) and doc[tok.i : tok.i + n].text == name:
                out.append(_Mention(tok.i, tok.i + n, "ORG"))
    return out


def _media_complement_end(doc: Doc, i: int, w: Words) -> int:
    """First token after the lower-case adjectives and complements of a media noun ('en
    ligne', "d'information", 'de presse gouvernementale', "d'Etat")."""
    stop = min(len(doc), i + MAX_MEDIA_COMPLEMENT)
    while i < stop:
        tok = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        link = tok.lower_ in w.of_words or tok.lower_ == "en"
        if link and nxt is not None and nxt.lower_ in w.media_complements:
            i += 2
        elif _glue(doc, i, i + 1)[1] > i + 1:
            break  # al-Jezira: a name written with a hyphen
        elif tok.lower_ in w.media_complements or (tok.is_lower and tok.pos_ == "ADJ"):
            i += 1
        else:
            break
    return i


def _media_name_end(doc: Doc, i: int, w: Words) -> int | None:
    """End of the medium's name at ``i``: words with a capital (Al-Manara, al-Jezira, Le Monde)
    or the model's lower-case name (franceinfo), then a channel number (France 3)."""
    end = i
    while end < len(doc) and (end == i or not doc[end].is_sent_start):
        stop = _glue(doc, end, end + 1)[1]
        if not _is_media_word(doc[end:stop], end == i, w):
            break
        end = stop
    if end == i:
        return None
    number = doc[end] if end < len(doc) else None
    if number is not None and number.is_digit and len(number) <= MAX_MEDIA_NUMBER:
        end += 1
    return end


def _is_media_word(span: DocSpan, first: bool, w: Words) -> bool:
    text, tok = span.text, span[0]
    if not _WORD.match(text) or text in w.not_names or text in w.titles:
        return False
    if tok.lower_ in w.roles or tok.lower_ in w.media_complements:
        return False  # 'le site Internet', 'la chaîne Etat'
    if any(c.isupper() for c in text):
        return True
    return first and tok.ent_iob_ == "B" and tok.is_alpha  # le site franceinfo


# ---------------------------------------------------------------- rule mentions


def _pattern_mentions(doc: Doc, w: Words) -> list[_Mention]:
    return [
        *_quoted_names(doc, w),
        *_head_names(doc, w),
        *_untagged_acronyms(doc, w),
        *_untagged_toponyms(doc),
        *_untagged_places(doc, w),
        *_untagged_persons(doc, w),
        *_compass_regions(doc, w),
    ]


def _untagged_persons(doc: Doc, w: Words) -> list[_Mention]:
    """'la haut commissaire aux droits de l'Homme de l'ONU Navi Pillay' where the model tagged
    nothing: a first name and the surname parsed as its ``flat:name``, right after a role
    phrase."""
    out = []
    for tok in _tokens_with(doc, IS_TITLE):  # a first name is in title case
        if tok.i < 1 or not _untagged_first_name(tok) or _untagged_first_name(tok.nbor(-1)):
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].dep_ == "flat:name" and _untagged_first_name(doc[end]):
            end += 1
        if end > tok.i + 1 and _role_before(doc, tok.i, w, MAX_ROLE_PHRASE_TOKENS):
            out.append(_Mention(tok.i, end, "PER"))
    return out


def _untagged_first_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and not tok.is_sent_start


def _compass_regions(doc: Doc, w: Words) -> list[_Mention]:
    """'dans l'Est', 'au Sud': a capitalised point of the compass after an article names a
    region (a lower-case one, 'l'est du pays', is a direction)."""
    out = []
    for tok in doc:
        if tok.text not in w.compass_regions or tok.i == 0 or tok.ent_type_:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        glued = nxt is not None and (nxt.is_title or nxt.text.startswith("-"))
        if doc[tok.i - 1].lower_ in w.compass_articles and not glued:
            out.append(_Mention(tok.i, tok.i + 1, "LOC"))
    return out


def _untagged_places(doc: Doc, w: Words) -> list[_Mention]:
    """'la société d'aviculture de Belfort', 'bassin de Saint-Dizier': a capitalised word
    the model missed after a common noun and 'de' or 'à' is a place."""
    out = []
    for tok in _tokens_in(doc, w.place_preps):
        if tok.i + 2 >= len(doc):
            continue
        i = tok.i + 1 + (doc[tok.i + 1].lower_ in w.determiners)
        end = _capital_chain_end(doc, i)
        if end is not None and _is_untagged_place(doc, tok, i, end, w):
            out.append(_Mention(i, end, "LOC"))
    return out


def _is_untagged_place(doc: Doc, prep: Token, start: int, end: int, w: Words) -> bool:
    noun = doc[prep.i - 1] if prep.i > 0 else None
    if noun is None or not noun.is_lower or noun.pos_ != "NOUN" or _is_role_word(noun, w):
        return False
    tokens = doc[start:end]
    return not any(t.ent_type_ or t.is_upper or t.text in w.not_names for t in tokens)


def _quoted_names(doc: Doc, w: Words) -> list[_Mention]:
    """Short capitalised phrases in quotes after a cue noun: 'la société "La Gaule"' (ORG),
    'l'exposition intitulée "Images du ciel"' (MISC). The article inside the quotes stays."""
    out = []
    for start, end in _quote_spans(doc):
        label = _quoted_label(doc, start, end, w)
        if label is not None:
            out.append(_Mention(start, end, label))
    return out


def _tokens_with(doc: Doc, flag: int) -> list[Token]:
    """The tokens with a lexical flag, read from one array: cheaper than a loop over the doc."""
    return [doc[int(i)] for i in doc.to_array([flag]).nonzero()[0]]


def _tokens_shaped(doc: Doc, starts: tuple[str, ...]) -> list[Token]:
    """The tokens whose shape begins with one of ``starts``, read from one array."""
    shapes = doc.to_array([SHAPE]).tolist()
    wanted = {h for h in set(shapes) if doc.vocab.strings[h].startswith(starts)}
    return [doc[i] for i, h in enumerate(shapes) if h in wanted] if wanted else []


def _tokens_in(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of ``words``, read from one array."""
    ids = {doc.vocab.strings[word] for word in words}  # the hash, nothing added
    lower = doc.to_array([LOWER])
    return [doc[i] for i, h in enumerate(lower.tolist()) if h in ids]


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between matching quotes, at most MAX_QUOTED_NAME_TOKENS long."""
    out = []
    opened: tuple[int, str] | None = None
    for tok in _tokens_with(doc, IS_QUOTE):
        if opened is not None and tok.text == opened[1]:
            if 0 < tok.i - opened[0] - 1 <= MAX_QUOTED_NAME_TOKENS:
                out.append((opened[0] + 1, tok.i))
            opened = None
        elif tok.text in _QUOTE_PAIRS:
            opened = (tok.i, _QUOTE_PAIRS[tok.text])
    return out


def _quoted_label(doc: Doc, start: int, end: int, w: Words) -> str | None:
    has_article = doc[start].lower_ in w.determiners and end > start + 1
    first = doc[start + 1] if has_article else doc[start]
    span = doc[start:end]
    if not first.text[:1].isupper() or any(_is_clause_word(t) for t in span):
        return None
    cue = _quote_cue(doc, start - 2, w)  # the word before the opening quote
    if cue is not None:
        return cue
    return "ORG" if _is_name_plus_words(span) else None


def _is_name_plus_words(span: Any) -> bool:
    """'"Pérouse amitié"': one tagged name then a few lower-case words, a name made from a
    place or person for something else (an association)."""
    tagged = [t for t in span if t.ent_type_]
    rest = [t for t in span if not t.ent_type_]
    if not tagged or not rest or len(rest) > 2 or tagged[-1].i > rest[0].i:
        return False
    return all(t.is_lower for t in rest)


def _is_clause_word(tok: Token) -> bool:
    """A word that makes a quoted phrase speech rather than a name."""
    finite = "Fin" in tok.morph.get("VerbForm", [])
    return tok.pos_ in ("PRON", "AUX") or finite or tok.text in ".!?;:"


def _quote_cue(doc: Doc, i: int, w: Words) -> str | None:
    """ORG after an organisation noun, MISC after a work or event noun, else None."""
    for tok in reversed(doc[max(0, i - QUOTE_CUE_WINDOW + 1) : i + 1]):
        if tok.lower_ in w.org_heads:
            return "ORG"
        if tok.lower_ in w.quote_misc_cues:
            return "MISC"
    return None


def _head_names(doc: Doc, w: Words) -> list[_Mention]:
    """'église Saint-Etienne', 'rue de Danjoutin', 'fête des Mères': a lower-case head noun
    and the capitalised name it governs, when the model missed or split them."""
    heads = w.street_heads | w.event_heads | w.org_heads | w.loc_heads | w.venue_heads
    out = []
    for tok in _tokens_in(doc, heads):
        if not (tok.is_lower or (tok.is_title and _starts_sentence(tok))):
            continue  # 'Affaire Dumas' as a heading
        m = _street_or_event(doc, tok, w) or _head_and_untagged_name(doc, tok, w)
        if m is not None:
            out.append(m)
    return out


def _street_or_event(doc: Doc, tok: Token, w: Words) -> _Mention | None:
    """Head (+ de/du/des/de la) + capitalised words: one place or one event."""
    if tok.lower_ in w.street_heads and tok.is_lower:
        label = "LOC"
    elif tok.lower_ in w.event_heads:
        label = "MISC"
    else:
        return None
    i = tok.i + 1
    if i < len(doc) and doc[i].lower_ in w.of_words:
        i += 1
        if i < len(doc) and doc[i].lower_ in w.determiners:
            i += 1
    end = _capital_chain_end(doc, i) if i < len(doc) else None
    if end is None or not _is_street_name(doc, tok, i, end, w):
        return None
    if label == "MISC" and any(t.text in w.not_names for t in doc[i:end]):
        return None  # affaire d'Etat: a common phrase
    return _Mention(tok.i, end, label)


def _is_street_name(doc: Doc, head: Token, start: int, end: int, w: Words) -> bool:
    """Not 'salle du COSEC', 'passage de Lionel Jospin', 'la place de la Suisse' (a role)."""
    person = any(t.ent_type_ in ("PER", "PERSON") for t in doc[start:end])
    if doc[start].is_upper or (person and start > head.i + 1):
        return False  # but salle Jean-Mathieu
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return False  # affaire de la Caisse d'épargne: the model's name goes on
    common_noun = head.i > 0 and doc[head.i - 1].lower_ in w.determiners
    return not (common_noun and start - head.i > 2 and doc[start].ent_type_ in ("LOC", "GPE"))


def _head_and_untagged_name(doc: Doc, tok: Token, w: Words) -> _Mention | None:
    """'église Saint-Etienne' where the model tagged nothing: head + name."""
    if not (_is_head(tok, w) and tok.is_lower) or tok.i + 1 >= len(doc):
        return None
    if doc[tok.i + 1].ent_type_ or doc[tok.i + 1].is_upper:
        return None  # groupe RPR, office HLM: the acronym alone, or no name
    end = _capital_chain_end(doc, tok.i + 1)
    if end is None or any(t.ent_type_ for t in doc[tok.i + 1 : end]):
        return None
    if _is_company_head(tok, w):
        return _Mention(tok.i + 1, end, "ORG")  # la société Bravotec: the name alone
    return _Mention(tok.i, end, _head_label(tok, w))


def _skip_lower(doc: Doc, i: int, end: int) -> int:
    """Skip lower-case words; a word written with hyphens counts whole (al-Jezira)."""
    while i < end:
        stop = min(end, _glue(doc, i, i + 1)[1])
        if not doc[i:stop].text.islower():
            break
        i = stop
    return i


def _is_company_head(tok: Token, w: Words) -> bool:
    return tok.is_lower and (tok.lower_ in w.company_heads or tok.lower_ in w.media_heads)


def _head_label(tok: Token, w: Words) -> str:
    if tok.lower_ in w.org_heads or (tok.lower_ in w.venue_heads and not tok.is_lower):
        return "ORG"
    return "LOC"


def _untagged_acronyms(doc: Doc, w: Words) -> list[_Mention]:
    """All-capital words the model missed (COSEC, EBM), with an ordinal before (35e RI)."""
    out = []
    for tok in _tokens_with(doc, IS_UPPER):
        if tok.ent_type_ or not _is_org_acronym(doc, tok.i, w):
            continue
        start = tok.i - 1 if tok.i > 0 and _ORDINAL.match(doc[tok.i - 1].text) else tok.i
        label = "LOC" if tok.text in w.place_acronyms else "ORG"
        out.append(_Mention(start, tok.i + 1, label))
    return out


def _is_org_acronym(doc: Doc, i: int, w: Words) -> bool:
    """An all-capital word after an article or preposition (du COSEC, l'EBM); not a dateline
    (PARIS, 15 (Havas)) nor a roman numeral."""
    text = doc[i].text
    if text in w.not_acronyms or _ROMAN.match(text) or not _ACRONYM.match(text):
        return False
    if i == 0 or doc[i - 1].lower_ not in w.lead or doc[i - 1].is_punct:
        return False
    return _is_acronym(doc, _Mention(i, i + 1, "ORG"))


def _untagged_toponyms(doc: Doc) -> list[_Mention]:
    """Hyphenated place names the model missed: l'Isle-sur-le-Doubs."""
    out = []
    after = 0  # the first token not glued into the last candidate
    for i in _capital_starts(doc):
        if i < after or doc[i].whitespace_:
            continue  # l'Isle-sur-le-Doubs: starts with a capital, written without a space
        start, end = _glue(doc, i, i + 1)
        if start == i and _is_untagged_toponym(doc[start:end]):
            out.append(_Mention(start, end, "LOC"))
        after = max(end, i + 1)
    return out


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
    end = _skip_tail(doc, start, end, label, w)
    service = _service_end(doc, start, end, w)
    if service is not None:
        if service == end:
            return None  # l'Office de tourisme: a kind of service, not a name
        start, label = _skip_lead(doc, service, end, "", w), "LOC"  # Samu du Haut-Rhin
    if start >= end or _not_a_name(doc, start, end, label, w):
        return None
    return _extend(doc, _relabel(doc, _head_rule(doc, _Mention(start, end, label), w), w), w)


def _extend(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Complete an organisation name or a surname's particle; find a person's role."""
    if m.label == "ORG":
        m.end = _org_name_end(doc, m, w)
        one = m.end - m.start == 1 and _ACRONYM.match(doc[m.start].text)
        if one and m.start > 0 and _ORDINAL.match(doc[m.start - 1].text):
            m.start -= 1  # 35e RI: the regiment's number is part of its name
    if m.label == "PER":
        m.start = _particle_start(doc, m.start, m.end, w)
        m.role = _role_before(doc, m.start, w) or _role_after(doc, m.end, w)
    return m


def _particle_start(doc: Doc, start: int, end: int, w: Words) -> int:
    """'Madame van der Laan', 'le général de Galliffet': the particle belongs to a surname
    used alone; 'de' only after a title or role, since it is mostly a preposition, and not
    before a full name ('conseiller de Jean-Bedel Bokassa', 'la veuve de Théophile Maupas')."""
    i = start
    while i > 1 and doc[i - 1].lower_ in w.name_particles and doc[i - 1].is_lower:
        before = doc[i - 2]
        french = doc[i - 1].lower_ in w.of_words
        after_title = before.text in w.titles or (
            _is_role_word(before, w) and before.lower_ not in w.no_particle_roles
        )
        if french and (end - start > 1 or not after_title):
            break
        i -= 1
    return i


def _service_end(doc: Doc, start: int, end: int, w: Words) -> int | None:
    """End of a generic service name at the start of a mention ('Samu', 'Office de tourisme').

    A one-word service that is an acronym (Samu) alone is a name: None.
    """
    first = _norm(doc[start].text)  # a prefix of the mention's normal form: a cheap test
    if not any(service.startswith(first) for service in w.generic_services):
        return None
    for i in range(end, start, -1):
        if _norm(doc[start:i].text) in w.generic_services:
            one_acronym = i == end == start + 1 and doc[start].text in w.title_acronyms
            return None if one_acronym else i
    return None


def _starts_with_role(doc: Doc, start: int, end: int, w: Words) -> bool:
    while start < end - 1 and doc[start].lower_ in w.role_premods:
        start += 1
    return doc[start].lower_ in w.roles


def _skip_description(doc: Doc, start: int, end: int, w: Words) -> int:
    """'présidence de Claude Simon', 'ceinture de Belfort': keep the name after 'de'; 'sixième
    Parlement', 'notre France', 'dit Frémeuil': a lower-case word other than a noun before a
    name is no part of it (a noun may head it: butte Montmartre, îles Feroe)."""
    first = doc[start]
    if not first.is_lower or first.lower_ in w.lead or _is_head(first, w):
        return start
    i = start
    while i < end and doc[i].is_lower:
        i += 1
    cut = max((j for j in range(start, i) if doc[j].lower_ in w.role_links), default=None)
    if i == end:
        return start
    if cut is not None:
        return cut + 1
    return i if _is_modifier(first, w) else start


def _is_modifier(tok: Token, w: Words) -> bool:
    """A separate lower-case word that is no noun and no surname particle (van, de)."""
    if tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in w.name_particles:
        return False
    return bool(tok.whitespace_)  # not 'st-' of 'st-Quentin'


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


def _skip_tail(doc: Doc, start: int, end: int, label: str, w: Words) -> int:
    """Drop trailing punctuation and link words, and for names other than titles (MISC) a
    verb or an article the model ran into ('Ruffie eft', 'Confédération les moyens')."""
    if label != "MISC":
        end = next((k for k in range(start + 1, end) if _ends_name(doc, k, label, w)), end)
    end = next((k for k in range(start + 1, end) if _closes_outside(doc, start, k)), end)
    end = next((k for k in range(start + 1, end) if doc[k].text in w.time_words), end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in w.role_links):
        end -= 1
    return end


def _closes_outside(doc: Doc, start: int, k: int) -> bool:
    """A closing quote mark whose opening mark is before the mention ends it: 'le soutien du
    « Parti de Dieu » libanais'."""
    mark = doc[k].text
    return mark in CLOSING_MARKS and CLOSING_MARKS[mark] not in doc[start:k].text


def _ends_name(doc: Doc, k: int, label: str, w: Words) -> bool:
    """A lower-case auxiliary or finite verb cannot go on a name, nor an article not after
    'de' on a place or organisation (a person may have one: Jean l'Aveugle)."""
    tok = doc[k]
    if not tok.is_lower or not doc[k - 1].whitespace_:
        return False  # Isle-sur-le-Doubs: inside a hyphenated word
    if tok.pos_ == "AUX" or (tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm", [])):
        return True
    article = tok.lower_ in w.determiners and doc[k - 1].lower_ not in w.role_links
    return article and label != "PER"


def _not_a_name(doc: Doc, start: int, end: int, label: str, w: Words) -> bool:
    text = doc[start:end].text  # spaCy joins the tokens again on each access: once
    if text in w.lowercase_orgs:
        return False  # franceinfo
    if not any(c.isupper() for c in text) or (
        _is_capitalised_word(doc, start, end)
        and (label != "PER" or _is_whole_line(doc, start, end))
    ):
        return True
    if _norm(text) in w.portfolios or text in w.holidays:
        return True  # ministre des Affaires étrangères: part of a role, not an entity
    if _is_common_noun_phrase(doc, start, end, w) or _in_furniture_line(doc, start, w):
        return True
    if end - start > 1:
        return False
    tok = doc[start]
    if tok.text in w.not_names or tok.like_url or _CODE.match(tok.text) or _FILE.search(tok.text):
        return True
    if tok.text in w.titles or _is_role_word(tok, w) or _is_function_word(tok):
        return True  # Madame la Présidente, Monsieur le Commissaire; "Quiconque montait"
    return _is_demonym(tok, label, w) or _is_fronted_word(tok, w)


def _is_common_noun_phrase(doc: Doc, start: int, end: int, w: Words) -> bool:
    """'la secrétaire d'Etat américaine', 'l'Etat juif', 'le Guide libyen': a capitalised
    common noun and lower-case adjectives are a common noun phrase, not a name (but 'Etat
    islamique')."""
    if end - start < 2 or doc[start].text not in w.common_noun_heads:
        return False
    rest = doc[start + 1 : end]
    return all(t.is_lower and t.pos_ == "ADJ" and t.lower_ not in w.name_adjectives for t in rest)


def _in_furniture_line(doc: Doc, start: int, w: Words) -> bool:
    """'Temps de lecture 3 min': a line of page furniture names nothing (only a mention among
    the first words of its line is looked at; the whole text is not joined for each one)."""
    i = start
    while i > 0 and start - i < FURNITURE_LINE_TOKENS and not _breaks_line(doc[i - 1]):
        i -= 1
    if i > 0 and not _breaks_line(doc[i - 1]):
        return False  # too far into its line to be on a furniture line's first words
    return doc[i : i + FURNITURE_LINE_TOKENS].text.lower().startswith(w.furniture_line_starts)


def _breaks_line(tok: Token) -> bool:
    return "\n" in tok.text or "\n" in tok.whitespace_


def _is_fronted_word(tok: Token, w: Words) -> bool:
    """'Assoupi à l'ombre, …', 'Visé par un mandat, …': a word opening a sentence and followed
    by a preposition, or an adverb ('Soudain, …'), written nowhere else in the article, is a
    fronted participle, noun or adverb, not a name (a name opening a sentence is followed by a
    verb or a comma, and is mostly written again); a known place is kept."""
    if not _starts_sentence(tok) or tok.i + 1 >= len(tok.doc) or _norm(tok.text) in w.world_places:
        return False
    adverb = tok.pos_ == "ADV" or (len(tok.text) > 7 and tok.lower_.endswith("ement"))
    if tok.nbor(1).lower_ not in w.fronted_preps and not adverb:
        return False
    return _token_counts(tok.doc)[tok.text] == 1


@lru_cache(maxsize=1)  # the article at hand (kept alive while cached: its id is not reused)
def _token_counts(doc: Doc) -> Counter[str]:
    return Counter(t.text for t in doc)


def _is_function_word(tok: Token) -> bool:
    """A capitalised stop word opening a sentence ('Quiconque montait'): not a name. The
    part of speech is no guide: the parser tags a sentence-initial 'Poutine' PRON."""
    return _starts_sentence(tok) and tok.doc.vocab[tok.lower_].is_stop


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
    person label only counts in the plural (les Mirecurtiens) or for a listed inhabitant noun
    (un Espagnol). A listed noun in the plural needs no determiner.
    """
    word = tok.lower_
    listed = word in w.demonym_nouns
    if listed and word.endswith(("s", "x")):
        return True  # "où Américains et Israéliens affluaient": a group, even without article
    if not (listed or w.demonym.search(word)) or (
        label == "PER" and not listed and not word.endswith("s")
    ):
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in w.elided_articles:
        if listed:
            return True  # "filiale de l'Allemand BASF": no country is listed
        before = tok.nbor(-2).lower_ if tok.i > 1 else ""
        return before not in w.locative_preps and not w.demonym_feminine.search(word)
    return prev.lower_ in w.demonym_dets or prev.pos_ == "NUM"


def _is_role_word(tok: Token, w: Words) -> bool:
    return tok.lower_ in w.roles or tok.lower_ in w.role_premods


# ---------------------------------------------------------------- head words


def _relabel(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Label rules where the model is known to be wrong, by word lists and word form."""
    text = doc[m.start : m.end].text
    if m.label in ("PER", "MISC") and _norm(text) in w.world_places:
        m.label = "LOC"  # 'Tel Aviv', 'Benghazi' read as persons: the place (or its government)
    elif m.label in ("PER", "MISC") and m.end - m.start > 1 and doc[m.end - 1].text in w.loc_tails:
        m.label = "LOC"  # 'Nasr City' read as a person: a place by its last word
    fixed = _fixed_label(doc, m, w)
    if fixed is not None:
        m.label = fixed
    elif m.label != "ORG" and _is_acronym(doc, m) and text not in w.place_acronyms:
        m.label = "ORG"  # DDE, EFI, COSEC; but USA, URSS stay places
    elif text.startswith("Saint") and m.start > 0 and doc[m.start - 1].lower_ == "la":
        m.label = "MISC"  # la Saint-Honoré: a feast day
    elif m.label in ("PER", "MISC") and _TOPONYM.search(text):
        m.label = "LOC"  # Sorcy-Saint-Martin, Chavannes-sur-l'Etang
    elif m.label == "MISC" and _HYPHEN_PLACE.match(text) and _after_place_prep(doc, m, w):
        m.label = "LOC"  # à Void-Vacon: a hyphenated commune name
    elif m.label == "MISC" and m.start > 0 and doc[m.start - 1].lower_ == "en":
        m.label = "LOC"  # En Égypte, …: 'en' before a name is a place's preposition
    elif m.label == "MISC" and m.start > 0 and doc[m.start - 1].text in w.title_articles:
        m.start -= 1  # Le Petit Prince: the article belongs to a title
    else:
        m.label = _context_label(doc, m, w)
    return m


def _context_label(doc: Doc, m: _Mention, w: Words) -> str:
    """Labels from the sentence: a team, a company, a king, a government."""
    if m.label == "LOC" and not _is_head(doc[m.start], w) and _is_team(doc, m, w):
        return "ORG"  # Mirecourt perdit trop de ballons: the city's team
    if m.label == "PER" and _is_employer(doc, m, w):
        return "ORG"  # les dirigeants d'Elf, le directeur de Thomson
    if m.label == "PER" and _in_place_slot(doc, m, w):
        return "LOC"  # évacué vers Benghazi, leur fief de Benghazi
    if m.start > 0 and _ORDINAL.match(doc[m.start - 1].text):
        return "ORG"  # au 8e Chasseurs d'Afrique: a regiment
    if m.label == "MISC" and _role_before(doc, m.start, w):
        return "PER"  # le roi Pierre
    if m.label == "LOC" and _is_speaking_subject(doc, m, w):
        return "ORG"  # La France a dénoncé: the government
    if m.label != "PER" and _described_as_someone(doc, m, w):
        return "PER"  # Justice Hassan, un plâtrier ghanéen, …
    return m.label


def _in_place_slot(doc: Doc, m: _Mention, w: Words) -> bool:
    """After 'vers' / 'dans', or after a place noun and 'de' ('la province de Hama'), a name
    is a place."""
    if _after(doc, m.start, w.person_place_preps, w):
        return True
    i = m.start - 1
    return i > 0 and doc[i].lower_ in w.place_preps and doc[i - 1].lower_ in w.place_nouns


def _described_as_someone(doc: Doc, m: _Mention, w: Words) -> bool:
    """A first name and a surname followed by ", un plâtrier ghanéen,": an indefinite
    apposition whose noun heads no organisation, place or medium describes a person."""
    words = doc[m.start : m.end]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in words):
        return False
    i = m.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("un", "une"):
        return False
    noun = doc[i + 2]
    heads = w.org_heads | w.company_heads | w.media_heads | w.loc_heads | w.venue_heads
    return noun.pos_ == "NOUN" and noun.is_lower and noun.lower_ not in heads


def _after_place_prep(doc: Doc, m: _Mention, w: Words) -> bool:
    return _after(doc, m.start, w.place_only_preps, w)


def _fixed_label(doc: Doc, m: _Mention, w: Words) -> str | None:
    """Labels known from word lists: seats of government, title-case acronyms, texts."""
    text = doc[m.start : m.end].text
    if _norm(text) in w.government_seats and not _after(doc, m.start, w.place_only_preps, w):
        return "ORG"  # le Quai d'Orsay a indiqué: the ministry; but venu à l'Elysée: a place
    if text in w.title_acronyms or text in w.lowercase_orgs or _is_platform(doc, m, text, w):
        return "ORG"
    return "MISC" if text in w.misc_names else None


def _is_platform(doc: Doc, m: _Mention, text: str, w: Words) -> bool:
    """'interrogée par le HuffPost', 'sa page Facebook': the company; right after 'sur' / 'via'
    ('une source sur Twitter') the platform is where words appear, not who says them, and it
    keeps the model's label (the quote layer takes organisations for speakers)."""
    return text in w.platform_names and not _after(doc, m.start, CHANNEL_PREPS, w)


def _after(doc: Doc, start: int, words: frozenset[str], w: Words) -> bool:
    """The word before ``start``, across determiners, is one of ``words``."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in w.determiners:
        i -= 1
    return i >= 0 and doc[i].lower_ in words


def _is_employer(doc: Doc, m: _Mention, w: Words) -> bool:
    """One word after 'directeur de', 'élèves de', 'travaille chez': a company or school."""
    if m.end - m.start != 1 or m.start < 2:
        return False
    prep, before = doc[m.start - 1], doc[m.start - 2]
    if prep.lower_ in w.of_words:
        return before.lower_ in w.org_roles
    return prep.lower_ == "chez" and before.lemma_ in w.work_verbs


def _is_team(doc: Doc, m: _Mention, w: Words) -> bool:
    """A place in a sports sentence, not after a locative preposition: its team."""
    if _after(doc, m.start, w.locative_preps, w):
        return False
    sent = doc[m.start].sent
    memo = _sentence_memo(doc, w.sports_words)  # an article's places often share a sentence
    if sent.start not in memo:
        memo[sent.start] = _is_sports_sentence(sent, w)
    return memo[sent.start]


@lru_cache(maxsize=1)  # the article at hand (kept alive while cached: its id is not reused)
def _sentence_memo(doc: Doc, words: frozenset[str]) -> dict[int, bool]:
    return {}


def _is_sports_sentence(sent: DocSpan, w: Words) -> bool:
    if _SCORE.search(sent.text):
        return True
    return any(t.lemma_.lower() in w.sports_words or t.lower_ in w.sports_words for t in sent)


def _is_acronym(doc: Doc, m: _Mention) -> bool:
    """One all-capital word, not inside an all-capital headline ('FAITS DIVERS')."""
    if m.end - m.start != 1 or not _ACRONYM.match(doc[m.start].text):
        return False
    near = [t for t in doc[max(0, m.start - 2) : m.end + 2] if t.is_alpha and t.i != m.start]
    return not any(t.is_upper and len(t) > 1 for t in near)


def _is_speaking_subject(doc: Doc, m: _Mention, w: Words) -> bool:
    """A place as the subject of a verb of saying or stance acts as its government, as does a
    place joined to that subject ('La Russie et la Chine se sont opposées') or the agent of
    such a verb in the passive ('condamné par l'Occident')."""
    root = doc[m.start : m.end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "obl:agent") and not root.dep_.startswith("nsubj:"):
        return False
    return root.head.lemma_ in w.stance_verbs


def _is_head(tok: Token, w: Words) -> bool:
    word = tok.lower_
    return word in w.org_heads or word in w.loc_heads or word in w.venue_heads


def _org_name_end(doc: Doc, m: _Mention, w: Words) -> int:
    """Extend 'Union nationale des déportés' over its complement when the model cut it short.

    Only for names headed by a capitalised organisation noun; runs over adjectives, nouns,
    link words and enumerations ('déportés, internés et familles de disparus').
    """
    first = doc[m.start]
    if not (first.is_title and (first.lower_ in w.org_heads or first.lower_ in w.venue_heads)):
        return m.end
    end = i = m.end
    while i < len(doc) and i - m.end < MAX_PHRASE_TOKENS and not _ends_org(doc, i, w):
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not tok.is_punct:
            end = i + 1
        elif not _is_name_link(doc, i, w):
            break
        i += 1
    return end


def _ends_org(doc: Doc, i: int, w: Words) -> bool:
    """A verb, an article or a courtesy title ends an organisation's name: 'demande au
    Conseil communal la perception', 'au Conseil national, M. Dupont'; so does a word whose
    subject stands before it, a verb the tagger read as a noun ('L'Agence Régionale de Santé
    annonce, …')."""
    subject = any(c.dep_.startswith("nsubj") and c.i < i for c in doc[i].children)
    return doc[i].text in w.titles or subject or _ends_name(doc, i, "ORG", w)


def _is_name_link(doc: Doc, i: int, w: Words) -> bool:
    """A link word inside a long name: de la, des, d', or ',' / 'et' before a noun."""
    tok = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ in w.enumeration:
        if nxt is not None and nxt.lower_ in w.of_words:
            return True  # "des pays de la Saulx et du Perthois"
        # "École militaire de Belgique, assistant à …": after a name, a noun starts anew; so
        # does a person's name ("l'Organisation mondiale de la santé, Matshidiso Moeti, a …")
        person = nxt is not None and nxt.ent_type_ in ("PER", "PERSON")
        return (
            nxt is not None
            and nxt.pos_ in ("NOUN", "ADJ")
            and not doc[i - 1].is_title
            and not person
        )
    return tok.lower_ in w.role_links and tok.lower_ not in w.phrase_stops


def _head_rule(doc: Doc, m: _Mention, w: Words) -> _Mention:
    """Relabel and extend a mention by the common noun heading it (collège Saint-Jean); after
    a company noun the name alone is the organisation (l'usine Chimirex, le groupe Elf)."""
    if _is_company_head(doc[m.start], w):
        name = _skip_lower(doc, m.start + 1, m.end)  # groupe pétrolier Elf -> Elf
        if name < m.end:
            m.start, m.label = name, "ORG"
            return m
    head = _head_before(doc, m.start, w)
    if head is not None and _is_company_head(doc[head], w):
        m.label = "ORG"
        return m
    if _is_head(doc[m.start], w):
        m.label = _head_label(doc[m.start], w)
        return m
    head = _head_before(doc, m.start, w)
    if head is None:
        return m
    label = _head_label(doc[head], w)
    if _is_role_holder(doc, m, head, w):
        return m  # le porte-parole du ministère Hong Lei: the spokesman, not 'ministère Hong Lei'
    if doc[m.start].text in w.title_articles:
        m.label = label  # hôtel-restaurant Le Relais: the name has its own article
    elif m.label in ("PER", "LOC"):
        m.start, m.label = head, label
    elif label == "ORG":
        m.label = label
    return m


def _is_role_holder(doc: Doc, m: _Mention, head: int, w: Words) -> bool:
    """A full person name (two words or more) after 'role de HEAD' holds the role."""
    if m.label != "PER" or m.end - m.start < MIN_SPLIT_NAME_TOKENS or head != m.start - 1:
        return False
    name_like = _name_tail(doc, m.start, m.end, False, w) == m.start  # not 'Mosaïque FM'
    return name_like and _role_before(doc, head, w) is not None


def _head_before(doc: Doc, start: int, w: Words) -> int | None:
    """Index of a lower-case head noun right before ``start``, across a few adjectives."""
    i = start - 1
    while i >= 0 and start - i <= MAX_HEAD_ADJECTIVES + 1:
        tok = doc[i]
        if tok.is_lower and _is_head(tok, w):
            return i
        if not (tok.is_lower and tok.pos_ == "ADJ"):
            return None
        i -= 1
    return None


def _phrase_orgs(doc: Doc, w: Words) -> list[_Mention]:
    """Institution phrases: ministère (adj) de/des ... with a capital or a nationality word."""
    out = []
    for tok in doc:
        if _is_phrase_head(tok, w):
            end = _phrase_end(doc, tok.i + 1, w)
            if end and _is_institution(doc, tok.i, end, w):
                out.append(_Mention(tok.i, end, "ORG"))
    return out


def _is_phrase_head(tok: Token, w: Words) -> bool:
    """'ministère', 'armée' heading an institution phrase; not an adjective after its noun
    ('la branche armée du Hezbollah': the Hezbollah is the organisation)."""
    if tok.lower_ not in w.org_phrase_heads or tok.ent_type_ or _is_role_context(tok, w):
        return False
    return not (tok.pos_ == "ADJ" and tok.i > 0 and tok.nbor(-1).pos_ == "NOUN")


def _is_institution(doc: Doc, head: int, end: int, w: Words) -> bool:
    """A specific complement without a place ('tribunal de Montbéliard': the place alone) or a
    person ('les armées de Saddam Hussein': not an institution's name)."""
    complement = doc[head + 1 : end]
    specific = _is_specific(complement, w) or _is_portfolio(doc[head], complement, w)
    if not specific or _has_place(doc, head, end):
        return False
    return not any(t.ent_type_ in ("PER", "PERSON") for t in complement)


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


def _is_portfolio(head: Token, complement: Any, w: Words) -> bool:
    """'le ministère de l'intérieur', 'le ministère des affaires étrangères': a ministry named
    by its portfolio, as written in lower case by much of the French press, is one institution
    (that of the country the article speaks of)."""
    if head.lower_ not in w.portfolio_heads:
        return False
    words = [
        t.text for t in complement if t.lower_ not in w.of_words and t.lower_ not in w.determiners
    ]
    return _norm(" ".join(words)) in w.portfolios


def _is_untagged_toponym(tokens: Any) -> bool:
    text = tokens.text
    if len(tokens) < 3 or any(t.ent_type_ for t in tokens) or not text[:1].isupper():
        return False
    return bool(_TOPONYM.search(text))


# ---------------------------------------------------------------- roles


def _role_before(
    doc: Doc, name_start: int, w: Words, limit: int = MAX_ROLE_TOKENS
) -> tuple[int, int] | None:
    """Role phrase before a name: 'le président russe [X]', 'le ministre arménien, [X]'."""
    best = None
    i = name_start - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    while i >= 0 and name_start - i <= limit:
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
    return _outer_role(doc, best, end, w) or (best, end)


def _outer_role(doc: Doc, start: int, end: int, w: Words) -> tuple[int, int] | None:
    """'le porte-parole de l'armée, le colonel X': a rank or title in apposition to a fuller
    role before the comma; the fuller role is the person's role."""
    if end - start > MAX_RANK_TOKENS or start < 2 or doc[start - 1].lower_ not in w.determiners:
        return None
    if doc[start - 2].text != ",":
        return None
    return _role_before(doc, start - 1, w)


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


def _outside_equivalents(
    doc: Doc, names: list[_Mention], roles: list[_Mention], w: Words
) -> list[_Mention]:
    """Names the model found inside a resolved role's equivalent phrase are no entities: the
    "Etat russe" of "le chef de l'Etat russe" (Vladimir Poutine)."""
    inside: set[int] = set()
    for r in roles:
        for i in range(r.start, r.end):
            n = _equivalent_at(doc, i, r.end, w)[0]
            inside.update(range(i, i + n))
    return [m for m in names if not inside.intersection(range(m.start, m.end))]


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
        words = _role_words(doc, tok.i, end, w)
        person = _match_role(doc, frozenset(words), words[0] if words else tok.lower_, before, w)
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
    return frozenset(_role_words(doc, start, end, w))


def _role_words(doc: Doc, start: int, end: int, w: Words) -> list[str]:
    """The words of a role phrase, in order, without link words; a phrase written another way
    counts as its equivalent ("chef de l'Etat russe" -> président russe)."""
    words: list[str] = []
    i = start
    while i < end:
        key, value = _equivalent_at(doc, i, end, w)
        if key:
            words.extend(x for x in value if x not in w.role_links)
            i += key
            continue
        if doc[i].lower_ not in w.role_links and not doc[i].is_punct:
            words.append(doc[i].lower_)
        i += 1
    return words


def _equivalent_at(doc: Doc, i: int, end: int, w: Words) -> tuple[int, tuple[str, ...]]:
    """(tokens, equivalent words) of a role phrase of ``role_equivalents`` at ``i``; (0, ())."""
    for key, value in w.role_equivalents:
        n = len(key)
        if i + n <= end and all(anyascii(doc[i + k].lower_) == key[k] for k in range(n)):
            return n, value
    return 0, ()


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
    text = _NAME_PREFIX.sub("", text)
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
    for name, acronym in _acronym_definitions(doc, names):
        long_key, short_key = (f"NAME:{_norm(doc[m.start : m.end].text)}" for m in (name, acronym))
        if long_key != short_key and short_key in groups:
            groups[long_key].extend(groups.pop(short_key))
    ordered = sorted(groups.values(), key=lambda ms: min(m.start for m in ms))
    return dict(enumerate(ordered))


# An article the model left at the start of a name ("The Muslim Brotherhood (MB)") has no letter
# in the acronym.
LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l"})


def _acronym_definitions(doc: Doc, names: list[_Mention]) -> list[tuple[_Mention, _Mention]]:
    """ "l'Observatoire syrien des droits de l'homme (OSDH)": a name, then in brackets an acronym
    of it, defines the acronym for the whole article ("l'OSDH" later is the Observatoire)."""
    by_start = {m.start: m for m in names if m.label != "PER"}
    out = []
    for m in by_start.values():
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            short = by_start.get(m.end + 1)
            if short is not None and _is_acronym_of(doc[short.start].text, doc[m.start : m.end]):
                out.append((m, short))
    return out


def _is_acronym_of(acronym: str, name: DocSpan) -> bool:
    """The acronym's letters, in order, among the initials of the name's words and hyphenated
    parts, the first letters equal: OSDH, ONU, Otan (Organisation du traité de l'Atlantique
    Nord), CICR (Comité international de la Croix-Rouge); not AFP after "Damas"."""
    letters = anyascii(acronym).lower()
    words = re.findall(r"[^\W\d_]+", anyascii(name.text).lower())
    initials = [p[0] for p in words[1:] if words[0] in LEADING_ARTICLES] or [p[0] for p in words]
    if not 2 <= len(letters) <= 8 or not letters.isalpha() or not acronym[0].isupper():
        return False
    if not initials or initials[0] != letters[0] or len(initials) < len(letters):
        return False
    it = iter(initials)
    return all(ch in it for ch in letters)


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
