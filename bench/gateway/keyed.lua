-- The warm-cache embedding request of bench/embed/warm.lua, through the gateway, with the
-- bench's API key when BENCH_API_KEY is set (none when it is empty: keys not required), and
-- the internal token when EMBEDD_TOKEN is set (the direct run to embedd).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_API_KEY")
if key and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
local token = os.getenv("EMBEDD_TOKEN")
if token and token ~= "" then
  wrk.headers["X-Lakehouse-Internal-Token"] = token
end
wrk.body = '{"model":"all-minilm","input":"The quick brown fox jumps over the lazy dog","encoding_format":"float"}'
