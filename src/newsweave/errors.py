"""One exception tree for the whole package.

``Skip`` is an expected drop (empty page, binary file, …): it carries a short machine
``code`` and a human ``reason`` and is counted and stored in the rejects table. Anything
else that goes wrong while processing one input is a real failure, logged once and also
kept in the rejects table (code ``error``).
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""


class Skip(NewsweaveError):
    """An input that is dropped for a known reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class InputError(NewsweaveError):
    """A path or option given by the user is wrong (missing file, bad manifest)."""


class StoreError(NewsweaveError):
    """The database cannot be opened or written."""


class NotFound(NewsweaveError):
    """An article or other record asked for by id does not exist."""
