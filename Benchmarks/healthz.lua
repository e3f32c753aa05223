-- wrk script: GET /healthz, the HTTP ceiling of the same server.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d ok=%d non_ok=%d p50_us=%d p99_us=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.requests - summary.errors.status, summary.errors.status,
    latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
