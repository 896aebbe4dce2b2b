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
- Speed: one walk over every XML element (:mod:`.oef_read_scan`, views in
  :mod:`.oef_read_view_scan`) notes what the reference check asks and reads the usual
  elements, relationships, folder items, nodes and plain lines on the way; after the check
  the build adds those to the model through its bulk loaders (no commands, no rule checks)
  and reads the rest (header, view headers, folders, anything of an unusual shape) from
  the tree. No XML element of a view is visited twice. Attributes
  are looked up by name or listed by name only: lxml lists their values in quadratic time
  (``benchmarks/bench_oef_scale.py`` keeps an eye on both).

The parts live in their own modules: :mod:`.oef_read_common` (tags, error, the import's
state and text helpers), :mod:`.oef_read_format` (what a file that is not exchange XML 3.x
is, and what reads it), :mod:`.oef_read_checks` (parse, ids, references, XSD),
:mod:`.oef_read_scan` (the one walk that gathers what the checks ask and reads the usual
concepts), :mod:`.oef_read_concepts` (properties, metadata, elements, relationships),
:mod:`.oef_read_views` (views, nodes, connections, styles), :mod:`.oef_read_extras` (this
program's view extras, checked) and :mod:`.oef_read_folders` (organizations). What the file
says that the model has no field for is kept by :mod:`.oef_file_facts`, which the writer
shares. Every number and text is held to :mod:`egov_modeler.model.limits`, the bounds the
.egov reader holds too, so whatever imports saves and opens again. This module runs the
parts in order and keeps the public names.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path

from lxml import etree

from ..i18n import os_reason, tr
from ..model import limits
from ..model.collector import collection_paused
from ..model.concepts import Folder
from ..model.errors import ModelError
from ..model.model import Model
from .oef_file_facts import (
    META_UNTAGGED,
    META_VERSION,
    PropertyDefinition,
    store_top_level_refs,
)
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
from .oef_read_concepts import (
    keep_propdefs,
    read_elements,
    read_metadata,
    read_propdef_names,
    read_relationships,
)
from .oef_read_folders import FolderPlans, read_folder
from .oef_read_scan import Scanned, scan
from .oef_read_views import read_views
from .oef_style import read_style
from .oef_vocabulary import (
    DC_NS,
    PROP_GENERATED_FOLDERS,
    PROP_METADATA_PREFIX,
    Q_DOC,
    Q_ITEM,
    Q_LABEL,
    Q_METADATA,
    Q_NAME,
    Q_ORGS,
    Q_PROPS,
    Q_VALUE,
    Q_VIEWS,
    XML_LANG,
    folders_fingerprint,
)

#: The tags of texts that may carry an ``xml:lang``.
_TEXT_TAGS = (Q_NAME, Q_LABEL, Q_DOC, Q_VALUE)

log = logging.getLogger(__name__)


def file_language(root: etree._Element) -> str:
    """The language of the file's texts that carry no ``xml:lang``: the model name's, else
    ``dc:language``, else the one most texts carry; "" when the file names none (its texts
    are then written back without a language, never as Vietnamese, see
    :data:`.oef_file_facts.META_UNTAGGED`)."""
    for name in root.iterchildren(Q_NAME):
        if name.get(XML_LANG):
            return name.get(XML_LANG, "")
    metadata = root.find(Q_METADATA)
    dc_language = metadata.find(f"{{{DC_NS}}}language") if metadata is not None else None
    if dc_language is not None and (dc_language.text or "").strip():
        return (dc_language.text or "").strip()
    counts = Counter(el.get(XML_LANG) for el in root.iter(*_TEXT_TAGS) if el.get(XML_LANG))
    return counts.most_common(1)[0][0] if counts else ""


def build(reader: ReadState, root: etree._Element, scanned: Scanned,
          definitions: list[PropertyDefinition]) -> Model:
    """The model of a checked file: its header (names, language, metadata, properties),
    then concepts (those ``scanned`` read, and the others), views and folders in that
    order, since each may refer to the ones before; the report of what was left out
    becomes ``model.load_report``."""
    names = [c for c in root if c.tag == Q_NAME]
    metadata = root.find(Q_METADATA)
    model = Model(id=root.get("identifier"))  # in the program's default language, unless:
    if reader.lang:
        model.language = reader.lang
    else:  # kept, so that export writes the texts back without a language
        model.metadata[META_UNTAGGED] = "true"
    model.name, model.names = reader.lang_strings(names, limits.MAX_NAME_LENGTH)
    model.documentation, model.documentations = reader.lang_strings(
        [c for c in root if c.tag == Q_DOC])
    if root.get("version") is not None:
        model.metadata[META_VERSION] = reader.text_of(root.get("version", ""),
                                                      limits.MAX_NAME_LENGTH)
    keep_propdefs(reader, definitions, model)
    generated_folders = None
    for key, value in reader.properties(list(root.iterchildren(Q_PROPS)),
                                         tr("the model")):
        if key == PROP_GENERATED_FOLDERS:
            generated_folders = value
        elif key.startswith(PROP_METADATA_PREFIX):
            model.metadata[key[len(PROP_METADATA_PREFIX):]] = value
        else:
            model.properties.append((key, value))
    if metadata is not None:
        read_metadata(reader, metadata, model)
    for elements in scanned.elements:  # one <elements> in the schema; more are read too
        read_elements(reader, elements, model)
    read_relationships(reader, scanned.relationships, root, model)
    for views in root.iterchildren(Q_VIEWS):
        read_views(reader, views, model, scanned.views)
    folders, top_level_refs = read_organizations(reader, root, model, scanned.folders)
    if top_level_refs or generated_folders is None or (
            generated_folders != folders_fingerprint(folders)):
        model.folders = folders
    store_top_level_refs(model, top_level_refs)
    reader.summarise()
    model.load_report = reader.report
    return model


def read_organizations(reader: ReadState, root: etree._Element, model: Model,
                       plans: FolderPlans | None = None
                       ) -> tuple[list[Folder], list[tuple[int, str]]]:
    """The folders under ``<organizations>``, and the references filed directly there
    with their position among the top-level items (kept so export puts them back);
    ``plans``: what the scan noted of each folder."""
    folders: list[Folder] = []
    refs: list[tuple[int, str]] = []
    position = 0
    for organizations in root.iterfind(Q_ORGS):
        for item in organizations:
            if item.tag != Q_ITEM:
                reader.counts["extension"] += 1
                continue
            ref = item.get("identifierRef")
            if ref is not None:
                if model.has_concept(ref) or model.has_view(ref):
                    refs.append((position, ref))
                    position += 1
                elif ref not in reader.skipped:
                    reader.report.append(tr(
                        "Folder item at line {line}: {ref} is not an element, relationship "
                        "or view and was not imported", line=item.sourceline, ref=ref))
                continue
            folder = read_folder(reader, item, model, None, plans=plans)
            if folder is not None:
                folders.append(folder)
                position += 1
    return folders, refs


# ------------------------------------------------------------------ public API
def read_exchange_bytes(data: bytes, name: str = "<memory>") -> Model:
    """Import exchange XML from ``data`` into a new model (``name`` is used in messages).

    Raises :class:`ExchangeImportError`; what could not be imported is listed in the
    returned model's ``load_report``.
    """
    with collection_paused(keep=True):  # a million objects made, none of them garbage
        return _read(data, name)


def _read(data: bytes, name: str) -> Model:
    reader = ReadState(data, name)
    root = parse(reader)
    reader.lang = file_language(root)
    definitions = read_propdef_names(reader, root)
    scanned = scan(reader, root)
    check_references(reader, root, scanned.references)
    check_schema(reader, root, exchange_schema())
    try:
        model = build(reader, root, scanned, definitions)
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
                                     reason=os_reason(exc))) from None
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
