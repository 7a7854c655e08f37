#!/usr/bin/env python3
"""Generate the national-report templates in Sources/SynergiaCore/Resources/Templates.

The per-target sections of the CBD 7th (KMGBF targets 1-23) and 6th (Aichi targets 1-20)
national reports are generated from the targets in Resources/Reference/frameworks.json, so
target titles stay identical to the reference data. Wording is Synergia's own, following the
structure of the real reporting formats. Non-English strings are given only where certain.

Usage: python3 scripts/make_report_templates.py [REPO_ROOT]
"""
import json
import os
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
REFERENCE = os.path.join(ROOT, "Sources/SynergiaCore/Resources/Reference/frameworks.json")
OUT = os.path.join(ROOT, "Sources/SynergiaCore/Resources/Templates")


def t(en, fr=None, es=None, zh=None):
    out = {"en": en}
    for code, text in (("fr", fr), ("es", es), ("zh", zh)):
        if text:
            out[code] = text
    return out


class Builder:
    def __init__(self, prefix):
        self.prefix = prefix
        self.sections = []

    def section(self, key, title, **extra):
        self.sections.append({"id": f"{self.prefix}.{key}", **extra, "title": title, "questions": []})
        return self

    def q(self, kind, en, help_en=None, required=False, title=None, **extra):
        sec = self.sections[-1]
        number = len(sec["questions"]) + 1
        question = {"id": f"{sec['id']}.q{number}", "type": kind, "title": title or t(en)}
        if help_en:
            question["help"] = t(help_en)
        question["required"] = required
        question.update(extra)
        sec["questions"].append(question)
        return self


def choices(*pairs):
    return [{"id": cid, "label": t(label)} for cid, label in pairs]


def col(cid, en, kind):
    return {"id": cid, "title": t(en), "type": kind}


YES_NO_PARTIAL = choices(("yes", "Yes"), ("partly", "Partly"), ("no", "No"), ("not-applicable", "Not applicable"))
PA_COLUMNS = [
    col("area-km2", "Area under protection (km²)", "number"),
    col("percent-land", "Share of land and inland waters (%)", "number"),
    col("percent-sea", "Share of marine and coastal areas (%)", "number"),
    col("as-of", "Figures as of", "date"),
]
SERIES_HELP = "One value per reporting period (for example a year); give the unit of each value."


def focal_point(b, required=True):
    return b.q("shortText", "National focal point (name, institution)", "The person who answers for this report.",
               required, title=t("National focal point (name, institution)", fr="Correspondant national (nom, institution)",
                                 es="Punto focal nacional (nombre, institución)"),
               element="national-focal-point")


def pa_coverage(b):
    return b.q("table", "Coverage of protected areas and other effective area-based conservation measures",
               "One row per reference date.", False, element="protected-area-coverage", columns=PA_COLUMNS)


def wetland_area(b):
    return b.q("number", "Total area of wetlands (km²)", "Inland and coastal wetlands as defined by the Ramsar Convention.",
               False, title=t("Total area of wetlands (km²)", fr="Superficie totale des zones humides (km²)",
                              es="Superficie total de humedales (km²)"),
               unit="km2", element="wetland-area")


def legislation(b):
    return b.q("longText", "National legislation on biodiversity", "Main laws and regulations, with references.",
               False, element="national-biodiversity-legislation")


def trade_legislation(b):
    return b.q("longText", "Legislation regulating trade in wild species", "Laws that regulate import, export and re-export.",
               False, element="species-trade-legislation")


def targets(code):
    with open(REFERENCE, encoding="utf-8") as f:
        for framework in json.load(f)["frameworks"]:
            if framework["code"] == code:
                return framework["targets"]
    raise SystemExit(f"framework {code} not in {REFERENCE}")


def target_section(b, framework, items, word_fr, word_es, explain):
    for target in items:
        code = target["code"]
        title = target["title"]["en"]
        b.q("progressAssessment", f"Target {code} ({title}): progress towards the national target(s)",
            "Choose the level of progress that best reflects the evidence.", True,
            title=t(f"Target {code} ({title}): progress", fr=f"{word_fr} {code} : progrès accomplis",
                    es=f"{word_es} {code}: progresos realizados"),
            target={"framework": framework, "code": code})
        b.q("longText", f"Target {code}: {explain}", "Summarize actions, results and the evidence used.", False,
            target={"framework": framework, "code": code})


def cbd_7nr():
    b = Builder("cbd-7nr")
    b.section("s1", t("Information on the report and the national targets", fr="Informations sur le rapport et les cibles nationales",
                      es="Información sobre el informe y las metas nacionales"))
    focal_point(b)
    b.q("longText", "Process used to prepare the report", "Who took part, which stakeholders were consulted.", True)
    b.q("yesNo", "Have national targets aligned with the Framework been adopted?", None, True)
    b.q("date", "Date on which the national targets were adopted")
    b.q("link", "Link to, or file of, the national targets")
    b.q("longText", "Summary of the national targets and how they map to the global targets")
    b.q("multipleChoice", "Stakeholders involved in setting national targets", choices=choices(
        ("government", "Government ministries"), ("subnational", "Subnational governments"),
        ("indigenous", "Indigenous peoples and local communities"), ("women", "Women's groups"),
        ("youth", "Youth"), ("business", "Business"), ("academia", "Academia"), ("ngo", "Civil society organizations")))
    # Version 3: the progress is written per national target (a published national target reporting on a
    # global target answers for that target's questions); version 2 is kept in Templates/archive.
    b.section("s2", t("Progress towards the global targets", fr="Progrès vers les cibles mondiales",
                      es="Progresos hacia las metas mundiales"), byNationalTarget=True)
    target_section(b, "KMGBF", targets("KMGBF"), "Cible", "Meta", "actions taken and their effectiveness")
    b.section("s3", t("Indicators", fr="Indicateurs", es="Indicadores"))
    pa_coverage(b)
    wetland_area(b)
    for name in ("Red List Index", "Extent of natural ecosystems", "Species habitat index",
                 "Proportion of fish stocks within biologically sustainable levels", "Rate of invasive alien species spread",
                 "Finance mobilized for biodiversity (USD)"):
        b.q("indicatorSeries", f"Headline or national indicator: {name}", SERIES_HELP)
    b.q("longText", "Limitations of the indicator data and gaps")
    b.section("s4", t("National biodiversity strategy and action plan", fr="Stratégie et plan d'action nationaux pour la biodiversité",
                      es="Estrategia y plan de acción nacionales en materia de biodiversidad"))
    b.q("date", "Date on which the current NBSAP was adopted", None, True,
        title=t("Date on which the current NBSAP was adopted", fr="Date d'adoption de la SPANB en vigueur",
                es="Fecha de aprobación de la EPANB vigente"), element="nbsap-adopted-date")
    b.q("singleChoice", "Status of the NBSAP update", None, True, choices=choices(
        ("adopted", "Updated and adopted"), ("drafted", "Drafted, not yet adopted"), ("in-progress", "Update under way"),
        ("not-started", "Update not started")))
    b.q("link", "Link to, or file of, the NBSAP")
    legislation(b)
    b.q("yesNo", "Is the NBSAP adopted as a whole-of-government instrument?")
    b.q("longText", "How the NBSAP is integrated into sectoral and cross-sectoral plans")
    b.q("number", "Domestic public budget for biodiversity in the last year", unit="USD")
    b.q("longText", "Main obstacles to implementation and capacity needs")
    # Version 2 adds the GBF binary indicator questionnaire (the part's sections are built when the
    # template loads, from Resources/Reference/kmgbf-binary); version 1 is kept in Templates/archive.
    return {"id": "cbd-7nr", "version": 3, "parts": ["kmgbf-binary"], "convention": "CBD",
            "title": t("Seventh national report to the Convention on Biological Diversity",
                       fr="Septième rapport national à la Convention sur la diversité biologique",
                       es="Séptimo informe nacional al Convenio sobre la Diversidad Biológica",
                       zh="《生物多样性公约》第七次国家报告"),
            "cycle": "7th national report (2026)", "sections": b.sections}


def cbd_6nr():
    b = Builder("cbd-6nr")
    b.section("s1", t("Information on the report and the national targets", fr="Informations sur le rapport et les objectifs nationaux",
                      es="Información sobre el informe y las metas nacionales"))
    focal_point(b)
    b.q("longText", "Process used to prepare the report", None, True)
    b.q("longText", "National targets adopted and their relation to the Aichi Biodiversity Targets", None, True)
    b.q("date", "Date on which the NBSAP in force was adopted", None, True,
        title=t("Date on which the NBSAP in force was adopted", fr="Date d'adoption de la SPANB en vigueur",
                es="Fecha de aprobación de la EPANB vigente"), element="nbsap-adopted-date")
    legislation(b)
    b.section("s2", t("Implementation measures and their effectiveness", fr="Mesures de mise en œuvre et leur efficacité",
                      es="Medidas de aplicación y su eficacia"))
    for n in range(1, 6):
        b.q("longText", f"Measure {n}: description and the targets it contributes to")
        b.q("singleChoice", f"Measure {n}: assessed effectiveness", choices=choices(
            ("effective", "Effective"), ("partly-effective", "Partly effective"), ("ineffective", "Ineffective"),
            ("unknown", "Unknown")))
    b.section("s3", t("Progress towards the Aichi Biodiversity Targets", fr="Progrès vers les objectifs d'Aichi pour la biodiversité",
                      es="Progresos hacia las Metas de Aichi para la Diversidad Biológica"))
    target_section(b, "SP2011", targets("SP2011"), "Objectif", "Meta", "national contribution to the global target")
    b.section("s4", t("Indicators and updated biodiversity profile", fr="Indicateurs et profil de biodiversité actualisé",
                      es="Indicadores y perfil de biodiversidad actualizado"))
    pa_coverage(b)
    b.q("indicatorSeries", "Indicator: trends in forest area", SERIES_HELP)
    b.q("indicatorSeries", "Indicator: Red List Index", SERIES_HELP)
    b.q("longText", "Updated biodiversity country profile")
    return {"id": "cbd-6nr", "version": 1, "convention": "CBD",
            "title": t("Sixth national report to the Convention on Biological Diversity",
                       fr="Sixième rapport national à la Convention sur la diversité biologique",
                       es="Sexto informe nacional al Convenio sobre la Diversidad Biológica",
                       zh="《生物多样性公约》第六次国家报告"),
            "cycle": "6th national report (2018)", "sections": b.sections}


RAMSAR_TARGETS = [
    "Wetland benefits are featured in national policies and plans",
    "Water use respects wetland ecosystem needs",
    "The public and private sectors apply wise-use guidelines",
    "Invasive alien species and their pathways are identified and managed",
    "The ecological character of Ramsar Sites is maintained or restored",
    "The coverage of the Ramsar Site network is increased",
    "Sites at risk of change of ecological character have threats addressed",
    "National wetland inventories are completed and updated",
    "Wise use is strengthened through integrated resource management",
    "Traditional knowledge and practices are documented and respected",
    "Wetland functions, services and benefits are demonstrated",
    "Restoration is under way in degraded wetlands",
    "Sectoral practices are more sustainable",
    "Scientific guidance and methodologies are developed",
    "Regional initiatives are strengthened",
    "Wetland conservation is mainstreamed through communication and education",
    "Financial and other resources are made available",
    "International cooperation is strengthened",
    "Capacity building is enhanced",
]


def ramsar():
    b = Builder("ramsar-nr")
    b.section("s1", t("Institutional information", fr="Informations institutionnelles", es="Información institucional"))
    focal_point(b)
    b.q("shortText", "Administrative Authority", None, True)
    b.q("shortText", "Head of the Administrative Authority")
    b.q("shortText", "Focal point for scientific and technical matters")
    b.q("shortText", "Focal point for communication, education, participation and awareness")
    b.section("s2", t("Summary of national implementation", fr="Résumé de l'application au niveau national",
                      es="Resumen de la aplicación nacional"))
    b.q("longText", "Main achievements since the previous report", None, True)
    b.q("longText", "Greatest difficulties in implementing the Convention")
    b.q("longText", "Priorities for the next period")
    b.q("longText", "Recommendations for the Secretariat and the Convention's bodies")
    b.section("s3", t("Wetland extent and protection", fr="Étendue et protection des zones humides",
                      es="Extensión y protección de los humedales"))
    wetland_area(b)
    pa_coverage(b)
    b.q("number", "Number of designated Ramsar Sites", None, True, unit="sites")
    b.q("number", "Total area of designated Ramsar Sites (km²)", unit="km2")
    b.q("singleChoice", "Status of the national wetland inventory", choices=choices(
        ("complete", "Complete"), ("partly", "Partly complete"), ("in-progress", "In preparation"), ("none", "Not started")))
    b.q("indicatorSeries", "Trend in wetland area", SERIES_HELP)
    legislation(b)
    b.section("s4", t("Progress towards the Strategic Plan targets", fr="Progrès vers les objectifs du Plan stratégique",
                      es="Progresos hacia las metas del Plan Estratégico"))
    for index, title in enumerate(RAMSAR_TARGETS, start=1):
        b.q("progressAssessment", f"Target {index} ({title}): progress", None, True,
            target={"framework": "RAMSAR-SP4", "code": str(index)})
        b.q("longText", f"Target {index}: actions taken and results", target={"framework": "RAMSAR-SP4", "code": str(index)})
    return {"id": "ramsar-nr-cop15", "version": 1, "convention": "RAMSAR",
            "title": t("National report to the Ramsar Convention (COP15)",
                       fr="Rapport national à la Convention de Ramsar (COP15)",
                       es="Informe nacional a la Convención de Ramsar (COP15)"),
            "cycle": "Report to COP15 (2025)", "sections": b.sections}


def cites():
    b = Builder("cites-air")
    b.section("s1", t("General information", fr="Informations générales", es="Información general"))
    focal_point(b)
    b.q("shortText", "Management Authority", None, True)
    b.q("shortText", "Scientific Authority", None, True)
    b.q("shortText", "Enforcement authorities")
    b.section("s2", t("Legislative and regulatory measures", fr="Mesures législatives et réglementaires",
                      es="Medidas legislativas y reglamentarias"))
    trade_legislation(b)
    b.q("singleChoice", "Category of national legislation under the National Legislation Project", None, True, choices=choices(
        ("1", "Category 1"), ("2", "Category 2"), ("3", "Category 3"), ("not-assessed", "Not yet assessed")))
    b.q("yesNo", "Has new legislation on trade in wild species been adopted during the period?")
    b.q("link", "Link to, or file of, the legislation adopted")
    b.q("yesNo", "Are there stricter domestic measures than the Convention requires?")
    b.q("longText", "Description of stricter domestic measures")
    b.section("s3", t("Compliance and enforcement", fr="Respect des obligations et lutte contre la fraude",
                      es="Cumplimiento y observancia"))
    b.q("multipleChoice", "Enforcement actions taken during the period", choices=choices(
        ("seizures", "Seizures"), ("prosecutions", "Prosecutions"), ("penalties", "Administrative penalties"),
        ("inspections", "Inspections"), ("none", "None")))
    b.q("number", "Number of seizures of specimens", unit="seizures")
    b.q("table", "Significant seizures", "One row per seizure.", columns=[
        col("species", "Species", "shortText"), col("quantity", "Quantity", "number"), col("date", "Date", "date"),
        col("court-case", "Court case opened", "yesNo")])
    b.q("yesNo", "Is there an inter-agency enforcement committee?")
    b.q("longText", "Cooperation with other countries and organizations on enforcement")
    b.section("s4", t("Administrative measures and permits", fr="Mesures administratives et permis",
                      es="Medidas administrativas y permisos"))
    b.q("number", "Number of permits and certificates issued", unit="documents")
    b.q("number", "Number of applications refused", unit="documents")
    b.q("yesNo", "Is an electronic permit system in use?")
    b.q("indicatorSeries", "Permits issued per year", SERIES_HELP)
    b.q("longText", "Non-detriment findings made during the period")
    b.section("s5", t("Capacity and cooperation", fr="Capacités et coopération", es="Capacidad y cooperación"))
    b.q("multipleChoice", "Capacity-building activities carried out", choices=choices(
        ("training", "Training"), ("materials", "Guidance material"), ("exchanges", "Staff exchanges"), ("other", "Other")))
    b.q("longText", "Difficulties in implementing the Convention and needs for assistance")
    b.q("multipleChoice", "Kinds of assistance needed", choices=choices(
        ("legal", "Legal advice"), ("scientific", "Scientific support"), ("enforcement", "Enforcement training"),
        ("funding", "Funding"), ("equipment", "Equipment")))
    b.section("s6", t("Trade data and reporting", fr="Données commerciales et rapports", es="Datos comerciales e informes"))
    b.q("yesNo", "Was the annual trade report for the previous year submitted?", None, True)
    b.q("date", "Date the annual trade report was submitted")
    b.q("yesNo", "Was the annual illegal trade report submitted?")
    b.q("table", "Export quotas set for the year", "One row per species.", columns=[
        col("species", "Species", "shortText"), col("quota", "Quota (specimens)", "number"), col("published", "Published on", "date")])
    b.q("number", "Registered captive-breeding or artificial-propagation operations", unit="operations")
    b.q("yesNo", "Are measures in place for trade in wild species offered online?")
    b.q("longText", "Identification materials produced or used")
    b.q("link", "Link to, or file of, additional information")
    b.section("s7", t("Progress towards the Strategic Vision", fr="Progrès vers la Vision de la stratégie",
                      es="Progresos hacia la Visión Estratégica"))
    for code in ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"):
        b.q("progressAssessment", f"Strategic Vision objective {code}: progress", target={"framework": "CITES-SV", "code": code})
    return {"id": "cites-air", "version": 1, "convention": "CITES",
            "title": t("CITES annual implementation report", fr="Rapport annuel sur l'application de la CITES",
                       es="Informe anual sobre la aplicación de la CITES"),
            "cycle": "Annual implementation report (2025)", "sections": b.sections}


def cms():
    b = Builder("cms-nr")
    b.section("s1", t("General information", fr="Informations générales", es="Información general"))
    focal_point(b)
    b.q("shortText", "Designated national authority", None, True)
    b.q("shortText", "Scientific Councillor")
    b.q("multipleChoice", "CMS instruments the Party participates in", choices=choices(
        ("aewa", "AEWA"), ("eurobats", "EUROBATS"), ("ascobans", "ASCOBANS"), ("raptors-mou", "Raptors MOU"),
        ("sharks-mou", "Sharks MOU"), ("other", "Other")))
    b.section("s2", t("Species listed in Appendix I", fr="Espèces inscrites à l'Annexe I", es="Especies incluidas en el Apéndice I"))
    b.q("yesNo", "Is the taking of Appendix I animals prohibited by national law?", None, True)
    trade_legislation(b)
    legislation(b)
    b.q("table", "Exceptions granted to the prohibition on taking", columns=[
        col("species", "Species", "shortText"), col("purpose", "Purpose", "shortText"), col("date", "Date", "date")])
    b.q("longText", "Main threats to Appendix I species and the measures taken")
    b.section("s3", t("Habitats and ecological connectivity", fr="Habitats et connectivité écologique",
                      es="Hábitats y conectividad ecológica"))
    pa_coverage(b)
    wetland_area(b)
    b.q("yesNo", "Have important sites for migratory species been identified?")
    b.q("longText", "Measures to maintain or restore ecological connectivity")
    b.q("indicatorSeries", "Number of sites important for migratory species under protection", SERIES_HELP)
    b.section("s4", t("Threats to migratory species", fr="Menaces pesant sur les espèces migratrices",
                      es="Amenazas para las especies migratorias"))
    for threat in ("Bycatch in fisheries", "Collision with wind turbines", "Electrocution on power lines",
                   "Poisoning", "Light pollution", "Illegal killing, taking and trade"):
        b.q("yesNo", f"{threat}: is it a significant threat in the country?")
        b.q("longText", f"{threat}: measures taken and their effect")
    b.section("s5", t("Progress towards the Strategic Plan for Migratory Species",
                      fr="Progrès vers le Plan stratégique pour les espèces migratrices",
                      es="Progresos hacia el Plan Estratégico para las Especies Migratorias"))
    for index in range(1, 17):
        b.q("progressAssessment", f"Target {index}: progress", target={"framework": "CMS-SPMS", "code": str(index)})
    b.q("longText", "Resources mobilized and needs")
    return {"id": "cms-nr", "version": 1, "convention": "CMS",
            "title": t("National report to the Convention on Migratory Species",
                       fr="Rapport national à la Convention sur les espèces migratrices",
                       es="Informe nacional a la Convención sobre las Especies Migratorias"),
            "cycle": "Report to COP15 (2026)", "sections": b.sections}


ELEMENTS = [
    ("nbsap-adopted-date", "Date the national biodiversity strategy and action plan was adopted", "date"),
    ("national-focal-point", "National focal point", "shortText"),
    ("protected-area-coverage", "Coverage of protected and conserved areas", "table"),
    ("wetland-area", "Total wetland area (km²)", "number"),
    ("national-biodiversity-legislation", "National legislation on biodiversity", "longText"),
    ("species-trade-legislation", "Legislation regulating trade in wild species", "longText"),
]


def write(name, data):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for template in (cbd_7nr(), cbd_6nr(), ramsar(), cites(), cms()):
        write(f"{template['id']}.json", template)
        count = sum(len(s["questions"]) for s in template["sections"])
        print(f"{template['id']}: {count} questions")
    write("elements.json", {"version": 1, "elements": [
        {"id": i, "title": t(title), "type": kind} for i, title, kind in ELEMENTS]})


if __name__ == "__main__":
    main()
