"""Tests of egov_modeler.diagram."""
