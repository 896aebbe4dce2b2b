"""The program's own files: the ``.egov`` native file, the crash-recovery journal, atomic writes
and the shipped templates (which are ``.egov`` files read by the same reader). Imports the
model only."""
