"""newsweave: turn piles of scraped news pages into clean, dated, enriched articles.

The public surface is what ``__all__`` lists (checked by ``tests/test_public_api.py``).
"""

from importlib.metadata import version as _version

from . import api
from .errors import InputError, NewsweaveError, NotFound, Skip, StoreError
from .model import Article, DateEvidence, Page, PartialDate, Provenance, Span
from .settings import Settings

__version__ = _version("newsweave")
__all__ = [
    "Article",
    "DateEvidence",
    "InputError",
    "NewsweaveError",
    "NotFound",
    "Page",
    "PartialDate",
    "Provenance",
    "Settings",
    "Skip",
    "Span",
    "StoreError",
    "__version__",
    "api",
]
