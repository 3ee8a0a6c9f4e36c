-- wrk script: prints requests/s and latency percentiles (ms) in one line, and counts non-2xx responses.
-- Usage: wrk -t2 -c16 -d10s --timeout 30s -s wrk-lat.lua URL
-- With WRK_PATHS=FILE (one path per line), each request asks for a random path from the file, so a
-- run spreads over many pages instead of one (then URL is only http://HOST:PORT).
local bad = 0

local pathsFile = os.getenv("WRK_PATHS")
if pathsFile then
  local paths = {}
  init = function(args)
    for line in io.lines(pathsFile) do
      if #line > 0 then paths[#paths + 1] = line end
    end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  end
  request = function()
    return wrk.format("GET", paths[math.random(#paths)])
  end
end

response = function(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format("requests %d, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d, non-2xx %d\n",
    summary.requests, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, bad))
end
