-- One fixed request: after the first call every request is a cache hit.
-- The internal token is read from the environment (sent only on direct calls to embedd).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("EMBEDD_TOKEN")
if token and token ~= "" then
  wrk.headers["X-Lakehouse-Internal-Token"] = token
end
local key = os.getenv("API_KEY")
if key and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
local format = os.getenv("ENCODING_FORMAT") or "float"
wrk.body = '{"model":"all-minilm","input":"The quick brown fox jumps over the lazy dog","encoding_format":"' .. format .. '"}'
