#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates gdp.csv and population.csv in this folder from the GCAM-China
tables (JGCRI gcamdata, inst/extdata/gcam-china/).

Usage: data/gcam-china/regenerate.py [GCAM_CHINA_DIR]

GCAM_CHINA_DIR defaults to ../shared/data/gcam-china beside the repository
and must hold gdp_mil10usd_province.csv and population_thous_province.csv.

- GDP: million 2010 US dollars, converted to 亿元 (100 million yuan) at 2010
  prices at 6.7695 yuan per dollar, the 2010 annual average rate (676.95
  yuan per 100 dollars, National Bureau of Statistics, China Statistical
  Yearbook 2011): value × 6.7695 / 100.
- Population: thousand persons, converted to 万人 (10,000 persons): value / 10.
- 1975–2013 are statistics and carry the source gcam-china-history; 2014–2100
  are projections (IMF growth rates to 2020, then SSP2 and the UN medium
  variant) and carry gcam-china-projection.
- The nation (100000) is the sum of the 31 provinces, for the years in which
  all 31 have a value (Hainan's GDP is missing for 1975–1977).
"""

import csv
import os
import sys

USD_TO_CNY_2010 = 6.7695
LAST_HISTORY_YEAR = 2013

CODES = {
    "Beijing": 110000, "Tianjin": 120000, "Hebei": 130000, "Shanxi": 140000,
    "Inner Mongolia": 150000, "Liaoning": 210000, "Jilin": 220000, "Heilongjiang": 230000,
    "Shanghai": 310000, "Jiangsu": 320000, "Zhejiang": 330000, "Anhui": 340000,
    "Fujian": 350000, "Jiangxi": 360000, "Shandong": 370000, "Henan": 410000,
    "Hubei": 420000, "Hunan": 430000, "Guangdong": 440000, "Guangxi": 450000,
    "Hainan": 460000, "Chongqing": 500000, "Sichuan": 510000, "Guizhou": 520000,
    "Yunnan": 530000, "Tibet": 540000, "Shaanxi": 610000, "Gansu": 620000,
    "Qinghai": 630000, "Ningxia": 640000, "Xinjiang": 650000,
}


def read_wide(path):
    """{code: {year: value}} from a gcamdata table."""
    with open(path, newline="") as f:
        rows = [line for line in f if not line.startswith("#")]
    reader = csv.reader(rows)
    header = next(reader)
    if header[0] != "province.name":
        sys.exit("%s: expected the header province.name,1975,…" % path)
    years = [int(y) for y in header[1:]]
    table = {}
    for row in reader:
        if row[0] not in CODES:
            sys.exit("%s: unknown province %r" % (path, row[0]))
        table[CODES[row[0]]] = {year: float(v) for year, v in zip(years, row[1:]) if v != ""}
    if len(table) != len(CODES):
        sys.exit("%s: expected %d provinces, found %d" % (path, len(CODES), len(table)))
    return table, years


def write_long(path, indicator, table, years, convert):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["region_code", "indicator", "year", "value", "source"])
        nation = {}
        for year in years:
            values = [table[code][year] for code in table if year in table[code]]
            if len(values) == len(table):
                nation[year] = sum(convert(v) for v in values)
        for code, series in [(100000, nation)] + sorted(table.items()):
            for year in years:
                if year not in series:
                    continue
                value = series[year] if code == 100000 else convert(series[year])
                source = "gcam-china-history" if year <= LAST_HISTORY_YEAR else "gcam-china-projection"
                out.writerow([code, indicator, year, repr(value), source])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "..", "shared", "data", "gcam-china")
    source = sys.argv[1] if len(sys.argv) > 1 else default
    gdp, years = read_wide(os.path.join(source, "gdp_mil10usd_province.csv"))
    population, years_p = read_wide(os.path.join(source, "population_thous_province.csv"))
    write_long(os.path.join(here, "gdp.csv"), "gdp", gdp, years, lambda v: v * USD_TO_CNY_2010 / 100)
    write_long(os.path.join(here, "population.csv"), "population", population, years_p,
               lambda v: v / 10)


if __name__ == "__main__":
    main()
