"""The segments of many polylines filed by grid cell, so that what a new polyline crosses
or runs along is found among the segments near it, segment by segment.

The router keeps the routes it is still choosing between and the lines it has drawn here:
each line drawn is met with the routes waiting near it, each route scored with the lines
drawn near it. On a 2,000-node overview most routes and lines are long (lanes across the
view), so nearly every route's bounds meet nearly every line's: comparing them polyline
against polyline (every segment with every segment) was most of "Re-layout". Filed by
segment, a level segment only meets the upright segments filed in its own row of cells,
each pair in exactly one cell (the one holding the crossing point), and a segment runs
along only those filed at its very height or column.

The answers are those of testing every pair of segments with :func:`crosses` and of
"runs along for more than :data:`ALONG` points" (``routing._runs_along``), which the tests
check against a plain scan.
"""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]
#: Segments that lie on one another for more than this many points run along each other.
ALONG = 4


def crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """True when segments a-b and c-d cross at a point inside both (not at an end)."""
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(a, b, c) * side(a, b, d) < 0) and (side(c, d, a) * side(c, d, b) < 0)


#: A filed segment: its fixed coordinate (y of a level one, x of an upright one; 0 for a
#: slanting one), its span along the other axis, its key, and its ends.
_Entry = tuple[float, float, float, int, Point, Point]


class SegmentGrid:
    """Segments filed under integer keys (a route, a drawn line)."""

    def __init__(self, cell: float = 160, crossings: bool = True) -> None:
        #: Without ``crossings`` only :meth:`along` is answered (nothing is filed by cell).
        self.crossings = crossings
        self.cell = cell
        self._level: dict[tuple[int, int], list[_Entry]] = {}
        self._upright: dict[tuple[int, int], list[_Entry]] = {}
        self._slanting: dict[tuple[int, int], list[_Entry]] = {}
        self._rows: dict[float, list[_Entry]] = {}
        self._columns: dict[float, list[_Entry]] = {}

    def add(self, key: int, points: Sequence[Point]) -> None:
        """File the segments of polyline ``points`` under ``key``."""
        size = self.cell
        for a, b in zip(points, points[1:], strict=False):
            if a[1] == b[1]:
                if a[0] == b[0]:
                    continue  # a point crosses nothing and runs along nothing
                lo, hi = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
                entry = (a[1], lo, hi, key, a, b)
                row = int(a[1] // size)
                for cx in range(int(lo // size), int(hi // size) + 1) if self.crossings else ():
                    self._level.setdefault((cx, row), []).append(entry)
                self._rows.setdefault(a[1], []).append(entry)
            elif a[0] == b[0]:
                lo, hi = (a[1], b[1]) if a[1] < b[1] else (b[1], a[1])
                entry = (a[0], lo, hi, key, a, b)
                column = int(a[0] // size)
                for cy in range(int(lo // size), int(hi // size) + 1) if self.crossings else ():
                    self._upright.setdefault((column, cy), []).append(entry)
                self._columns.setdefault(a[0], []).append(entry)
            elif self.crossings:
                entry = (0.0, 0.0, 0.0, key, a, b)
                for cell in _cells(a, b, size):
                    self._slanting.setdefault(cell, []).append(entry)

    def meet(self, points: Sequence[Point], filed_first: bool = False
             ) -> tuple[dict[int, int], set[int]]:
        """How many times ``points`` crosses the polyline filed under each key (keys
        it does not cross left out), and the keys whose polylines it runs along.

        A crossing of two segments neither level nor upright is :func:`crosses` of the
        new segment and the filed one (``filed_first``: the filed one first), so the
        answer is that of the plain scan to the last bit."""
        if not self.crossings:
            raise ValueError("a grid kept for running along only counts no crossings")
        crossed: dict[int, int] = {}
        size = self.cell
        level, upright, slanting = self._level, self._upright, self._slanting
        for c, d in zip(points, points[1:], strict=False):
            seen: set[int] = set()
            if c[1] == d[1]:
                if c[0] == d[0]:
                    continue
                y = c[1]
                x0, x1 = (c[0], d[0]) if c[0] < d[0] else (d[0], c[0])
                row = int(y // size)
                for cx in range(int(x0 // size), int(x1 // size) + 1):
                    cell = (cx, row)
                    # an upright segment meets this one's row of cells in one cell only
                    for x, lo, hi, key, _a, _b in upright.get(cell, ()):
                        if x0 < x < x1 and lo < y < hi:
                            crossed[key] = crossed.get(key, 0) + 1
                    self._slants(slanting.get(cell, ()), c, d, filed_first, seen, crossed)
            elif c[0] == d[0]:
                x = c[0]
                y0, y1 = (c[1], d[1]) if c[1] < d[1] else (d[1], c[1])
                column = int(x // size)
                for cy in range(int(y0 // size), int(y1 // size) + 1):
                    cell = (column, cy)
                    for y, lo, hi, key, _a, _b in level.get(cell, ()):
                        if y0 < y < y1 and lo < x < hi:
                            crossed[key] = crossed.get(key, 0) + 1
                    self._slants(slanting.get(cell, ()), c, d, filed_first, seen, crossed)
            else:
                for cell in _cells(c, d, size):
                    for found in (level, upright, slanting):
                        self._slants(found.get(cell, ()), c, d, filed_first, seen, crossed)
        return crossed, self.along(points)

    def along(self, points: Sequence[Point]) -> set[int]:
        """The keys whose polylines ``points`` runs along (what :meth:`meet` gives
        second), from the segments filed at the very height or column of its own."""
        found: set[int] = set()
        rows, columns = self._rows, self._columns
        for c, d in zip(points, points[1:], strict=False):
            if c[1] == d[1]:
                if c[0] == d[0]:
                    continue
                x0, x1 = (c[0], d[0]) if c[0] < d[0] else (d[0], c[0])
                for _y, lo, hi, key, _a, _b in rows.get(c[1], ()):
                    if (hi if hi < x1 else x1) - (lo if lo > x0 else x0) > ALONG:
                        found.add(key)
            elif c[0] == d[0]:
                y0, y1 = (c[1], d[1]) if c[1] < d[1] else (d[1], c[1])
                for _x, lo, hi, key, _a, _b in columns.get(c[0], ()):
                    if (hi if hi < y1 else y1) - (lo if lo > y0 else y0) > ALONG:
                        found.add(key)
        return found

    def on_lane(self, axis: str, lane: float) -> list[tuple[float, float, int]]:
        """The segments filed on a column (axis "x") or a row at ``lane``, as (start, end,
        key) along it: what a route along that lane would run on top of."""
        found = (self._columns if axis == "x" else self._rows).get(lane, ())
        return [(lo, hi, key) for _at, lo, hi, key, _a, _b in found]

    @staticmethod
    def _slants(entries: Sequence[_Entry], c: Point, d: Point, filed_first: bool,
                seen: set[int], crossed: dict[int, int]) -> None:
        """Count the crossings of segment c-d with ``entries`` not met before (a
        slanting segment is filed in every cell of its bounds)."""
        for entry in entries:
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            _x, _lo, _hi, key, a, b = entry
            if crosses(a, b, c, d) if filed_first else crosses(c, d, a, b):
                crossed[key] = crossed.get(key, 0) + 1


def _cells(a: Point, b: Point, size: float) -> list[tuple[int, int]]:
    """The cells of a grid of ``size`` that the bounds of segment ``a``-``b`` touch."""
    return [(cx, cy)
            for cx in range(int(min(a[0], b[0]) // size), int(max(a[0], b[0]) // size) + 1)
            for cy in range(int(min(a[1], b[1]) // size), int(max(a[1], b[1]) // size) + 1)]
