"""Two exchange files compared for meaning, not bytes.

Why: a round trip (import -> save -> load -> export) must give back what the source said,
but another tool's file and ours differ in ways that carry no meaning: attribute order,
indentation, the identifiers of property definitions, a missing ``accessType`` that means
"Access", ``xml:lang`` left out on texts in the file's own language. :func:`canonical`
turns a parsed exchange file into plain Python data in which only meaning is left, so a
test compares two files with ``==`` and pytest shows the first difference.

What counts, per the exchange format:

- texts (names, documentation, labels, property values) as ``(language, text)`` pairs; a
  text without ``xml:lang`` is in the file's language (the model name's ``xml:lang``, else
  ``dc:language``, else the language most texts carry, else none); an empty name, label
  or documentation says nothing and is left out;
- properties in order, each with its definition's names, type, and whether it is Archi's
  specialization (the definition ``identifier="specialization"``);
- elements and relationships by identifier, with every attribute that means something;
- views with their nodes as a tree, in document order (the drawing order), every geometry,
  style, label and reference; connections by identifier with bendpoints in order;
- the organizations tree in order, folder identifiers included;
- the model's identifier, ``version``, metadata and property definitions (used or not).

What the exchange format can say but this program does not keep is listed in
:data:`NOT_CARRIED`; :func:`canonical` leaves those constructs out and names them in
``stripped`` so the caller can check the importer reported each of them. Our own additions
(``egov:generated-folders`` and the Archi folders generated with it) are left out too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lxml import etree

A = "http://www.opengroup.org/xsd/archimate/3.0/"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
GENERATED_FOLDERS = "egov:generated-folders"

#: Constructs the program does not model, each with a word its import report contains.
NOT_CARRIED = {
    "sourceAttachment": "sourceAttachment",
    "targetAttachment": "targetAttachment",
}

_TEXT_TAGS = ("name", "label", "documentation", "value")


def _local(el: Any) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, tag: str) -> list[etree._Element]:
    return [c for c in el if c.tag == f"{{{A}}}{tag}"]


def file_language(root: etree._Element) -> str | None:
    """The language of the file's texts that carry none (see the module docstring)."""
    for name in _kids(root, "name"):
        if name.get(XML_LANG):
            return name.get(XML_LANG)
    language = root.findtext(f"{{{A}}}metadata/{{{DC}}}language")
    if language and language.strip():
        return language.strip()
    counts = Counter(el.get(XML_LANG) for el in root.iter(*(f"{{{A}}}{t}" for t in _TEXT_TAGS))
                     if el.get(XML_LANG))
    return counts.most_common(1)[0][0] if counts else None


class _Canon:
    def __init__(self, root: etree._Element, node_order: bool) -> None:
        self.root = root
        self.node_order = node_order
        self.lang = file_language(root)
        self.stripped: Counter[str] = Counter()
        self.propdefs: dict[str, dict[str, Any]] = {}
        holder = root.find(f"{{{A}}}propertyDefinitions")
        for definition in holder if holder is not None else []:
            if _local(definition) != "propertyDefinition":
                continue
            self.propdefs[definition.get("identifier")] = {
                "names": self.texts(definition, "name"),
                "type": definition.get("type", "string"),
                "specialization": definition.get("identifier") == "specialization",
            }

    def texts(self, el: etree._Element, tag: str) -> list[tuple[str | None, str]]:
        """The texts as (language, text); an empty name, label or documentation says
        nothing (a property value, even empty, is the property's value)."""
        return sorted((t.get(XML_LANG) or self.lang, t.text or "") for t in _kids(el, tag)
                      if t.text or tag == "value")

    def properties(self, el: etree._Element) -> list[dict[str, Any]]:
        out = []
        for holder in _kids(el, "properties"):
            for prop in _kids(holder, "property"):
                definition = self.propdefs.get(prop.get("propertyDefinitionRef"), {})
                names = [text for _, text in definition.get("names", [])]
                if GENERATED_FOLDERS in names:
                    continue
                out.append({**definition, "values": self.texts(prop, "value")})
        return out

    def common(self, el: etree._Element, name_tag: str = "name") -> dict[str, Any]:
        return {"names": self.texts(el, name_tag), "docs": self.texts(el, "documentation"),
                "properties": self.properties(el)}

    # -------------------------------------------------------------- concepts
    def elements(self) -> dict[str, Any]:
        out = {}
        for holder in _kids(self.root, "elements"):
            for el in _kids(holder, "element"):
                out[el.get("identifier")] = {"type": el.get(XSI_TYPE), **self.common(el)}
        return out

    def relationships(self) -> dict[str, Any]:
        out = {}
        for holder in _kids(self.root, "relationships"):
            for el in _kids(holder, "relationship"):
                kind = el.get(XSI_TYPE)
                data = {"type": kind, "source": el.get("source"), "target": el.get("target"),
                        **self.common(el)}
                if kind == "Access":
                    data["accessType"] = el.get("accessType", "Access")
                elif kind == "Association":
                    data["isDirected"] = el.get("isDirected", "false") in ("true", "1")
                elif kind == "Influence":
                    data["modifier"] = el.get("modifier", "")
                out[el.get("identifier")] = data
        return out

    # -------------------------------------------------------------- folders
    def item(self, item: etree._Element) -> Any:
        if item.get("identifierRef") is not None:
            return ("ref", item.get("identifierRef"))
        return {"identifier": item.get("identifier"), "labels": self.texts(item, "label"),
                "docs": self.texts(item, "documentation"),
                "items": [self.item(i) for i in _kids(item, "item")]}

    def organizations(self) -> list[Any]:
        return [self.item(i) for holder in _kids(self.root, "organizations")
                for i in _kids(holder, "item")]

    # -------------------------------------------------------------- views
    def style(self, el: etree._Element) -> dict[str, Any] | None:
        styles = _kids(el, "style")
        if not styles:
            return None
        style = styles[-1]

        def color(c: etree._Element | None) -> tuple[int, ...] | None:
            if c is None:
                return None
            return (*(int(c.get(k, "0")) for k in "rgb"), int(c.get("a", "100")))

        font = style.find(f"{{{A}}}font")
        out = {"lineWidth": int(style.get("lineWidth", "1")),
               "fill": color(style.find(f"{{{A}}}fillColor")),
               "line": color(style.find(f"{{{A}}}lineColor"))}
        if font is not None:
            size = font.get("size")
            out["font"] = (font.get("name"), float(size) if size else None,
                           tuple(sorted((font.get("style") or "").split())),
                           color(font.find(f"{{{A}}}color")))
        if out == {"lineWidth": 1, "fill": None, "line": None}:
            return None  # an empty <style> says nothing
        return out

    def node(self, el: etree._Element) -> dict[str, Any]:
        data = {"identifier": el.get("identifier"), "type": el.get(XSI_TYPE),
                "elementRef": el.get("elementRef"),
                "bounds": tuple(int(el.get(k)) for k in ("x", "y", "w", "h")),
                "labels": self.texts(el, "label"), "docs": self.texts(el, "documentation"),
                "style": self.style(el),
                "viewRefs": [v.get("ref") for v in _kids(el, "viewRef")],
                "nodes": self.nodes(el)}
        return data

    def nodes(self, parent: etree._Element) -> list[dict[str, Any]]:
        """The nodes directly in ``parent``, in drawing order (or by identifier when the
        caller compares everything but the drawing order)."""
        nodes = [self.node(n) for n in _kids(parent, "node")]
        return nodes if self.node_order else sorted(nodes, key=lambda n: n["identifier"])

    def connection(self, el: etree._Element) -> dict[str, Any]:
        for tag in ("sourceAttachment", "targetAttachment"):
            self.stripped[tag] += len(_kids(el, tag))
        return {"type": el.get(XSI_TYPE), "relationshipRef": el.get("relationshipRef"),
                "source": el.get("source"), "target": el.get("target"),
                "labels": self.texts(el, "label"), "docs": self.texts(el, "documentation"),
                "style": self.style(el),
                "bendpoints": [(int(b.get("x")), int(b.get("y")))
                               for b in _kids(el, "bendpoint")]}

    def views(self) -> dict[str, Any]:
        out = {}
        for views in _kids(self.root, "views"):
            for diagrams in _kids(views, "diagrams"):
                for view in _kids(diagrams, "view"):
                    out[view.get("identifier")] = {  # Diagram: the schema's only kind
                        "type": view.get(XSI_TYPE, "Diagram"),
                        "viewpoint": view.get("viewpoint"),
                        **self.common(view),
                        "nodes": self.nodes(view),
                        "connections": {c.get("identifier"): self.connection(c)
                                        for c in _kids(view, "connection")},
                    }
        return out

    # -------------------------------------------------------------- the model
    def metadata(self) -> list[tuple[str, str]]:
        """The metadata elements, in no particular order (Dublin Core gives none)."""
        out = []
        for holder in _kids(self.root, "metadata"):
            out.extend((_local(c), (c.text or "").strip()) for c in holder
                       if isinstance(c.tag, str))
        return sorted(out)

    def model(self) -> dict[str, Any]:
        root = self.root
        generated = any(GENERATED_FOLDERS in [t for _, t in d["names"]]
                        for d in self.propdefs.values())
        definitions = sorted(
            (tuple(d["names"]), d["type"], d["specialization"]) for d in self.propdefs.values()
            if GENERATED_FOLDERS not in [t for _, t in d["names"]])
        return {
            "identifier": root.get("identifier"),
            "version": root.get("version"),
            **self.common(root),
            "metadata": self.metadata(),
            "propertyDefinitions": definitions,
            "elements": self.elements(),
            "relationships": self.relationships(),
            "organizations": [] if generated else self.organizations(),
            "views": self.views(),
        }


def canonical(root: etree._Element, node_order: bool = True
              ) -> tuple[dict[str, Any], dict[str, int]]:
    """The meaning of an exchange file, and the constructs left out (name -> count).
    ``node_order=False`` ignores the drawing order of sibling nodes (and nothing else)."""
    canon = _Canon(root, node_order)
    model = canon.model()
    return model, {k: v for k, v in canon.stripped.items() if v}


def parse(data: bytes) -> etree._Element:
    """An exchange file from bytes (test data: trusted, but possibly large)."""
    return etree.fromstring(data, etree.XMLParser(huge_tree=True, remove_comments=True))


def differences(before: Any, after: Any, path: str = "") -> list[str]:
    """Readable paths where two canonical forms differ (the first few are enough)."""
    if type(before) is not type(after):
        return [f"{path}: {before!r} != {after!r}"]
    if isinstance(before, dict):
        out = []
        for key in sorted(set(before) | set(after), key=str):
            if key not in after:
                out.append(f"{path}/{key}: missing after the round trip")
            elif key not in before:
                out.append(f"{path}/{key}: added by the round trip: {after[key]!r}"[:300])
            else:
                out.extend(differences(before[key], after[key], f"{path}/{key}"))
        return out
    if isinstance(before, list) and len(before) == len(after):
        return [d for i, (b, a) in enumerate(zip(before, after, strict=True))
                for d in differences(b, a, f"{path}[{i}]")]
    if before != after:
        return [f"{path}: {before!r} != {after!r}"[:400]]
    return []
