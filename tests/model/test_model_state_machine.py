"""A random walk over edits, with the model's promises as invariants (the machine is in
:mod:`tests.helpers.model_machine`): every relationship obeys the ArchiMate table,
save-then-load and export-then-import give an equal model, and undoing everything gives
the first model back."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from tests.helpers.model_machine import ModelMachine

ModelMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestModelStateMachine = ModelMachine.TestCase
