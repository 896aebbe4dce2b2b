"""The diagram: a scene that projects one view of the model, the view widget, mouse tools."""
