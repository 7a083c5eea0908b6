#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark's maps drawn with mapnik, beside `tanlu render map`.

    bench/map-reference.py MAP.geojson OUT.png

MAP.geojson and MAP.json beside it are written by
build-bench/bench/tanlu-bench-export-geojson: the regions of one map with
the boundaries, names and 2019 CO2 emissions Tanlu draws, and the texts
around Tanlu's picture. Draws a 1600x1200 PNG of the same map with mapnik
(Debian's python3-mapnik, which needs Debian's own /usr/bin/python3), laid
out as `tanlu render map --size 1600x1200 --language en` lays it out:

  - the basemap (sea, land, lakes, rivers, coastlines, dashed borders) from
    the Natural Earth files in data/basemap that Tanlu's bundled basemap
    is built from, in Tanlu's colours; the fine features only, which is
    what Tanlu draws at this scale;
  - the regions in five quantile classes, computed here with Tanlu's
    definition (src/map/tanlu-classify.c) and checked against the classes
    Tanlu built, in ColorBrewer's YlOrRd as src/map/tanlu-map-palette.c
    has it, "no data" grey and hatched, outlined;
  - the regions' names in DejaVu Sans with a halo;
  - the title, subtitle, the lines under the map, a framed map area, the
    legend (title, unit, ranges, counts) and a scale bar.

Where they differ: names follow Tanlu's rule (only where they fit inside
their region's bounds) but mapnik's own placement (an interior point
rather than the centroid) and collision test, so a few more or fewer are
shown; the legend always goes to the bottom right corner, where Tanlu
picks the corner covering the least of the regions (the bottom right one
for both maps); and text blocks are sized by an estimate rather than
measured.

The benchmark times the whole process: starting Python, importing mapnik,
reading the files, classifying, building the map and writing the PNG.
"""

import json
import math
import os
import sys

import mapnik

WIDTH, HEIGHT = 1600, 1200
N_CLASSES = 5
BASEMAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "basemap")

# The layout of tanlu_map_picture_draw () (src/map/tanlu-map-draw.c).
BASE = min(max(math.sqrt(WIDTH * HEIGHT) / 52, 10), 30)
PAD = BASE
FONT_SIZE = BASE * 0.8
LINE_HEIGHT = 1.164          # DejaVu Sans ascent + descent, in ems
AVERAGE_ADVANCE = 0.5        # its average advance in running text, in ems

# DejaVu Sans, and Noto Sans CJK for the Chinese in the last line where it
# is installed, as fontconfig picks them for Tanlu's "Sans".
FONTS = {"sans": ["DejaVu Sans Book", "Noto Sans CJK SC Regular"],
         "sans-bold": ["DejaVu Sans Bold", "Noto Sans CJK SC Bold"]}
FOREGROUND = (0x1f, 0x1f, 0x1f)
BACKGROUND = (0xff, 0xff, 0xff)

# ColorBrewer YlOrRd for five classes, and "no data" (light page).
CLASS_COLORS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
NO_DATA_FILL, NO_DATA_HATCH = "#c8c8c8", "#969696"

# Tanlu's light basemap colours and line widths (src/map/tanlu-basemap.c).
SEA, LAND, RIVER, COASTLINE, BORDER = "#d4e2eb", "#f3f1ed", "#9fbfd6", "#8fa0ac", "#999999"



def rgba(color, alpha=1.0):
    """The foreground or background colour at an opacity, as mapnik reads it."""
    return "rgba(%d,%d,%d,%.3f)" % (*color, alpha)


def mix(color, alpha):
    """An opaque colour: @color at @alpha over the white page."""
    return "#%02x%02x%02x" % tuple(round(c * alpha + b * (1 - alpha)) for c, b in zip(color, BACKGROUND))


# -- Classes, as src/map/tanlu-classify.c builds them ---------------------

def nearest_value_start(ordered, target):
    n = len(ordered)
    below, above = target, max(target, 1)
    while below > 0 and not ordered[below - 1] < ordered[below]:
        below -= 1
    while above < n and not ordered[above - 1] < ordered[above]:
        above += 1
    if above >= n:
        return below
    if below == 0:
        return above
    return below if target - below <= above - target else above


def quantile_breaks(values, n_classes):
    """Breaks at the nearest distinct values to the equal-count positions,
    ties merged: n_classes + 1 bounds, or fewer."""
    ordered = sorted(values)
    n = len(ordered)
    breaks, previous = [ordered[0]], 0
    for i in range(1, n_classes):
        start = nearest_value_start(ordered, i * n // n_classes)
        if start <= previous:
            continue
        breaks.append(ordered[start])
        previous = start
    breaks.append(ordered[-1])
    return breaks


def find_class(breaks, value):
    """The last class whose lower bound is at most @value."""
    found = 0
    for c in range(1, len(breaks) - 1):
        if breaks[c] <= value:
            found = c
    return found


def format_number(value, decimals):
    text = "{:,.{}f}".format(abs(value), decimals)
    return ("−" if value < 0 and float(text.replace(",", "")) != 0 else "") + text


def class_range(low, high):
    decimals = min(max(1 - math.floor(math.log10(max(abs(high - low), 1e-9))), 0), 3)
    return "%s – %s" % (format_number(low, decimals), format_number(high, decimals))


# -- Layout ----------------------------------------------------------------

def text_width(text, size, bold=False):
    return len(text) * size * AVERAGE_ADVANCE * (1.12 if bold else 1.0)


def wrap(text, size, width):
    """@text in lines no wider than @width, words kept whole. (mapnik's own
    wrapping aims at lines of equal width, not at filling them.)"""
    lines = [""]
    for word in text.split(" "):
        candidate = (lines[-1] + " " + word) if lines[-1] else word
        if lines[-1] and text_width(candidate, size) > width:
            lines.append(word)
        else:
            lines[-1] = candidate
    return lines


# Tanlu's exports: Albers equal-area conic fitted to China, on a sphere of
# the authalic radius (src/geo/tanlu-albers.h).
ALBERS_RADIUS = 6371007.181
ALBERS = ("+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +R=%.3f +units=m +no_defs"
          % ALBERS_RADIUS)
ALBERS_N = (math.sin(math.radians(25)) + math.sin(math.radians(47))) / 2
ALBERS_C = math.cos(math.radians(25)) ** 2 + 2 * ALBERS_N * math.sin(math.radians(25))
ALBERS_RHO0 = ALBERS_RADIUS * math.sqrt(ALBERS_C) / ALBERS_N
# Metres of Albers to one of Tanlu's world units.
ALBERS_UNIT = 2 * math.pi * ALBERS_RADIUS


def albers(longitude, latitude):
    """Tanlu's world units in Albers: a unit is the equator's length, y
    southwards."""
    theta = ALBERS_N * math.radians(longitude - 105)
    rho = ALBERS_RADIUS * math.sqrt(ALBERS_C - 2 * ALBERS_N * math.sin(math.radians(latitude))) / ALBERS_N
    return 0.5 + rho * math.sin(theta) / ALBERS_UNIT, 0.5 - (ALBERS_RHO0 - rho * math.cos(theta)) / ALBERS_UNIT


def albers_latitude(x, y):
    """The latitude of world units (x, y)."""
    x, y = (x - 0.5) * ALBERS_UNIT, (0.5 - y) * ALBERS_UNIT
    q = math.hypot(x, ALBERS_RHO0 - y) * ALBERS_N / ALBERS_RADIUS
    return math.degrees(math.asin((ALBERS_C - q * q) / (2 * ALBERS_N)))


class Page:
    """Pixels of the 1600x1200 picture to Albers metres, once the map
    area's view is known."""

    def __init__(self, bounds, top, bottom):
        self.frame = (PAD, top, WIDTH - 2 * PAD, bottom - top)
        min_x, min_y, max_x, max_y = bounds
        margin = PAD * 0.5
        width, height = self.frame[2], self.frame[3]
        # tanlu_map_view_fit ()
        self.scale = min((width - 2 * margin) / (max_x - min_x), (height - 2 * margin) / (max_y - min_y))
        self.view_x = (min_x + max_x) / 2 - width / 2 / self.scale
        self.view_y = (min_y + max_y) / 2 - height / 2 / self.scale
        self.resolution = ALBERS_UNIT / self.scale
        self.left = (self.view_x - PAD / self.scale - 0.5) * ALBERS_UNIT
        self.top = (0.5 - (self.view_y - top / self.scale)) * ALBERS_UNIT

    def box(self):
        return mapnik.Box2d(self.left, self.top - HEIGHT * self.resolution,
                            self.left + WIDTH * self.resolution, self.top)

    def point(self, x, y):
        return "%.3f %.3f" % (self.left + x * self.resolution, self.top - y * self.resolution)

    def rectangle(self, x, y, width, height):
        corners = [(x, y), (x + width, y), (x + width, y + height), (x, y + height), (x, y)]
        return "(" + ",".join(self.point(*c) for c in corners) + ")"


# -- The stylesheet -------------------------------------------------------

def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def csv_field(text):
    return '"' + text.replace('"', '""') + '"'


def inline_layer(name, styles, rows, columns):
    """A layer of shapes in page coordinates: an inline CSV with WKT."""
    lines = [",".join(["wkt"] + columns)]
    for wkt, *values in rows:
        lines.append(",".join([csv_field(wkt)] + [csv_field(str(v)) for v in values]))
    style_names = "".join("<StyleName>%s</StyleName>" % s for s in styles)
    return ('<Layer name="%s" srs="%s">%s<Datasource>'
            '<Parameter name="type">csv</Parameter>'
            '<Parameter name="inline"><![CDATA[%s\n]]></Parameter>'
            '</Datasource></Layer>' % (name, ALBERS, style_names, "\n".join(lines)))


def basemap_layer(kind, style):
    path = os.path.join(BASEMAP, kind + ".geojson")
    return ('<Layer name="%s" srs="epsg:4326"><StyleName>%s</StyleName><Datasource>'
            '<Parameter name="type">geojson</Parameter><Parameter name="file">%s</Parameter>'
            '</Datasource></Layer>' % (kind, style, escape(path)))


def text_symbolizer(size, color, bold=False, halo=None):
    """Text to the right of and below its point, as Pango lays it out from
    its top left corner."""
    attributes = 'fontset-name="%s" size="%.2f" fill="%s" allow-overlap="true" placement="point"' % (
        "sans-bold" if bold else "sans", size, color)
    attributes += ' horizontal-alignment="right" vertical-alignment="bottom" justify-alignment="left"'
    if halo:
        attributes += ' halo-fill="%s" halo-radius="1.5"' % halo
    return "<TextSymbolizer %s>[text]</TextSymbolizer>" % attributes


def stylesheet(picture, page, breaks, bounds, counts, n_missing, named, hatch_path):
    fine = "<Filter>[detail] = 1</Filter>"
    styles = []

    styles.append('<Style name="land"><Rule>%s<PolygonSymbolizer fill="%s"/></Rule></Style>' % (fine, LAND))
    styles.append('<Style name="lakes"><Rule>%s<PolygonSymbolizer fill="%s"/></Rule></Style>' % (fine, SEA))
    styles.append('<Style name="rivers"><Rule>%s<LineSymbolizer stroke="%s" stroke-width="0.7"/></Rule></Style>'
                  % (fine, RIVER))
    styles.append('<Style name="coastline"><Rule>%s<LineSymbolizer stroke="%s" stroke-width="0.8"/></Rule></Style>'
                  % (fine, COASTLINE))
    styles.append('<Style name="borders"><Rule>%s<LineSymbolizer stroke="%s" stroke-width="0.8" '
                  'stroke-dasharray="3,2"/></Rule></Style>' % (fine, BORDER))

    # Class i holds breaks[i] <= v < breaks[i + 1]. Each filter's bound is
    # halfway between a break and the value below it, so that rounding the
    # bound in the stylesheet cannot move a region across it.
    rules = []
    for c, color in enumerate(CLASS_COLORS[:len(breaks) - 1]):
        conditions = []
        if c > 0:
            conditions.append("[value] >= %r" % bounds[c])
        if c < len(breaks) - 2:
            conditions.append("[value] < %r" % bounds[c + 1])
        rules.append('<Rule><Filter>%s</Filter><PolygonSymbolizer fill="%s"/></Rule>'
                     % (escape(" and ".join(conditions) or "true"), color))
    rules.append('<Rule><ElseFilter/><PolygonPatternSymbolizer file="%s"/></Rule>' % escape(hatch_path))
    styles.append('<Style name="regions">%s</Style>' % "".join(rules))
    styles.append('<Style name="outlines"><Rule><LineSymbolizer stroke="%s" stroke-width="0.6" '
                  'stroke-linejoin="round"/></Rule></Style>' % rgba(FOREGROUND, 0.5))
    # The names of the regions they fit in.
    styles.append('<Style name="names"><Rule><Filter>%s</Filter><TextSymbolizer fontset-name="sans" size="%.2f" '
                  'fill="%s" halo-fill="%s" halo-radius="1.5" placement="interior">[name]</TextSymbolizer>'
                  '</Rule></Style>'
                  % (" or ".join("[code] = %d" % code for code in named) or "false",
                     FONT_SIZE, rgba(FOREGROUND), rgba(BACKGROUND, 0.85)))

    # The page around the map area, and the map area's frame.
    styles.append('<Style name="page"><Rule><PolygonSymbolizer fill="%s"/></Rule></Style>' % rgba(BACKGROUND))
    styles.append('<Style name="frame"><Rule><LineSymbolizer stroke="%s" stroke-width="1"/></Rule></Style>'
                  % rgba(FOREGROUND, 0.3))

    texts = {
        "title": text_symbolizer(BASE * 1.4, rgba(FOREGROUND), bold=True),
        "subtitle": text_symbolizer(BASE, mix(FOREGROUND, 0.7)),
        "footer": text_symbolizer(BASE * 0.78, mix(FOREGROUND, 0.75)),
        "legend-title": text_symbolizer(FONT_SIZE * 1.05, rgba(FOREGROUND), bold=True),
        "legend-unit": text_symbolizer(FONT_SIZE * 0.95, mix(FOREGROUND, 0.7)),
        "legend-range": text_symbolizer(FONT_SIZE, rgba(FOREGROUND)),
        "legend-count": text_symbolizer(FONT_SIZE * 0.9, mix(FOREGROUND, 0.65)),
        "scale": text_symbolizer(FONT_SIZE * 0.9, rgba(FOREGROUND), halo=rgba(BACKGROUND, 0.9)),
    }
    styles.append('<Style name="texts">%s</Style>' % "".join(
        "<Rule><Filter>[kind] = '%s'</Filter>%s</Rule>" % (kind, symbolizer) for kind, symbolizer in texts.items()))

    swatches = ["<Rule><Filter>[kind] = 'box'</Filter><PolygonSymbolizer fill=\"%s\"/>"
                "<LineSymbolizer stroke=\"%s\" stroke-width=\"1\"/></Rule>"
                % (rgba(BACKGROUND, 0.92), rgba(FOREGROUND, 0.25))]
    for c, color in enumerate(CLASS_COLORS[:len(breaks) - 1]):
        swatches.append("<Rule><Filter>[kind] = 'class-%d'</Filter><PolygonSymbolizer fill=\"%s\"/></Rule>"
                        % (c, color))
    swatches.append("<Rule><Filter>[kind] = 'no-data'</Filter><PolygonPatternSymbolizer file=\"%s\"/></Rule>"
                    % escape(hatch_path))
    swatches.append("<Rule><Filter>[kind] != 'box'</Filter><LineSymbolizer stroke=\"%s\" stroke-width=\"0.75\"/>"
                    "</Rule>" % rgba(FOREGROUND, 0.4))
    styles.append('<Style name="legend">%s</Style>' % "".join(swatches))
    styles.append('<Style name="scale-bar"><Rule><LineSymbolizer stroke="%s" stroke-width="4"/>'
                  '<LineSymbolizer stroke="%s" stroke-width="1.5"/></Rule></Style>'
                  % (rgba(BACKGROUND, 0.9), rgba(FOREGROUND)))

    layers = [basemap_layer("land", "land"), basemap_layer("lakes", "lakes"),
              basemap_layer("rivers", "rivers"), basemap_layer("coastline", "coastline"),
              basemap_layer("borders", "borders"),
              # The regions' datasource is set from Python: it also gave the values.
              '<Layer name="regions" srs="epsg:4326"><StyleName>regions</StyleName>'
              '<StyleName>outlines</StyleName><StyleName>names</StyleName></Layer>']

    frame_x, frame_y, frame_width, frame_height = page.frame
    layers.append(inline_layer("page", ["page"], [
        ("POLYGON(%s,%s)" % (page.rectangle(0, 0, WIDTH, HEIGHT),
                             page.rectangle(frame_x, frame_y, frame_width, frame_height)),)], []))
    layers.append(inline_layer("frame", ["frame"], [
        ("LINESTRING%s" % page.rectangle(frame_x + 0.5, frame_y + 0.5, frame_width - 1, frame_height - 1),)], []))

    # Title, subtitle and the lines under the map.
    texts_rows = []
    y = PAD
    texts_rows.append(("POINT(%s)" % page.point(PAD, y), "title", picture["title"]))
    y += BASE * 1.4 * LINE_HEIGHT
    texts_rows.append(("POINT(%s)" % page.point(PAD, y), "subtitle", picture["subtitle"]))
    y = frame_y + frame_height + PAD * 0.4
    for paragraph in picture["footer"]:
        for line in wrap(paragraph, BASE * 0.78, WIDTH - 2 * PAD):
            texts_rows.append(("POINT(%s)" % page.point(PAD, y), "footer", line))
            y += BASE * 0.78 * LINE_HEIGHT

    # The legend, in the bottom right corner of the map area.
    pad = FONT_SIZE * 0.75
    labels = [class_range(breaks[c], breaks[c + 1]) for c in range(len(breaks) - 1)]
    numbers = ["(%d)" % n for n in counts]
    swatch_kinds = ["class-%d" % c for c in range(len(breaks) - 1)]
    if n_missing > 0:
        labels.append("No data")
        numbers.append("(%d)" % n_missing)
        swatch_kinds.append("no-data")
    row_height = FONT_SIZE * LINE_HEIGHT
    line = row_height * 1.25
    swatch = row_height * 1.1
    title_lines = wrap(picture["title"], FONT_SIZE * 1.05, FONT_SIZE * 22)
    title_width = max(text_width(t, FONT_SIZE * 1.05, True) for t in title_lines)
    range_width = max(text_width(t, FONT_SIZE) for t in labels)
    count_width = max(text_width(t, FONT_SIZE * 0.9) for t in numbers)
    legend_width = 2 * pad + max(title_width, swatch * 1.4 + pad * 0.6 + range_width + pad * 0.8 + count_width)
    legend_height = (2 * pad + len(title_lines) * FONT_SIZE * 1.05 * LINE_HEIGHT + FONT_SIZE * 0.95 * LINE_HEIGHT
                     + pad * 0.4 + len(labels) * line)
    x = frame_x + frame_width - PAD * 0.5 - legend_width
    y = frame_y + frame_height - PAD * 0.5 - legend_height

    legend_rows = [("POLYGON(%s)" % page.rectangle(x, y, legend_width, legend_height), "box")]
    cursor = y + pad
    for title_line in title_lines:
        texts_rows.append(("POINT(%s)" % page.point(x + pad, cursor), "legend-title", title_line))
        cursor += FONT_SIZE * 1.05 * LINE_HEIGHT
    texts_rows.append(("POINT(%s)" % page.point(x + pad, cursor), "legend-unit", picture["unit"]))
    cursor += FONT_SIZE * 0.95 * LINE_HEIGHT + pad * 0.4
    for kind, label, number in zip(swatch_kinds, labels, numbers):
        legend_rows.append(("POLYGON(%s)" % page.rectangle(x + pad, cursor + (line - swatch) / 2, swatch * 1.4, swatch),
                            kind))
        text_y = cursor + (line - row_height) / 2
        texts_rows.append(("POINT(%s)" % page.point(x + pad + swatch * 1.4 + pad * 0.6, text_y), "legend-range", label))
        texts_rows.append(("POINT(%s)" % page.point(x + legend_width - pad - text_width(number, FONT_SIZE * 0.9),
                                                     text_y), "legend-count", number))
        cursor += line

    # The scale bar, in the bottom left corner: a round number of
    # kilometres along the parallel through the view's middle.
    latitude = albers_latitude(page.view_x + frame_width / 2 / page.scale,
                               page.view_y + frame_height / 2 / page.scale)
    phi = math.radians(latitude)
    metres_per_pixel = page.resolution / (math.sqrt(ALBERS_C - 2 * ALBERS_N * math.sin(phi)) / math.cos(phi))
    metres = max(step * 10 ** exponent for exponent in range(1, 8) for step in (1, 2, 5)
                 if step * 10 ** exponent / metres_per_pixel <= FONT_SIZE * 9)
    bar = metres / metres_per_pixel
    label = "%g km" % (metres / 1000)
    label_height = FONT_SIZE * 0.9 * LINE_HEIGHT
    right = frame_x + PAD * 0.5 + FONT_SIZE * 10
    bottom = frame_y + frame_height - PAD * 0.5
    bar_y = bottom - label_height - 6
    scale_rows = [("LINESTRING(%s,%s,%s,%s)" % (page.point(right - bar, bar_y), page.point(right - bar, bar_y + 4),
                                                page.point(right, bar_y + 4), page.point(right, bar_y)),)]
    texts_rows.append(("POINT(%s)" % page.point(right - bar / 2 - text_width(label, FONT_SIZE * 0.9) / 2,
                                                bottom - label_height), "scale", label))

    layers.append(inline_layer("legend", ["legend"], legend_rows, ["kind"]))
    layers.append(inline_layer("scale-bar", ["scale-bar"], scale_rows, []))
    layers.append(inline_layer("texts", ["texts"], texts_rows, ["kind", "text"]))

    installed = set(mapnik.FontEngine.face_names())
    fontsets = "".join('<FontSet name="%s">%s</FontSet>' % (name, "".join(
        '<Font face-name="%s"/>' % face for face in faces if face in installed)) for name, faces in FONTS.items())

    return ('<Map srs="%s" background-color="%s">%s%s%s</Map>'
            % (ALBERS, SEA, fontsets, "".join(styles), "".join(layers)))


def write_hatch(path):
    """The pattern of "no data": Tanlu's diagonal lines 5 pixels apart."""
    tile = mapnik.Image(5, 5)
    fill, hatch = mapnik.Color(NO_DATA_FILL), mapnik.Color(NO_DATA_HATCH)
    for y in range(5):
        for x in range(5):
            tile.set_pixel(x, y, hatch if (x - y) % 5 == 0 else fill)
    tile.save(path, "png")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    regions_path, output = sys.argv[1], sys.argv[2]

    with open(os.path.splitext(regions_path)[0] + ".json", encoding="utf-8") as f:
        picture = json.load(f)

    regions = mapnik.Datasource(type="geojson", file=regions_path)
    features = list(regions.all_features())
    values = [feature["value"] for feature in features]
    present = sorted(v for v in values if v is not None)
    breaks = quantile_breaks(present, N_CLASSES)
    counts = [0] * (len(breaks) - 1)
    for v in present:
        counts[find_class(breaks, v)] += 1
    n_missing = len(values) - len(present)
    # mapnik's GeoJSON reader can round a value's last bit differently.
    if (len(breaks) != len(picture["breaks"])
            or any(not math.isclose(a, b, rel_tol=1e-12) for a, b in zip(breaks, picture["breaks"]))
            or counts != picture["counts"] or n_missing != picture["missing"]):
        sys.exit("map-reference: the classes differ from Tanlu's: %r %r, Tanlu %r %r"
                 % (breaks, counts, picture["breaks"], picture["counts"]))

    # The filters' bounds: halfway between each inner break and the value
    # below it.
    bounds = {c: (max(v for v in present if v < breaks[c]) + breaks[c]) / 2 for c in range(1, len(breaks) - 1)}

    # The hatch of "no data", as a pattern tile beside the picture.
    hatch_path = os.path.join(os.path.dirname(os.path.abspath(output)), "no-data-hatch.png")
    write_hatch(hatch_path)

    # The map area's top and bottom, as Tanlu lays out the page.
    top = PAD + BASE * 1.4 * LINE_HEIGHT + BASE * LINE_HEIGHT + PAD * 0.6
    footer = sum(len(wrap(line, BASE * 0.78, WIDTH - 2 * PAD)) for line in picture["footer"])
    bottom = HEIGHT - PAD - footer * BASE * 0.78 * LINE_HEIGHT
    page = Page(picture["albers_bounds"], top, bottom)

    # Names go where they fit, as in tanlu_map_draw_labels (): narrower
    # than 0.8 of their region's bounds and lower than 0.6 of them.
    named = []
    for feature in features:
        envelope = feature.envelope()
        corners = [albers(lon, lat) for lon in (envelope.minx, envelope.maxx)
                   for lat in (envelope.miny, envelope.maxy)]
        min_x, max_x = min(c[0] for c in corners), max(c[0] for c in corners)
        min_y, max_y = min(c[1] for c in corners), max(c[1] for c in corners)
        if (text_width(feature["name"], FONT_SIZE) <= (max_x - min_x) * page.scale * 0.8
                and FONT_SIZE * LINE_HEIGHT <= (max_y - min_y) * page.scale * 0.6):
            named.append(feature["code"])

    m = mapnik.Map(WIDTH, HEIGHT)
    mapnik.load_map_from_string(m, stylesheet(picture, page, breaks, bounds, counts, n_missing, named, hatch_path))
    for layer in m.layers:
        if layer.name == "regions":
            layer.datasource = regions
    m.zoom_to_box(page.box())
    mapnik.render_to_file(m, output, "png")


if __name__ == "__main__":
    main()
