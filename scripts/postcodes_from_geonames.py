"""Rebuild resources/law/postcodes.toml from GeoNames postal codes for Germany.

    python scripts/postcodes_from_geonames.py zipcodes.de.csv > resources/law/postcodes.toml

The CSV is data/DE.zip of https://github.com/zauberware/postal-codes-json-xml-csv (GeoNames,
CC BY 4.0; columns zipcode and state). Consecutive postcodes of one state form a range; a
postcode listed for places in two states ends a range and is left out, so it reads "cannot tell".
"""
from __future__ import annotations

import csv
import datetime as _dt
import sys
from collections import defaultdict

CODES = {
    "Baden-Württemberg": "BW", "Bayern": "BY", "Bavaria": "BY", "Berlin": "BE", "Land Berlin": "BE",
    "Brandenburg": "BB", "Bremen": "HB", "Hamburg": "HH", "Hessen": "HE", "Mecklenburg-Vorpommern": "MV",
    "Mecklenburg-Western Pomerania": "MV", "Niedersachsen": "NI", "Lower Saxony": "NI", "Nordrhein-Westfalen": "NW",
    "Rheinland-Pfalz": "RP", "Saarland": "SL", "Sachsen": "SN", "Saxony": "SN", "Sachsen-Anhalt": "ST",
    "Saxony-Anhalt": "ST", "Schleswig-Holstein": "SH", "Thüringen": "TH", "Thuringia": "TH",
}


def ranges(rows) -> list[tuple[int, int, str]]:
    states: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["state"] in CODES:
            states[row["zipcode"]].add(CODES[row["state"]])
    out: list[list] = []
    for code in sorted(states):
        state = next(iter(states[code])) if len(states[code]) == 1 else "?"
        if out and out[-1][2] == state != "?":
            out[-1][1] = int(code)
        else:
            out.append([int(code), int(code), state])
    return [(a, b, s) for a, b, s in out if s != "?"]


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        found = ranges(csv.DictReader(handle))
    print(f"# Rebuilt {_dt.date.today()} by scripts/postcodes_from_geonames.py; see that script for the source.")
    print("ranges = [")
    for first, last, state in found:
        print(f'  ["{first:05d}", "{last:05d}", "{state}"],')
    print("]")


if __name__ == "__main__":
    main(sys.argv[1])
