"""The tests, one folder per package of egov_modeler (see docs/architecture.md)."""
