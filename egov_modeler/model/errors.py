"""Typed errors of the model layer.

Every refusal the model makes is a :class:`ModelError` subclass carrying a message that is
already translated, so the CLI, the status bar and the tests can show it as it is.
"""

from __future__ import annotations


class ModelError(Exception):
    """Base of every error the model raises on a bad edit or bad data."""


class UnknownTypeError(ModelError):
    """An ArchiMate element or relationship type that the metamodel does not know."""


class UnknownIdError(ModelError, KeyError):
    """An id that names nothing in the model (element, relationship, view, node...)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class DuplicateIdError(ModelError):
    """An id that is already used by another object of the model."""


class RelationshipNotAllowed(ModelError):
    """A relationship that the ArchiMate table or an error-severity framework rule forbids.

    ``rule`` names the rule ("archimate" for the ArchiMate relationship table, otherwise a
    framework rule id) and ``reason`` is the translated explanation shown to the user.
    """

    def __init__(self, reason: str, rule: str = "archimate") -> None:
        super().__init__(reason)
        self.reason = reason
        self.rule = rule
