"""The window's dock panels: palette, model tree, properties, problems."""
