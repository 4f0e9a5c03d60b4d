#!/usr/bin/env python3
"""Regenerates three generated files of the default rule pack from Debian
packages, so that the lists stay data anyone can rebuild:

  extract/rules/en-news/census_given_names.txt   given names from the 1990 US
      Census lists that Debian's libtext-names-perl carries (public-domain
      data), without the ones that are also ordinary English words (WordNet)
      unless they are common as names ("Mark", "Will")
  extract/rules/en-news/places.entities.tsv     states, provinces and regions
      (Debian iso-codes, ISO 3166-2), the cities that name time zones (Debian
      tzdata) and the places WordNet knows (instances of cities, countries,
      regions, rivers ...), without names already in the pack or that are
      English words or given names
  extract/rules/en-news/proper_nouns.txt         words WordNet knows only as
      names ("blair", "lincoln"): a capitalised one is no common noun

    apt-get install libtext-names-perl iso-codes tzdata wordnet-base
    python3 scripts/gen_lexicon_data.py
"""
import glob
import json
import os
import re
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PACK = os.path.join(ROOT, "extract", "rules", "en-news")
NAMES_PM = "/usr/share/perl5/Text/Names.pm"
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"
ZONES = "/usr/share/zoneinfo/zone1970.tab"
WORDNET = "/usr/share/wordnet"

# ISO 3166-2 subdivision types that news names as places in their own right.
SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Prefecture", "Governorate", "Canton", "Land",
    "Republic", "Autonomous region", "Autonomous community", "Autonomous republic",
    "Autonomous province", "Emirate", "Oblast", "Territory", "Union territory",
    "Federal district", "Capital district", "Capital city", "Capital territory",
    "Special administrative region", "Country", "City", "Metropolitan city",
    "Regional state", "Voivodship", "Federal territory",
}
# How many of the most common given names stay even when they are English words.
KEEP_COMMON_NAMES = 300


def wordnet_words():
    """Lowercase lemmas of every part of speech, and those known only capitalised."""
    lower, capital = set(), set()
    for path in glob.glob(os.path.join(WORDNET, "data.*")):
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                for k in range(int(parts[3], 16)):
                    word = re.sub(r"\(.*\)$", "", parts[4 + 2 * k])
                    if "_" in word or not word[0].isalpha():
                        continue
                    (lower if word[0].islower() else capital).add(word.lower())
    return lower, capital - lower


def wordnet_places():
    """Names of the instances WordNet files under a location ("Cologne", "Danube")."""
    synsets = {}
    path = os.path.join(WORDNET, "data.noun")
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            count = int(parts[3], 16)
            words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * k]) for k in range(count)]
            i = 4 + 2 * count
            pointers = int(parts[i])
            i += 1
            parents, instance_of = [], []
            for _ in range(pointers):
                symbol, offset = parts[i], parts[i + 1]
                i += 4
                if symbol == "@":
                    parents.append(offset)
                elif symbol == "@i":
                    instance_of.append(offset)
            synsets[parts[0]] = (words, parents, instance_of)
    location = {off for off, (words, _, _) in synsets.items() if "location" in words}
    memo = {}

    def is_location(offset):
        # Iterative walk up the hypernyms: no recursion on WordNet's depth.
        if offset in memo:
            return memo[offset]
        seen, stack, found = set(), [offset], False
        while stack and not found:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            found = current in location or memo.get(current, False)
            stack.extend(synsets[current][1])
        memo[offset] = found
        return found

    names = []
    for words, _, instance_of in synsets.values():
        if instance_of and any(is_location(parent) for parent in instance_of):
            names.extend(word.replace("_", " ") for word in words if word[0].isupper())
    return names


def census_names():
    """Given names in order of prevalence (most common first)."""
    text = open(NAMES_PM, encoding="latin-1").read()
    names = []
    for block in ("COMMON_MALE_FIRSTNAMES", "COMMON_FEMALE_FIRSTNAMES"):
        body = re.search(r"\$%s = <<ENDNAMES;\n(.*?)\nENDNAMES" % block, text, re.S).group(1)
        for line in body.splitlines():
            fields = line.split()
            if fields:
                names.append((int(fields[3]), fields[0].capitalize()))
    names.sort()
    return [name for _, name in names]


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def pack_names():
    """Every name and alias the hand-written entity files already hold."""
    known = set()
    for path in glob.glob(os.path.join(PACK, "*.entities.tsv")):
        if path.endswith("places.entities.tsv"):
            continue
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            known.add(fields[0].lower())
            if len(fields) > 2:
                known.update(alias.strip().lower() for alias in fields[2].split("|"))
    return known


def write(name, header, lines):
    with open(os.path.join(PACK, name), "w", encoding="utf-8") as out:
        out.write(header)
        for line in lines:
            out.write(line + "\n")


def main():
    english, proper_only = wordnet_words()
    names = census_names()
    given = []
    seen = set()
    for rank, name in enumerate(names):
        if name in seen or len(name) < 2:
            continue
        seen.add(name)
        if rank >= KEEP_COMMON_NAMES and name.lower() in english:
            continue
        given.append(name)
    write("census_given_names.txt",
          "# Generated by scripts/gen_lexicon_data.py from the 1990 US Census name lists\n"
          "# (public domain; as carried by Debian's libtext-names-perl). Do not edit:\n"
          "# add names to given_names.txt.\n", sorted(given))

    known = pack_names()
    given_lower = {name.lower() for name in given}
    places = {}

    def add(name, where, english_ok=False):
        name = re.sub(r"\s*\(.*\)$", "", name).strip()
        plain = ascii_fold(name)
        key = plain.lower()
        if len(plain) < 4 or key in known or key in given_lower:
            return
        if key in english and not english_ok:
            return
        if not re.match(r"^[A-Z][A-Za-z' .-]+$", plain):
            return
        aliases = places.setdefault(plain, set())
        if name != plain:
            aliases.add(name)
        aliases.add(where)

    for item in json.load(open(ISO_3166_2, encoding="utf-8"))["3166-2"]:
        if item["type"] in SUBDIVISION_TYPES:
            add(item["name"], "")
    # WordNet lists the place under its capitalised name, so a place that is
    # also an English word ("Cologne") is kept: the lexicon matches capitals only.
    for name in wordnet_places():
        add(name, "", english_ok=True)
    for line in open(ZONES, encoding="utf-8"):
        if line.startswith("#"):
            continue
        zone = line.split("\t")[2].strip()
        add(zone.split("/")[-1].replace("_", " "), "")
    rows = []
    for name in sorted(places):
        aliases = sorted(a for a in places[name] if a)
        rows.append(name + "\tLOCATION\t" + "|".join(aliases))
    write("places.entities.tsv",
          "# Generated by scripts/gen_lexicon_data.py from ISO 3166-2 (Debian iso-codes)\n"
          "# the cities of the time zone database (Debian tzdata) and WordNet 3.0's places\n"
          "# (Debian wordnet-base; WordNet 3.0 Copyright 2006 by Princeton University). Do\n"
          "# not edit: add places to cities.entities.tsv, which wins over this file.\n"
          "# name\ttype\taliases\n", rows)

    write("proper_nouns.txt",
          "# Generated by scripts/gen_lexicon_data.py from WordNet 3.0 (Debian wordnet-base):\n"
          "# words WordNet knows only as names. A capitalised one heads no organization's\n"
          "# name (\"Ludwig Braun\" is a person). WordNet 3.0 Copyright 2006 by Princeton\n"
          "# University. Do not edit.\n", sorted(proper_only))


if __name__ == "__main__":
    main()
