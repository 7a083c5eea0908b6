#!/bin/sh
# Regenerates nation.csv, provinces.csv and cities.csv in this folder from
# the original CEADs workbooks, with Tanlu's own importer.
#
#   data/ceads/regenerate.sh [CEADS_DIR] [BUILD_DIR]
#
# CEADS_DIR defaults to ../shared/data/ceads beside the repository and must
# hold nation_1997-2019.xlsx, cities_1997-2019.xlsx and provinces/*.xlsx;
# BUILD_DIR (default: build) is a configured meson build of Tanlu.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
ceads=${1:-$top/../shared/data/ceads}
build=${2:-$top/build}
ninja -C "$build" src/tanlu-dataset >/dev/null
"$build/src/tanlu-dataset" derive-ceads "$top/data/dataset.json" "$ceads" "$here"
