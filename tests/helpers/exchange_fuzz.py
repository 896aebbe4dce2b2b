"""A seeded mutation fuzzer for the exchange import.

Why hand-made: the mutations that found the defects of issue 11 are structural (an
identifier removed, a node moved into a connection, a size of 0, NaN as a font size, a
hostile ``egov:view-extras``), which byte flipping alone rarely reaches in a few seconds.
Each case is built from a random generator seeded with ``(seed, index)``, so any case can
be replayed alone, and the same run gives the same files on every machine.

What each case must do (:func:`check`): import either gives a model or raises
:class:`ExchangeImportError` with a message (any other exception is a traceback the user
would see); a model must save to ``.egov``, load again and export again; and no step may
hang (a watchdog stops a case after :data:`HANG_SECONDS`, where the platform has one).
"""

from __future__ import annotations

import copy
import json
import random
import signal
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from egov_modeler.exchange.oef_reader import ExchangeImportError, read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import load, save

A = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
#: A case that takes longer than this has hung (the slowest seed takes well under 1 s).
HANG_SECONDS = 20

_ATTRIBUTES = ("identifier", "elementRef", "relationshipRef", "source", "target", "x", "y",
               "w", "h", "r", "g", "b", "a", "size", "lineWidth", "identifierRef", "ref",
               "propertyDefinitionRef", "accessType", "isDirected", "modifier", XSI_TYPE,
               "viewpoint", "version", "type", "{http://www.w3.org/XML/1998/namespace}lang")
_VALUES = ("", "0", "-1", "1", "-0", "+7", "1e309", "NaN", "Infinity", "-Infinity", "1e11",
           "9" * 5000, "٣", "1_000", " 12 ", "12px", "true", "Element", "Label", "Container",
           "Relationship", "Line", "Diagram", "BusinessActor", "Bogus", "Read", "x y",
           "phần-tử", "id-" + "x" * 300, "2147483648", "-1000000000000", "vi", "en", "")
_TAGS = ("node", "connection", "element", "relationship", "view", "item", "name", "label",
         "documentation", "style", "font", "fillColor", "bendpoint", "properties",
         "property", "value", "propertyDefinition", "viewRef", "organizations")
_EXTRAS = (
    '{"nodes": {"%s": {"style": {"font_size": "big"}}}}',
    '{"nodes": {"%s": {"style": {"fill": "#zzzzzz", "fill_alpha": 999}}}}',
    '{"nodes": {"%s": {"kind": "bogus", "w": -4, "layer": 5}}}',
    '{"nodes": {"%s": {"style": {"font_size": NaN}}}, "origin": [Infinity, 1]}',
    '{"origin": [' + "9" * 5000 + ", 0]}",
    '{"nodes": ' + "[" * 50_000 + "]" * 50_000 + "}",
    '{"connections": {"%s": {"style": {"line_width": 1e300}}}}',
    '{"nodes": {"%s": {"kind": "label", "w": 1000000, "style": {"font_size": 400}}}}',
    '{"nodes": {"%s": {"layer": "\\ud800", "style": {"font_name": "\\udfff"}}}}',
)


@dataclass
class Outcome:
    """What one case did: "model", "refused", or a problem (traceback, hang, lost)."""

    kind: str
    detail: str = ""


class _Hang(BaseException):
    """Not an Exception, so no ``except Exception`` in the code under test swallows it."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    """Raise :class:`_Hang` in the running code after ``seconds`` (POSIX only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------ mutations
def _elements(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str)]


def _ids(root: etree._Element) -> list[str]:
    return [i for e in root.iter() if (i := e.get("identifier")) is not None]


def _mutate_tree(rng: random.Random, root: etree._Element) -> None:
    elements = _elements(root)
    target = rng.choice(elements)
    operation = rng.randrange(10)
    if operation == 0 and target.attrib:  # drop an attribute
        del target.attrib[rng.choice(list(target.keys()))]
    elif operation == 1:  # a hostile or wrong value
        ids = _ids(root)
        value = rng.choice(ids) if ids and rng.random() < 0.3 else rng.choice(_VALUES)
        target.set(rng.choice(_ATTRIBUTES), value)
    elif operation == 2 and target is not root:  # remove with what it holds
        target.getparent().remove(target)
    elif operation == 3 and target is not root:  # duplicate (ids twice)
        target.addnext(copy.deepcopy(target))
    elif operation == 4 and target is not root:  # move somewhere else
        host = rng.choice(elements)
        if host is not target and target not in host.iterancestors():
            host.append(target)
    elif operation == 5 and target is not root:  # another tag
        target.tag = f"{{{A}}}{rng.choice(_TAGS)}"
    elif operation == 6:  # hostile text
        target.text = rng.choice(("", " ", "x" * 20_000, "Người dân ✓ 🏛", "<b>&amp;</b>"))
    elif operation == 7 and target is not root:  # nest deep
        for _ in range(rng.choice((3, 40, 300))):  # wrappers like it, without children
            wrapper = etree.Element(target.tag, dict(target.attrib))
            wrapper.set("identifier", f"id-w{rng.randrange(10**9)}")
            target.getparent().replace(target, wrapper)
            wrapper.append(target)
            target = wrapper
    elif operation == 8:  # a hostile view-extras value
        values = root.findall(f".//{{{A}}}value")
        ids = _ids(root)
        if values and ids:
            text = rng.choice(_EXTRAS)
            rng.choice(values).text = text.replace("%s", rng.choice(ids)) if "%s" in text \
                else text
    else:  # a property definition named egov:view-extras makes values land there
        names = root.findall(f".//{{{A}}}propertyDefinition/{{{A}}}name")
        if names:
            rng.choice(names).text = "egov:view-extras"


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    operation = rng.randrange(4)
    if operation == 0:
        return data[: rng.randrange(len(data) + 1)]
    position = rng.randrange(len(data) + 1)
    if operation == 1:
        return data[:position] + bytes([rng.randrange(256)]) + data[position + 1:]
    if operation == 2:
        return data[:position] + rng.choice(
            (b"<!DOCTYPE x>", b"&xxe;", b"\x00", b"<node/>", b"]]>", b"\xff\xfe")) + \
            data[position:]
    return data.replace(b"archimate/3.0/", rng.choice(
        (b"archimate/", b"archimate/2.1/", b"archimate/3.1/")), 1)


class Fuzzer:
    """Cases made from seed files; :meth:`case` is a pure function of its index."""

    def __init__(self, seeds: list[bytes], seed: int) -> None:
        self.trees = [etree.fromstring(s, etree.XMLParser(huge_tree=True)) for s in seeds]
        self.seed = seed

    def case(self, index: int) -> bytes:
        rng = random.Random(f"{self.seed}:{index}")
        root = copy.deepcopy(rng.choice(self.trees))
        for _ in range(rng.choice((1, 1, 2, 3, 6))):
            _mutate_tree(rng, root)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        if rng.random() < 0.15:
            data = _mutate_bytes(rng, data)
        return data


# ------------------------------------------------------------------ the check
def check(data: bytes) -> Outcome:
    """Import ``data``; a model must save, load and export again (see the docstring)."""
    try:
        with watchdog(HANG_SECONDS):
            try:
                model = read_exchange_bytes(data, "fuzz.xml")
            except ExchangeImportError as error:
                if not str(error).strip():
                    return Outcome("refused without a message")
                return Outcome("refused", str(error))
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "fuzz.egov"
                save(model, path)
                again = load(path)
            exchange_bytes(again)
            json.dumps(model_to_dict(again))
            if model_to_dict(again) != model_to_dict(model):
                return Outcome("the .egov round trip changed the model")
            return Outcome("model")
    except _Hang:
        return Outcome("hang")
    except Exception:  # the point: nothing else may escape
        return Outcome("traceback", traceback.format_exc(limit=12))
