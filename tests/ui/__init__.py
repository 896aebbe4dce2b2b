"""Tests of egov_modeler.ui."""
