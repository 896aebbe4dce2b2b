"""Read Archi's own model files (``.archimate``, Archi 2.6 to 5.x, plain XML or the zip of
``model.xml`` and ``images/``) into a new :class:`~egov_modeler.model.model.Model`.

Why it works this way:

- The file is hostile until proven otherwise: the zip is read in memory with limits
  (:mod:`.archi_zip`), the XML is parsed by :mod:`.xml_safety` (no DTD, no entities, no
  network), its root must be Archi's ``<archimate:model>``, and every id must be unique.
  A refusal is an :class:`ArchiImportError` naming the problem and the line; nothing is
  half-built because the model is new.
- Archi's ids are any string (``650``, ``3fb2a575``); the model's must be XML names, so an
  id that is not one gets a stable prefix (``id-650``, what Archi's own exchange export
  writes), the same on every reference.
- What Archi itself changes when it opens an older model (legacy type names, default
  sizes of Archi 2 figures, group text alignment, outline opacity, swapped default
  figures) is done the same way here, so the boxes and bendpoints are Archi's: the tests
  compare them with Archi's own exchange export of the same models.
- What the model cannot hold (label expressions, images on figures, gradients, alternate
  figures, sketch and canvas views...) is listed in ``model.load_report`` with counts;
  nothing is dropped silently. What this program wrote for itself in ``egov:`` features
  (names in other languages, framework layers of bands, exact styles, its own folders)
  is read back, so a model written by :mod:`.archi_writer` comes back unchanged.

The parts: :mod:`.archi_read_common` (state, error, small readers),
:mod:`.archi_read_concepts` (header, specializations, folders, concepts),
:mod:`.archi_read_views` (figures, connections, bendpoints), :mod:`.archi_folders`.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from lxml import etree

from ..i18n import os_reason, tr
from ..model.errors import ModelError
from ..model.ids import new_id
from ..model.model import Model
from ..model.serialization import folder_from_dict
from .archi_folders import ArchiFolder, model_folders
from .archi_read_common import ArchiImportError, ArchiRead
from .archi_read_concepts import (
    read_elements,
    read_header,
    read_profiles,
    read_relationships,
    walk_folders,
)
from .archi_read_views import read_views
from .archi_vocabulary import (
    F_FOLDERS,
    F_FOLDERS_CHECK,
    F_VIEW_ORDER,
    MODEL_VERSION,
    NAMESPACES,
    id_fixer,
    version_tuple,
)
from .archi_zip import ArchiveError, is_zip, read_archive
from .oef_vocabulary import NS as OEF_NS
from .oef_vocabulary import folders_fingerprint
from .xml_safety import XmlInputError, parse_xml

log = logging.getLogger(__name__)

#: The namespace of the exchange format 2.1 (Archi 3's exchange plug-in wrote it).
OEF_21_NS = "http://www.opengroup.org/xsd/archimate"

__all__ = ["ArchiImportError", "read_archi", "read_archi_bytes"]


def _root(state: ArchiRead, data: bytes) -> etree._Element:
    try:
        root = parse_xml(data, state.name).getroot()
    except XmlInputError as exc:
        raise ArchiImportError(str(exc), line=exc.line) from None
    qname = etree.QName(root)
    if qname.namespace in NAMESPACES and qname.localname == "model":
        return root
    if qname.namespace == OEF_NS:
        problem = tr("it is an ArchiMate exchange file (Open Exchange XML); open it with File "
                     "> Open or `egov-modeler import`")
    elif qname.namespace == OEF_21_NS:
        problem = tr("it is an ArchiMate exchange file of the old format 2.1; open it in Archi "
                     "and save it as an Archi model, or export it again in format 3.1")
    else:
        problem = tr("its root element is <{tag}> in the namespace {found}; an Archi model "
                     "starts with <archimate:model> in {expected}", tag=qname.localname,
                     found=qname.namespace or "-", expected=NAMESPACES[0])
    raise state.fail(root.sourceline, tr("not an Archi model (.archimate): {problem}",
                                         problem=problem))


def _index_ids(state: ArchiRead, root: etree._Element) -> None:
    """Give ids that are not XML names their stable new form, and an id used twice (hand
    edited files have them) a new one for its second owner; references keep meaning the
    first, and the report says so."""
    lines: dict[str, int] = {}
    every = {el.get("id") for el in root.iter() if el.get("id") is not None}
    renamed: list[tuple[str, int, int, str]] = []
    for el in root.iter():
        identifier = el.get("id")
        if identifier is None:
            continue
        if identifier in lines:
            number = 2
            while f"{identifier}-{number}" in every:
                number += 1
            new = f"{identifier}-{number}"
            every.add(new)
            renamed.append((identifier, lines[identifier], el.sourceline or 0, new))
            el.set("id", new)
            identifier = new
        lines[identifier] = el.sourceline or 0
    state.fixed = id_fixer(set(lines))
    for old, first, line, new in renamed:
        state.report.append(tr(
            "The id {id} is used twice (lines {first} and {line}); the second was given the "
            "id {new} and references mean the first", id=old, first=first, line=line,
            new=state.id(new)))
    state.index = {state.id(el.get("id")): el for el in root.iter() if el.get("id") is not None}


def _folders(state: ArchiRead, tree: list[ArchiFolder], model: Model,
             features: dict[str, str]) -> None:
    """The model's folders: Archi's tree, or the model's own tree that this program wrote
    beside it, when the Archi tree is still the one it planned."""
    known = {e.id for e in model.elements} | {r.id for r in model.relationships} | {
        v.id for v in model.views}

    def keep_known(folders: list[ArchiFolder]) -> None:
        for folder in folders:
            folder.refs = [r for r in folder.refs if r in known]
            keep_known(folder.folders)

    keep_known(tree)
    folders = model_folders(tree)
    own = state.json_feature(features, F_FOLDERS, tr("the model"))
    if isinstance(own, list) and features.get(F_FOLDERS_CHECK) == folders_fingerprint(folders):
        try:
            folders = [folder_from_dict(f) for f in own]
        except (KeyError, TypeError, ValueError, AttributeError):
            state.report.append(tr("{owner}: unreadable {key} feature ignored",
                                   owner=tr("the model"), key=F_FOLDERS))
    model.folders = folders


def build(state: ArchiRead, root: etree._Element, images: dict[str, bytes],
          images_dir: Path | None) -> Model:
    """The model of a checked file: header, specializations, concepts, views, folders."""
    version = root.get("version", "")
    state.version = version_tuple(version)
    if state.version[0] > version_tuple(MODEL_VERSION)[0]:
        state.report.append(tr(
            "The file was written by a newer Archi (model version {version}); what this "
            "program does not know is listed below and was not imported", version=version))
    _index_ids(state, root)
    model = Model(id=state.id(root.get("id")) or new_id())
    features = read_header(state, root, model)
    profiles = read_profiles(state, root, model, images, images_dir)
    found = walk_folders(state, root)
    order = state.json_feature(features, F_VIEW_ORDER, tr("the model"))
    if isinstance(order, list):  # the model's own order of its views, known ones first
        rank = {str(identifier): i for i, identifier in enumerate(order)}
        found.views.sort(key=lambda el: rank.get(state.id(el.get("id")), len(rank)))
    read_elements(state, found.elements, model, profiles)
    read_relationships(state, found.relationships, model, profiles)
    read_views(state, found.views, model)
    _folders(state, found.folders, model, features)
    state.summarise()
    model.load_report = state.report
    return model


def read_archi_bytes(data: bytes, name: str = "<memory>",
                     images_dir: str | os.PathLike[str] | None = None) -> Model:
    """Read an Archi model from ``data`` (plain XML or the zip form) into a new model.

    ``name`` is used in messages; ``images_dir`` is the ``images`` folder beside a plain
    file, where Archi keeps images of models stored in git. Raises
    :class:`ArchiImportError`; what could not be imported is in ``model.load_report``.
    """
    state = ArchiRead(name)
    images: dict[str, bytes] = {}
    if is_zip(data):
        try:
            archive = read_archive(data, name)
        except ArchiveError as exc:
            raise ArchiImportError(str(exc)) from None
        data, images = archive.model_xml, archive.images
        for member in archive.ignored:
            state.report.append(tr("Archive member {member} was not imported", member=member))
        images_dir = None
    root = _root(state, data)
    try:
        model = build(state, root, images, Path(images_dir) if images_dir else None)
    except ArchiImportError:
        raise
    except ModelError as exc:  # the model refused something the checks let through
        raise ArchiImportError(tr("{name}: {problem}", name=name, problem=str(exc))) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError,
            json.JSONDecodeError) as exc:
        raise ArchiImportError(tr("{name} could not be imported: {reason}", name=name,
                                  reason=f"{type(exc).__name__}: {exc}")) from None
    for line in model.load_report:
        log.info("%s: %s", name, line)
    return model


def read_archi(path: str | os.PathLike[str]) -> Model:
    """Read the Archi model at ``path`` (see :func:`read_archi_bytes`)."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ArchiImportError(tr("Cannot read {path}: {reason}", path=source,
                                  reason=os_reason(exc))) from None
    return read_archi_bytes(data, source.name, source.parent / "images")
