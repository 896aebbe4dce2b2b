"""Where the elements of a template go: layer bands, a grid of columns, the hosting view.

Each overview layer is a labelled band (a container node whose ``layer`` is the layer id
and whose label is its Vietnamese name), stacked top to bottom at the same x and width, in
the profile's order (QĐ 3090's layers are numbered bottom-up, so its layer 4 comes first);
the external systems are a vertical band on the left, the cross-cutting layers (information
security and governance in 2.0, governance in 2025) vertical bands on the right. A roadmap
view's rows (plateaus, gaps, work packages) are labelled bands with no layer. Elements are
nested in their band (``parent`` = band node) with absolute coordinates, placed on a grid of
columns so lines between bands run mostly straight; bands leave a lane above, below and
between their rows. Box widths grow until the Vietnamese name wraps in at most three lines
at 9 pt, measured with the bundled font (the same metrics the canvas and the PDF use).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from egov_modeler.diagram.overview_layout import fitting_width
from egov_modeler.model.commands import CreateViewCommand
from egov_modeler.model.views import Node, View

if TYPE_CHECKING:
    from egov_modeler.model.catalog import Catalog
    from tools.templates.build_templates import Builder, Spec

# Geometry (points = scene pixels).
MARGIN = 40
TAB = 18              # container label tab height (notation.GROUP_TAB_HEIGHT)
BAND_PAD = 14         # space between a band's side edge and its elements
# Above, below and between rows there is room for a lane with an arrowhead's length
# (MIN_LEG) to either side, so lines can turn there instead of crossing boxes.
TOP_PAD = 30          # space between a band's tab and its first row
BOTTOM_PAD = 30       # space between a band's last row and its bottom edge
BAND_GAP = 12         # space between two bands
ROW_GAP = 30          # space between two rows of one band
ELEMENT_H = 70
WIDTHS = (160, 180, 200, 230, 260)
MAIN_WIDTH = 1640     # width of the horizontal bands
SIDE_W = 250          # width of a vertical band
COLUMNS = 8           # grid columns of a horizontal band

SLOTS = 6            # boxes per row when a template lets rows wrap (the 2025 views)
SIDE_GAP = 20        # least space between two boxes of a vertical band


@dataclass
class Item:
    """One element of a template: a catalog component, optionally renamed."""

    key: str
    component: str
    name: str | None = None
    name_en: str | None = None
    col: float | None = None


# ------------------------------------------------------------------------- geometry

def element_width(element_type: str, name: str) -> int:
    """The narrowest standard width in which ``name`` wraps in at most three lines."""
    return fitting_width(element_type, name, WIDTHS, ELEMENT_H)


# ------------------------------------------------------------------------- bands

def _row_height(row: list[Item]) -> int:
    return ELEMENT_H


def _band_height(rows: list[list[Item]], minimum: int = 60) -> int:
    if not rows:
        return TAB + BAND_PAD + minimum
    content = sum(_row_height(r) for r in rows) + ROW_GAP * (len(rows) - 1)
    return TAB + TOP_PAD + content + BOTTOM_PAD


def band_groups(catalog: Catalog, keys: list[str]) -> tuple[list[str], list[str], list[str]]:
    """``keys`` (band keys of one view) split into the main column (top to bottom), the
    vertical bands on the right (cross-cutting layers) and on the left (external systems).

    A key that is not a layer of the catalog is a plain labelled row of the main column
    (the rows of a roadmap view); the main column keeps the order of ``keys``.
    """
    main, right, left = [], [], []
    for key in keys:
        layer = catalog.layer(key) if catalog.has_layer(key) else None
        if layer is not None and layer.cross_cutting:
            right.append(key)
        elif layer is not None and layer.kind == "external":
            left.append(key)
        else:
            main.append(key)
    return main, right, left


def all_bands(catalog: Catalog) -> list[str]:
    """Every overview, cross-cutting and external layer in palette order (the bands of an
    empty overview view)."""
    return [layer.id for layer in catalog.layers if layer.kind in ("overview", "external")]


def wrap_rows(builder: Builder, items: list[Item], slots: int = SLOTS) -> list[list[Item]]:
    """``items`` in rows of at most ``slots``, each item in a slot of an even grid (the same
    in every band), so the gaps between slots are lanes that run the whole height of the
    view and lines between bands can always pass."""
    del builder  # the widest box (260) fits a slot of MAIN_WIDTH / SLOTS with lanes beside
    rows = [items[i:i + slots] for i in range(0, len(items), slots)]
    per_slot = COLUMNS / slots
    for row in rows:
        for index, item in enumerate(row):
            item.col = per_slot * (index + 0.5) - 0.5
    return rows


def layout_bands(builder: Builder, view_id: str, bands: dict[str, list[list[Item]]],
                 empty_height: int = 90, labels: dict[str, tuple[str, str]] | None = None,
                 ) -> None:
    """Place the bands and, nested in them, the elements of ``bands`` (band key -> rows).

    With no bands at all, every layer of the catalog gets an empty band (the ``empty``
    template). ``labels`` names the bands whose key is not a layer (vi, en).
    """
    catalog = builder.catalog
    labels = labels or {}
    view_tag = view_id.rsplit("-", 1)[-1]
    keys = list(bands) or all_bands(catalog)
    overview, right, left = band_groups(catalog, keys)
    main_x = MARGIN + (_side_width(builder, bands, left) + BAND_GAP if left else 0)
    y = MARGIN
    band_boxes: dict[str, tuple[int, int, int, int]] = {}
    for key in overview:
        rows = bands.get(key, [])
        height = _band_height(rows) if rows else empty_height
        band_boxes[key] = (main_x, y, MAIN_WIDTH, height)
        y += height + BAND_GAP
    total_h = y - BAND_GAP - MARGIN
    for key in (*right, *left):
        items = sum(len(row) for row in bands.get(key, []))
        total_h = max(total_h, TAB + TOP_PAD + BOTTOM_PAD + items * (ELEMENT_H + SIDE_GAP))
    if overview:  # the last main band grows so the side bands' items fit beside the stack
        last = overview[-1]
        bx, by, bw, bh = band_boxes[last]
        band_boxes[last] = (bx, by, bw, MARGIN + total_h - by)
    side_x = main_x + MAIN_WIDTH + BAND_GAP
    for key in right:
        width = _side_width(builder, bands, [key])
        band_boxes[key] = (side_x, MARGIN, width, total_h)
        side_x += width + BAND_GAP
    for key in left:
        band_boxes[key] = (MARGIN, MARGIN, _side_width(builder, bands, left), total_h)
    row_ys: list[int] = []
    for key in overview:
        _bx, by, _bw, _bh = band_boxes[key]
        for index, _row in enumerate(bands.get(key, [])):
            row_ys.append(by + TAB + TOP_PAD + index * (ELEMENT_H + ROW_GAP))
    for key, (bx, by, bw, bh) in band_boxes.items():
        band_id = f"{builder.prefix}-{view_tag}-band-{key}"
        if catalog.has_layer(key):
            layer_obj = catalog.layer(key)
            label, label_en, layer = layer_obj.name_vi, layer_obj.name_en, key
        else:
            label, label_en = labels.get(key, (key, key))
            layer = None
            band_id = f"{builder.prefix}-{view_tag}-row-{_slug(label_en)}"
        builder.place(view_id, Node(
            id=band_id, x=bx, y=by, w=bw, h=bh, kind="container", label=label,
            labels={"en": label_en}, layer=layer))
        rows = bands.get(key, [])
        if key in right or key in left:
            _place_column(builder, view_id, band_id, (bx, by, bw, bh), rows, row_ys)
        else:
            _place_rows(builder, view_id, band_id, (bx, by, bw, bh), rows)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _side_width(builder: Builder, bands: dict[str, list[list[Item]]], keys: list[str]) -> int:
    """:data:`SIDE_W`, or wider when a name needs a wider box to wrap in three lines."""
    widest = max((_width_of(builder, item) for key in keys for row in bands.get(key, [])
                  for item in row), default=0)
    return SIDE_W if widest <= SIDE_W - 2 * BAND_PAD else widest + 2 * BAND_PAD


def _node(builder: Builder, view_id: str, band_id: str, item: Item, x: int, y: int,
          w: int) -> None:
    view_tag = view_id.rsplit("-", 1)[-1]
    builder.place(view_id, Node(
        id=f"{builder.prefix}-{view_tag}-n-{item.key}", x=x, y=y, w=w, h=ELEMENT_H,
        kind="element", element_id=builder.elements[item.key], parent=band_id), item.key)


def _width_of(builder: Builder, item: Item) -> int:
    element = builder.model.element(builder.elements[item.key])
    return element_width(element.type, element.name)


def _place_rows(builder: Builder, view_id: str, band_id: str,
                box: tuple[int, int, int, int], rows: list[list[Item]]) -> None:
    bx, by, bw, _bh = box
    y = by + TAB + TOP_PAD
    for row in rows:
        even = bw / max(1, len(row))
        grid = bw / COLUMNS
        for index, item in enumerate(row):
            w = _width_of(builder, item)
            if item.col is None:
                x = int(round(bx + even * index + (even - w) / 2))
            else:
                x = int(round(bx + grid * item.col + (grid - w) / 2))
            _node(builder, view_id, band_id, item, x, y, w)
        y += _row_height(row) + ROW_GAP


def _place_column(builder: Builder, view_id: str, band_id: str,
                  box: tuple[int, int, int, int], rows: list[list[Item]],
                  row_ys: list[int]) -> None:
    """Stack a vertical band's items: evenly, or level with row ``col`` of the horizontal
    bands (counted top to bottom over all their rows) so a line to it runs flat."""
    bx, by, bw, bh = box
    items = [item for row in rows for item in row]
    if not items:
        return
    top = by + TAB + TOP_PAD
    slot = (bh - TAB - TOP_PAD - BOTTOM_PAD) / len(items)
    for index, item in enumerate(items):
        w = min(_width_of(builder, item), bw - 2 * BAND_PAD)
        x = int(round(bx + (bw - w) / 2))
        if item.col is not None and int(item.col) < len(row_ys):
            y = row_ys[int(item.col)]
        else:
            y = int(round(top + slot * index + (slot - ELEMENT_H) / 2))
        _node(builder, view_id, band_id, item, x, y, w)


def hosting_view(builder: Builder, spec: Spec) -> None:
    """A second view: which infrastructure each application runs on.

    One group per infrastructure element, groups stacked top to bottom: its applications
    side by side in a row and the infrastructure centred below, joined by a bus of
    orthogonal lines that crosses no box. No layer bands here: applications of several
    layers share a row.
    """
    if not spec.hosting:
        return
    view = View(id=f"{builder.prefix}-v-hosting", name="Hạ tầng vận hành các hệ thống",
                names={"en": "Infrastructure the systems run on"})
    builder.model.execute(CreateViewCommand(view))
    groups: dict[str, list[tuple[str, str]]] = {}
    for infra, rel_type, app in spec.hosting:
        groups.setdefault(infra, []).append((rel_type, app))
    apps_y = MARGIN
    for infra, members in groups.items():
        x = start = MARGIN
        infra_y = apps_y + ELEMENT_H + 220
        for _rel_type, app in members:
            w = _width_of(builder, Item(app, app))
            builder.place(view.id, Node(id=f"{builder.prefix}-hosting-n-{app}", x=x, y=apps_y,
                                        w=w, h=ELEMENT_H,
                                        element_id=builder.elements[app]), app)
            x += w + 20
        group_w = x - 20 - start
        w = _width_of(builder, Item(infra, infra))
        builder.place(view.id, Node(
            id=f"{builder.prefix}-hosting-n-{infra}", x=start + (group_w - w) // 2, y=infra_y,
            w=w, h=ELEMENT_H, element_id=builder.elements[infra]), infra)
        for rel_type, app in members:
            rel_id = f"{builder.prefix}-r-{infra}-{app}"
            if not builder.model.has_relationship(rel_id):
                rel_id = builder.relate(infra, rel_type, app)
            builder.connect(view.id, rel_id, infra, app)
        apps_y = infra_y + ELEMENT_H + 80
    builder.draw_connections(view.id)
