"""Write a model as Archi's three CSV files: ``elements.csv`` (the model's name and purpose
first, then the elements), ``relations.csv`` and ``properties.csv``, with an optional file
name prefix, in the order and form Archi's own export uses, so a spreadsheet or script
made for Archi's files reads ours the same way.

All three files are always written (an empty one too): a ``properties.csv`` left from an
earlier export would otherwise be read with the new files. Relationship details that
have no column (access type, direction, influence strength, junction type) travel as
Archi's pseudo-properties; the framework provenance of an element as the ``egov:``
properties the exchange format uses. Names in other languages and views do not travel:
CSV is for concepts in one language, as in Archi.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model.concepts import Element, Relationship
from ..model.model import Model
from ..storage.atomic import write_atomically
from .archi_csv_format import rows_bytes
from .archi_vocabulary import (
    CSV_ACCESS_TYPE,
    CSV_ACCESS_TYPES,
    CSV_DIRECTED,
    CSV_ELEMENTS,
    CSV_ELEMENTS_HEADER,
    CSV_INFLUENCE_STRENGTH,
    CSV_JUNCTION_AND,
    CSV_JUNCTION_OR,
    CSV_JUNCTION_TYPE,
    CSV_MODEL_TYPE,
    CSV_PROPERTIES,
    CSV_PROPERTIES_HEADER,
    CSV_RELATIONS,
    CSV_RELATIONS_HEADER,
    CSV_SUFFIX,
    ELEMENT_CLASSES,
    FOLDER_TYPES,
    RELATIONSHIP_CLASSES,
    folder_type_of_element,
)
from .oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER


@dataclass(frozen=True)
class CsvOptions:
    """How to write: a file name ``prefix``, the ``delimiter`` (comma, semicolon or tab)
    and ``excel_safe`` (a space before text a spreadsheet would run as a formula)."""

    prefix: str = ""
    delimiter: str = ","
    excel_safe: bool = False


def _sort_key(concept: Element | Relationship, archi_class: str) -> tuple[str, str]:
    """Archi's order: by class name, then by name (both ignoring case)."""
    return archi_class.casefold(), concept.name.strip().casefold()


def ordered_elements(model: Model) -> list[Element]:
    """Elements in Archi's order: by top-level folder, then class, then name."""
    folder_order = {kind: i for i, (kind, _) in enumerate(FOLDER_TYPES)}
    return sorted(model.elements, key=lambda e: (
        folder_order[folder_type_of_element(e.type)], *_sort_key(e, ELEMENT_CLASSES[e.type])))


def ordered_relationships(model: Model) -> list[Relationship]:
    return sorted(model.relationships,
                  key=lambda r: _sort_key(r, RELATIONSHIP_CLASSES[r.type]))


def _special_properties(concept: Element | Relationship) -> list[tuple[str, str]]:
    """What Archi's CSV carries as pseudo-properties, in Archi's order after the others."""
    if isinstance(concept, Element):
        found = []
        if concept.catalog_ref:
            found.append((PROP_CATALOG_REF, concept.catalog_ref))
        if concept.layer:
            found.append((PROP_LAYER, concept.layer))
        if concept.type in ("AndJunction", "OrJunction"):
            value = CSV_JUNCTION_OR if concept.type == "OrJunction" else CSV_JUNCTION_AND
            found.append((CSV_JUNCTION_TYPE, value))
        return found
    if concept.type == "Influence" and concept.modifier:
        return [(CSV_INFLUENCE_STRENGTH, concept.modifier)]
    if concept.type == "Access":
        access = concept.access_type if concept.access_type in CSV_ACCESS_TYPES else "Access"
        return [(CSV_ACCESS_TYPE, access)]
    if concept.type == "Association":
        return [(CSV_DIRECTED, "true" if concept.is_directed else "false")]
    return []


def csv_files(model: Model, options: CsvOptions = CsvOptions()) -> dict[str, bytes]:
    """The three files by name (``<prefix>elements.csv``...)."""
    elements = ordered_elements(model)
    relationships = ordered_relationships(model)
    element_rows = [[model.id, CSV_MODEL_TYPE, model.name, model.documentation, ""]]
    element_rows += [[e.id, ELEMENT_CLASSES[e.type], e.name, e.documentation,
                      e.specialization or ""] for e in elements]
    relation_rows = [[r.id, RELATIONSHIP_CLASSES[r.type], r.name, r.documentation, r.source,
                      r.target, r.specialization or ""] for r in relationships]
    property_rows = [[model.id, k, v] for k, v in model.properties]
    concepts: list[Element | Relationship] = [*elements, *relationships]
    for concept in concepts:
        for key, value in [*concept.properties, *_special_properties(concept)]:
            property_rows.append([concept.id, key, value])
    name = options.prefix + "{}" + CSV_SUFFIX
    delimiter, safe = options.delimiter, options.excel_safe
    return {
        name.format(CSV_ELEMENTS): rows_bytes(CSV_ELEMENTS_HEADER, element_rows, delimiter,
                                              safe),
        name.format(CSV_RELATIONS): rows_bytes(CSV_RELATIONS_HEADER, relation_rows, delimiter,
                                               safe),
        name.format(CSV_PROPERTIES): rows_bytes(CSV_PROPERTIES_HEADER, property_rows,
                                                delimiter, safe),
    }


def write_archi_csv(model: Model, folder: str | os.PathLike[str],
                    options: CsvOptions = CsvOptions()) -> list[Path]:
    """Write the three files into ``folder`` (made if missing), each atomically; returns
    their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, data in csv_files(model, options).items():
        path = target / file_name
        write_atomically(path, data)
        written.append(path)
    return written
