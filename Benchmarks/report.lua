-- wrk script: POST /api/v1/host-report, rotating through hosts and their keys.
-- Usage: wrk ... -s report.lua URL -- HOSTS_FILE [DELAY_MS]
-- Prints one RESULT line with requests, 200s, non-200s, p50/p99 (microseconds).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local hosts = {}
local next_host = 0
ok = 0
non_ok = 0
local delay_ms = 0

-- About 1.5 KB, as an agent with four guests sends it.
local template = [[{"host_id":"%s","reported_at":"%s","agent_version":"0.3.1",
"host":{"hostname":"pve1","cpu_percent":12.5,"mem_percent":40.1,"disk_percent":63.0,"uptime_seconds":123456,"pve_version":"8.2.4","kernel":"6.8.12-1-pve"},
"guests":[{"vmid":101,"name":"felhom-ctl","status":"running","controller_version":"1.4.2","spec":{"cores":2,"memory_mb":2048,"disk_gb":32}},
{"vmid":102,"name":"media","status":"stopped","controller_version":null,"spec":{"cores":4,"memory_mb":8192,"disk_gb":500}},
{"vmid":103,"name":"nextcloud","status":"running","controller_version":null,"spec":{"cores":2,"memory_mb":4096,"disk_gb":200}},
{"vmid":104,"name":"backup","status":"running","controller_version":null,"spec":{"cores":1,"memory_mb":1024,"disk_gb":1000}}],
"cloudflared":{"status":"connected"},
"storage_targets":[{"name":"local-zfs","type":"zfspool","total_gb":1800,"used_gb":812},{"name":"pbs","type":"pbs","total_gb":4000,"used_gb":1650}],
"backups":[{"vmid":101,"at":"2026-06-08T03:00:00Z","ok":true},{"vmid":103,"at":"2026-06-08T03:10:00Z","ok":true}],
"restore_tests":[],"pbs_snapshots":[],
"audit_tail":[{"at":"2026-06-08T09:58:00Z","actor":"agent","action":"heartbeat","detail":"scheduled report, nothing to do"}]}]]

function init(args)
  for line in io.lines(args[1]) do
    local id, key = line:match("(%S+) (%S+)")
    hosts[#hosts + 1] = { id, "Bearer " .. key }
  end
  next_host = (id * 7919) % #hosts
  delay_ms = tonumber(args[2] or "0")
end

function delay()
  return delay_ms
end

function request()
  next_host = next_host % #hosts + 1
  local host = hosts[next_host]
  local body = string.format(template, host[1], os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format("POST", "/api/v1/host-report",
    { ["Authorization"] = host[2], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else non_ok = non_ok + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_bad = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_bad = total_bad + thread:get("non_ok")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d ok=%d non_ok=%d p50_us=%d p99_us=%d socket_errors=%d\n",
    summary.requests, summary.duration, total_ok, total_bad, latency:percentile(50), latency:percentile(99), errors))
end
