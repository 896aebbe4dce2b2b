"""The one error a caller of the repository catches: its message says what to do."""

from __future__ import annotations


class RepositoryError(Exception):
    """A repository operation that could not be done; the message is for the user."""
