"""SDMX as a statistician reads it: sdmx1 (the Python SDMX library from PyPI) reads the published
structure message, then every data format with it, and the values it reads equal the values the
JSON API gives from the database; an SDMX-CSV 2.0 file imported back gives the same export.

Not a browser test: it lives here for the demo server of conftest.py.
"""
import collections
import http.cookiejar
import io
import json
import re
import urllib.parse
import urllib.request

import sdmx

from conftest import PASSWORD

FOCAL_POINT = "focal-point@demo.synergia.example"


def get(base, path, opener=None):
    with (opener or urllib.request.build_opener()).open(base + path, timeout=60) as response:
        return response.read(), response.headers.get("Content-Type", "")


def text_of(sdmx_id):
    """The text an SDMX id of Synergia's stands for (`$` + two hex digits per UTF-8 byte)."""
    return re.sub(rb"\$([0-9A-F]{2})", lambda m: bytes([int(m.group(1), 16)]), str(sdmx_id).encode()).decode()


def period_of(time_period):
    """`2015` → `2015`; `2015-01-01/P3Y` → `2015-2017`."""
    match = re.fullmatch(r"(\d{4})-01-01/P(\d+)Y", time_period)
    return f"{match.group(1)}-{int(match.group(1)) + int(match.group(2)) - 1}" if match else time_period


def observations(data_set, dsd, series):
    """Each observation as the tuple the JSON API's data point gives, counted (a repeated row counts twice)."""
    dimensions = [d.id for d in dsd.dimensions]
    disaggregations = [d for d in dimensions if d not in ("REF_AREA", "INDICATOR", "TIME_PERIOD")]
    rows = collections.Counter()
    for obs in data_set.obs:
        key = {kv.id: str(kv.value) for kv in obs.dimension.values.values()}
        attributes = {name: str(value.value) for name, value in obs.attached_attribute.items() if str(value.value) != ""}
        disaggregation = tuple(sorted((d.lower(), text_of(key[d])) for d in disaggregations if key[d] != "_T"))
        indicator = key["INDICATOR"].replace("_", ".")
        assert attributes.get("SDG_SERIES") == series.get(indicator), f"{indicator}: SDG series"
        bound = lambda name: float(attributes[name]) if name in attributes else None
        rows[(key["REF_AREA"], indicator, period_of(key["TIME_PERIOD"]), float(obs.value),
              text_of(attributes.get("UNIT_MEASURE", "")), bound("LOWER_BOUND"), bound("UPPER_BOUND"), disaggregation,
              attributes.get("SOURCE", ""), attributes.get("OBS_COMMENT", ""))] += 1
    return rows


def from_api(base, codes, party=None):
    rows = collections.Counter()
    for code in codes:
        query = {"limit": "10000"}
        if party:
            query["party"] = party
        body, _ = get(base, f"/api/v1/indicators/{urllib.parse.quote(code)}/data?" + urllib.parse.urlencode(query))
        for p in json.loads(body):
            rows[(p["party"], p["indicator"], p["period"], float(p["value"]), p.get("unit", ""), p.get("lower"), p.get("upper"),
                  tuple(sorted(p.get("disaggregation", {}).items())), p.get("source", ""), p.get("comment", ""))] += 1
    return rows


def sdg_series(base):
    """Indicator code → its one SDG series code, as the registry gives it."""
    return {i["code"]: i["sdgSeries"][0] for i in json.loads(get(base, "/api/v1/indicators")[0]) if len(i.get("sdgSeries") or []) == 1}


def structure(base):
    body, content_type = get(base, "/sdmx/structure")
    assert content_type.startswith("application/vnd.sdmx.structure+xml")
    return sdmx.read_sdmx(io.BytesIO(body))


def test_sdmx1_reads_the_structure_and_every_party_and_indicator_is_in_it(server):
    message = structure(server)
    dsd = message.structure["DSD_BIODIVERSITY_INDICATORS"]
    assert [d.id for d in dsd.dimensions][:2] == ["REF_AREA", "INDICATOR"]
    assert [d.id for d in dsd.dimensions][-1] == "TIME_PERIOD"
    assert [m.id for m in dsd.measures] == ["OBS_VALUE"]
    assert message.dataflow["BIODIVERSITY_INDICATORS"].structure is dsd
    parties = {p["alpha2"] for p in json.loads(get(server, "/api/v1/parties")[0])["parties"]}
    assert len(parties) >= 196
    assert parties <= {code.id for code in message.codelist["CL_AREA"]}
    indicators = {i["code"].replace(".", "_") for i in json.loads(get(server, "/api/v1/indicators")[0])}
    assert indicators <= {code.id for code in message.codelist["CL_INDICATOR"]}
    assert str(message.codelist["CL_AREA"]["KE"].name) == "Kenya"


def test_sdmx1_reads_both_data_formats_and_they_hold_what_the_database_holds(server):
    message = structure(server)
    dsd = message.structure["DSD_BIODIVERSITY_INDICATORS"]
    dataflow = message.dataflow["BIODIVERSITY_INDICATORS"]
    codes = [i["code"] for i in json.loads(get(server, "/api/v1/indicators")[0])]
    series = sdg_series(server)
    assert series["A.3"] == "ER_RSK_LST"
    expected = from_api(server, codes)
    assert sum(expected.values()) >= 20, "the demo publishes indicator data"

    body, content_type = get(server, "/sdmx/data.csv")
    assert content_type.startswith("application/vnd.sdmx.data+csv")
    csv_message = sdmx.read_sdmx(io.BytesIO(body), format="csv", structure=dataflow)
    assert observations(csv_message.data[0], dsd, series) == expected

    body, content_type = get(server, "/sdmx/data.xml")
    assert content_type.startswith("application/vnd.sdmx.structurespecificdata+xml")
    xml_message = sdmx.read_sdmx(io.BytesIO(body), structure=dsd)
    assert observations(xml_message.data[0], dsd, series) == expected

    body, _ = get(server, "/sdmx/data.xml?indicator=3.1&party=KE")
    one = sdmx.read_sdmx(io.BytesIO(body), structure=dsd)
    kenya = from_api(server, ["3.1"], party="KE")
    assert observations(one.data[0], dsd, series) == kenya
    assert sdmx.to_pandas(one.data[0]).count() == sum(kenya.values()) > 0


def test_an_sdmx_csv_2_file_imported_back_gives_the_same_export(server):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    get(server, "/sign-in", opener)
    csrf = next(c.value for c in jar if c.name == "synergia-csrf")

    def post(path, fields):
        data = urllib.parse.urlencode(dict(fields, _csrf=csrf)).encode()
        with opener.open(urllib.request.Request(server + path, data=data), timeout=60) as response:
            return response.status, response.read().decode()

    post("/sign-in", {"email": FOCAL_POINT, "password": PASSWORD})
    before, _ = get(server, "/sdmx/data.csv?indicator=A.3&party=KE")
    lines = before.decode().splitlines()
    assert len(lines) > 2 and ",2015,0.8," in lines[1], lines[1]
    # A changed value and a comment with a line break and a formula start: the next export must hold them.
    changed = lines[1].replace(",2015,0.8,", ",2015,0.81,").replace(',,,"DEMO', ',,"-1 since\n2014","DEMO')
    assert changed != lines[1]
    edited = "\n".join([lines[0], changed] + lines[2:]) + "\n"
    status, page = post("/indicators/import", {"text": edited})
    assert status == 200 and f"{len(lines) - 1} values imported" in page, page[:500]
    after, _ = get(server, "/sdmx/data.csv?indicator=A.3&party=KE")
    assert after.decode() == edited.replace('"-1 since', '"\'-1 since')
    assert any(p["comment"] == "-1 since\n2014" and p["value"] == 0.81
               for p in json.loads(get(server, "/api/v1/indicators/A.3/data?party=KE")[0]))
