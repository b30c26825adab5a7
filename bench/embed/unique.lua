-- Never-seen texts: every request carries inputs no earlier request had, so each one misses
-- the cache. Arguments (after --): model, inputs per request.
local model, batch = "all-minilm", 1
local counter = 0
local nonce = tostring(os.time())
-- Global, not local: setup() runs in wrk's main state and sets it in each thread's state.
thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function init(args)
  if args[1] then model = args[1] end
  if args[2] then batch = tonumber(args[2]) end
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
end

function request()
  local inputs = {}
  for i = 1, batch do
    counter = counter + 1
    inputs[i] = '"cold text ' .. nonce .. ' ' .. thread_id .. ' ' .. counter .. ' about embeddings and caches"'
  end
  local input = batch == 1 and inputs[1] or ("[" .. table.concat(inputs, ",") .. "]")
  return wrk.format(nil, nil, nil, '{"model":"' .. model .. '","input":' .. input .. '}')
end
