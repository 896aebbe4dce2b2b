"""Tests of egov_modeler.model."""
