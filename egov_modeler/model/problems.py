"""What validation reports: a problem with a severity, the rule that found it and the ids.

The same :class:`Problem` is shown in the Problems panel, printed by ``egov-modeler
validate`` and written in the PDF's validation summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is: an error is refused at drawing time, a warning only shown."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of validation.

    ``rule`` is a stable rule id ("archimate", or a framework rule id such as
    "FW-LGSP-NATIONAL-DB"); ``ids`` are the element/relationship ids it concerns.
    """

    severity: Severity
    rule: str
    message: str
    ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f" [{', '.join(self.ids)}]" if self.ids else ""
        return f"{self.severity.value}: {self.rule}: {self.message}{where}"
