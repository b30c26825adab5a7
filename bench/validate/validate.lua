-- POST /v1/validate with the request in BENCH_BODY_FILE and the internal token BENCH_TOKEN.
-- Every response must be 200; anything else is counted by wrk as non-2xx.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Lakehouse-Internal-Token"] = os.getenv("BENCH_TOKEN")
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "r"))
wrk.body = file:read("*a")
file:close()
