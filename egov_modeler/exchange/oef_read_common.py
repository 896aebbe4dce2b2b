"""What every part of one exchange import shares: the tags, the error, and the state of the
import (:class:`ReadState`) with its text helpers (names and documentation in several
languages, properties, the children of an element grouped by tag) and its report of what
was not imported. The parts: :mod:`.oef_read_checks`, :mod:`.oef_read_concepts`,
:mod:`.oef_read_views`, :mod:`.oef_read_folders`; :mod:`.oef_reader` runs them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..i18n import tr
from ..model.concepts import Folder
from ..model.views import Connection, Node
from .oef_vocabulary import Q_DOC, Q_LABEL, Q_NAME, Q_PROP, Q_PROPS, Q_VALUE, XML_LANG
from .xml_safety import XmlInputError


class ExchangeImportError(XmlInputError):
    """An exchange file that cannot be imported; the message names the problem and line."""


def local_name(tag: Any) -> str:
    """A tag without its namespace (``{ns}node`` -> ``node``), for messages and checks."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else str(tag)


@dataclass
class _Parts:
    """The common children of an element, relationship or view, decoded."""

    name: str
    names: dict[str, str]
    documentation: str
    documentations: dict[str, str]
    properties: list[tuple[str, str]]
    children: dict[Any, list[etree._Element]]


_NO_DEFINITION = ("", "")


class ReadState:
    """One import: the source, the model being built and the report of what was left out."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        self.report: list[str] = []
        self.counts: Counter[str] = Counter()
        self.lang = "vi"
        self.propdefs: dict[str, tuple[str, str]] = {}
        #: Identifiers of the file's views (filled by
        #: :func:`.oef_read_checks.check_references`).
        self.view_ids: set[str] = set()
        self.skipped: set[str] = set()

    def fail(self, line: int | None, message: str) -> ExchangeImportError:
        return ExchangeImportError(
            tr("{name}, line {line}: {problem}", name=self.name, line=line or 1,
               problem=message),
            line=line,
        )

    # -------------------------------------------------------------- text helpers
    def lang_strings(self, elements: list[etree._Element]) -> tuple[str, dict[str, str]]:
        """The main text (model language or no language) and the others by language."""
        if len(elements) == 1:  # the usual case, answered without the loop below
            language = elements[0].get(XML_LANG)
            if not language or language == self.lang:
                return elements[0].text or "", {}
        main: str | None = None
        others: dict[str, str] = {}
        for element in elements:
            language = element.get(XML_LANG)
            text = element.text or ""
            if main is None and (not language or language == self.lang):
                main = text
            elif language and language != self.lang and language not in others:
                others[language] = text
        if main is None and elements:
            first = elements[0]
            main = first.text or ""
            others.pop(first.get(XML_LANG) or "", None)
        return main or "", others

    def properties(self, holder: etree._Element | None, owner: str) -> list[tuple[str, str]]:
        if holder is None:
            return []
        out = []
        propdefs = self.propdefs
        for prop in holder:
            if prop.tag != Q_PROP:
                continue
            key = propdefs.get(prop.get("propertyDefinitionRef", ""), _NO_DEFINITION)[0]
            values = [v for v in prop if v.tag == Q_VALUE]
            main, others = self.lang_strings(values)
            if others:
                self.report.append(tr(
                    "{owner}: property ‘{key}’ has values in other languages ({languages}); "
                    "only the main one was imported", owner=owner, key=key,
                    languages=", ".join(sorted(others))))
            out.append((key, main))
        return out

    def children(self, el: etree._Element, *tags: Any) -> dict[Any, list[etree._Element]]:
        """``el``'s children with the given tags, grouped by tag in document order. Any
        other child is another tool's extension: counted for the report, not imported."""
        groups: dict[Any, list[etree._Element]] = {tag: [] for tag in tags}
        for child in el:
            group = groups.get(child.tag)
            if group is None:
                self.counts["extension"] += 1
            else:
                group.append(child)
        return groups

    def concept_parts(self, el: etree._Element, *tags: Any) -> _Parts:
        """What elements, relationships and views share: names and documentation in every
        language and the properties (plus the children with ``tags``, grouped)."""
        names_of: list[etree._Element] = []
        docs_of: list[etree._Element] = []
        held: list[etree._Element] = []
        groups: dict[Any, list[etree._Element]] = {tag: [] for tag in tags}
        for child in el:  # self.children, unrolled: 60,000 concepts in a large file
            tag = child.tag
            if tag == Q_NAME:
                names_of.append(child)
            elif tag == Q_DOC:
                docs_of.append(child)
            elif tag == Q_PROPS:
                held.append(child)
            else:
                group = groups.get(tag)
                if group is None:
                    self.counts["extension"] += 1
                else:
                    group.append(child)
        groups[Q_NAME], groups[Q_DOC], groups[Q_PROPS] = names_of, docs_of, held
        name, names = self.lang_strings(names_of) if names_of else ("", {})
        doc, docs = self.lang_strings(docs_of) if docs_of else ("", {})
        holder = held[-1] if held else None
        return _Parts(name, names, doc, docs,
                      self.properties(holder, el.get("identifier", "")), groups)

    def read_diagram_texts(self, target: Node | Connection | Folder,
                           groups: dict[Any, list[etree._Element]]) -> None:
        """The label in every language and the main documentation of a node, connection or
        folder (the model keeps their documentation in one language only)."""
        target.label, target.labels = self.lang_strings(groups[Q_LABEL])
        target.documentation = self.lang_strings(groups[Q_DOC])[0]

    @property
    def ids_of_views(self) -> set[str]:
        """Identifiers of the file's views (asked only once
        :func:`.oef_read_checks.check_references` has indexed every id)."""
        return self.view_ids

    def summarise(self) -> None:
        messages = {
            "attachment": tr("{count} connection attachment points (sourceAttachment/"
                             "targetAttachment) were not imported; connections are drawn to "
                             "the edges of their nodes"),
            "extension": tr("{count} extension elements of other tools were not imported"),
            "extra viewRef": tr("{count} additional view references of nodes were not "
                                "imported (a node keeps its first)"),
            "connection viewRef": tr("{count} view references of connections were not "
                                     "imported"),
            "label conceptRef": tr("{count} label expressions (conceptRef) were not imported; "
                                   "the labels keep their text"),
            "label xpathPart": tr("{count} label expressions (xpathPart) were not imported; "
                                  "the labels keep their text"),
        }
        for key, count in sorted(self.counts.items()):
            if count:
                self.report.append(messages[key].format(count=count))

