"""The main window: docks and one controller per menu, assembled around a Document."""
