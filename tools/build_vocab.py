#!/usr/bin/env python3
"""Build payscrape's skills and certifications vocabularies.

Inputs (all read-only):
  vocab/skills_curated.json          hand-curated skills plus the O*NET cleaning rules
  vocab/certifications_curated.json  hand-curated certifications and designations
  ../shared/taxonomy/onet-technology-skills.tsv   O*NET 28 "Technology Skills" table
                                     (override with --onet PATH)

Outputs:
  src/payscrape/data/skills.jsonl
  src/payscrape/data/certifications.jsonl

The build is deterministic: every collection is sorted before it is written, so
running it twice produces byte-identical files.  Only the O*NET "Example" name
and "Hot Technology" flag are carried into the output; the UNSPSC commodity
code and title are read only to pick a category (and to filter out example
names that merely repeat a commodity title) and are never written out.

Usage:
  python tools/build_vocab.py                 # write the package data
  python tools/build_vocab.py --check         # exit 1 if the shipped files are stale
  python tools/build_vocab.py --report        # also print merge/drop statistics
  python tools/build_vocab.py --out-dir DIR   # write somewhere else (used by tests)

Standard library only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ONET = REPO_ROOT.parent / "shared" / "taxonomy" / "onet-technology-skills.tsv"
SKILLS_SRC = REPO_ROOT / "vocab" / "skills_curated.json"
CERTS_SRC = REPO_ROOT / "vocab" / "certifications_curated.json"
DATA_DIR = REPO_ROOT / "src" / "payscrape" / "data"

SKILL_CATEGORIES = frozenset(
    {
        "programming_language",
        "framework",
        "library",
        "cloud",
        "database",
        "devops",
        "data",
        "ml_ai",
        "tool",
        "os",
        "method",
        "skill_area",
        "soft_skill",
        "business_software",
        "design",
        "security",
    }
)
CERT_CATEGORIES = frozenset(
    {
        "cloud",
        "security",
        "networking",
        "project_management",
        "data",
        "it_service",
        "agile",
        "crm",
        "database",
        "devops",
        "linux",
        "finance_accounting",
        "engineering",
        "healthcare",
        "trades",
        "hr",
        "other",
    }
)
CONCEPT_CATEGORIES = frozenset({"method", "skill_area", "soft_skill"})
CERT_KINDS = frozenset({"certification", "designation", "licence"})

# Words that may sit in lowercase inside a product name without making it a
# generic category row ("Microsoft Visual Basic for Applications").
_CONNECTORS = frozenset(
    {"for", "of", "and", "the", "de", "to", "on", "in", "with", "by", "a", "an", "&"}
)
_CATEGORY_SUFFIXES = (
    " software",
    " systems",
    " system",
    " sites",
    " tools",
    " databases",
    " programs",
)


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------

_SEP_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014_]+")


def norm(text: str) -> str:
    """Matching key: case-folded, hyphen/dash/underscore/space runs collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SEP_RE.sub(" ", text).strip()


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = text.encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"\.js\b", "js", text)
    text = text.replace("+", "-plus-").replace("#", "-sharp-").replace("&", "-and-")
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def _sort_key(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def _case_key(text: str) -> str:
    """Identity up to letter case and whitespace: pure case variants are not aliases."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _dedupe_aliases(name: str, aliases: list[str]) -> list[str]:
    """Drop empty aliases, case variants of the name, and duplicates.

    Spellings that differ only by hyphens or dashes ("Machine Learning Specialty"
    vs "Machine Learning – Specialty") are kept: they are real surface forms.
    """
    seen = {_case_key(name)}
    out = []
    for alias in aliases:
        alias = " ".join(alias.split())
        if not alias:
            continue
        key = _case_key(alias)
        if key in seen:
            continue
        seen.add(key)
        out.append(alias)
    return sorted(out, key=_sort_key)


def dump_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --------------------------------------------------------------------------
# O*NET
# --------------------------------------------------------------------------


class OnetRow:
    __slots__ = ("hot", "name", "occupations", "titles")

    def __init__(self, name: str) -> None:
        self.name = name
        self.occupations: set[str] = set()
        self.hot = False
        self.titles: collections.Counter[str] = collections.Counter()

    @property
    def count(self) -> int:
        return len(self.occupations)

    @property
    def main_title(self) -> str:
        # most frequent commodity title; ties broken alphabetically
        best = sorted(self.titles.items(), key=lambda kv: (-kv[1], kv[0]))
        return best[0][0] if best else ""


def read_onet(path: Path) -> dict[str, OnetRow]:
    rows: dict[str, OnetRow] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        required = {"O*NET-SOC Code", "Example", "Commodity Title", "Hot Technology"}
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise BuildError(f"{path}: missing columns {sorted(missing)}")
        for rec in reader:
            name = " ".join((rec["Example"] or "").split())
            if not name:
                continue
            row = rows.get(name)
            if row is None:
                row = rows[name] = OnetRow(name)
            row.occupations.add(rec["O*NET-SOC Code"])
            row.hot = row.hot or (rec["Hot Technology"] or "").strip().upper() == "Y"
            row.titles[(rec["Commodity Title"] or "").strip().casefold()] += 1
    return rows


def split_trailing_acronym(name: str) -> tuple[str, str | None]:
    """'Microsoft SQL Server Reporting Services SSRS' -> (base, 'SSRS').

    Only splits when the last token is an upper-case acronym whose letters
    appear, in order, among the initials of the preceding words.
    """
    tokens = name.split()
    if len(tokens) < 3:
        return name, None
    acro = tokens[-1]
    if not re.fullmatch(r"[A-Z][A-Z0-9/+\-]{1,9}", acro):
        return name, None
    letters = [c for c in acro.casefold() if c.isalpha()]
    words = [w for t in tokens[:-1] for w in re.split(r"[-/]", t) if w]
    initials = [w[0].casefold() for w in words if w[0].isalnum()]
    pos = 0
    for letter in letters:
        while pos < len(initials) and initials[pos] != letter:
            pos += 1
        if pos == len(initials):
            return name, None
        pos += 1
    if letters and initials and letters[0] not in initials:
        return name, None
    return " ".join(tokens[:-1]), acro


def strip_category_suffix(name: str, suffixes: tuple[str, ...] = _CATEGORY_SUFFIXES) -> str:
    low = name.casefold()
    for suffix in suffixes:
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def strip_vendor(name: str, vendors: list[str]) -> tuple[str | None, str]:
    """Return (vendor, remainder) for the longest matching vendor prefix."""
    for vendor in sorted(vendors, key=lambda v: (-len(v), v)):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return vendor, name[len(vendor) + 1 :].strip()
    return None, name


def looks_like_category(name: str, common_words: frozenset[str]) -> bool:
    """Heuristic for generic O*NET rows such as 'Word processing software'."""
    base = strip_category_suffix(name)
    had_suffix = base != name
    base, _acro = split_trailing_acronym(base)
    tokens = base.split()
    if not tokens:
        return True
    rest = [t for t in tokens[1:] if t.casefold() not in _CONNECTORS]
    if rest and all(t.islower() for t in rest):
        return True
    return len(tokens) == 1 and had_suffix and tokens[0].casefold() in common_words


def _safe_short_form(text: str, common_words: frozenset[str]) -> bool:
    """A vendor-stripped form is only worth an alias if it is not an everyday word."""
    if len(text) < 3:
        return False
    return not (len(text.split()) == 1 and text.casefold() in common_words)


def pick_category(row: OnetRow, rules: list[list[str]], default: str) -> str:
    title = row.main_title
    for keyword, category in rules:
        if keyword in title:
            return category
    return default


# --------------------------------------------------------------------------
# skills
# --------------------------------------------------------------------------


def _bool(entry: dict, key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise BuildError(f"{entry.get('name')!r}: {key} must be a boolean")
    return value


def load_curated_skills(data: dict) -> list[dict]:
    out = []
    allowed = {
        "id",
        "name",
        "category",
        "aliases",
        "case_sensitive",
        "ambiguous",
        "generic",
        "hot",
        "case_sensitive_aliases",
        "ambiguous_aliases",
        "onet",
    }
    for raw in data["entries"]:
        extra = set(raw) - allowed
        if extra:
            raise BuildError(f"{raw.get('name')!r}: unknown keys {sorted(extra)}")
        name = raw["name"].strip()
        if raw["category"] not in SKILL_CATEGORIES:
            raise BuildError(f"{name!r}: bad category {raw['category']!r}")
        entry = {
            "id": raw.get("id") or slugify(name),
            "name": name,
            "category": raw["category"],
            "aliases": list(raw.get("aliases", [])),
            "case_sensitive": _bool(raw, "case_sensitive"),
            "ambiguous": _bool(raw, "ambiguous"),
            "generic": _bool(raw, "generic"),
            "hot": _bool(raw, "hot"),
            "case_sensitive_aliases": list(raw.get("case_sensitive_aliases", [])),
            "ambiguous_aliases": list(raw.get("ambiguous_aliases", [])),
            "onet_names": list(raw.get("onet", [])),
            "source": "curated",
            "onet_count": 0,
        }
        for key in ("case_sensitive_aliases", "ambiguous_aliases"):
            listed = {norm(a) for a in entry["aliases"]}
            for alias in entry[key]:
                if norm(alias) not in listed:
                    raise BuildError(f"{name!r}: {key} entry {alias!r} is not among its aliases")
        out.append(entry)
    return out


class AliasIndex:
    """norm(surface form) -> entry id, with collision detection."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def claim(self, form: str, entry_id: str) -> bool:
        key = norm(form)
        current = self.owner.get(key)
        if current is None:
            self.owner[key] = entry_id
            return True
        return current == entry_id

    def get(self, form: str) -> str | None:
        return self.owner.get(norm(form))


def build_skills(curated_doc: dict, onet_rows: dict[str, OnetRow], report: list[str]) -> list[dict]:
    """Merge the curated skills with cleaned O*NET technology names.

    Every distinct O*NET ``Example`` is handled once, in sorted order:

    1. listed in a curated entry's ``onet`` list -> merged into that entry;
    2. listed in ``onet.drop`` -> skipped (social networks, browsers, vague rows);
    3. equal (loosely normalised) to a curated name/alias -> merged;
    4. a generic category row ("Word processing software") -> skipped;
    5. after stripping " software", a trailing acronym or a vendor prefix it
       matches a curated product -> merged (broad concepts never absorb vendor
       products: "Allscripts EHR" stays out of "Electronic Health Records");
    6. otherwise, if used by >= ``onet.min_occupations`` occupations, flagged Hot
       Technology, or listed in ``onet.keep``/``onet.rename`` -> a new "onet"
       entry with a cleaned name, aliases, category and ambiguity flag.

    Merged O*NET names become aliases and OR their Hot flag into the entry.
    Aliases are then assigned first-come: curated entries first, O*NET entries by
    popularity, so no surface form ever belongs to two entries.
    """
    cfg = curated_doc["onet"]
    curated = load_curated_skills(curated_doc)

    by_id: dict[str, dict] = {}
    index = AliasIndex()
    for entry in curated:
        if entry["id"] in by_id:
            raise BuildError(f"duplicate curated id {entry['id']!r}")
        by_id[entry["id"]] = entry
    # names first so that a curated alias can never shadow another curated name
    for entry in curated:
        if not index.claim(entry["name"], entry["id"]):
            raise BuildError(
                f"curated name {entry['name']!r} collides with {index.get(entry['name'])!r}"
            )
    for entry in curated:
        for alias in entry["aliases"]:
            if not index.claim(alias, entry["id"]):
                raise BuildError(
                    f"curated alias {alias!r} of {entry['id']!r} already belongs to {index.get(alias)!r}"
                )

    explicit: dict[str, str] = {}
    for entry in curated:
        for onet_name in entry["onet_names"]:
            if onet_name in explicit:
                raise BuildError(f"O*NET name {onet_name!r} mapped twice")
            explicit[onet_name] = entry["id"]
            if onet_name not in onet_rows:
                raise BuildError(
                    f"{entry['id']!r}: O*NET name {onet_name!r} not found in the O*NET file"
                )

    drop = set(cfg.get("drop", []))
    keep_rows = set(cfg.get("keep", []))
    rename: dict[str, dict] = cfg.get("rename", {})
    for key in list(drop) + list(keep_rows) + list(rename):
        if key not in onet_rows:
            raise BuildError(f"O*NET rule refers to unknown name {key!r}")
    vendors_drop: list[str] = cfg.get("vendor_drop", [])
    vendors_keep: list[str] = cfg.get("vendor_keep", [])
    common_words = frozenset(w.casefold() for w in cfg.get("common_words", []))
    ambiguous_names = {norm(n) for n in cfg.get("ambiguous_names", [])}
    unsafe_aliases = {norm(n) for n in cfg.get("unsafe_aliases", [])}
    category_rules: list[list[str]] = cfg.get("category_rules", [])
    category_default: str = cfg.get("category_default", "tool")
    min_occ: int = int(cfg.get("min_occupations", 2))

    def attach(entry: dict, row: OnetRow) -> None:
        entry["aliases"].append(row.name)
        entry["hot"] = entry["hot"] or row.hot
        entry["onet_count"] += row.count
        if entry["source"] == "curated":
            entry["source"] = "curated+onet"

    def is_concept(entry: dict, form: str) -> bool:
        """Broad ideas and acronyms must not swallow vendor products ('Allscripts EHR')."""
        if entry["generic"] or entry["category"] in CONCEPT_CATEGORIES:
            return True
        return bool(re.fullmatch(r"[A-Z0-9/&]{2,5}", form))

    def find_merge_target(name: str) -> str | None:
        base = strip_category_suffix(name)
        no_acro, acro = split_trailing_acronym(base)
        for key in (base, no_acro):
            owner = index.get(key)
            if owner is not None:
                return owner
        # 'Hypertext markup language HTML' -> curated entry named exactly 'HTML'
        if acro:
            owner = index.get(acro)
            if owner is not None and by_id[owner]["name"] == acro:
                return owner
        for variant in (name, base, no_acro):
            vendor, rest = strip_vendor(variant, vendors_drop + vendors_keep)
            if vendor:
                owner = index.get(rest)
                if owner is not None and not is_concept(by_id[owner], rest):
                    return owner
        return None

    stats = collections.Counter()
    new_entries: dict[str, dict] = {}  # norm(clean name) -> entry

    for onet_name in sorted(onet_rows):
        row = onet_rows[onet_name]
        if onet_name in explicit:
            attach(by_id[explicit[onet_name]], row)
            stats["merged_explicit"] += 1
            continue
        if onet_name in drop:
            stats["dropped_rule"] += 1
            continue
        standalone = onet_name in rename or onet_name in keep_rows
        target = None
        if not standalone:
            owner = index.get(onet_name)
            if owner is not None:
                target = owner
            elif looks_like_category(onet_name, common_words):
                stats["dropped_category"] += 1
                report.append(f"category\t{onet_name}")
                continue
            else:
                target = find_merge_target(onet_name)
        if target is not None:
            attach(by_id[target], row)
            stats["merged_auto"] += 1
            report.append(f"merge\t{onet_name}\t->\t{by_id[target]['name']}")
            continue
        if (
            row.count < min_occ
            and not row.hot
            and onet_name not in rename
            and onet_name not in keep_rows
        ):
            stats["dropped_rare"] += 1
            continue

        # ---- clean a new O*NET-only entry
        rule = rename.get(onet_name, {})
        aliases: list[str] = [onet_name]
        name = strip_category_suffix(onet_name, (" software",))
        name, acro = split_trailing_acronym(name)
        if acro:
            aliases.append(acro)
        vendor, rest = strip_vendor(name, vendors_drop)
        if vendor:
            aliases.append(name)
            name = rest
        else:
            vendor, rest = strip_vendor(name, vendors_keep)
            if vendor and _safe_short_form(rest, common_words):
                aliases.append(rest)
        if "name" in rule:
            aliases.append(name)
            name = rule["name"]
        aliases.extend(rule.get("aliases", []))
        drop_aliases = {norm(a) for a in rule.get("drop_aliases", [])}
        aliases = [
            a for a in aliases if norm(a) not in drop_aliases and norm(a) not in unsafe_aliases
        ]
        category = rule.get("category") or pick_category(row, category_rules, category_default)
        if category not in SKILL_CATEGORIES:
            raise BuildError(f"{onet_name!r}: bad category {category!r}")
        single_word = len(name.split()) == 1
        ambiguous = rule.get(
            "ambiguous",
            norm(name) in ambiguous_names or (single_word and name.casefold() in common_words),
        )
        key = norm(name)
        existing = new_entries.get(key)
        if existing is not None:
            existing["aliases"].extend(aliases)
            existing["hot"] = existing["hot"] or row.hot
            existing["onet_count"] += row.count
            stats["merged_onet_duplicate"] += 1
            continue
        entry_id = rule.get("id") or slugify(name)
        entry = {
            "id": entry_id,
            "name": name,
            "category": category,
            "aliases": aliases,
            "case_sensitive": bool(rule.get("case_sensitive", False)),
            "ambiguous": bool(ambiguous),
            "generic": bool(rule.get("generic", False)),
            "hot": row.hot,
            "case_sensitive_aliases": list(rule.get("case_sensitive_aliases", [])),
            "ambiguous_aliases": list(rule.get("ambiguous_aliases", [])),
            "source": "onet",
            "onet_count": row.count,
        }
        new_entries[key] = entry
        stats["new_onet"] += 1

    # ---- register O*NET-only entries: ids and names must not clash with curated ones
    onet_sorted = sorted(new_entries.values(), key=lambda e: (-e["onet_count"], e["id"]))
    for entry in onet_sorted:
        if entry["id"] in by_id:
            raise BuildError(
                f"O*NET entry id {entry['id']!r} ({entry['name']!r}) clashes; add a rename rule"
            )
        if not index.claim(entry["name"], entry["id"]):
            raise BuildError(
                f"O*NET entry name {entry['name']!r} collides with {index.get(entry['name'])!r}; add a rule"
            )
        by_id[entry["id"]] = entry

    # UNSPSC commodity titles are not ours to ship; some O*NET example names are
    # verbatim copies of them ("Point of sale POS software"), so filter those out.
    unspsc_titles = {title for row in onet_rows.values() for title in row.titles}

    # ---- resolve aliases: curated entries first, then O*NET entries by popularity
    ordered = [e for e in curated] + onet_sorted
    for entry in ordered:
        if entry["name"].casefold() in unspsc_titles:
            raise BuildError(f"entry name {entry['name']!r} is a UNSPSC commodity title; rename it")
        kept = []
        for alias in _dedupe_aliases(entry["name"], entry["aliases"]):
            if alias.casefold() in unspsc_titles:
                stats["alias_unspsc_title_dropped"] += 1
                report.append(f"alias-drop\t{alias}\t(of {entry['id']}, UNSPSC commodity title)")
                continue
            if index.claim(alias, entry["id"]):
                kept.append(alias)
            else:
                stats["alias_collisions_dropped"] += 1
                report.append(
                    f"alias-drop\t{alias}\t(of {entry['id']}, owned by {index.get(alias)})"
                )
        entry["aliases"] = kept
        kept_norm = {norm(a) for a in kept}
        entry["case_sensitive_aliases"] = sorted(
            {a for a in entry["case_sensitive_aliases"] if norm(a) in kept_norm}, key=_sort_key
        )
        entry["ambiguous_aliases"] = sorted(
            {a for a in entry["ambiguous_aliases"] if norm(a) in kept_norm}, key=_sort_key
        )

    records = []
    for entry in sorted(by_id.values(), key=lambda e: e["id"]):
        records.append(
            {
                "id": entry["id"],
                "name": entry["name"],
                "category": entry["category"],
                "aliases": entry["aliases"],
                "case_sensitive": entry["case_sensitive"],
                "ambiguous": entry["ambiguous"],
                "generic": entry["generic"],
                "source": entry["source"],
                "hot": entry["hot"],
                "case_sensitive_aliases": entry["case_sensitive_aliases"],
                "ambiguous_aliases": entry["ambiguous_aliases"],
            }
        )
    for key in sorted(stats):
        report.append(f"stat\t{key}\t{stats[key]}")
    return records


# --------------------------------------------------------------------------
# certifications
# --------------------------------------------------------------------------


def build_certifications(doc: dict) -> list[dict]:
    allowed = {
        "id",
        "name",
        "issuer",
        "category",
        "kind",
        "aliases",
        "codes",
        "case_sensitive_aliases",
        "ambiguous",
    }
    records = []
    index = AliasIndex()
    code_owner: dict[str, str] = {}
    entries = []
    for raw in doc["entries"]:
        extra = set(raw) - allowed
        if extra:
            raise BuildError(f"{raw.get('name')!r}: unknown keys {sorted(extra)}")
        name = raw["name"].strip()
        entry = {
            "id": raw.get("id") or slugify(name),
            "name": name,
            "issuer": raw["issuer"].strip(),
            "category": raw["category"],
            "kind": raw.get("kind", "certification"),
            "aliases": _dedupe_aliases(name, list(raw.get("aliases", []))),
            "codes": sorted(
                dict.fromkeys(c.strip() for c in raw.get("codes", []) if c.strip()), key=_sort_key
            ),
            "case_sensitive_aliases": list(raw.get("case_sensitive_aliases", [])),
            "ambiguous": _bool(raw, "ambiguous"),
        }
        if entry["category"] not in CERT_CATEGORIES:
            raise BuildError(f"{name!r}: bad category {entry['category']!r}")
        if entry["kind"] not in CERT_KINDS:
            raise BuildError(f"{name!r}: bad kind {entry['kind']!r}")
        entries.append(entry)

    seen_ids: set[str] = set()
    for entry in entries:
        if entry["id"] in seen_ids:
            raise BuildError(f"duplicate certification id {entry['id']!r}")
        seen_ids.add(entry["id"])
        if not index.claim(entry["name"], entry["id"]):
            raise BuildError(
                f"certification name {entry['name']!r} collides with {index.get(entry['name'])!r}"
            )
    for entry in entries:
        for alias in entry["aliases"]:
            if not index.claim(alias, entry["id"]):
                raise BuildError(
                    f"certification alias {alias!r} of {entry['id']!r} owned by {index.get(alias)!r}"
                )
        for code in entry["codes"]:
            key = norm(code)
            if key in code_owner and code_owner[key] != entry["id"]:
                raise BuildError(
                    f"exam code {code!r} shared by {code_owner[key]!r} and {entry['id']!r}"
                )
            code_owner[key] = entry["id"]
            owner = index.get(code)
            if owner is not None and owner != entry["id"]:
                raise BuildError(
                    f"exam code {code!r} of {entry['id']!r} is a name/alias of {owner!r}"
                )
        alias_norms = {norm(a) for a in entry["aliases"]} | {norm(entry["name"])}
        for alias in entry["case_sensitive_aliases"]:
            if norm(alias) not in alias_norms:
                raise BuildError(f"{entry['id']!r}: case-sensitive alias {alias!r} is not an alias")
        entry["case_sensitive_aliases"] = sorted(
            dict.fromkeys(entry["case_sensitive_aliases"]), key=_sort_key
        )

    for entry in sorted(entries, key=lambda e: e["id"]):
        records.append(
            {
                "id": entry["id"],
                "name": entry["name"],
                "issuer": entry["issuer"],
                "category": entry["category"],
                "kind": entry["kind"],
                "aliases": entry["aliases"],
                "codes": entry["codes"],
                "case_sensitive_aliases": entry["case_sensitive_aliases"],
                "ambiguous": entry["ambiguous"],
            }
        )
    return records


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def build(onet_path: Path) -> tuple[str, str, list[str]]:
    if not onet_path.is_file():
        raise BuildError(f"O*NET file not found: {onet_path} (pass --onet PATH)")
    report: list[str] = []
    skills_doc = json.loads(SKILLS_SRC.read_text(encoding="utf-8"))
    certs_doc = json.loads(CERTS_SRC.read_text(encoding="utf-8"))
    onet_rows = read_onet(onet_path)
    skills = build_skills(skills_doc, onet_rows, report)
    certs = build_certifications(certs_doc)
    return dump_jsonl(skills), dump_jsonl(certs), report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--onet", type=Path, default=DEFAULT_ONET, help="path to onet-technology-skills.tsv"
    )
    parser.add_argument(
        "--out-dir", type=Path, default=DATA_DIR, help="directory for the .jsonl files"
    )
    parser.add_argument("--check", action="store_true", help="do not write; fail if outputs differ")
    parser.add_argument("--report", action="store_true", help="print merge/drop details to stderr")
    args = parser.parse_args(argv)

    try:
        skills_text, certs_text, report = build(args.onet)
    except BuildError as exc:
        print(f"build_vocab: error: {exc}", file=sys.stderr)
        return 2

    if args.report:
        for line in report:
            print(line, file=sys.stderr)

    outputs = {
        args.out_dir / "skills.jsonl": skills_text,
        args.out_dir / "certifications.jsonl": certs_text,
    }
    if args.check:
        stale = [
            p
            for p, text in outputs.items()
            if not p.is_file() or p.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"build_vocab: stale: {path}", file=sys.stderr)
        return 1 if stale else 0

    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    print(
        f"build_vocab: wrote {skills_text.count(chr(10))} skills and "
        f"{certs_text.count(chr(10))} certifications to {args.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
