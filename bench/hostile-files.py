#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the worst-case files bench/hostile feeds Tanlu into DIRECTORY.

Usage: bench/hostile-files.py DIRECTORY

Every figure in them is made up; they exist to cost time and memory:

  deep-boundaries.geojson  a boundary file nested 75,000 levels deep (150 KB)
  deep-spec.json           a chart spec nested 75,000 levels deep
  many-cells.xlsx          a 0.4 MB workbook whose sheet holds 100 million empty cells
  padded.xlsx              201 sheets behind 100,000 empty zip entries
  shared-part.xlsx         the same, every sheet pointing at one part
  zeros.csv                900 MiB of zero bytes, no line end (sparse)
  huge.csv                 2 GiB (sparse)
  large.geojson            about 100 MB of boundaries: a 12,000-point circle per
                           prefecture-level city, given by code (made-up shapes)
  pipe.csv                 a FIFO
"""

import math
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DEPTH = 75000


def workbook(path, sheets, padding=0, shared_part=False):
    """sheets: [(name, sheet xml)]. Padding entries come first in the zip,
    the workbook's own parts after them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(padding):
            z.writestr("padding/%06d" % i, b"")
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>' % (RELS, OFFICE))
        entries = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (name, i + 1, i + 1)
                          for i, (name, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>'
                   % (MAIN, OFFICE, entries))
        rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                       % (i + 1, OFFICE, 1 if shared_part else i + 1) for i in range(len(sheets)))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="%s">%s</Relationships>' % (RELS, rels))
        for i, (_, xml) in enumerate(sheets):
            with z.open("xl/worksheets/sheet%d.xml" % (i + 1), "w", force_zip64=True) as part:
                for piece in ([xml] if isinstance(xml, str) else xml):
                    part.write(piece.encode())


def sheet(rows):
    return '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, rows)


def empty_cells(n_rows, per_row):
    """A sheet of n_rows rows of per_row empty cells, a row at a time."""
    yield '<worksheet xmlns="%s"><sheetData>' % MAIN
    row = "<row>" + "<c/>" * per_row + "</row>"
    for _ in range(n_rows):
        yield row
    yield "</sheetData></worksheet>"


def sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(out, "deep-boundaries.geojson"), "w") as f:
        f.write('{"type": "FeatureCollection", "features": ' + "[" * DEPTH + "]" * DEPTH + "}")
    with open(os.path.join(out, "deep-spec.json"), "w") as f:
        f.write('{"kind": "line", "title": ' + "[" * DEPTH + "]" * DEPTH + "}")

    workbook(os.path.join(out, "many-cells.xlsx"), [("Sichuan2019", empty_cells(6250, 16000))])

    years = [("Fixture%d" % year, sheet('<row r="1"><c r="A1"><v>%d</v></c></row>' % year))
             for year in range(1900, 2101)]
    workbook(os.path.join(out, "padded.xlsx"), years, padding=100000)
    workbook(os.path.join(out, "shared-part.xlsx"), years, padding=100000, shared_part=True)

    sparse(os.path.join(out, "zeros.csv"), 900 << 20)
    sparse(os.path.join(out, "huge.csv"), 2 << 30)

    # Prefecture-level cities by their codes as of 2020, a circle each.
    codes = [int(line.split(",")[0]) for line in sys.stdin] if not sys.stdin.isatty() else []
    with open(os.path.join(out, "large.geojson"), "w") as f:
        f.write('{"type": "FeatureCollection", "features": [')
        n = 12000
        ring = ",".join("[%.6f, %.6f]" % (104.0 + 0.5 * math.cos(2 * math.pi * (k % n) / n),
                                           30.6 + 0.5 * math.sin(2 * math.pi * (k % n) / n))
                        for k in range(n + 1))
        for i, code in enumerate(codes):
            f.write('%s{"type": "Feature", "properties": {"code": %d}, "geometry": '
                    '{"type": "Polygon", "coordinates": [[%s]]}}' % ("," if i else "", code, ring))
        f.write("]}")

    pipe = os.path.join(out, "pipe.csv")
    if not os.path.exists(pipe):
        os.mkfifo(pipe)


if __name__ == "__main__":
    main()
