-- The save mix: one writer per wrk thread (run with -tN -cN), each the focal point of a
-- different Party saving a long-text answer of its own CBD report through the JSON API, with
-- the version it last saw (each 200 answer gives the next one). The writers come from the file
-- named by WRK_WRITERS, one "TOKEN PATH VERSION" line each, as the benchmark server prints them.
-- Ends with the RESULT line of wrk-result.lua, plus "SAVES <200 answers> <409 answers> <other>".
local next_id = 0
local threads = {}

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_WRITERS")))
  local line_number = 0
  for line in file:lines() do
    line_number = line_number + 1
    if line_number == id then
      token, path, version = line:match("^(%S+) (%S+) (%d+)$")
    end
  end
  file:close()
  assert(token, "no writer line " .. id)
  version = tonumber(version)
  count, saved, conflicts, others = 0, 0, 0, 0
end

function request()
  count = count + 1
  local body = string.format('{"value":{"type":"longText","value":"Progress towards the target, note %d of writer %d"},"baseVersion":%d}',
    count, id, version)
  return wrk.format("PUT", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 200 then
    saved = saved + 1
    version = tonumber(body:match('"version":(%d+)')) or version
  elseif status == 409 then
    conflicts = conflicts + 1
    version = tonumber(body:match('"theirs":{.-"version":(%d+)')) or version
  else
    others = others + 1
  end
end

local result = dofile(os.getenv("WRK_RESULT_SCRIPT") or "Benchmarks/scripts/wrk-result.lua")

function done(summary, latency, requests)
  result_done(summary, latency, requests)
  local s, c, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("saved"); c = c + thread:get("conflicts"); o = o + thread:get("others")
  end
  io.write(string.format("SAVES %d %d %d\n", s, c, o))
end
