"""The stories stage end to end: seeds and the example corpus through ingest, store, CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsweave import api
from newsweave.cli import main
from newsweave.settings import Settings
from tests.conftest import EXAMPLES, FRANCEINFO, XINHUA, needs_shared

# The example corpus's stories (examples/README.md): file name prefix → story letter.
EXAMPLE_STORIES = {
    "courrierduval-incendie-chimirex": "A", "northernledger-france-chemical-fire": "A",
    "infohexagone-saint-aubin-bilan": "A", "radiolere-evacues-rentrent": "A",
    "quotidien-armance-greve-jour2": "B", "infohexagone-greve-negociations": "B",
    "quotidien-armance-accord": "B", "wire.jsonl#1": "C", "harbourtimes-ceasefire-talks": "C",
    "observateur-brenholm-echec": "C", "deuxrives-cessez-le-feu": "C",
    "kellingford-post-trial-opens": "D", "wire.jsonl#2": "D",
    "northernledger-thorley-verdict": "D", "courrierduval-morvillers-incendie": "T",
}  # fmt: skip


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    api.ingest([str(XINHUA), str(FRANCEINFO)], Settings(db_path=db, progress=False))
    return db


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    settings = Settings(db_path=db, progress=False, manifest=EXAMPLES / "manifest.csv")
    api.ingest([str(EXAMPLES)], settings)
    return db


def _name(source: str) -> str:
    """Example file name without extensions; JSONL records as ``wire.jsonl#N``."""
    path, _, line = source.partition("#L")
    return f"wire.jsonl#{line}" if line else Path(path).name.split(".")[0]


def _story_of(db: Path) -> dict[str, int | None]:
    return {_name(a.source): a.story_id for a in api.iter_articles(db)}


def _ids(db: Path) -> dict[str, int]:
    return {_name(a.source): a.id or 0 for a in api.iter_articles(db)}


def _memberships(db: Path) -> list[tuple[int, int, int | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT article_id, story_id, copy_of FROM story_members ORDER BY article_id"
        ).fetchall()


@needs_shared
def test_seeds_one_story_dated_2020_with_the_issue_timeline(seeds_db: Path) -> None:
    [story] = api.stories(seeds_db)
    assert len(story.article_ids) == 2
    xinhua = next(a for a in api.iter_articles(seeds_db) if a.source.endswith(XINHUA.name))
    assert xinhua.published is not None and xinhua.published.source == "story"
    assert xinhua.published.value.iso() == "2020-11-05T09:55"
    by_date = {e.date: e for e in story.timeline}
    for day in ("2020-10-10", "2020-10-30", "2020-10-31", "2020-11-04"):
        assert day in by_date, day
    promise = max((e for e in story.timeline if e.date == "2020-10-31"),
                  key=lambda e: e.corroboration)  # fmt: skip
    assert promise.corroboration == 2 and len(promise.outlets) == 2
    assert not any(e.date.startswith("2026") for e in story.timeline)


@needs_shared
def test_xinhua_mentions_reresolved_against_the_settled_date(seeds_db: Path) -> None:
    xinhua = next(a for a in api.iter_articles(seeds_db) if a.source.endswith(XINHUA.name))
    values = {s.text_of(xinhua.text): s.attrs.get("value") for s in xinhua.annotations["dates"]}
    assert values["mercredi"] == "2020-11-04"
    assert values["samedi"] == "2020-10-31"


@needs_shared
def test_restory_gives_the_same_stories_and_dates(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(seeds_db, db)
    before = _memberships(db), [a.published for a in api.iter_articles(db)]
    assert api.restory(Settings(db_path=db)) == 2
    assert (_memberships(db), [a.published for a in api.iter_articles(db)]) == before


def test_examples_cluster_into_their_stories(examples_db: Path) -> None:
    found = _story_of(examples_db)
    assert set(found) == set(EXAMPLE_STORIES)
    gold: dict[str, set[int]] = {}
    for name, letter in EXAMPLE_STORIES.items():
        gold.setdefault(letter, set()).add(found[name] or 0)
    assert all(len(ids) == 1 for ids in gold.values()), gold  # no story split
    assert len({next(iter(ids)) for ids in gold.values()}) == len(gold)  # none merged


def test_wire_copy_is_linked_and_counted_once(examples_db: Path) -> None:
    found = _story_of(examples_db)
    copies = {a: b for a, _, b in _memberships(examples_db) if b is not None}
    by_id = {v: k for k, v in _ids(examples_db).items()}
    assert {by_id[a]: by_id[b] for a, b in copies.items()} == {
        "harbourtimes-ceasefire-talks": "wire.jsonl#1"
    }
    report = api.story(examples_db, found["wire.jsonl#1"] or 0)
    assert all(e.corroboration <= len(report.article_ids) - 1 for e in report.timeline)


def test_year_less_example_takes_its_story_year(examples_db: Path) -> None:
    page = next(a for a in api.iter_articles(examples_db) if "radiolere" in a.source)
    assert page.published is not None and page.published.value.iso().startswith("2026-03-05")
    assert page.published.source == "story"


def test_reingest_is_a_no_op_for_stories(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    shutil.copy(examples_db, db)
    before = _memberships(db)
    settings = Settings(db_path=db, progress=False, manifest=EXAMPLES / "manifest.csv")
    counts = api.ingest([str(EXAMPLES)], settings)
    assert counts["unchanged"] == 15 and _memberships(db) == before


def test_cli_stories_json_and_export_story_id(examples_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["stories", "--json", "--db", str(examples_db)])
    assert out.exit_code == 0, out.output
    stories = json.loads(out.output)
    assert len(stories) == 5
    keys = {"id", "title", "article_ids", "start", "end", "timeline"}
    assert all(keys <= set(s) for s in stories)
    entry_keys = {"date", "text", "article_ids", "corroboration"}
    assert all(entry_keys <= set(e) for s in stories for e in s["timeline"])
    exported = runner.invoke(main, ["export", "--db", str(examples_db)])
    records = [json.loads(line) for line in exported.output.splitlines()]
    by_story = {r["story_id"] for r in records}
    assert by_story == {s["id"] for s in stories}


def test_cli_story_and_similar(examples_db: Path) -> None:
    ids = _ids(examples_db)
    runner = CliRunner()
    story_id = _story_of(examples_db)["courrierduval-incendie-chimirex"]
    shown = runner.invoke(main, ["story", str(story_id), "--db", str(examples_db)])
    assert shown.exit_code == 0 and "## timeline" in shown.output
    assert "## disagreements" in shown.output
    same = _similar(runner, examples_db, ids["courrierduval-incendie-chimirex"],
                    ids["northernledger-france-chemical-fire"])  # fmt: skip
    trap = _similar(runner, examples_db, ids["courrierduval-incendie-chimirex"],
                    ids["courrierduval-morvillers-incendie"])  # fmt: skip
    assert same["same_story"] and not trap["same_story"]
    assert same["score"] > trap["score"]
    missing = runner.invoke(main, ["story", "999", "--db", str(examples_db)])
    assert missing.exit_code == 3


def _similar(runner: CliRunner, db: Path, a: int, b: int) -> dict[str, Any]:
    out = runner.invoke(main, ["similar", str(a), str(b), "--json", "--db", str(db)])
    assert out.exit_code == 0, out.output
    data: dict[str, Any] = json.loads(out.output)
    return data


@pytest.fixture
def no_stories_db(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "plain.db"
    settings = Settings(db_path=db, progress=False, stories=False)
    api.ingest([str(EXAMPLES / "courrierduval-incendie-chimirex.txt")], settings)
    yield db


def test_stories_off_then_restory_places_everything(no_stories_db: Path) -> None:
    assert _memberships(no_stories_db) == []
    assert api.restory(Settings(db_path=no_stories_db)) == 1
    assert len(_memberships(no_stories_db)) == 1


def test_settled_article_re_resolves_its_dates_with_the_parse(examples_db: Path) -> None:
    """radiolere's stamp has no year; its story settles it to Thursday 2026-03-05. "Les écoles
    … rouvriront vendredi" is a future tense: the next day, not the Friday before."""
    radio = next(
        a for a in api.iter_articles(examples_db) if _name(a.source) == "radiolere-evacues-rentrent"
    )
    assert radio.published is not None and radio.published.source == "story"
    start = radio.text.index("rouvriront vendredi") + len("rouvriront ")
    found = [s for s in radio.annotations["dates"] if s.start == start]
    assert [s.attrs["value"] for s in found] == ["2026-03-06"]
