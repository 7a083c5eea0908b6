#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference chart of the chart benchmark, for Tanlu and for gnuplot.

    bench/reference-chart.py DATABASE DIRECTORY

DATABASE is a Tanlu database holding the national CEADs figures, such as
build/data/tanlu.db. Writes into DIRECTORY:

  reference.json     the chart spec, for `tanlu render chart --spec`
  reference.jsonl    the same spec 100 times under distinct names, for
                     `tanlu render batch`
  reference.dat      the same numbers for gnuplot
  reference.gp       gnuplot script drawing gnuplot.png
  reference-100.gp   gnuplot script drawing gnuplot-batch/chart-001.png to
                     chart-100.png in one process

The chart: national CO2 2005-2019 as recorded, six made-up pathways to
2060 that start from the 2019 value, a made-up corridor and ten made-up
targets. Only the history is data; everything after 2019 is a synthetic
fixture, labelled so in the chart, and says nothing about the future.
"""

import json
import math
import os
import re
import sqlite3
import sys
import textwrap

NATION = 100000
INDICATOR = "co2.total"
FIRST_YEAR, LAST_OBSERVED, LAST_YEAR = 2005, 2019, 2060
PROJECTED_FROM = 2020
WIDTH, HEIGHT = 1600, 900
N_BATCH = 100

TITLE = "Reference chart: national CO₂ and synthetic pathways"
SUBTITLE = ("China, 2005–2019 as recorded by CEADs; "
            "2020–2060 a synthetic fixture, not a forecast")
FIXTURE_SOURCE = ("Pathways, corridor and targets: synthetic fixture "
                  "(bench/reference-chart.py), not a forecast")

# Paul Tol's "bright" colours, in the order Tanlu gives them to series.
PALETTE = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"]

# Made-up shapes, as factors of the 2019 value: rise to a peak, then a
# smooth fall to the 2060 level. (label, peak year, peak, 2060 level)
PATHWAYS = [
    ("Fixture pathway A (synthetic)", 2024, 1.05, 0.08),
    ("Fixture pathway B (synthetic)", 2027, 1.09, 0.15),
    ("Fixture pathway C (synthetic)", 2030, 1.12, 0.22),
    ("Fixture pathway D (synthetic)", 2030, 1.06, 0.35),
    ("Fixture pathway E (synthetic)", 2022, 1.02, 0.03),
    ("Fixture pathway F (synthetic)", 2033, 1.16, 0.48),
]
HISTORY_LABEL = "China, CO₂ emissions (CEADs)"
CORRIDOR_LABEL = "Fixture corridor (synthetic)"
CORRIDOR_LOW = (2025, 1.03, 0.05)
CORRIDOR_HIGH = (2030, 1.13, 0.30)

# (year, factor of the 2019 value, label, side of the label in gnuplot)
TARGETS = [
    (2025, 1.08, "2025 cap (fixture)", "left"),
    (2030, 1.10, "2030 peak (fixture)", "right"),
    (2035, 0.98, "2035 −10 % (fixture)", "right"),
    (2040, 0.80, "2040 milestone (fixture)", "right"),
    (2045, 0.62, "2045 milestone (fixture)", "right"),
    (2050, 0.45, "2050 −55 % (fixture)", "left"),
    (2052, 0.70, "2052 backstop (fixture)", "left"),
    (2055, 0.28, "2055 milestone (fixture)", "left"),
    (2058, 0.15, "2058 residual (fixture)", "left"),
    (2060, 0.06, "2060 net zero (fixture)", "left"),
]
REFERENCES = [(2030, "2030 peak goal"), (2060, "2060 neutrality goal")]


def shape(year, peak_year, peak, end):
    """A factor of the 2019 value: a smooth rise from 1 to the peak, then a
    smooth fall to the end level by 2060."""
    if year <= peak_year:
        t = (year - LAST_OBSERVED) / (peak_year - LAST_OBSERVED)
        return 1 + (peak - 1) * (1 - math.cos(math.pi * t)) / 2
    t = (year - peak_year) / (LAST_YEAR - peak_year)
    return peak + (end - peak) * (1 - math.cos(math.pi * t)) / 2


def read_history(database):
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT o.year, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id"
        " WHERE i.code = ? AND o.region_code = ? AND o.year BETWEEN ? AND ? ORDER BY o.year",
        (INDICATOR, NATION, FIRST_YEAR, LAST_OBSERVED)).fetchall()
    source = connection.execute(
        "SELECT s.title_en, s.citation FROM observation o"
        " JOIN indicator i ON i.id = o.indicator_id JOIN source s ON s.id = o.source_id"
        " WHERE i.code = ? AND o.region_code = ? AND o.year BETWEEN ? AND ?"
        " GROUP BY s.id ORDER BY min (o.year)",
        (INDICATOR, NATION, FIRST_YEAR, LAST_OBSERVED)).fetchall()
    connection.close()
    years = [year for year, _ in rows]
    if years != list(range(FIRST_YEAR, LAST_OBSERVED + 1)):
        sys.exit(f"reference-chart: {database} lacks national {INDICATOR} for "
                 f"{FIRST_YEAR}–{LAST_OBSERVED}")
    return rows, source


def build(history, sources):
    base = history[-1][1]
    projection_years = range(LAST_OBSERVED, LAST_YEAR + 1)

    spec = {
        "kind": "line",
        "title": TITLE,
        "subtitle": SUBTITLE,
        "source": FIXTURE_SOURCE,
        "language": "en",
        "theme": "print",
        "unit_scale": "mt",
        "size": [WIDTH, HEIGHT],
        "series": [{
            "region": str(NATION),
            "indicator": INDICATOR,
            "label": HISTORY_LABEL,
            "years": [FIRST_YEAR, LAST_OBSERVED],
        }],
        "markers": [],
        "reference_lines": [{"year": year, "label": label} for year, label in REFERENCES],
        "bands": [],
    }
    pathways = []
    for label, peak_year, peak, end in PATHWAYS:
        values = [[year, round(base * shape(year, peak_year, peak, end), 2)]
                  for year in projection_years]
        pathways.append((label, values))
        spec["series"].append({"label": label, "values": values,
                               "projected_from": PROJECTED_FROM})

    corridor = [[year,
                 round(base * shape(year, *CORRIDOR_LOW), 2),
                 round(base * shape(year, *CORRIDOR_HIGH), 2)]
                for year in range(PROJECTED_FROM, LAST_YEAR + 1)]
    spec["bands"].append({"label": CORRIDOR_LABEL, "values": corridor})

    markers = [(year, round(base * factor, 2), label, side)
               for year, factor, label, side in TARGETS]
    spec["markers"] = [{"year": year, "value": value, "label": label}
                       for year, value, label, _ in markers]

    # The source line Tanlu prints: the spec's source, then each store
    # source with its citation, after the years the store's figures cover.
    source = "; ".join([FIXTURE_SOURCE] + [f"{title}. {citation}" for title, citation in sources])
    source_line = f"Data for {FIRST_YEAR}–{LAST_OBSERVED}. Source: {source}"

    return spec, pathways, corridor, markers, source_line


def gnuplot_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_data(path, history, pathways, corridor, markers):
    blocks = [
        [f"{year} {value:.4f}" for year, value in history],
        *[[f"{year} {value}" for year, value in values] for _, values in pathways],
        [f"{year} {low} {high}" for year, low, high in corridor],
        *[[f"{year} {value} {gnuplot_string(label)}"
           for year, value, label, label_side in markers if label_side == side]
          for side in ("right", "left")],
    ]
    with open(path, "w", encoding="utf-8") as out:
        out.write("# index 0: history; 1-6: pathways; 7: corridor (year low high);\n"
                  "# 8, 9: targets labelled on their right, on their left (year value label)\n")
        out.write("\n\n\n".join("\n".join(block) for block in blocks) + "\n")


def gnuplot_script(source_line, data_path, y_max):
    """The settings and the plot command drawing the chart as Tanlu does:
    same size, colours, line widths and dashes, labels and texts."""
    source = "\n".join(textwrap.wrap(source_line, 150))
    y_tics = ", ".join(f'"{value:,}" {value}' for value in range(0, y_max + 1, 2000))
    setup = [
        "set encoding utf8",
        f"set terminal pngcairo size {WIDTH},{HEIGHT} font 'DejaVu Sans,16' "
        "linewidth 1 background rgb 'white'",
        f"set label 1 {gnuplot_string(TITLE)} at screen 0.014, screen 0.955 left "
        "font 'DejaVu Sans Bold,24' noenhanced",
        f"set label 2 {gnuplot_string(SUBTITLE)} at screen 0.014, screen 0.913 left "
        "font ',17' textcolor rgb '#4d4d4d' noenhanced",
        f"set label 3 {gnuplot_string(source)} at screen 0.014, screen 0.115 left "
        "font ',14' textcolor rgb '#4d4d4d' noenhanced",
        "set label 4 'Mt CO₂' at screen 0.014, screen 0.86 left "
        "textcolor rgb '#4d4d4d' noenhanced",
        "set tmargin at screen 0.82",
        "set bmargin at screen 0.19",
        "set lmargin at screen 0.07",
        "set rmargin at screen 0.745",
        "set key at screen 0.752, graph 0.97 left top vertical Left reverse noenhanced "
        "samplen 2 spacing 1.6",
        f"set xrange [{FIRST_YEAR}:{LAST_YEAR}]",
        f"set yrange [0:{y_max}]",
        "set xtics 5 nomirror out scale 0.6 textcolor rgb '#333333'",
        f"set ytics ({y_tics}) nomirror scale 0 textcolor rgb '#333333'",
        "set grid ytics lt 1 lc rgb '#d6d6d6' lw 1.5",
        "set border 1 lc rgb '#333333' lw 1.5",
    ]
    for number, (year, label) in enumerate(REFERENCES, start=1):
        at_end = year == LAST_YEAR
        setup.append(f"set arrow {number} from {year}, graph 0 to {year}, graph 1 nohead "
                     "lc rgb '#333333' dt (4,3) lw 1.5")
        setup.append(f"set label {number + 4} {gnuplot_string(label)} at {year}, graph 1 "
                     f"{'right offset -0.4' if at_end else 'left offset 0.4'},-0.7 "
                     "font ',14' textcolor rgb '#4d4d4d' noenhanced")

    plots = [f"'{data_path}' index 7 using 1:2:3 with filledcurves "
             f"fc rgb '{PALETTE[0]}' fs transparent solid 0.18 noborder "
             f"title {gnuplot_string(CORRIDOR_LABEL)}"]
    # The first series last, on top, as Tanlu draws it.
    for number, (label, *_) in reversed(list(enumerate(PATHWAYS, start=1))):
        plots.append(f"'{data_path}' index {number} using 1:2 with lines "
                     f"lc rgb '{PALETTE[number % len(PALETTE)]}' lw 4.8 dt (10,7.5) "
                     f"title {gnuplot_string(label)}")
    plots.append(f"'{data_path}' index 0 using 1:2 with lines lc rgb '{PALETTE[0]}' lw 4.8 "
                 f"title {gnuplot_string(HISTORY_LABEL)}")
    plots.append(f"'{data_path}' index 0 every ::{LAST_OBSERVED - FIRST_YEAR} using 1:2 "
                 f"with points pt 7 ps 1.6 lc rgb '{PALETTE[0]}' notitle")
    plots.append(f"'{data_path}' index 8:9 using 1:2 with points pt 13 ps 2.2 lc rgb 'black' "
                 "notitle")
    plots.append(f"'{data_path}' index 8 using 1:2:3 with labels left offset 1.2,0 "
                 "font ',15' noenhanced notitle")
    plots.append(f"'{data_path}' index 9 using 1:2:3 with labels right offset -1.2,0 "
                 "font ',15' noenhanced notitle")

    return "\n".join(setup), "plot " + ", \\\n     ".join(plots)


def spec_json(spec):
    """Indented JSON with each [year, value] pair on one line."""
    text = json.dumps(spec, ensure_ascii=False, indent=2)
    return re.sub(r"\[\s+([-0-9.]+),\s+([-0-9.]+)(?:,\s+([-0-9.]+))?\s+\]",
                  lambda match: "[" + ", ".join(filter(None, match.groups())) + "]", text)


def main():
    if len(sys.argv) != 3:
        sys.exit("Usage: reference-chart.py DATABASE DIRECTORY")
    database, directory = sys.argv[1:]
    directory = os.path.abspath(directory)
    batch_directory = os.path.join(directory, "gnuplot-batch")
    os.makedirs(batch_directory, exist_ok=True)

    history, sources = read_history(database)
    spec, pathways, corridor, markers, source_line = build(history, sources)
    highest = max([value for _, value in history] +
                  [value for _, values in pathways for _, value in values] +
                  [high for _, _, high in corridor] +
                  [value for _, value, _, _ in markers])
    y_max = math.ceil(highest / 2000) * 2000

    with open(os.path.join(directory, "reference.json"), "w", encoding="utf-8") as out:
        out.write(spec_json(spec) + "\n")
    with open(os.path.join(directory, "reference.jsonl"), "w", encoding="utf-8") as out:
        for i in range(1, N_BATCH + 1):
            out.write(json.dumps(dict(spec, name=f"chart-{i:03d}"), ensure_ascii=False) + "\n")

    data_path = os.path.join(directory, "reference.dat")
    write_data(data_path, history, pathways, corridor, markers)

    setup, plot = gnuplot_script(source_line, data_path, y_max)
    with open(os.path.join(directory, "reference.gp"), "w", encoding="utf-8") as out:
        out.write(f"{setup}\nset output '{os.path.join(directory, 'gnuplot.png')}'\n{plot}\n")
    with open(os.path.join(directory, "reference-100.gp"), "w", encoding="utf-8") as out:
        out.write(f"{setup}\ndo for [i=1:{N_BATCH}] {{\n"
                  f"  set output sprintf('{batch_directory}/chart-%03d.png', i)\n"
                  f"  {plot}\n}}\n")


if __name__ == "__main__":
    main()
