"""What every part of one ``.archimate`` import shares: the error, the state of the import
(:class:`ArchiRead`: the file's name and version, the fixed ids, the report of what was left
out with its counters) and the small readers of Archi's XML (documentation, properties,
features). The parts: :mod:`.archi_read_concepts`, :mod:`.archi_read_views`,
:mod:`.archi_folders`; :mod:`.archi_reader` runs them."""

from __future__ import annotations

import json
import logging
from collections import Counter
from typing import Any

from lxml import etree

from ..i18n import tr
from .archi_vocabulary import (
    EGOV_PREFIX,
    FEATURES_HELD,
    FEATURES_NOT_HELD,
    XSI_TYPE,
    class_name,
)
from .xml_safety import XmlInputError

log = logging.getLogger(__name__)


class ArchiImportError(XmlInputError):
    """A file that cannot be read as an Archi model; the message names the problem and,
    where there is one, the line."""


def tag_name(tag: Any) -> str:
    """A tag without namespace (Archi writes its children unqualified, but be lenient)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class ArchiRead:
    """One import: the source's name and model version, the id map and the report."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.version: tuple[int, ...] = (0,)
        self.report: list[str] = []
        self.counts: Counter[str] = Counter()
        #: Ids that are not XML names -> their fixed form (see ``id_fixer``).
        self.fixed: dict[str, str] = {}
        #: Ids of what was skipped, so what depends on it is skipped with a reason.
        self.skipped: set[str] = set()
        #: Every XML element with an id, by its (fixed) id.
        self.index: dict[str, etree._Element] = {}

    def fail(self, line: int | None, message: str) -> ArchiImportError:
        return ArchiImportError(
            tr("{name}, line {line}: {problem}", name=self.name, line=line or 1,
               problem=message), line=line)

    def id(self, value: str | None) -> str:
        """An id (or reference) as the model holds it: fixed if it is not an XML name."""
        if value is None:
            return ""
        return self.fixed.get(value, value)

    def ids(self, value: str | None) -> list[str]:
        """A space-separated list of references, fixed."""
        return [self.id(v) for v in (value or "").split()]

    # -------------------------------------------------------------- children
    # Plain loops over the children: ElementPath (find, iterfind) costs more than the
    # handful of children an Archi element has.
    @staticmethod
    def documentation(el: etree._Element, tag: str = "documentation") -> str:
        for child in el:
            if child.tag == tag:
                return child.text or ""
        return ""

    @staticmethod
    def properties(el: etree._Element) -> list[tuple[str, str]]:
        return [(p.get("key", ""), p.get("value", "")) for p in el if p.tag == "property"]

    def features(self, el: etree._Element) -> dict[str, str]:
        """Archi's ``feature`` entries of ``el`` by name. The ones the model has no place
        for are counted for the report; the ones it reads (line alpha, this program's own
        ``egov:`` ones) are returned with the others."""
        found: dict[str, str] = {}
        for feature in el:
            if feature.tag != "feature":
                continue
            key, value = feature.get("name", ""), feature.get("value", "")
            found[key] = value
            if key in FEATURES_NOT_HELD:
                self.counts[f"feature {key}"] += 1
            elif key not in FEATURES_HELD and not key.startswith(EGOV_PREFIX):
                self.counts["feature other"] += 1
        return found

    def json_feature(self, features: dict[str, str], key: str, owner: str) -> Any:
        """The JSON value of one of this program's features, ``None`` when absent or bad."""
        raw = features.get(key)
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            self.report.append(tr("{owner}: unreadable {key} feature ignored", owner=owner,
                                  key=key))
            return None

    @staticmethod
    def xsi_class(el: etree._Element) -> str:
        return class_name(el.get(XSI_TYPE))

    def summarise(self) -> None:
        """Add the counted omissions to the report, one line each."""
        messages = {
            "feature labelExpression": tr("{count} label expressions were not imported; "
                                          "the figures show their names"),
            "feature gradient": tr("{count} gradient fills were not imported"),
            "feature iconColor": tr("{count} icon colours were not imported"),
            "feature iconVisible": tr("{count} icon visibility settings were not imported"),
            "feature imageSource": tr("{count} image source settings were not imported"),
            "feature lineStyle": tr("{count} line styles (dashed, dotted) were not imported"),
            "feature nameVisible": tr("{count} hidden-name settings were not imported"),
            "feature textRelativePosition": tr("{count} relative text positions were not "
                                               "imported"),
            "feature hideJunctionArrows": tr("{count} hidden junction arrows were not "
                                             "imported"),
            "feature legend": tr("{count} legends were not imported"),
            "feature other": tr("{count} other Archi settings (features) were not imported"),
            "figure type": tr("{count} alternate figures were not imported; the elements "
                              "are drawn with their usual figure"),
            "image": tr("{count} images on figures were not imported"),
            "image object": tr("{count} image objects were not imported"),
            "border": tr("{count} border types of notes and groups were not imported"),
            "locked": tr("{count} locks on figures were not imported"),
            "node properties": tr("{count} properties of notes and groups were not "
                                  "imported"),
            "connection properties": tr("{count} properties of connections were not "
                                        "imported"),
            "folder properties": tr("{count} properties of folders were not imported"),
            "zero size": tr("{count} figures without a usable size were given Archi's "
                            "default size"),
            "extra profile": tr("{count} additional specializations of concepts were not "
                                "imported (a concept keeps its first)"),
            "unknown child": tr("{count} unknown XML elements were not imported"),
        }
        for key, count in sorted(self.counts.items()):
            if count:
                self.report.append(messages[key].format(count=count))
