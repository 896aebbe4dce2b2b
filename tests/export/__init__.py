"""Tests of egov_modeler.export."""
