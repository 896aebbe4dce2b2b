"""Dialogs and the message boxes the controllers ask through."""
