#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills `tanlu import` at random moments and checks what it leaves behind.

    kill-imports.py --tanlu PATH --bundled PATH [--trials N] [--seed S]
                    [--shared DIR] [--large-rows N] [--tap] [--keep-failures DIR]

Every file of an import lands in one transaction, so a process killed at
any moment (SIGKILL: no handler, no rollback, the write-ahead log left as
it was) must leave a database that is intact and holds, for each file of
the command, either none of that file's observations or all of them.

The databases start from a *base*: the bundled dataset with its CEADs
observations thinned, half of them removed and the rest given other
values. Imported into the bundled dataset itself, a CEADs workbook changes
nothing (its figures are the bundled ones), and "none or all" could not be
told apart; into the base, every value of a workbook is new or replaces
one, and lands together with its revision rows and its import log entry.

First, each input is imported once or more without interruption into a
copy of the base: the first run is the reference end state of that file,
and the runs give the median time a full import of each kind takes. Then
each trial copies the base (in rollback-journal form, as tanlu creates a
database from the bundled dataset, or already in WAL form, as a database
that tanlu has opened before), starts

    tanlu --db COPY import FILE...

sends SIGKILL after a random delay between 0 and that median, and checks
with Python's sqlite3 module (which recovers the write-ahead log):

  1. PRAGMA integrity_check is "ok" and the schema version is unchanged;
  2. PRAGMA foreign_key_check is empty;
  3. per file, the (indicator, region, year, value, source) rows the file
     contributes (the reference run's rows minus the base's, and the base
     rows it replaces) are in the database either none or all; nothing
     else differs from the base; the files that landed are a prefix of
     the command; the indicators and sources a file creates exist only if
     it landed; every file the killed process had reported as imported
     landed;
  4. import_log has no entry without finished_at, one finished entry per
     landed file and none for the others, with the reference run's counts,
     and observation_revision holds exactly the landed files' revisions,
     each attributed to its file's entry;
  5. `tanlu --db COPY info` still opens the database.

Inputs: a generated CSV of fixture observations (always), and, when the
CEADs workbooks are found under --shared, a province workbook, the city
workbook, or several workbooks in one command. The choices and the kill
delays (as fractions of the median) follow --seed; where in the import a
kill lands still depends on the machine.

Uses only the Python standard library.
"""

import argparse
import collections
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]

FIXTURE_INDICATOR = "fixture.crash-test"
FIXTURE_UNIT = "fixture units (fake)"
FIXTURE_SOURCE = "fixture: fake values for Tanlu's crash-safety test (tests/crash/kill-imports.py)"
# Rows of the CSV that replace existing values (of this indicator, for the
# provinces), so a CSV import also updates rows and writes revisions.
FIXTURE_OVERWRITE_INDICATOR = "co2.total"
FIRST_YEAR, LAST_YEAR = 1000, 9999  # the years the CSV importer accepts

ROWS = ("SELECT i.code, o.region_code, o.year, o.value, s.key FROM {db}.observation o"
        " LEFT JOIN {db}.indicator i ON i.id = o.indicator_id"
        " LEFT JOIN {db}.source s ON s.id = o.source_id")


class SetupError(Exception):
    pass


class Output:
    """Plain lines, or TAP with everything else as comments."""

    def __init__(self, tap):
        self.tap = tap

    def note(self, text):
        for line in text.splitlines() or [""]:
            print(f"# {line}" if self.tap else line, flush=True)

    def plan(self, n):
        if self.tap:
            print(f"1..{n}", flush=True)

    def result(self, number, ok, description, problems):
        if self.tap:
            for problem in problems:
                print(f"# {problem}")
            print(f"{'ok' if ok else 'not ok'} {number} - {description}", flush=True)
        else:
            print(f"{description} — {'ok' if ok else 'FAILED'}", flush=True)
            for problem in problems:
                print(f"    {problem}", flush=True)

    def bail_out(self, text):
        if self.tap:
            print(f"Bail out! {text}", flush=True)
        else:
            print(f"crash-safety: {text}", file=sys.stderr, flush=True)


def connect(path, readonly=False):
    mode = "ro" if readonly else "rw"
    uri = f"file:{urllib.parse.quote(str(path))}?mode={mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def attach_base(conn, base):
    uri = f"file:{urllib.parse.quote(str(base))}?mode=ro"
    conn.execute("ATTACH DATABASE ? AS base", (uri,))


def copy_database(source, target):
    """Copies a database that is closed cleanly (no -wal file)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def snapshot_database(source, target_dir):
    """Copies the database as the killed process left it, -wal and -shm included."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{source}{suffix}")
        if path.exists():
            shutil.copyfile(path, target_dir / (path.name))


# --- the base and the inputs -------------------------------------------------


def make_base(bundled, path, wal_path):
    """The bundled dataset with its CEADs observations thinned: every other key
    removed, the rest given other values. The revision triggers are taken
    out while this is done and put back exactly as they were."""
    copy_database(bundled, path)
    conn = connect(path)
    try:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'observation'"
        ).fetchall()
        conn.execute("BEGIN IMMEDIATE")
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        ceads = "(SELECT id FROM source WHERE key LIKE 'ceads-%')"
        # Chongqing's whole is in both the provincial and the city inventories;
        # the city one only fills a year the provincial one lacks. Its years
        # are all kept, so that every file's keys stay its own and the
        # per-file references add up.
        conn.execute(f"DELETE FROM observation WHERE source_id IN {ceads}"
                     " AND (indicator_id + region_code / 100 + year) % 2 = 0"
                     " AND region_code <> 500000")
        conn.execute(f"UPDATE observation SET value = value * 1.25 + 1.0 WHERE source_id IN {ceads}")
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise SetupError(f"the bundled dataset already fails PRAGMA foreign_key_check: {problems[:5]}")
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            raise SetupError(f"the bundled dataset fails PRAGMA integrity_check: {integrity[:5]}")
        provinces = [code for (code,) in conn.execute(
            "SELECT code FROM region WHERE level = 'province' AND code BETWEEN 110000 AND 659999"
            " ORDER BY code")]
        unit = conn.execute("SELECT unit FROM indicator WHERE code = ?",
                            (FIXTURE_OVERWRITE_INDICATOR,)).fetchone()
    finally:
        conn.close()

    # The same base, already switched to write-ahead logging as tanlu leaves
    # every database it has opened.
    copy_database(path, wal_path)
    conn = connect(wal_path)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise SetupError(f"could not switch a copy of the base to WAL (journal_mode {mode})")
    finally:
        conn.close()

    if not provinces:
        raise SetupError("the bundled dataset has no provinces 110000–650000")
    return provinces, (unit[0] if unit else None)


def write_fixture_csv(path, n_rows, provinces, overwrite_unit, rng):
    """A long table of fake observations, named as fixture data: indicator
    fixture.crash-test (fixture.crash-test-2, -3… when the years run out)
    for the provinces, values in [4242, 5242), plus some rows that replace
    the provinces' co2.total."""
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    per_indicator = len(years) * len(provinces)
    n_overwrite = 0
    if overwrite_unit is not None:
        n_overwrite = min(n_rows // 10, len(provinces) * (2019 - 1997 + 1))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("region_code,indicator,year,value,unit,source\n")
        written = 0
        for year in range(1997, 2020):
            for code in provinces:
                if written >= n_overwrite:
                    break
                f.write(f"{code},{FIXTURE_OVERWRITE_INDICATOR},{year},"
                        f"{4242 + rng.randrange(1000000) / 1000:.3f},{overwrite_unit},{FIXTURE_SOURCE}\n")
                written += 1
        remaining = n_rows - written
        block = 0
        while remaining > 0:
            indicator = FIXTURE_INDICATOR if block == 0 else f"{FIXTURE_INDICATOR}-{block + 1}"
            for index in range(min(remaining, per_indicator)):
                year = years[index // len(provinces)]
                code = provinces[index % len(provinces)]
                f.write(f"{code},{indicator},{year},{4242 + rng.randrange(1000000) / 1000:.3f},"
                        f"{FIXTURE_UNIT},{FIXTURE_SOURCE}\n")
            remaining -= min(remaining, per_indicator)
            block += 1


def find_workbooks(shared):
    ceads = Path(shared) / "ceads"
    provinces = sorted((ceads / "provinces").glob("Emission_Inventories_for_30_Provinces_*.xlsx"))
    cities = ceads / "cities_1997-2019.xlsx"
    nation = ceads / "nation_1997-2019.xlsx"
    return provinces, (cities if cities.is_file() else None), (nation if nation.is_file() else None)


# --- running tanlu -----------------------------------------------------------


class Tanlu:
    def __init__(self, launcher, bundled, home):
        self.launcher = str(launcher)
        self.env = dict(os.environ)
        for name in ("DISPLAY", "WAYLAND_DISPLAY"):
            self.env.pop(name, None)
        self.env.update({
            "TANLU_BUNDLED_DATASET": str(bundled),
            "GSETTINGS_BACKEND": "memory",
            "XDG_DATA_HOME": str(home),
            "XDG_CONFIG_HOME": str(home),
            "XDG_CACHE_HOME": str(home),
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "C",
        })

    def command(self, db, files):
        return [self.launcher, "--db", str(db), "import", *[str(f) for f in files]]

    def start(self, db, files, stdout, stderr):
        return subprocess.Popen(self.command(db, files), env=self.env,
                                stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)

    def run_import(self, db, files):
        started = time.monotonic()
        result = subprocess.run(self.command(db, files), env=self.env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            raise SetupError(f"uninterrupted import failed (exit {result.returncode}):"
                             f" {' '.join(self.command(db, files))}\n{result.stdout}{result.stderr}")
        return elapsed

    def info(self, db):
        return subprocess.run([self.launcher, "--db", str(db), "info"], env=self.env,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)


# --- what a database holds compared with the base ----------------------------


def observation_diff(conn):
    added = set(conn.execute(ROWS.format(db="main") + " EXCEPT " + ROWS.format(db="base")))
    removed = set(conn.execute(ROWS.format(db="base") + " EXCEPT " + ROWS.format(db="main")))
    return added, removed


def new_codes(conn, table, column):
    return set(code for (code,) in conn.execute(
        f"SELECT {column} FROM main.{table} EXCEPT SELECT {column} FROM base.{table}"))


def base_max_ids(base):
    conn = connect(base, readonly=True)
    try:
        log = conn.execute("SELECT coalesce(max(id), 0) FROM import_log").fetchone()[0]
        revision = conn.execute("SELECT coalesce(max(id), 0) FROM observation_revision").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return log, revision, version


def import_entries(conn, after_id):
    return conn.execute(
        "SELECT id, path, kind, started_at, finished_at, n_observations, n_replaced"
        " FROM import_log WHERE id > ? ORDER BY id", (after_id,)).fetchall()


def revisions_by_import(conn, after_id):
    grouped = collections.defaultdict(collections.Counter)
    for import_id, *row in conn.execute(
            "SELECT r.import_id, i.code, r.region_code, r.year, r.value, s.key"
            " FROM observation_revision r LEFT JOIN indicator i ON i.id = r.indicator_id"
            " LEFT JOIN source s ON s.id = r.source_id WHERE r.id > ?", (after_id,)):
        grouped[import_id][tuple(row)] += 1
    return grouped


class Reference:
    """What one file, imported whole into the base, changes."""

    def __init__(self, path, added, removed, indicators, sources, log_entry, revisions, seconds):
        self.path = path
        self.added = added            # rows the file contributes
        self.removed = removed        # base rows it replaces
        self.indicators = indicators  # indicator codes it creates
        self.sources = sources        # source keys it creates
        self.log_entry = log_entry    # (kind, n_observations, n_replaced)
        self.revisions = revisions    # Counter of revision rows
        self.seconds = seconds        # one uninterrupted import each

    @property
    def keys(self):
        return {row[:3] for row in self.added} | {row[:3] for row in self.removed}


def reference_state(db, base, path, base_log_id, base_revision_id):
    conn = connect(db)
    try:
        attach_base(conn, base)
        added, removed = observation_diff(conn)
        indicators = new_codes(conn, "indicator", "code")
        sources = new_codes(conn, "source", "key")
        entries = import_entries(conn, base_log_id)
        if len(entries) != 1 or entries[0][1] != str(path) or entries[0][4] is None:
            raise SetupError(f"the uninterrupted import of {path} logged {entries}")
        entry_id = entries[0][0]
        revisions = revisions_by_import(conn, base_revision_id)
        if set(revisions) - {entry_id}:
            raise SetupError(f"the uninterrupted import of {path} wrote revisions for other imports")
        return (added, removed, indicators, sources,
                (entries[0][2], entries[0][5], entries[0][6]), revisions.get(entry_id, collections.Counter()))
    finally:
        conn.close()


def make_reference(tanlu, base, workdir, path, runs, base_log_id, base_revision_id, out):
    seconds = []
    state = None
    for run in range(runs):
        db = workdir / f"reference-{run}.db"
        copy_database(base, db)
        seconds.append(tanlu.run_import(db, [path]))
        this = reference_state(db, base, path, base_log_id, base_revision_id)
        if state is None:
            state = this
        elif this != state:
            raise SetupError(f"two uninterrupted imports of {path} left different end states")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    reference = Reference(path, *state, seconds)
    if not reference.added and not reference.removed:
        out.note(f"warning: {path.name} changes no observation of the base;"
                 " only its log entry tells whether it landed")
    return reference


# --- one trial ---------------------------------------------------------------


def reported_landed(stdout_text, files):
    """Files whose report line the killed process had written: committed."""
    names = {f"“{Path(f).name}”:": str(f) for f in files}
    landed = set()
    for line in stdout_text.splitlines():
        for prefix, path in names.items():
            if line.startswith(prefix):
                landed.add(path)
    return landed


def check_database(db, base, files, references, base_ids, exited_cleanly, reported):
    """Returns (outcome per file, problems)."""
    base_log_id, base_revision_id, base_version = base_ids
    problems = []
    outcomes = {}
    try:
        conn = connect(db)
    except sqlite3.Error as error:
        return {}, [f"cannot open the database: {error}"]
    try:
        try:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        except sqlite3.Error as error:
            return {}, [f"PRAGMA integrity_check failed: {error}"]
        if integrity != ["ok"]:
            problems.append("integrity_check: " + "; ".join(integrity[:10]))
            return {}, problems
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != base_version:
            problems.append(f"schema version {version}, expected {base_version}")
        violations = conn.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            problems.append(f"foreign_key_check: {len(violations)} violations, e.g. {violations[:5]}")

        attach_base(conn, base)
        added, removed = observation_diff(conn)
        indicators = new_codes(conn, "indicator", "code")
        sources = new_codes(conn, "source", "key")
        entries = import_entries(conn, base_log_id)
        revisions = revisions_by_import(conn, base_revision_id)
    except sqlite3.Error as error:
        return outcomes, problems + [f"reading the database failed: {error}"]
    finally:
        conn.close()

    logged = {entry[1]: entry for entry in entries}

    # 3. none or all, file by file.
    for f in files:
        ref = references[str(f)]
        n_added = len(ref.added & added)
        n_removed = len(ref.removed & removed)
        if not ref.added and not ref.removed:
            outcomes[str(f)] = "all" if str(f) in logged else "none"
        elif n_added == len(ref.added) and n_removed == len(ref.removed):
            outcomes[str(f)] = "all"
        elif n_added == 0 and n_removed == 0:
            outcomes[str(f)] = "none"
        else:
            outcomes[str(f)] = "partial"
            problems.append(f"{Path(f).name} half-imported: {n_added} of {len(ref.added)} of its rows"
                            f" present, {n_removed} of {len(ref.removed)} replaced base rows gone")

    landed = [str(f) for f in files if outcomes[str(f)] == "all"]
    expected_added = set().union(*(references[f].added for f in landed)) if landed else set()
    expected_removed = set().union(*(references[f].removed for f in landed)) if landed else set()
    stray_added = added - expected_added - set().union(
        *(references[str(f)].added for f in files if outcomes[str(f)] == "partial"))
    stray_removed = removed - expected_removed - set().union(
        *(references[str(f)].removed for f in files if outcomes[str(f)] == "partial"))
    if stray_added or stray_removed:
        sample = sorted(stray_added, key=repr)[:3] + sorted(stray_removed, key=repr)[:3]
        problems.append(f"{len(stray_added)} rows added and {len(stray_removed)} base rows changed or gone"
                        f" that no landed file accounts for, e.g. {sample}")

    flags = [outcomes[str(f)] == "all" for f in files]
    if flags != sorted(flags, reverse=True):
        problems.append("the files that landed are not the first ones of the command: "
                        + ", ".join(f"{Path(f).name}={outcomes[str(f)]}" for f in files))

    if exited_cleanly and len(landed) != len(files):
        problems.append("tanlu exited 0 before the kill, yet not every file landed")
    for path in sorted(reported):
        if outcomes.get(path) != "all":
            problems.append(f"tanlu had reported {Path(path).name} as imported, but it is not all there")

    expected_indicators = set().union(*(references[f].indicators for f in landed)) if landed else set()
    expected_sources = set().union(*(references[f].sources for f in landed)) if landed else set()
    if indicators != expected_indicators:
        problems.append(f"new indicators {sorted(indicators)}, expected {sorted(expected_indicators)}")
    if sources != expected_sources:
        problems.append(f"new sources {sorted(sources)}, expected {sorted(expected_sources)}")

    # 4. the import log and the revisions.
    for entry in entries:
        entry_id, path, kind, started_at, finished_at, n_observations, n_replaced = entry
        if finished_at is None or n_observations is None:
            problems.append(f"import_log entry {entry_id} ({Path(path).name}) is half-finished:"
                            f" finished_at={finished_at}, n_observations={n_observations}")
    logged_paths = [entry[1] for entry in entries]
    if logged_paths != landed:
        problems.append(f"import_log lists {[Path(p).name for p in logged_paths]},"
                        f" the files that landed are {[Path(p).name for p in landed]}")
    for path in landed:
        entry = logged.get(path)
        if entry is not None and (entry[2], entry[5], entry[6]) != references[path].log_entry:
            problems.append(f"import_log entry for {Path(path).name} says {(entry[2], entry[5], entry[6])},"
                            f" the uninterrupted import logged {references[path].log_entry}")
    ids_to_path = {entry[0]: entry[1] for entry in entries}
    for import_id, rows in revisions.items():
        path = ids_to_path.get(import_id)
        if path is None:
            problems.append(f"{sum(rows.values())} revision rows belong to import {import_id},"
                            " which is not a landed import")
        elif rows != references[path].revisions:
            problems.append(f"the revisions of {Path(path).name} differ from the uninterrupted import's"
                            f" ({sum(rows.values())} rows, expected {sum(references[path].revisions.values())})")
    for path in landed:
        entry = logged.get(path)
        if entry is not None and references[path].revisions and entry[0] not in revisions:
            problems.append(f"{Path(path).name} landed without its revision rows")

    return outcomes, problems


def describe_files(files):
    return "+".join(short_name(f) for f in files)


def short_name(path):
    name = Path(path).name
    if name.startswith("Emission_Inventories_for_30_Provinces_"):
        return "provinces-" + name.rsplit("_", 1)[1]
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tanlu", required=True, type=Path, help="the tanlu launcher")
    parser.add_argument("--bundled", required=True, type=Path, help="the bundled dataset (tanlu.db)")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None, help="default: a random one, printed")
    parser.add_argument("--shared", type=Path, default=None,
                        help="shared data with ceads/ (default: $TANLU_SHARED_DATA_DIR or"
                             " ../shared/data beside the source tree); its inputs are skipped when absent")
    parser.add_argument("--large-rows", type=int, default=250000,
                        help="rows of the generated CSV (default 250000, about 0.7 s to import)")
    parser.add_argument("--calibration-runs", type=int, default=3,
                        help="uninterrupted imports of each input, for the median time (default 3)")
    parser.add_argument("--tap", action="store_true", help="print TAP")
    parser.add_argument("--keep-failures", type=Path, default=None,
                        help="copy each failing trial's database as the kill left it, and its command, here")
    args = parser.parse_args()

    out = Output(args.tap)
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    shared = args.shared
    if shared is None:
        shared = Path(os.environ.get("TANLU_SHARED_DATA_DIR") or SOURCE_ROOT.parent / "shared" / "data")

    workdir = Path(tempfile.mkdtemp(prefix="tanlu-crash-"))
    try:
        return run(args, out, seed, rng, shared, workdir)
    except SetupError as error:
        out.bail_out(str(error))
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, out, seed, rng, shared, workdir):
    if not os.access(args.tanlu, os.X_OK):
        raise SetupError(f"{args.tanlu} is not an executable")
    if not args.bundled.is_file():
        raise SetupError(f"the bundled dataset {args.bundled} is missing")
    if args.trials < 1 or args.large_rows < 1:
        raise SetupError("--trials and --large-rows must be positive")

    tanlu = Tanlu(args.tanlu.resolve(), args.bundled.resolve(), workdir / "home")
    (workdir / "home").mkdir()
    out.note(f"seed {seed} (repeat with --seed {seed}); {args.trials} trials; CSV of {args.large_rows} rows")

    setup_started = time.monotonic()
    base, base_wal = workdir / "base.db", workdir / "base-wal.db"
    provinces, overwrite_unit = make_base(args.bundled, base, base_wal)
    base_ids = base_max_ids(base)

    csv = workdir / "fixture-crash-test.csv"
    write_fixture_csv(csv, args.large_rows, provinces, overwrite_unit, random.Random(seed))

    province_books, cities, nation = find_workbooks(shared)
    if not province_books and cities is None:
        out.note(f"no CEADs workbooks under {shared}: the CSV only")
    chosen_provinces = sorted(rng.sample(province_books, min(3, len(province_books))))

    references = {}
    for path in [csv, *chosen_provinces, cities, nation]:
        if path is not None:
            references[str(path)] = make_reference(tanlu, base, workdir, path, args.calibration_runs,
                                                   base_ids[0], base_ids[1], out)

    # Inputs and the median time a full import of each takes.
    kinds = {"csv": ([[csv]], statistics.median(references[str(csv)].seconds))}
    if chosen_provinces:
        kinds["province"] = ([[p] for p in chosen_provinces],
                             statistics.median(s for p in chosen_provinces for s in references[str(p)].seconds))
    if cities is not None:
        kinds["cities"] = ([[cities]], statistics.median(references[str(cities)].seconds))
    multi = [p for p in [*chosen_provinces[:2], nation, cities] if p is not None]
    if len(multi) >= 2:
        keys = [references[str(p)].keys for p in multi]
        for i in range(len(multi)):
            for j in range(i + 1, len(multi)):
                shared_keys = keys[i] & keys[j]
                if shared_keys:
                    raise SetupError(f"{multi[i].name} and {multi[j].name} write the same keys,"
                                     f" e.g. {sorted(shared_keys)[:5]};"
                                     " the per-file references would not add up")
        # The whole command without interruption: its time, and a check that
        # the per-file references add up to it (and of the checker itself).
        seconds = []
        for run_index in range(args.calibration_runs):
            db = workdir / "reference-multi.db"
            copy_database(base, db)
            seconds.append(tanlu.run_import(db, multi))
            outcomes, problems = check_database(db, base, multi, references, base_ids, True, set())
            if problems or set(outcomes.values()) != {"all"}:
                raise SetupError("the uninterrupted multi-file import does not match the per-file"
                                 " references: " + "; ".join(problems))
        kinds["multi"] = ([multi], statistics.median(seconds))

    for kind, (commands, median) in kinds.items():
        rows = sum(len(references[str(f)].added) for f in commands[0])
        out.note(f"{kind}: median uninterrupted import {median:.3f} s"
                 f" ({', '.join(describe_files(c) for c in commands)}; {rows} rows contributed)")
    out.note(f"setup took {time.monotonic() - setup_started:.1f} s")

    out.plan(args.trials)
    failures = 0
    kind_names = sorted(kinds)
    for number in range(1, args.trials + 1):
        kind = rng.choice(kind_names)
        commands, median = kinds[kind]
        files = list(rng.choice(commands))
        if kind == "multi":
            rng.shuffle(files)
        fraction = rng.random()
        journal = rng.choice(["delete", "wal"])
        delay = fraction * median

        db = workdir / f"trial-{number}.db"
        copy_database(base if journal == "delete" else base_wal, db)
        stdout_path, stderr_path = workdir / "stdout.txt", workdir / "stderr.txt"
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            started = time.monotonic()
            process = tanlu.start(db, files, stdout, stderr)
            remaining = started + delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
            process.send_signal(signal.SIGKILL)
            returncode = process.wait()
        killed = returncode == -signal.SIGKILL
        stdout_text = stdout_path.read_text(encoding="utf-8", errors="replace")
        stderr_text = stderr_path.read_text(encoding="utf-8", errors="replace")

        raw = workdir / f"trial-{number}-as-killed"
        snapshot_database(db, raw)
        wal = Path(f"{db}-wal")
        wal_left = wal.stat().st_size if wal.exists() else 0

        problems = []
        if not killed and returncode != 0:
            problems.append(f"tanlu exited {returncode} before the kill: {stderr_text.strip()}")
        outcomes, check_problems = check_database(
            db, base, files, references, base_ids, returncode == 0, reported_landed(stdout_text, files))
        problems += check_problems
        if not any("integrity" in p or "cannot open" in p for p in problems):
            info = tanlu.info(db)
            if info.returncode != 0:
                problems.append(f"`tanlu --db … info` fails after the kill (exit {info.returncode}):"
                                f" {info.stderr.strip()}")

        state = "killed" if killed else f"exited {returncode} before the kill"
        outcome = ", ".join(f"{short_name(f)}: {outcomes.get(str(f), '?')}" for f in files)
        description = (f"trial {number}/{args.trials}: {kind} {describe_files(files)} journal={journal}"
                       f" kill at {delay:.3f} s ({fraction:.0%} of {median:.3f} s), {state},"
                       f" WAL left {wal_left // 1024} KiB; {outcome}")
        out.result(number, not problems, description, problems)

        if problems:
            failures += 1
            if args.keep_failures is not None:
                keep = args.keep_failures / f"seed-{seed}-trial-{number}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(raw, keep / "as-killed")
                shutil.copyfile(base if journal == "delete" else base_wal, keep / "before.db")
                inputs = []
                for f in files:
                    if Path(f) == csv:
                        shutil.copyfile(csv, keep / csv.name)
                        inputs.append(str(keep / csv.name))
                    else:
                        inputs.append(str(f))
                (keep / "README.txt").write_text(
                    f"{description}\n\nProblems:\n" + "".join(f"  {p}\n" for p in problems)
                    + "\nas-killed/ is the database as the killed process left it (with -wal/-shm);"
                    " before.db the copy it started from.\nTo repeat the import (kill it yourself):\n"
                    f"  cp before.db trial.db && TANLU_BUNDLED_DATASET={args.bundled.resolve()}"
                    f" {args.tanlu.resolve()} --db trial.db import {' '.join(inputs)}\n"
                    f"The whole run: {' '.join(sys.argv)} --seed {seed}\n"
                    f"\nstdout of the killed process:\n{stdout_text}\nstderr:\n{stderr_text}\n",
                    encoding="utf-8")
                out.note(f"kept in {keep}")

        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(raw, ignore_errors=True)

    summary = f"crash-safety: {args.trials} trials, {failures} failures"
    out.note(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
