#!/usr/bin/env python3
"""Generate Sources/SynergiaCore/Resources/Reference/parties.json.

Provenance (see also the "source" object written into parties.json):

* ISO 3166-1 alpha-2 / alpha-3 codes and English names: Debian iso-codes
  `iso_3166-1.json`, field "name" (the ISO 3166-1 English short name), as
  shipped by the PyPI package `pycountry` (version pinned below).
* fr, es, zh (zh_CN catalogue), ru, ar names: the iso-codes gettext
  translations of that same "name" (domain `iso3166-1`), as shipped in
  pycountry's `locales/` directory.  Where a catalogue has no translation for
  an entry, the Unicode CLDR territory name (PyPI package `babel`) is used and
  the fallback is listed in the "source" object (currently only TR/ar).
* European Union: not in ISO 3166-1 (EU is an "exceptionally reserved" alpha-2
  code); names are the EU's own official names in those languages.
* UN regional groups: UN Department for General Assembly and Conference
  Management list of regional groups of Member States, with the placements
  for non-members fixed by the project brief (Cook Islands, Niue, State of
  Palestine -> asia-pacific; Türkiye and Israel -> WEOG; Kiribati ->
  asia-pacific).
* Memberships: see MEMBERSHIP_SOURCES below.  Only "party"/"non-party" values
  that are supported by a cited list or well-established fact are written;
  everything else is "unknown".

Reproduce with:
    pip install pycountry==26.2.16 babel==2.18.0
    python3 scripts/make_parties.py
"""
import gettext
import json
import os
import sys

import pycountry
from babel import Locale

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "SynergiaCore",
                   "Resources", "Reference", "parties.json")
AS_OF = "2026-11-25"
LANGS = [("fr", "fr", "fr"), ("es", "es", "es"), ("zh", "zh_CN", "zh_Hans"),
         ("ru", "ru", "ru"), ("ar", "ar", "ar")]

# --------------------------------------------------------------------------
# UN regional groups (alpha-3).  The 195 States that are Parties to the CBD:
# the 193 UN Member States minus USA, plus COK, NIU, PSE.
# --------------------------------------------------------------------------
AFRICAN = """DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG CIV COD DJI EGY GNQ ERI
SWZ ETH GAB GMB GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER
NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TGO TUN UGA TZA ZMB ZWE""".split()
EASTERN_EUROPEAN = """ALB ARM AZE BLR BIH BGR HRV CZE EST GEO HUN LVA LTU MNE MKD
POL MDA ROU RUS SRB SVK SVN UKR""".split()
GRULAC = """ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY
HTI HND JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO URY VEN""".split()
WEOG = """AND AUS AUT BEL CAN DNK FIN FRA DEU GRC ISL IRL ISR ITA LIE LUX MLT MCO
NLD NZL NOR PRT SMR ESP SWE CHE TUR GBR""".split()
ASIA_PACIFIC = """AFG BHR BGD BTN BRN KHM CHN CYP PRK FJI IND IDN IRN IRQ JPN JOR
KAZ KIR KWT KGZ LAO LBN MYS MDV MHL FSM MNG MMR NRU NPL OMN PAK PLW PNG PHL QAT
KOR WSM SAU SGP SLB LKA SYR TJK THA TLS TON TKM TUV ARE UZB VUT VNM YEM
COK NIU PSE""".split()
GROUPS = {
    "african": AFRICAN,
    "asia-pacific": ASIA_PACIFIC,
    "eastern-european": EASTERN_EUROPEAN,
    "latin-american-caribbean": GRULAC,
    "western-european-others": WEOG,
}
GROUP_OF = {a3: g for g, members in GROUPS.items() for a3 in members}
STATES = sorted(GROUP_OF)

# --------------------------------------------------------------------------
# Memberships.  Each convention: explicit sets; anything not listed is
# "unknown".  "party" for the EU ("EU") is handled in the same sets.
# --------------------------------------------------------------------------
ALL = set(STATES)
EU27 = set("""AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU
LUX MLT NLD POL PRT ROU SVK SVN ESP SWE""".split())

# CITES: 193 UN Member States minus the 17 listed as non-parties in 2012
# (Andorra, Angola, DPRK, Micronesia, Haiti, Iraq, Kiribati, Lebanon, Maldives,
# Marshall Islands, Nauru, South Sudan, Tajikistan, Timor-Leste, Tonga,
# Turkmenistan, Tuvalu) are parties (no State has ever withdrawn); of those 17,
# Angola (2013), Lebanon (2013), Maldives (2013), Iraq (2014), Tajikistan
# (2016), Tonga (2016) and Haiti (2020) have since acceded, as has the State of
# Palestine (2015) and the EU (2015, Gaborone amendment).  The remaining ten,
# plus Cook Islands and Niue, are "unknown" (the 184th/185th accessions could
# not be pinned down).
CITES_UNKNOWN = set("AND PRK FSM KIR MHL NRU SSD TLS TKM TUV COK NIU".split())
CITES_PARTY = (ALL - CITES_UNKNOWN) | {"EU"}
CITES_NONPARTY = set()

# WHC: 196 States Parties = 192 UN Member States + Cook Islands, Holy See,
# Niue, State of Palestine; Nauru was the 196th (22 July 2024, UNESCO news
# 2710), Tuvalu the 195th (18 May 2023, UNESCO news 2563).  The only UN Member
# State not party (as of 2024) is Liechtenstein.  The EU cannot be a party.
WHC_PARTY = ALL - {"LIE"}
WHC_NONPARTY = {"LIE", "EU"}

# Ramsar (172 Contracting Parties incl. USA).  Marked "party" only where the
# accession is well established; recent/uncertain accessions are "unknown".
# The Convention is open only to States, so the EU is a non-party.
RAMSAR_UNKNOWN = set("""AFG AGO BRN ERI ETH GUY HTI KWT MDV FSM PRK QAT SMR SAU
SGP SOM TLS TUV KIR NRU VUT SLB COK NIU PSE TON SSD DMA KNA VCT""".split())
RAMSAR_PARTY = ALL - RAMSAR_UNKNOWN
RAMSAR_NONPARTY = {"EU"}

# CMS: parties listed by the CMS Secretariat (cms.int "Parties and Range
# States", 2014 snapshot for the I-M range) plus accessions that are well
# established; States never withdraw.  Well-known non-parties: China, Japan,
# Russian Federation, Canada, Indonesia, Mexico, Malaysia, Türkiye, Republic of
# Korea.  Everything else "unknown".
CMS_PARTY = EU27 | set("""GBR NOR CHE MCO LIE ISR ALB MNE UKR GEO ARM MDA AUS NZL
PHL IND PAK BGD LKA IRN SAU SYR JOR YEM MNG KAZ KGZ TJK UZB ARG BOL BRA CHL CRI
ECU HND PAN PRY PER URY CUB TTO EGY LBY TUN DZA MAR ZAF KEN TZA UGA ETH GHA NGA
SEN MLI NER BFA BEN TGO GIN GNB GMB MRT TCD CMR COG COD GAB GNQ MDG MUS MOZ ZWE
ERI SOM RWA BDI AGO CAF CPV CIV LBR STP SYC SWZ PLW WSM COK""".split()) | {"EU"}
CMS_NONPARTY = set("CHN JPN RUS CAN IDN MEX MYS TUR KOR".split())

# ITPGRFA: FAO Legal Office list of Contracting Parties as published on
# fao.org/plant-treaty (snapshots dated 1 Nov 2025 [A-Croatia], 1 Dec 2023
# [Costa Rica-Ethiopia, Nepal-Qatar], 1 Jan 2025 [Rep. Korea-Solomon Is.],
# 1 Feb 2020 [Somalia-EU]).  "Yes" -> party (no State has withdrawn).
# "No"/"Only signature" -> non-party only for snapshots dated 2023 or later;
# 2020 "No" entries -> unknown.  Fiji-Namibia (list pages 4-6) were not
# available: only well-established parties are marked, rest unknown.
ITPGRFA_PARTY = set("""AFG ALB DZA AGO ATG ARG ARM AUS AUT BHR BGD BRB BEL BEN
BTN BOL BRA BGR BFA BDI KHM CMR CAN CAF TCD CHL COL COG COK CRI HRV CUB CYP CZE
CIV PRK COD DNK DJI DOM ECU EGY SLV ERI EST SWZ ETH
NPL NLD NIC NER NGA NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR MDA ROU RWA LCA WSM STP SAU SEN SRB SYC SLE SVK SVN
ESP LKA SDN SWE CHE SYR TGO TON TTO TUN TUR TUV
UGA ARE GBR TZA URY VEN YEM ZMB ZWE
FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT
IND IDN IRN JPN KEN JOR MDG MWI MYS MLI MAR""".split()) | {"EU"}
ITPGRFA_NONPARTY = set("""AND AZE BHS BLR BLZ BIH BWA BRN CPV CHN COM DMA GNQ
NZL NIU MKD RUS KNA VCT SMR SGP SLB""".split())

# IPPC: parties per the FAO depositary list (FAO Legal Office; WIPO Lex mirror,
# 180 contracting parties at the time) for entries seen, plus parties that are
# well established (all EU Member States and the EU itself, which adhered in
# 2005).  No State is confidently known to be a non-party -> rest "unknown".
IPPC_PARTY = EU27 | set("""AFG ALB DZA ATG ARG ARM AUS AZE BHS BHR BGD BRB BLR
BLZ BEN BTN BOL BIH BWA BRA BFA BDI CPV KHM CMR CAN CHL COL CRI CUB PRK DOM ECU
EGY GNQ SLV ERI ETH GBR NOR CHE ISL CHN RUS JPN IND MEX ZAF KEN NGA MAR TUR IRN
IDN MYS THA VNM PHL KOR PAK LKA SAU ARE ISR UKR SRB NZL""".split()) | {"EU"}
IPPC_NONPARTY = set()

# IWC: the 88 Contracting Governments listed for 2024 (incl. USA, excluded
# here).  Japan (withdrew 2019), Canada (withdrew 1982) and Venezuela
# (withdrew 1999) are non-parties; States not on the 2024 list are
# "non-party" as of that list, except where the compiler had conflicting
# information (GRC, GTM, KWT -> unknown).  Not open to the EU.
IWC_2024 = set("""ATG ARG AUS AUT BEL BLZ BEN BRA BGR KHM CMR CHL CHN COL COG CRI
CIV HRV CYP CZE DNK DMA DOM ECU ERI EST FIN FRA GAB GMB DEU GHA GRD GIN GNB HUN
ISL IND IRL ISR ITA KEN KOR KIR LAO LBR LTU LUX MLI MHL MRT MEX MCO MNG MAR NRU
NLD NZL NIC NOR OMN PLW PAN PER POL PRT ROU RUS KNA LCA VCT SMR STP SEN SVK SVN
SLB ZAF ESP SUR SWE CHE TZA TGO TUV GBR URY""".split())
IWC_UNKNOWN = set("GRC GTM KWT".split())
IWC_PARTY = IWC_2024
IWC_NONPARTY = (ALL - IWC_2024 - IWC_UNKNOWN) | {"EU"}

MEMBERSHIP = {
    "CITES": (CITES_PARTY, CITES_NONPARTY),
    "CMS": (CMS_PARTY, CMS_NONPARTY),
    "RAMSAR": (RAMSAR_PARTY, RAMSAR_NONPARTY),
    "WHC": (WHC_PARTY, WHC_NONPARTY),
    "ITPGRFA": (ITPGRFA_PARTY, ITPGRFA_NONPARTY),
    "IPPC": (IPPC_PARTY, IPPC_NONPARTY),
    "IWC": (IWC_PARTY, IWC_NONPARTY),
}

MEMBERSHIP_SOURCES = {
    "CBD": "All 196 entries are Parties to the CBD (CBD Secretariat list of Parties; the United States of America is the only UN Member State that is not a Party).",
    "CITES": "CITES Secretariat list of Parties: 185 Parties incl. the EU (acceded 2015 under the Gaborone amendment). UN Member States not parties in 2012 (17) taken from the list then published; later accessions of Angola, Lebanon, Maldives, Iraq, State of Palestine, Tajikistan, Tonga and Haiti applied. Andorra, DPRK, Micronesia, Kiribati, Marshall Islands, Nauru, South Sudan, Timor-Leste, Turkmenistan, Tuvalu, Cook Islands and Niue are 'unknown' (recent accessions not verified).",
    "CMS": "CMS Secretariat, 'Parties and Range States' (cms.int; 2014 snapshot for part of the list) plus well-established accessions; China, Japan, Russian Federation, Canada, Indonesia, Mexico, Malaysia, Türkiye and Republic of Korea marked non-party. Partial: everything not verified is 'unknown'.",
    "RAMSAR": "Ramsar Convention Secretariat list of Contracting Parties (172). Only well-established accessions marked 'party'; recent or unverified accessions 'unknown'. The EU cannot be a Contracting Party (Art. 9: States only).",
    "WHC": "UNESCO World Heritage Centre, States Parties ratification status: 196 States Parties (192 UN Member States + Cook Islands, Holy See, Niue, State of Palestine); Tuvalu 195th (18 May 2023), Nauru 196th (22 July 2024). Liechtenstein not party as of 2024. The EU cannot be a State Party.",
    "ITPGRFA": "FAO Legal Office, List of Contracting Parties (fao.org/plant-treaty), snapshots dated 1 Feb 2020, 1 Dec 2023, 1 Jan 2025 and 1 Nov 2025 (155 Contracting Parties incl. the EU). 'No'/'Only signature' entries from 2023+ snapshots recorded as non-party; list pages for Fiji-Namibia not consulted (only well-established parties marked, rest 'unknown').",
    "IPPC": "FAO depositary list of contracting parties to the IPPC (FAO Legal Office; WIPO Lex mirror) for the entries consulted, plus well-established parties (incl. the EU). Partial: no non-party marked; everything not verified is 'unknown'.",
    "IWC": "International Whaling Commission, list of Contracting Governments as of 2024 (88 incl. USA). Japan (withdrew 2019), Canada (1982) and Venezuela (1999) are non-parties. Greece, Guatemala and Kuwait 'unknown' (conflicting information). The ICRW is open to governments only (EU non-party).",
}


def names_for(country):
    names = {"en": country.name}
    for key, iso_lang, cldr_lang in LANGS:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[iso_lang])
        if country.name in t._catalog:
            names[key] = t.gettext(country.name)
        else:
            names[key] = Locale.parse(cldr_lang).territories[country.alpha_2]
            FALLBACKS.append(f"{country.alpha_2}/{key}")
    return names


FALLBACKS = []


def membership_for(code):
    m = {"CBD": "party"}
    for conv in ["CITES", "CMS", "RAMSAR", "WHC", "ITPGRFA", "IPPC", "IWC"]:
        party, nonparty = MEMBERSHIP[conv]
        assert not (code in party and code in nonparty), (conv, code)
        m[conv] = "party" if code in party else "non-party" if code in nonparty else "unknown"
    return m


def main():
    for conv, (p, n) in MEMBERSHIP.items():
        bad = (p | n) - ALL - {"EU"}
        assert not bad, (conv, bad)
    parties = []
    for a3 in STATES:
        c = pycountry.countries.get(alpha_3=a3)
        assert c is not None, a3
        parties.append({
            "alpha2": c.alpha_2,
            "alpha3": c.alpha_3,
            "kind": "state",
            "names": names_for(c),
            "regionalGroup": GROUP_OF[a3],
            "memberships": membership_for(a3),
        })
    parties.sort(key=lambda p: p["alpha3"])
    parties.append({
        "alpha2": "EU",
        "alpha3": "unknown",
        "kind": "reio",
        "names": {"en": "European Union", "fr": "Union européenne", "es": "Unión Europea",
                  "zh": "欧洲联盟", "ru": "Европейский союз", "ar": "الاتحاد الأوروبي"},
        "regionalGroup": "none",
        "memberships": membership_for("EU"),
    })
    doc = {
        "version": 1,
        "source": {
            "codes": "ISO 3166-1 alpha-2/alpha-3 via Debian iso-codes (iso_3166-1.json) as shipped in PyPI pycountry 26.2.16. EU: ISO 3166-1 exceptionally reserved alpha-2 'EU'; no alpha-3 assigned.",
            "names.en": "ISO 3166-1 English short name, field 'name' of Debian iso-codes (pycountry 26.2.16).",
            "names.fr": "Debian iso-codes gettext translation (fr) of the ISO 3166-1 English short name (pycountry 26.2.16 locales).",
            "names.es": "Debian iso-codes gettext translation (es) of the ISO 3166-1 English short name (pycountry 26.2.16 locales).",
            "names.zh": "Debian iso-codes gettext translation (zh_CN) of the ISO 3166-1 English short name (pycountry 26.2.16 locales).",
            "names.ru": "Debian iso-codes gettext translation (ru) of the ISO 3166-1 English short name (pycountry 26.2.16 locales).",
            "names.ar": "Debian iso-codes gettext translation (ar) of the ISO 3166-1 English short name (pycountry 26.2.16 locales).",
            "names.fallbacks": "Where iso-codes has no translation, Unicode CLDR territory name via PyPI babel 2.18.0: " + (", ".join(FALLBACKS) or "none") + ".",
            "names.EU": "Official names of the European Union in the respective languages.",
            "regionalGroup": "United Nations regional groups of Member States (DGACM). Cook Islands, Niue and State of Palestine placed in asia-pacific (CBD practice); Türkiye and Israel in WEOG; Kiribati in asia-pacific; EU 'none'.",
            "memberships": MEMBERSHIP_SOURCES,
            "generator": "scripts/make_parties.py",
        },
        "asOf": AS_OF,
        "parties": parties,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(parties)} parties to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    sys.exit(main())
