"""The plain-text line classifier: seeds, own fixtures, edge cases and a held-out quality gate."""

from __future__ import annotations

import json
import re
import shutil
import sysconfig
from pathlib import Path

import numpy as np
import pytest

from newsweave.evaluate import is_heldout, line_prf, micro, shingle_scores
from newsweave.extract import textlines
from newsweave.extract.textlines import (
    BASE_FEATURES,
    STOPWORDS,
    LineModel,
    TextExtraction,
    article_end,
    base_features,
    extract_lines,
    extract_lines_batch,
    load_model,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
PAGES = SHARED / "data/extraction/scrapinghub-text/pages.jsonl"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared data not present")


@pytest.fixture(scope="module")
def model() -> LineModel:
    return load_model()


def label_of(ex: TextExtraction, snippet: str) -> str:
    """The label of the one line containing ``snippet``."""
    found = [lab for line, lab in zip(ex.lines, ex.labels, strict=True) if snippet in line]
    assert len(found) == 1, f"{snippet!r} is on {len(found)} lines"
    return found[0]


# --- seeds ------------------------------------------------------------------------------------
XINHUA_BODY = [
    "Vladimir Poutine a déclaré mercredi",
    "La Russie fait tout ce qui est en son pouvoir",
    "Le président a souligné que les objectifs",
    "Nous sommes en contact avec l'Arménie",
    "en vertu du traité conclu en 1997",
    "appelé à un cessez-le-feu immédiat",
]
XINHUA_BOILERPLATE = [
    "Dernière mise à jour à 09h55",
    "La Chine procède au plus grand ajustement",
    "Selon le rapport Hurun",
    "Le sud du Xinjiang progresse",
    "l'indice des prix à la consommation",
    "Mise à l'eau du plus grand porte-conteneurs",
    "La Chine achète plus de produits",
    "L'armée de l'air chinoise ouvre ses portes",
    "Qui va nourrir les Chinois",
    "messagerie WeChat",
    "Shanghai en tête de la capacité",
    "Le ministère de la Justice chinois",
    "Le réseau 5G couvrira",
    "La coentreprise d'Airbus",
]


@needs_shared
def test_seed_xinhua(model: LineModel) -> None:
    ex = extract_lines((SEEDS / "000_97096cf31c6ae1f7.txt").read_text(encoding="utf-8"), model)
    for snippet in XINHUA_BODY:
        assert label_of(ex, snippet) == "body", snippet
    for snippet in XINHUA_BOILERPLATE:
        assert label_of(ex, snippet) == "boilerplate", snippet
    assert ex.title is None
    assert ex.lede is None
    assert len(ex.body) == 6 and ex.body[0].startswith("Le président russe")
    assert ex.kept == [1, 2, 3, 4, 5, 6]


FRANCEINFO_BODY = [
    "Les tensions ne faiblissent pas dans le Haut-Karabakh",
    "Le Premier ministre arménien a demandé au président russe",
    "Zohrab Mnatsakanian",
]
FRANCEINFO_DROPPED = [
    "placeholder-36b69ec8.png)",
    "phpLli898.jpg)",
    "À regarder",
    "Temu, Shein",
    "Hommage à Samuel Paty",
    "Pourquoi le vote du budget peut te concerner",
    "Commentaires",
    "Connectez-vous ou créez votre espace",
    "Déjà un compte",
]


@needs_shared
def test_seed_franceinfo(model: LineModel) -> None:
    ex = extract_lines((SEEDS / "002_fc22d42c2ff56d3a.txt").read_text(encoding="utf-8"), model)
    assert (
        ex.title
        == "Haut-Karabakh : l'Arménie demande l'aide de la Russie pour assurer \"sa sécurité\""
    )
    assert ex.labels[0] == "title"
    assert ex.lede is not None and ex.lede.startswith("Cette annonce intervient")
    assert ex.labels[1] == "lede"
    for snippet in FRANCEINFO_BODY:
        assert label_of(ex, snippet) == "body", snippet
    for snippet in FRANCEINFO_DROPPED:
        assert label_of(ex, snippet) == "boilerplate", snippet
    assert ex.kept == [0, 1, 4, 5, 6]
    assert not any(lab == "body" for lab in ex.labels[7:])
    assert "phpLli898" not in ex.text and ex.text.startswith("Cette annonce")


# --- own fixtures -----------------------------------------------------------------------------
ENGLISH = """\
Skip to main content
  * Home
  * World
  * Business
  * Sport
  * Culture
We use cookies to improve your experience. By continuing you accept our cookie policy.
Accept all cookies
# Harbour town votes to rebuild its storm wall after winter floods

By Jane Example | 12 March 2024, 14:05

![](/images/2024/03/12/wall.jpg)

Residents of the small harbour town voted on Tuesday to rebuild the storm wall that failed \
during the winter floods, ending a debate that had divided the council for months.

The new wall will be two metres higher than the old one and will be paid for by a mix of \
local taxes and a regional grant, the mayor said after the vote was announced.

"We cannot go through another winter like the last one," said one fisherman, whose boat was \
wrecked when the sea broke through the old defences in January.

Work is expected to start in the spring and to last about eighteen months, according to the \
engineers who drew up the plans for the council.

Share this article
  * Facebook
  * Twitter
  * Email
## Related stories
  * Council approves new budget for coastal defences
  * Storm leaves hundreds without power
  * Fishermen count the cost of a hard winter
Sign up for our newsletter
© 2024 Example Media. All rights reserved.
"""

FRENCH = """\
Accueil
Politique
Économie
Sport
Mis à jour le 14/02/2024 à 10h12
Un village des Alpes rouvre son école après dix ans de fermeture
Les habitants de ce village de montagne ont fêté lundi la réouverture de leur école, fermée \
depuis dix ans faute d'élèves, grâce à l'arrivée de plusieurs jeunes familles.
Le maire a expliqué que la commune avait rénové le bâtiment pendant deux ans et qu'elle \
comptait désormais sur une quinzaine d'enfants pour la rentrée de septembre prochain.
Les parents se réjouissent de ne plus devoir conduire leurs enfants jusqu'à la vallée, un \
trajet de près d'une heure par les routes enneigées de l'hiver.
Lire aussi
Les écoles rurales menacées par la baisse des naissances
Transports scolaires : les départements en difficulté
Partager sur Facebook
Connectez-vous pour commenter cet article.
"""


def test_english_fixture(model: LineModel) -> None:
    ex = extract_lines(ENGLISH, model)
    text = ex.text
    for must in ("Residents of the small harbour town", "two metres higher", "another winter",
                 "eighteen months"):  # fmt: skip
        assert must in text
    for never in ("cookies", "Home", "Related stories", "Council approves", "newsletter",
                  "©", "wall.jpg", "Facebook", "Jane Example"):  # fmt: skip
        assert never not in text, never
    assert ex.title == "Harbour town votes to rebuild its storm wall after winter floods"
    assert all(not line.startswith(("#", "*")) for line in ex.body)


def test_french_fixture(model: LineModel) -> None:
    ex = extract_lines(FRENCH, model)
    for must in ("réouverture de leur école", "rénové le bâtiment", "routes enneigées"):
        assert must in ex.text
    for never in ("Accueil", "Mis à jour", "Lire aussi", "écoles rurales menacées",
                  "Transports scolaires", "Partager", "Connectez-vous"):  # fmt: skip
        assert never not in ex.text, never
    assert ex.title == "Un village des Alpes rouvre son école après dix ans de fermeture"


# Another language: the function-word lists are French and English only; the shape of the lines
# and their context still tell this prose from the menus and headline lists.
ITALIAN = """\
Home
Cronaca
Politica
Sport
Cultura
Aggiornato il 03/04/2024 alle 18:20
Il paese sul lago riapre il vecchio porto dopo tre anni di lavori
Dopo tre anni di lavori il piccolo porto del paese sul lago è stato riaperto ieri mattina alla \
presenza del sindaco e di molti abitanti, che hanno atteso a lungo la fine del cantiere.
Il nuovo molo è più lungo di quello vecchio e potrà ospitare anche le barche dei pescatori che \
fino ad oggi erano costrette a partire dal paese vicino, a circa dieci chilometri di distanza.
Secondo il sindaco, i lavori sono costati meno del previsto grazie a un contributo della regione \
e a una parte dei fondi raccolti dagli abitanti con una serie di feste durante l'estate.
Leggi anche
Lago in secca, allarme dei pescatori
Nuovi orari per i traghetti estivi
Condividi su Facebook
Iscriviti alla newsletter
"""


def test_other_language_fixture(model: LineModel) -> None:
    ex = extract_lines(ITALIAN, model)
    for must in ("presenza del sindaco", "barche dei pescatori", "contributo della regione"):
        assert must in ex.text
    for never in ("Cronaca", "Aggiornato", "Leggi anche", "Lago in secca", "traghetti",
                  "Condividi", "newsletter"):  # fmt: skip
        assert never not in ex.text, never


# --- edge cases -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "\n\n  \n", "Hello", "-\n*\n#"])
def test_degenerate_inputs(model: LineModel, text: str) -> None:
    ex = extract_lines(text, model)
    assert ex.lines == text.splitlines()
    assert len(ex.labels) == len(ex.lines)
    assert ex.body == [] and ex.kept == [] and ex.title is None and ex.lede is None


def test_menu_only_page_has_no_body(model: LineModel) -> None:
    menu = "\n".join(f"  * {w}" for w in ("Home", "News", "Sport", "Weather", "Contact", "About"))
    ex = extract_lines(menu + "\nSubscribe\nSign in\n© 2024 Example", model)
    assert ex.body == [] and ex.title is None
    assert set(ex.labels) == {"boilerplate"}


def test_labels_cover_every_line(model: LineModel) -> None:
    ex = extract_lines(ENGLISH, model)
    assert len(ex.labels) == len(ENGLISH.splitlines())
    assert set(ex.labels) <= {"title", "lede", "body", "boilerplate", "blank"}
    assert ex.kept == sorted(
        i for i, lab in enumerate(ex.labels) if lab not in ("boilerplate", "blank")
    )
    assert [ex.lines[i].strip() == "" for i in range(len(ex.lines)) if ex.labels[i] == "blank"]


# --- quality gate on the held-out split ---------------------------------------------------------
@pytest.mark.skipif(not PAGES.is_file(), reason="shared data not present")
def test_heldout_quality(model: LineModel) -> None:
    pairs, counts = [], []
    for raw in PAGES.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        if not is_heldout(rec["id"]):
            continue
        ex = extract_lines(rec["text"], model)
        pairs.append((rec["gold_body"], ex.text))
        kept = {i for i, lab in enumerate(ex.labels) if lab in ("body", "lede")}
        gold = [ln["label"] for ln in rec["lines"]]
        counts.append(line_prf(gold, [i in kept for i in range(len(gold))]))
    assert len(pairs) == 60
    token, line = shingle_scores(pairs), micro(counts)
    assert token.empty <= 1
    assert token.f1 >= TOKEN_F1_FLOOR, token
    assert line.f1 >= LINE_F1_FLOOR, line


# Pinned just below the measured held-out figures (docs/textlines.md); lower them only with a
# reason written there. Token 0.91 until round 6 (French dumps in training): 0.921 / 0.883.
TOKEN_F1_FLOOR = 0.92
LINE_F1_FLOOR = 0.88


# --- quality gate on real French dumps (tests/gold/textlines_fr.jsonl) ---------------------------
# Floors per labelling round and split, pinned just below the measured figures (line F1, token
# F1, right titles; docs/textlines.md). Round 1 (48 pages, round 6 of the model: dev pages are in
# training): held-out 0.814 / 0.926 / 0.789, all 0.884 / 0.945 / 0.812. Round 2 (48 more pages,
# labelled after that model shipped: a fresh check, not trained on): held-out 0.899 / 0.926 /
# 0.615, all 0.893 / 0.945 / 0.729.
FRENCH_FLOORS = {
    (1, "held-out"): (0.81, 0.92, 0.78),
    (1, "all"): (0.88, 0.94, 0.81),
    (2, "held-out"): (0.89, 0.92, 0.61),
    (2, "all"): (0.89, 0.94, 0.72),
}
FRENCH_PAGES = {(1, "held-out"): 19, (1, "all"): 48, (2, "held-out"): 13, (2, "all"): 48}


@needs_shared
def test_french_dump_gold_points_at_the_files_it_was_made_on() -> None:
    import hashlib

    root = SHARED / "data" / "ml_crisis_tls" / "fr"
    gold = REPO_ROOT / "tests" / "gold" / "textlines_fr.jsonl"
    for raw in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        data = (root / rec["path"]).read_bytes()
        assert hashlib.sha1(data).hexdigest() == rec["sha1"], rec["path"]
        n = len(data.decode("utf-8", errors="replace").splitlines())
        assert all(0 <= i < n for i in rec["body"]) and rec["title"] not in rec["body"]
        assert rec["body"] == sorted(set(rec["body"])) and rec["body"]


@needs_shared
@pytest.mark.parametrize(("round_", "split"), FRENCH_FLOORS)
def test_french_dump_quality(round_: int, split: str) -> None:
    from bench.textlines_fr import run

    scores = run(SHARED, round_=round_)[split]
    line_floor, token_floor, title_floor = FRENCH_FLOORS[round_, split]
    assert scores.pages == FRENCH_PAGES[round_, split]
    assert scores.lines.f1 >= line_floor, scores.lines
    assert scores.tokens.f1 >= token_floor and scores.tokens.empty == 0, scores.tokens
    assert scores.titles >= title_floor


# --- end of the article ----------------------------------------------------------------------
THREAD = [
    "The harbour council met on Tuesday and voted to rebuild the wall.",  # 0: body starts here
    "The mayor said:",  # a quotation follows: not a comment header (no date)
    '"We cannot go through another winter like the last one."',
    "34 responses to “Harbour town votes to rebuild its wall”",
    "  1. Jane on March 12, 2024 at 2:05 pm said:",
    "Great news for the town, finally some action after all these years of talk.",
]


# "said" inside prose is skipped; a header "said" with spaces and a colon still counts
SAID_IN_PROSE = [
    THREAD[0],
    "The mayor said the wall would hold, the council said so too.",
    "  2. Paul on March 13, 2024 at 9:10 am said :  ",
    "Well done.",
]


@pytest.mark.parametrize(
    ("lines", "end"),
    [
        (THREAD, 3),
        (THREAD[:3] + THREAD[4:], 3),  # the dated comment header alone ends the article
        ([*THREAD[:3], "## Leave a Reply", "Your email address will not be published."], 3),
        ([*THREAD[:3], "Share this:", "  * Facebook"], 3),
        ([*THREAD[:3], "Commentaires", "Connectez-vous pour réagir."], 3),
        ([*THREAD[:3], "12 commentaires ont été publiés avant la clôture du débat."], 4),
        (THREAD[:3], 3),
        (["Commentaires", *THREAD], 4),  # before the start: a menu, not the end
        (SAID_IN_PROSE, 2),
    ],
)
def test_article_end(lines: list[str], end: int) -> None:
    start = 1 if lines[0] == "Commentaires" else 0
    assert article_end(lines, start) == end


def test_comment_thread_is_not_body(model: LineModel) -> None:
    comments = "\n".join(
        f"  {k}. Reader{k} on March 12, 2024 at {k}:05 pm said:\nI think the council was right to "
        "vote for the new wall, the old one failed badly and everybody here knows it."
        for k in range(1, 6)
    )
    ex = extract_lines(ENGLISH.replace("Share this article", "5 responses\n" + comments), model)
    assert "Reader" not in ex.text and "council was right" not in ex.text
    assert "eighteen months" in ex.text


# --- page-level features ----------------------------------------------------------------------
def test_word_lists_match_python_sets() -> None:
    lines = ["Le maire a expliqué que la commune avait rénové le bâtiment.",
             "The council said THERE were three cookies and a Cloud, not could.",
             "Partager sur Facebook ou s'abonner à la newsletter"]  # fmt: skip
    _units, base = base_features(lines)
    tokens = np.exp(base[:, BASE_FEATURES.index("log_words")]) - 1
    stops = base[:, BASE_FEATURES.index("stop_ratio")] * tokens
    for line, got in zip(lines, stops.tolist(), strict=True):
        words = re.findall(r"\w+", line.lower())
        assert round(got) == sum(w in STOPWORDS for w in words), line


def test_long_lines_and_astral_characters() -> None:
    long = "1 " * 40_000  # 80,000 code units: the packed 16-bit counters must not overflow
    lines = ["Intro 🙂 with an emoji 😀.", "", long, "-", "Fin."]
    units, base = base_features(lines)
    assert units.tolist() == [0, 2, 3, 4]
    assert np.isfinite(base).all()
    digit = base[1, BASE_FEATURES.index("digit_ratio")]
    assert digit == pytest.approx(40_000 / len(long.strip()))


# --- batches ------------------------------------------------------------------------------------
EDGE_TEXTS = ["", "\n\n  \n", "Hello", "-\n*\n#", ENGLISH, FRENCH, ENGLISH * 3]


def test_batch_of_own_texts_is_identical(model: LineModel) -> None:
    single = [extract_lines(text, model) for text in EDGE_TEXTS]
    assert extract_lines_batch(EDGE_TEXTS, model) == single
    assert extract_lines_batch(EDGE_TEXTS[::-1], model) == single[::-1]
    assert extract_lines_batch([], model) == []


def _all_texts() -> list[str]:
    pages = [json.loads(raw)["text"] for raw in PAGES.read_text(encoding="utf-8").splitlines()]
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return pages + seeds + EDGE_TEXTS


@pytest.mark.skipif(not PAGES.is_file(), reason="shared data not present")
def test_batch_is_identical_to_single_pages(model: LineModel) -> None:
    """All 181 pages (+ seeds, own texts) in one batch and in batches of 32: every feature,
    probability and extraction exactly as page by page."""
    texts = _all_texts()
    single = [extract_lines(text, model) for text in texts]
    assert extract_lines_batch(texts, model) == single
    for lo in range(0, len(texts), 32):
        assert extract_lines_batch(texts[lo : lo + 32], model) == single[lo : lo + 32]
    scored = model.score_batch([text.splitlines() for text in texts])
    for text, (units, x1, prob) in zip(texts, scored, strict=True):
        alone_units, alone_x1, alone_prob = model.score(text.splitlines())
        assert units == alone_units
        assert np.array_equal(prob, alone_prob)
        assert not units or np.array_equal(x1, alone_x1)


# --- compiled inner loops -----------------------------------------------------------------------
def test_compiled_module_is_built_where_a_compiler_is() -> None:
    """setup.py builds ``_fastlines`` as optional; on a machine with a C compiler (CI) a
    silent build failure would only show as a slower bench, so it is checked here."""
    if shutil.which(sysconfig.get_config_var("CC").split()[0] or "cc") is None:
        pytest.skip("no C compiler: the numpy path runs")
    assert textlines._fast is not None


@pytest.mark.skipif(textlines._fast is None, reason="compiled module not built")
@pytest.mark.skipif(not PAGES.is_file(), reason="shared data not present")
def test_compiled_trees_equal_numpy(model: LineModel, monkeypatch: pytest.MonkeyPatch) -> None:
    """The C tree walk gives exactly the numpy walk's leaves, probabilities and extractions."""
    texts = _all_texts()[:64]
    batch = textlines.batch_matrix([text.splitlines() for text in texts])
    for forest in (model.first, model.second):
        assert isinstance(forest, textlines.Forest)
        rows = batch.x1 if forest is model.first else _stacked(model, batch)
        assert np.array_equal(forest._compiled_leaves(rows), forest._numpy_leaves(rows))
    compiled = extract_lines_batch(texts, model)
    monkeypatch.setattr(textlines, "_fast", None)
    assert extract_lines_batch(texts, model) == compiled


@pytest.mark.skipif(textlines._fast is None, reason="compiled module not built")
@pytest.mark.skipif(not PAGES.is_file(), reason="shared data not present")
def test_compiled_line_counts_equal_numpy() -> None:
    """Layout, counts and hash keys of every line: C equal to numpy, page by page and for a
    batch, with lines past the packed counters' 16-bit range and astral characters."""
    long_lines = ["ab" * 70_000 + " x. 1998 | y", "1 " * 40_000, "😀 a/b ![i](j) \\- k. l? 10:30"]
    texts = _all_texts() + long_lines
    wrapped = [textlines._joined([text.splitlines()])[0] for text in texts]
    wrapped.append(textlines._joined([text.splitlines() for text in texts])[0])
    for text in wrapped:
        codes = textlines._code_units(text)
        fast, slow = textlines._compiled_counts(codes), textlines._numpy_counts(codes)
        assert np.array_equal(fast.pos, slow.pos)
        assert np.array_equal(fast.counts, slow.counts)
        assert np.array_equal(fast.keys, slow.keys)


@pytest.mark.skipif(textlines._fast is None, reason="compiled module not built")
def test_compiled_best_segment_equals_python() -> None:
    rng = np.random.default_rng(7)
    cases = [np.zeros(0), np.zeros(5), np.full(4, -1.0), np.array([1.0, -1.0, 1.0])]
    cases += [rng.normal(size=n).round(1) for n in (1, 2, 50, 500)]
    for score in cases:
        assert textlines.best_segment(score) == textlines._best_segment(score)


@pytest.mark.skipif(textlines._fast is None, reason="compiled module not built")
def test_compiled_windows_equal_numpy() -> None:
    """Window means and neighbour rows over stacked pages (pages of 1 to 40 rows)."""
    rng = np.random.default_rng(11)
    seg = textlines.Segments.of([1, 7, 40, 2, 1, 15])
    cols = rng.normal(size=(int(seg.bounds[-1]), 4))
    cols[3, 1] = -0.0
    spans = (textlines.window(2), textlines.before(4), textlines.after(10), (0, 1))
    fast = textlines._means(cols, spans, seg)
    slow = textlines._span_means(seg.cumsum(cols), spans, seg)
    assert np.array_equal(fast, slow)
    offsets = (1, 2, 3, -1, -2, -3, 0)
    assert np.array_equal(
        textlines._shifts(cols, offsets, seg), textlines._numpy_shifts(cols, offsets, seg)
    )


@pytest.mark.skipif(textlines._fast is None, reason="compiled module not built")
def test_compiled_functions_refuse_inconsistent_arrays() -> None:
    fast = textlines._fast
    assert fast is not None
    cols, out = np.zeros((5, 2)), np.zeros((5, 2))
    with pytest.raises(ValueError, match="page bounds"):
        fast.shifts(cols, np.array([0, 3], dtype=np.intp), np.array([1], dtype=np.intp), out)
    with pytest.raises(ValueError, match="shifts"):
        fast.shifts(cols, np.array([0, 5], dtype=np.intp), np.array([1, 2], dtype=np.intp), out)
    with pytest.raises(TypeError, match="items of 8 bytes"):
        fast.best_segment(np.zeros(3, dtype=np.float32))
    unwrapped = textlines._code_units("no newline around")
    with pytest.raises(ValueError, match="line_counts"):
        tables = (textlines.CHAR_CLASS, textlines.RARE_TABLE, *textlines.CHAR_HASH)
        words = (*textlines.CHAR_PACKS, textlines.KNOWN_KEYS, textlines.KNOWN_KINDS)
        fast.line_counts(unwrapped, *tables, *words, np.zeros((1, 5), dtype=np.int64),
                         np.zeros((1, 20)), np.zeros((1, 2), dtype=np.uint64))  # fmt: skip


def _stacked(model: LineModel, batch: textlines.Batch) -> np.ndarray:
    return textlines.stacked_features(batch.x1, model.first.predict(batch.x1), batch.seg)


def test_malformed_tree_arrays_are_refused(tmp_path: Path) -> None:
    data = json.loads(textlines.MODEL_PATH.read_text(encoding="utf-8"))
    tree = data["first"]["parts"][0]
    tree["left"][0] = len(tree["feature"]) + 5  # points past the nodes
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="malformed"):
        load_model(bad)
