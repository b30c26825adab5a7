-- One fixed request: after the first call every request is a cache hit. With HOT_SET=N the
-- requests cycle through N texts instead (each a hit once the set has been seen).
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
local hot = tonumber(os.getenv("HOT_SET") or "0")
if hot > 0 then
  local i = 0
  request = function()
    i = i % hot + 1
    return wrk.format(nil, nil, nil, '{"model":"all-minilm","input":"text number ' .. i
      .. ' of the hot set","encoding_format":"' .. format .. '"}')
  end
end
