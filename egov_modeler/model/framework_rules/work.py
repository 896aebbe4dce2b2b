"""How much work validation does, counted rather than timed.

Tests hold validation linear by counting its steps on models of growing size (a step is one
rule judged on a relationship, element or node, or one relationship followed in a search);
benchmarks time it. Counting costs one addition per step.
"""

from __future__ import annotations


class WorkCounter:
    """Steps of validation. It only ever grows; read it before and after."""

    def __init__(self) -> None:
        self.steps = 0

    def add(self, steps: int) -> None:
        self.steps += steps


#: The one counter every check adds to.
WORK = WorkCounter()
