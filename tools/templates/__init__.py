"""The builder of the shipped templates (``python -m tools.templates.build_templates``)."""
