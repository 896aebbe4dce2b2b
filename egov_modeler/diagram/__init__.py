"""How a view is drawn, with no toolkit: the notation of each ArchiMate type, text layout with
the bundled font's metrics, and the display list that the canvas, the PDF, PNG and SVG all
draw. Imports the model only."""
