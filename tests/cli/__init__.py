"""Tests of egov_modeler.cli."""
