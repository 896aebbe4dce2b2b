"""Tests of egov_modeler.exchange."""
