"""Read ArchiMate Open Exchange XML written by Archi, Sparx EA, BiZZdesign, pyArchimate or
this program into a new :class:`~egov_modeler.model.model.Model`.

Why it works this way:

- The file is hostile until proven otherwise: it is parsed by :mod:`.xml_safety` (no DTD,
  no entities, no network), its root must be an exchange ``<model>``, every identifier
  must be unique and every reference must resolve (libxml2's schema check skips IDREFs;
  Archi's does not), and it is validated against the Open Group XSD when the schema files
  are available. A refusal is an :class:`ExchangeImportError` naming the problem and the
  line; nothing is half-built because the model is new.
- What other tools wrote is kept, even when the ArchiMate rules forbid it: the model is
  built with its unchecked primitives, and :func:`egov_modeler.model.validation.validate`
  reports the forbidden relationships afterwards, as Archi's Validator does.
- What the program does not model (attachment points of connections, viewpoint
  definitions, extension attributes, values in extra languages...) is listed in
  ``model.load_report`` instead of being silently dropped or crashing the import.
- Speed: one pass to index ids, one to build; the model is filled through the primitives
  (no commands, no rule checks), and no per-object scan of a view is ever made.

The parts live in their own modules: :mod:`.oef_read_common` (tags, error, the import's
state and text helpers), :mod:`.oef_read_checks` (parse, ids, references, XSD),
:mod:`.oef_read_concepts` (properties, metadata, elements, relationships),
:mod:`.oef_read_views` (views, nodes, connections, styles) and :mod:`.oef_read_folders`
(organizations). This module runs them in order and keeps the public names.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from lxml import etree

from ..i18n import tr
from ..model.collector import collection_paused
from ..model.concepts import Folder
from ..model.errors import ModelError
from ..model.model import Model
from .oef_read_checks import (
    XSD_ENV,
    XSD_FILE,
    check_references,
    check_schema,
    exchange_schema,
    parse,
    schema_dir,
)
from .oef_read_common import ExchangeImportError, ReadState
from .oef_read_concepts import read_elements, read_metadata, read_propdefs, read_relationships
from .oef_read_folders import read_folder
from .oef_read_views import read_views
from .oef_style import read_style
from .oef_vocabulary import (
    DC_NS,
    PROP_GENERATED_FOLDERS,
    PROP_METADATA_PREFIX,
    Q_DOC,
    Q_ELEMENTS,
    Q_METADATA,
    Q_NAME,
    Q_ORGS,
    Q_PROPDEFS,
    Q_PROPS,
    Q_RELS,
    Q_VIEWS,
    XML_LANG,
    folders_fingerprint,
)

log = logging.getLogger(__name__)


def build(reader: ReadState, root: etree._Element) -> Model:
    """The model of a checked file: its header (names, language, metadata, properties),
    then concepts, views and folders in that order, since each may refer to the ones
    before; the report of what was left out becomes ``model.load_report``."""
    names = [c for c in root if c.tag == Q_NAME]
    metadata = root.find(Q_METADATA)
    language = names[0].get(XML_LANG) if names else None
    if not language and metadata is not None:
        dc_language = metadata.find(f"{{{DC_NS}}}language")
        language = (dc_language.text or "").strip() if dc_language is not None else None
    reader.lang = language or "vi"
    model = Model(language=reader.lang, id=root.get("identifier"))
    model.name, model.names = reader.lang_strings(names)
    model.documentation, model.documentations = reader.lang_strings(
        [c for c in root if c.tag == Q_DOC])
    if root.get("version"):
        reader.report.append(tr("The model's version attribute ({version}) was not imported",
                                version=root.get("version")))
    read_propdefs(reader, root.find(Q_PROPDEFS), model)
    generated_folders = None
    for key, value in reader.properties(root.find(Q_PROPS), tr("the model")):
        if key == PROP_GENERATED_FOLDERS:
            generated_folders = value
        elif key.startswith(PROP_METADATA_PREFIX):
            model.metadata[key[len(PROP_METADATA_PREFIX):]] = value
        else:
            model.properties.append((key, value))
    if metadata is not None:
        read_metadata(reader, metadata, model)
    read_elements(reader, root.find(Q_ELEMENTS), model)
    read_relationships(reader, root.find(Q_RELS), model)
    views = root.find(Q_VIEWS)
    if views is not None:
        read_views(reader, views, model)
    folders: list[Folder] = []
    for organizations in root.iterfind(Q_ORGS):
        for item in organizations:
            folder = read_folder(reader, item, model, None)
            if folder is not None:
                folders.append(folder)
    if generated_folders is None or generated_folders != folders_fingerprint(folders):
        model.folders = folders
    reader.summarise()
    model.load_report = reader.report
    return model


# ------------------------------------------------------------------ public API
def read_exchange_bytes(data: bytes, name: str = "<memory>") -> Model:
    """Import exchange XML from ``data`` into a new model (``name`` is used in messages).

    Raises :class:`ExchangeImportError`; what could not be imported is listed in the
    returned model's ``load_report``.
    """
    with collection_paused():  # a large file makes a million objects, none of them garbage
        return _read(data, name)


def _read(data: bytes, name: str) -> Model:
    reader = ReadState(data, name)
    root = parse(reader)
    check_references(reader, root)
    check_schema(reader, root, exchange_schema())
    try:
        model = build(reader, root)
    except ExchangeImportError:
        raise
    except ModelError as exc:  # the model refused something the checks let through
        raise ExchangeImportError(tr("{name}: {problem}", name=name, problem=str(exc))) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise ExchangeImportError(tr("{name} could not be imported: {reason}", name=name,
                                     reason=f"{type(exc).__name__}: {exc}")) from None
    for line in model.load_report:
        log.info("%s: %s", name, line)
    return model


def read_exchange(path: str | os.PathLike[str]) -> Model:
    """Import the exchange file at ``path`` into a new model (see
    :func:`read_exchange_bytes`)."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ExchangeImportError(tr("Cannot read {path}: {reason}", path=source,
                                     reason=exc.strerror or exc)) from None
    return read_exchange_bytes(data, source.name)


__all__ = [
    "XSD_ENV",
    "XSD_FILE",
    "ExchangeImportError",
    "exchange_schema",
    "read_exchange",
    "read_exchange_bytes",
    "read_style",
    "schema_dir",
]
