"""Tests of egov_modeler.storage."""
