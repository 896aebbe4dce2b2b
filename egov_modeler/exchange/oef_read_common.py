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
from ..model import limits
from ..model.concepts import Folder
from ..model.views import Connection, Node
from .oef_file_facts import SPECIALIZATION_ID
from .oef_vocabulary import (
    Q_DOC,
    Q_LABEL,
    Q_NAME,
    Q_PROP,
    Q_PROPS,
    Q_VALUE,
    XML_LANG,
)
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
    #: Archi's specialization of an element or relationship (its property whose
    #: definition is ``specialization``), else ``None``.
    specialization: str | None = None


_NO_DEFINITION = ("", "")


class ReadState:
    """One import: the source, the model being built and the report of what was left out."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        self.report: list[str] = []
        self.counts: Counter[str] = Counter()
        #: The file's language: the ``xml:lang`` its texts without one are taken to be in
        #: ("" when the file names none; they are then written back without one).
        self.lang = ""
        self.propdefs: dict[str, tuple[str, str]] = {}
        #: Identifiers of the file's views (filled by
        #: :func:`.oef_read_checks.check_references`).
        self.view_ids: set[str] = set()
        #: The property definitions some ``<property>`` refers to (found by the same
        #: check).
        self.property_refs: set[str] = set()
        self.skipped: set[str] = set()

    def fail(self, line: int | None, message: str) -> ExchangeImportError:
        return ExchangeImportError(
            tr("{name}, line {line}: {problem}", name=self.name, line=line or 1,
               problem=message),
            line=line,
        )

    # -------------------------------------------------------------- text helpers
    def text(self, element: etree._Element, most: int = limits.MAX_TEXT_LENGTH) -> str:
        """The text of ``element``, cut to ``most`` characters (counted): the length every
        reader accepts for a text, or for a name with ``limits.MAX_NAME_LENGTH``."""
        return self.text_of(element.text or "", most)

    def text_of(self, text: str, most: int = limits.MAX_TEXT_LENGTH) -> str:
        """``text`` cut to ``most`` characters (counted)."""
        if len(text) > most:
            self.counts["long text"] += 1
            text = text[:most]
        return text

    def language(self, element: etree._Element) -> str | None:
        """The ``xml:lang`` of ``element`` (cut like a name), ``None`` when it has none."""
        language = element.get(XML_LANG)
        return self.text_of(language, limits.MAX_NAME_LENGTH) if language else None

    def lang_texts(self, elements: list[etree._Element], most: int = limits.MAX_TEXT_LENGTH
                   ) -> tuple[str, str | None, dict[str, str]]:
        """The main text, the ``xml:lang`` it carried, and the others by language.

        The main text is the one in the file's language or without a language; when there
        is none, the first text is taken as the main one (counted for the report, since
        its language changes) so that the object keeps a visible name."""
        if len(elements) == 1:  # the usual case, answered without the loop below
            only = elements[0]
            language = only.get(XML_LANG)
            if not language or language == self.lang:
                return self.text(only, most), language or None, {}
        main: str | None = None
        main_lang: str | None = None
        others: dict[str, str] = {}
        for element in elements:
            language = self.language(element)
            if not language or language == self.lang:
                if main is None:
                    main, main_lang = self.text(element, most), language
                else:
                    self.counts["repeated text"] += 1
            elif language not in others:
                others[language] = self.text(element, most)
            else:
                self.counts["repeated text"] += 1
        if main is None and elements:
            first = elements[0]
            main_lang = self.language(first)
            main = others.pop(main_lang or "", None)
            if main is None:
                main = self.text(first, most)
            if main:
                self.counts["other language"] += 1
        return main or "", main_lang, others

    def lang_strings(self, elements: list[etree._Element], most: int = limits.MAX_TEXT_LENGTH
                     ) -> tuple[str, dict[str, str]]:
        """The main text (file language or no language) and the others by language."""
        main, _, others = self.lang_texts(elements, most)
        return main, others

    def properties(self, holders: list[etree._Element], owner: str,
                   specializations: list[str] | None = None) -> list[tuple[str, str]]:
        """The properties of every ``<properties>`` block of ``owner``, in order. With
        ``specializations`` (an element or relationship), the values of Archi's
        ``specialization`` definition go there instead (Archi reads them so, by the
        definition's identifier)."""
        out = []
        propdefs = self.propdefs
        for prop in (child for holder in holders for child in holder):
            if prop.tag != Q_PROP:
                continue
            ref = prop.get("propertyDefinitionRef", "")
            key = propdefs.get(ref, _NO_DEFINITION)[0]
            values = [v for v in prop if v.tag == Q_VALUE]
            if specializations is not None and ref == SPECIALIZATION_ID:
                specializations.append(self.lang_strings(values, limits.MAX_NAME_LENGTH)[0])
                continue
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

    def concept_parts(self, el: etree._Element, *tags: Any, concept: bool = False) -> _Parts:
        """What elements, relationships and views share: names and documentation in every
        language and the properties (plus the children with ``tags``, grouped); for a
        ``concept`` (element or relationship) also its specialization."""
        return self.parts_of(el, self.children(el, Q_NAME, Q_DOC, Q_PROPS, *tags), concept)

    def parts_of(self, el: etree._Element, groups: dict[Any, list[etree._Element]],
                 concept: bool = False) -> _Parts:
        """:meth:`concept_parts` of children already grouped (a view's, by the scan)."""
        name, names = self.lang_strings(groups[Q_NAME], limits.MAX_NAME_LENGTH)
        doc, docs = self.lang_strings(groups[Q_DOC])
        specializations: list[str] | None = [] if concept else None
        properties = self.properties(groups[Q_PROPS], el.get("identifier", ""),
                                     specializations)
        if specializations and len(specializations) > 1:
            self.counts["repeated text"] += len(specializations) - 1
        return _Parts(name, names, doc, docs, properties, groups,
                      specializations[0] if specializations else None)

    def plain_parts(self, el: etree._Element) -> tuple[str, str, list[tuple[str, str]]] | None:
        """The name, documentation and properties of an element or relationship whose
        children are the usual ones: one name and one documentation at most, each in the
        file's language or none, and properties of one such value each, every text
        within its limit. ``None`` for anything else, which :meth:`concept_parts` reads
        (and reports). The scan reads the usual concepts of a file this way as it walks
        it (:mod:`.oef_read_scan`); this reads, as before, those it left to the build."""
        name = documentation = None
        properties: list[tuple[str, str]] = []
        lang, propdefs = self.lang, self.propdefs
        for child in el:
            tag = child.tag
            if tag == Q_PROPS:
                for prop in child:
                    if prop.tag != Q_PROP:
                        continue  # as :meth:`properties` does
                    ref = prop.get("propertyDefinitionRef", "")
                    if len(prop) != 1 or ref == SPECIALIZATION_ID:
                        return None
                    value = prop[0]
                    if value.tag != Q_VALUE:
                        return None
                    language = value.get(XML_LANG)
                    text = value.text or ""
                    if (language and language != lang) or len(text) > limits.MAX_TEXT_LENGTH:
                        return None
                    properties.append((propdefs.get(ref, _NO_DEFINITION)[0], text))
                continue
            if tag == Q_NAME:
                if name is not None:
                    return None
                most = limits.MAX_NAME_LENGTH
            elif tag == Q_DOC:
                if documentation is not None:
                    return None
                most = limits.MAX_TEXT_LENGTH
            else:
                return None
            language = child.get(XML_LANG)
            text = child.text or ""
            if (language and language != lang) or len(text) > most:
                return None
            if tag == Q_NAME:
                name = text
            else:
                documentation = text
        return name or "", documentation or "", properties

    def read_diagram_texts(self, target: Node | Connection | Folder,
                           groups: dict[Any, list[etree._Element]]) -> None:
        """The label in every language and the main documentation of a node, connection or
        folder (the model keeps their documentation in one language only). A folder's
        label is a name; a node's or connection's is a text."""
        labels, documentations = groups[Q_LABEL], groups[Q_DOC]
        if not labels and not documentations:  # most nodes and lines: nothing to read
            return
        most = limits.MAX_NAME_LENGTH if isinstance(target, Folder) else limits.MAX_TEXT_LENGTH
        target.label, target.labels = self.lang_strings(labels, most)
        documentation, others = self.lang_strings(documentations)
        target.documentation = documentation
        self.counts["other documentation"] += len(others)

    @property
    def ids_of_views(self) -> set[str]:
        """Identifiers of the views the import reads (``<model><views><diagrams><view>``;
        a ``<view>`` anywhere else is not one), found by
        :func:`.oef_read_checks.check_references`."""
        return self.view_ids

    def summarise(self) -> None:
        messages = {
            "attachment": tr("{count} connection attachment points (sourceAttachment/"
                             "targetAttachment) were not imported; connections are drawn to "
                             "the edges of their nodes"),
            "extension": tr("{count} extension elements of other tools were not imported"),
            "extension attribute": tr("{count} attributes of other tools (not in the exchange "
                                      "format) were not imported"),
            "extra viewRef": tr("{count} additional view references of nodes were not "
                                "imported (a node keeps its first)"),
            "connection viewRef": tr("{count} view references of connections were not "
                                     "imported"),
            "label conceptRef": tr("{count} label expressions (conceptRef) were not imported; "
                                   "the labels keep their text"),
            "label xpathPart": tr("{count} label expressions (xpathPart) were not imported; "
                                  "the labels keep their text"),
            "repeated text": tr("{count} names or texts repeated in a language the object "
                                "already had one in were not imported (the first is kept)"),
            "long text": tr("{count} names or texts longer than the program accepts were cut "
                            "short"),
            "other language": tr("{count} names or texts given only in another language than "
                                 "the model's were taken as the model's language"),
            "other documentation": tr("{count} documentation texts of nodes, connections or "
                                      "folders in other languages were not imported (they "
                                      "keep the one in the model's language)"),
            "geometry": tr("{count} coordinates or sizes of nodes and bendpoints beyond the "
                           "limits were brought within them (a missing, zero or negative "
                           "size gives the default size)"),
            "bendpoints": tr("{count} bendpoints beyond {most_bendpoints} on one connection "
                             "were left out"),
            "line width": tr("{count} line widths that are not a number from {thinnest} to "
                             "{widest} were brought within that range or left out"),
            "colour": tr("{count} colours that are not valid were left out"),
            "alpha": tr("{count} colour transparencies beyond 0 to 100 % were brought within "
                        "that range"),
            "font size": tr("{count} font sizes that are not a number from {smallest} to "
                            "{largest} points were brought within that range or left out"),
            "font style": tr("{count} font styles other than plain, bold, italic and "
                             "underline were left out"),
        }
        fields = {"thinnest": limits.MIN_LINE_WIDTH, "widest": limits.MAX_LINE_WIDTH,
                  "smallest": f"{limits.MIN_FONT_SIZE:g}",
                  "largest": f"{limits.MAX_FONT_SIZE:g}", "most_bendpoints": limits.MAX_BENDPOINTS}
        for key, count in sorted(self.counts.items()):
            if count:
                self.report.append(messages[key].format(count=count, **fields))

