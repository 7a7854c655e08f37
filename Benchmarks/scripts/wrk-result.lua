-- Prints one machine-readable line at the end of a wrk run:
-- RESULT <requests> <requests per second> <p50 ms> <p99 ms> <non-2xx/3xx> <socket errors> <bytes per response>
function result_done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d %d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, errors,
    summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
done = result_done
