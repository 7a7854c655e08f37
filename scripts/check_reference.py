#!/usr/bin/env python3
"""Validate the reference data in Sources/SynergiaCore/Resources/Reference/.

Usage: python3 scripts/check_reference.py   (exit status 0 = all checks pass)
"""
import json
import os
import re
import sys
from collections import Counter

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources",
                   "SynergiaCore", "Resources", "Reference")
GROUPS = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean",
          "western-european-others"]
CONVENTIONS = ["CBD", "CITES", "CMS", "RAMSAR", "WHC", "ITPGRFA", "IPPC", "IWC"]
STATUSES = {"party", "non-party", "unknown"}
LANGS = {"en", "fr", "es", "zh", "ru", "ar"}
# Plausible ranges for the UN regional groups as restricted to CBD Parties
# (US excluded from WEOG; Cook Islands, Niue, Palestine added to Asia-Pacific).
EXPECTED_GROUP_RANGES = {
    "african": (54, 54),
    "asia-pacific": (53, 58),
    "eastern-european": (23, 23),
    "latin-american-caribbean": (33, 33),
    "western-european-others": (28, 29),
}

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def load(name):
    path = os.path.join(REF, name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_conventions(doc):
    check(doc.get("version") == 1, "conventions: version != 1")
    check(isinstance(doc.get("source"), str) and doc["source"], "conventions: missing source")
    codes = [c["code"] for c in doc["conventions"]]
    check(codes == CONVENTIONS, f"conventions: codes {codes} != {CONVENTIONS}")
    for c in doc["conventions"]:
        check("en" in c["names"], f"conventions/{c['code']}: no English name")
        check(set(c["names"]) <= LANGS, f"conventions/{c['code']}: bad name languages")
        check("en" in c["governingBody"], f"conventions/{c['code']}: governingBody without en")
        eif = c["entryIntoForce"]
        check(eif == "unknown" or (isinstance(eif, int) and 1900 < eif < 2100),
              f"conventions/{c['code']}: bad entryIntoForce {eif!r}")
        for k in ["shortName", "secretariatHost", "secretariatAdministeredBy", "website"]:
            check(isinstance(c.get(k), str) and c[k], f"conventions/{c['code']}: missing {k}")


def check_framework(fw, n_goals=None, n_targets=None, goals_required=True):
    code = fw["code"]
    goal_codes = [g["code"] for g in fw["goals"]]
    check(len(set(goal_codes)) == len(goal_codes), f"{code}: duplicate goal codes")
    target_codes = [t["code"] for t in fw["targets"]]
    check(len(set(target_codes)) == len(target_codes), f"{code}: duplicate target codes")
    if n_goals is not None:
        check(len(goal_codes) == n_goals, f"{code}: {len(goal_codes)} goals, expected {n_goals}")
    if n_targets is not None:
        check(len(target_codes) == n_targets,
              f"{code}: {len(target_codes)} targets, expected {n_targets}")
    for g in fw["goals"]:
        check("en" in g["title"], f"{code}/goal {g['code']}: no English title")
    for t in fw["targets"]:
        check("en" in t["title"] and "en" in t["text"], f"{code}/target {t['code']}: missing en")
        if "goal" in t:
            check(t["goal"] in goal_codes, f"{code}/target {t['code']}: goal {t['goal']} missing")
        else:
            check(not goals_required, f"{code}/target {t['code']}: no goal")
    p = fw["period"]
    check(isinstance(p["from"], int) and isinstance(p["to"], int) and p["from"] <= p["to"],
          f"{code}: bad period")
    print(f"  {code}: {len(goal_codes)} goals, {len(target_codes)} targets")


def check_frameworks(doc):
    check(doc.get("version") == 1, "frameworks: version != 1")
    check(isinstance(doc.get("source"), str) and doc["source"], "frameworks: missing source")
    fws = {f["code"]: f for f in doc["frameworks"]}
    check(set(fws) == {"SP2011", "KMGBF", "CITES-SV", "CMS-SPMS", "RAMSAR-SP4"},
          f"frameworks: codes {sorted(fws)}")
    for f in fws.values():
        check(f["convention"] in CONVENTIONS, f"{f['code']}: unknown convention")
    check_framework(fws["SP2011"], 5, 20)
    check(set(t["goal"] for t in fws["SP2011"]["targets"]) == set("ABCDE"),
          "SP2011: targets do not cover goals A-E")
    check_framework(fws["KMGBF"], 4, 23, goals_required=False)
    check([g["code"] for g in fws["KMGBF"]["goals"]] == list("ABCD"), "KMGBF: goals != A-D")
    check_framework(fws["CITES-SV"], None, None)  # partial by design
    check_framework(fws["CMS-SPMS"], 5, 16)
    check_framework(fws["RAMSAR-SP4"], 4, 19)


def check_parties(doc):
    check(doc.get("version") == 1, "parties: version != 1")
    check(isinstance(doc.get("source"), dict), "parties: source must be an object")
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.get("asOf", "")), "parties: bad asOf")
    parties = doc["parties"]
    check(len(parties) == 196, f"parties: {len(parties)} entries, expected 196")
    states = [p for p in parties if p["kind"] == "state"]
    reios = [p for p in parties if p["kind"] == "reio"]
    check(len(states) == 195, f"parties: {len(states)} states, expected 195")
    check(len(reios) == 1 and reios[0]["alpha2"] == "EU", "parties: EU entry missing")
    check(parties[-1]["alpha2"] == "EU", "parties: EU must be last")
    a2 = [p["alpha2"] for p in parties]
    a3 = [p["alpha3"] for p in states]
    check(len(set(a2)) == len(a2), "parties: duplicate alpha2")
    check(len(set(a3)) == len(a3), "parties: duplicate alpha3")
    check(a3 == sorted(a3), "parties: states not sorted by alpha3")
    for p in states:
        tag = p["alpha3"]
        check(re.fullmatch(r"[A-Z]{2}", p["alpha2"]), f"{tag}: bad alpha2")
        check(re.fullmatch(r"[A-Z]{3}", p["alpha3"]), f"{tag}: bad alpha3")
        check(p["regionalGroup"] in GROUPS, f"{tag}: bad regionalGroup {p['regionalGroup']}")
        check(set(p["names"]) == LANGS, f"{tag}: names languages {sorted(p['names'])}")
        check(all(isinstance(v, str) and v.strip() for v in p["names"].values()),
              f"{tag}: empty name")
    for p in parties:
        m = p["memberships"]
        check(list(m) == CONVENTIONS, f"{p['alpha2']}: membership keys {list(m)}")
        check(m["CBD"] == "party", f"{p['alpha2']}: CBD must be party")
        check(all(v in STATUSES for v in m.values()), f"{p['alpha2']}: bad membership value")
        check("en" in p["names"], f"{p['alpha2']}: no English name")
    eu = reios[0] if reios else None
    if eu:
        check(eu["alpha3"] == "unknown" and eu["regionalGroup"] == "none", "EU: alpha3/group")

    counts = Counter(p["regionalGroup"] for p in states)
    print("  regional groups (States):")
    for g in GROUPS:
        lo, hi = EXPECTED_GROUP_RANGES[g]
        ok = check(lo <= counts[g] <= hi, f"group {g}: {counts[g]} not in [{lo}, {hi}]")
        print(f"    {g:26s} {counts[g]:3d}  {'ok' if ok else 'IMPLAUSIBLE'}")
    print(f"    {'total':26s} {sum(counts.values()):3d}")
    print("  memberships (party / non-party / unknown), EU included:")
    for conv in CONVENTIONS:
        c = Counter(p["memberships"][conv] for p in parties)
        print(f"    {conv:8s} {c['party']:3d} / {c['non-party']:3d} / {c['unknown']:3d}")


def main():
    for name, fn in [("conventions.json", check_conventions),
                     ("frameworks.json", check_frameworks),
                     ("parties.json", check_parties)]:
        print(name)
        try:
            doc = load(name)
        except (OSError, json.JSONDecodeError) as e:
            failures.append(f"{name}: {e}")
            continue
        fn(doc)
    if failures:
        print("\nFAILED:")
        for f in failures:
            print("  - " + f)
        print(f"0 passed, {len(failures)} failed")
        return 1
    print("\nall reference checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
