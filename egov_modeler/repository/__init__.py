"""The model repository: versions of a ``.egov`` file in git (through dulwich), and the
three-way merge that combines two units' edits at the level of the model's objects.

Imports the model and storage only. The merge works on the plain dict form of a model
(:func:`egov_modeler.model.serialization.model_to_dict`, which is what the file holds), so it
does not depend on the order the writer gives to lists.
"""
