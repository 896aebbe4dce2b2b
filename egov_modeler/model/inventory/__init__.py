"""The system inventory, current/transition/target states and the roadmap, read from and
written to the model itself (see DESIGN.md, "The inventory and the roadmap"): typed
fields from the framework profile (:mod:`.schema`), the rows and their values
(:mod:`.rows`), edits as commands (:mod:`.edits`), duplicates after a merger
(:mod:`.duplicates`), the gap analysis between plateaus (:mod:`.gaps`) and the roadmap
(:mod:`.roadmap`)."""
