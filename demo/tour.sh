#!/usr/bin/env bash
# The tour behind `./lakehouse demo`: every step is one or two calls to the gateway with the dev API
# key, and nothing reaches beyond it (embeddings come from embedd's in-process model, chat answers
# from chatd's cassette provider on the recordings under demo/lake). Run it through ./lakehouse demo,
# which starts the suite when needed, copies the recordings into the lake and passes:
#
#   DEMO_GATEWAY   the gateway's base URL             DEMO_KEY_FILE  a file holding the API key
#   DEMO_LAKE_DIR  the lake the daemons write
#
# Only curl, grep and sed: the JSON the daemons answer is compact, and the values read here are
# plain strings, numbers and flat objects.
set -euo pipefail
# Scores are printed with printf, which reads numbers by the locale.
export LC_NUMERIC=C

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REQUESTS="$DIR/requests"
GATEWAY="${DEMO_GATEWAY:?run the demo with ./lakehouse demo}"
KEY="$(cat "${DEMO_KEY_FILE:?run the demo with ./lakehouse demo}")"
LAKE="${DEMO_LAKE_DIR:?run the demo with ./lakehouse demo}"

COLLECTION=lakehouse-demo
SFT=demo-email-sft
PREFERENCE=demo-email-preference
DOCUMENTS="$(grep -c '"id": "doc-' "$DIR/documents.json")"
# Request ids the daemons log and record: demo-<time>-<n>, so every call of a run can be found.
RUN="demo-$(date -u +%Y%m%dT%H%M%SZ)"
CALLS=0
STEP=""
BODY_FILE="$(mktemp)"
HEAD_FILE="$(mktemp)"
trap 'rm -f "$BODY_FILE" "$HEAD_FILE"' EXIT

say() { printf '%s\n' "$*"; }
die() { printf 'lakehouse demo: %s\n' "$*" >&2; exit 1; }
fail() { die "step \"$STEP\" failed: $*"; }

step() {
  STEP="$1"
  say ""
  say "== $1"
}

# call METHOD PATH [DATA [HEADER...]]: DATA is JSON, @file or empty. Sets STATUS, BODY and RID (the
# request id sent, which the daemons log and chatd records).
call() {
  local method="$1" path="$2" data="${3:-}" header
  CALLS=$((CALLS + 1))
  RID="$RUN-$CALLS"
  local args=(-sS -N -m 120 -X "$method" -o "$BODY_FILE" -D "$HEAD_FILE" -w '%{http_code}'
    -H "Authorization: Bearer $KEY" -H "X-Request-Id: $RID")
  [[ -n "$data" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  for header in "${@:4}"; do args+=(-H "$header"); done
  STATUS="$(curl "${args[@]}" "$GATEWAY$path")" || fail "$method $path: no answer from $GATEWAY (./lakehouse status)"
  BODY="$(cat "$BODY_FILE")"
}

# expect CODE...: the last call answered one of them, else the step fails with the daemon's reason.
expect() {
  local code
  for code in "$@"; do [[ "$STATUS" == "$code" ]] && return 0; done
  local reason
  reason="$(jstr detail "$BODY")"
  [[ -n "$reason" ]] || reason="$(jstr message "$BODY")"
  [[ -n "$reason" ]] || reason="$BODY"
  fail "HTTP $STATUS: $(text "$reason")"
}

# The first string value of "key" in the JSON $2, escapes kept.
jstr() {
  grep -oE "\"$1\":\"([^\"\\\\]|\\\\.)*\"" <<<"$2" | head -n 1 | sed -E "s/^\"$1\":\"//; s/\"\$//" || true
}

# The first number, boolean or null value of "key" in the JSON $2.
jnum() {
  grep -oE "\"$1\":(-?[0-9][0-9.eE+-]*|true|false|null)" <<<"$2" | head -n 1 | sed "s/^\"$1\"://" || true
}

# The first value of "key" in the JSON $2 that is an object holding no other object.
jobj() {
  grep -oE "\"$1\":\{[^{}]*\}" <<<"$2" | head -n 1 | sed "s/^\"$1\"://" || true
}

# A JSON string's escapes turned back into text (\\ first, so "\\n" stays a backslash and an n).
text() {
  sed -E 's/\\\\/\x01/g; s/\\n/\n/g; s/\\t/\t/g; s/\\"/"/g; s/\\\//\//g; s/\x01/\\/g' <<<"$1"
}

indent() { sed 's/^/      /'; }

# The header's value in the last answer.
header() {
  grep -i "^$1:" "$HEAD_FILE" | head -n 1 | sed -E 's/^[^:]*: *//' | tr -d '\r' || true
}

# The observation chatd wrote for request id $1 (it is on disk within about a second).
observation_of() {
  local rid="$1" dir file i
  dir="$LAKE/observations/dt=$(date -u +%F)"
  for i in $(seq 1 20); do
    file="$(grep -rlF "\"requestId\":\"$rid\"" "$dir" 2>/dev/null | head -n 1 || true)"
    if [[ -n "$file" ]]; then
      say "    observation $(jstr id "$(grep -hF "\"requestId\":\"$rid\"" "$file" | head -n 1)") in $file"
      return 0
    fi
    sleep 0.25
  done
  say "    observation: not on disk yet under $dir (chatd writes it within about a second)"
}

# poll PATH TIMEOUT: GET PATH every half second until its state is final; BODY holds the last answer.
poll() {
  local path="$1" timeout="$2" deadline state
  deadline=$((SECONDS + timeout))
  while true; do
    call GET "$path"
    expect 200
    state="$(jstr state "$BODY")"
    case "$state" in
      succeeded) return 0 ;;
      failed | cancelled) fail "$path is $state: $(text "$(jstr error "$BODY")")" ;;
    esac
    ((SECONDS < deadline)) || fail "$path still $state after ${timeout}s"
    sleep 0.5
  done
}

# search QUERY [FILTER]: the three nearest documents.
search() {
  local query="$1" filter="${2:-}" body line
  body="{\"text\": \"$query\", \"k\": 3${filter:+, \"filter\": $filter}}"
  call POST "/v1/collections/$COLLECTION/search" "$body"
  expect 200
  say "    \"$query\"${filter:+  filter $filter}"
  while IFS= read -r line; do
    [[ -n "$(jstr id "$line")" ]] || continue
    printf '      %-7s %.3f  %s\n' "$(jstr id "$line")" "$(jnum score "$line")" "$(text "$(jstr title "$line")")"
  done < <(sed 's/},{"id"/}\n{"id"/g' <<<"$BODY")
}

# Asks the assistant role a recorded question, streamed: true when the cassette answered, false while
# chatd has no recording of it (any other failure ends the demo).
cassette_answers() {
  call POST /v1/chat/completions "@$REQUESTS/chat-assistant.json" 'X-Lakehouse-Role: assistant'
  [[ "$STATUS" == 200 ]] && return 0
  [[ "$(jstr code "$BODY")" == no_recording ]] || expect 200
  return 1
}

# await_cassette SECONDS: asks every second until the cassette answers; false when it never did.
await_cassette() {
  local deadline=$((SECONDS + $1))
  until cassette_answers; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

# verdict WHAT: prints the verdict of the last /v1/validate call.
verdict() {
  local what="$1" line
  say "    $what: valid $(jnum valid "$BODY") (contract $(jstr contract "$BODY"), validator $(jstr validatorVersion "$BODY"))"
  while IFS= read -r line; do
    say "      $(jstr severity "$line") $(jstr code "$line") at $(jstr path "$line"): $(text "$(jstr message "$line")")"
  done < <(grep -oE '\{"code":"[^"]*","path":"[^"]*","message":"([^"\\]|\\.)*","severity":"[a-z]+"\}' <<<"$BODY" || true)
}

# materialize RECIPE NAME: runs the job, waits, prints the dataset; sets VERSION.
materialize() {
  local recipe="$1" name="$2" job dataset dir manifest file
  call POST /v1/materializations "@$REQUESTS/materialize-$recipe.json"
  expect 202
  job="$(jstr id "$BODY")"
  poll "/v1/materializations/$job" 180
  dataset="$(jobj dataset "$BODY")"
  VERSION="$(jnum version "$dataset")"
  if [[ "$(jnum reused "$dataset")" == true ]]; then
    say "    $recipe: job $job found $name v$VERSION already made from the same inputs and options (reused)"
  else
    say "    $recipe: job $job wrote $name v$VERSION"
  fi
  say "      read $(jnum read "$BODY") observations, kept $(jnum kept "$BODY"), dropped $(jobj dropped "$BODY")"
  call GET "/v1/datasets/$name/$VERSION"
  expect 200
  dir="$LAKE/datasets/$recipe/$name/v$VERSION"
  manifest="$dir/manifest.json"
  [[ -f "$manifest" ]] || manifest="$manifest (not on this machine's disk)"
  say "      manifest $manifest"
  while IFS= read -r file; do
    say "      file $dir/$(jstr name "$file"): $(jnum lines "$file") lines, format $(jstr format "$file")"
  done < <(grep -oE '\{"name":"[^"]*","split":"[^"]*","format":"[^"]*","lines":[0-9]+' <<<"$BODY" || true)
  file="$(grep -oE '"name":"part-[^"]*"' <<<"$BODY" | head -n 1 | sed 's/^"name":"//; s/"$//' || true)"
  [[ -n "$file" ]] || return 0
  call GET "/v1/datasets/$name/$VERSION/files/$file"
  expect 200
  preview "$recipe" "$(head -n 1 <<<"$BODY")"
}

# The first line of a dataset file, shortened: its prompt and its answer (sft) or answers (preference).
preview() {
  local recipe="$1" line="$2"
  say "      its first line (the role's system prompt left out):"
  say "        user          $(shorten "$(content_after '"role":"user","content":' "$line" | head -n 1)")"
  if [[ "$recipe" == sft ]]; then
    say "        assistant     $(shorten "$(content_after '"role":"assistant","content":' "$line" | tail -n 1)")"
  else
    say "        preferred     $(shorten "$(content_after '"preferred_output":\[\{"role":"assistant","content":' "$line")")"
    say "        non-preferred $(shorten "$(content_after '"non_preferred_output":\[\{"role":"assistant","content":' "$line")")"
  fi
}

# The string values that follow the pattern $1 in $2, one a line, escapes kept.
content_after() {
  grep -oE "$1\"([^\"\\\\]|\\\\.)*\"" <<<"$2" | sed -E "s/^$1\"//; s/\"\$//" || true
}

# A JSON string's value on one line of at most 100 characters: quotes unescaped, \n kept as it is.
shorten() {
  local value
  value="$(sed -E 's/\\\\/\x01/g; s/\\"/"/g; s/\x01/\\/g' <<<"$1")"
  if ((${#value} > 100)); then printf '%s...' "${value:0:100}"; else printf '%s' "$value"; fi
}

say "Lakehouse demo against $GATEWAY (API key from $DEMO_KEY_FILE, lake $LAKE)"

# --- 1. A collection filled by text ---------------------------------------------------------------
step "1/6 Collection '$COLLECTION': $DOCUMENTS documents about Lakehouse, embedded by embedd (all-minilm, in process)"
call DELETE "/v1/collections/$COLLECTION"
expect 204 404
[[ "$STATUS" == 204 ]] && say "    dropped the collection of an earlier demo run"
call PUT "/v1/collections/$COLLECTION" "@$REQUESTS/collection.json"
expect 201
say "    created $COLLECTION: dimension $(jnum dimension "$BODY"), metric $(jstr metric "$BODY"), embedModel $(jstr embedModel "$BODY")"
call POST "/v1/collections/$COLLECTION/points?wait=true" "@$DIR/documents.json"
expect 200
say "    upserted $(jnum upserted "$BODY") documents by text ($(jstr durability "$BODY")), from demo/documents.json"
call GET "/v1/collections/$COLLECTION"
expect 200
say "    $COLLECTION now holds $(jnum count "$BODY") points"

# --- 2. Searches by text -----------------------------------------------------------------------------
step "2/6 Search '$COLLECTION' by text"
search "Why is embedding the same text twice almost free?"
search "catch an email draft with an unfilled placeholder"
search "fine-tuning data from recorded chat calls" '{"must": [{"key": "topic", "match": "datasets"}]}'

# --- 3. Chat on the cassette ----------------------------------------------------------------------
step "3/6 Chat through the cassette provider (model replay/cassette: recorded answers, no network)"
# chatd indexes the lake at start, every lakehouse.chatd.replay.refresh-interval, and on a miss
# when its last indexing is older than lakehouse.chatd.replay.refresh-on-miss-after (5 s).
if ! cassette_answers; then
  say "    chatd has not indexed the demo's recordings yet; asking again until it has ..."
  await_cassette 60 || fail "chatd has no recording of the demo's prompt: $(text "$(jstr message "$BODY")").
  The recordings were made with chatd's sample roles; is LAKEHOUSE_ROLES_FILE another file?"
fi
answer=""
chunks=0
while IFS= read -r line; do
  [[ "$line" == data:* && "$line" != 'data: [DONE]' ]] || continue
  piece="$(jstr content "$line")"
  [[ -n "$piece" ]] || continue
  answer+="$piece"
  chunks=$((chunks + 1))
done <<<"$BODY"
grep -q '^data: \[DONE\]' <<<"$BODY" || fail "the stream ended without data: [DONE]"
say "    role assistant, streamed (OpenAI SSE): \"What does the Lakehouse gateway do?\""
text "$answer" | fold -s -w 88 | sed 's/^/      > /'
say "    $chunks chunks, then data: [DONE]; provider $(header X-Lakehouse-Provider), request id $RID"
observation_of "$RID"

call POST /v1/chat/completions "@$REQUESTS/chat-email.json" 'X-Lakehouse-Role: email-writer'
expect 200
draft="$(text "$(jstr content "$BODY")")"
say "    role email-writer (contract email: validated checks the draft before it is returned), outcome $(jstr outcome "$BODY")"
say "      to $(grep -oE '"to":\[[^]]*\]' <<<"$draft" | head -n 1 | sed 's/^"to"://'), cc $(grep -oE '"cc":\[[^]]*\]' <<<"$draft" | head -n 1 | sed 's/^"cc"://')"
say "      subject: $(text "$(jstr subject "$draft")")"
text "$(jstr body "$draft")" | sed 's/^/      | /'
say "    provider $(header X-Lakehouse-Provider), request id $RID"
observation_of "$RID"

# --- 4. Validation ------------------------------------------------------------------------------------
step "4/6 Validate model output (POST /v1/validate)"
call POST /v1/validate "@$REQUESTS/email-valid.json"
expect 200
verdict "a good email draft (requests/email-valid.json)"
call POST /v1/validate "@$REQUESTS/email-invalid.json"
expect 200
verdict "a bad email draft (requests/email-invalid.json)"
call POST /v1/validate "@$REQUESTS/fill-shift.json"
expect 200
verdict "a shift form filled from a request (requests/fill-shift.json)"

# --- 5. Datasets --------------------------------------------------------------------------------------
step "5/6 Materialize datasets from the recorded email-writer calls (2026-01-15)"
materialize sft "$SFT"
SFT_VERSION="$VERSION"
say "      (redact off: the replay below sends these prompts exactly as they were recorded)"
materialize preference "$PREFERENCE"
PREFERENCE_VERSION="$VERSION"
say "      (redact on, the default: addresses became [EMAIL]; each pair sets a passing answer against a failing one)"

# --- 6. Replay ----------------------------------------------------------------------------------------
step "6/6 Replay $SFT v$SFT_VERSION on replay/cassette (validated judges both answers, embedd compares them)"
call POST /v1/replays "{\"source\": {\"dataset\": \"$SFT/$SFT_VERSION\"}, \"target\": {\"model\": \"replay/cassette\"}, \"ratePerSecond\": 20}"
expect 202
replay="$(jstr id "$BODY")"
say "    run $replay started (role $(jstr role "$BODY"), contract $(jstr contract "$BODY"))"
poll "/v1/replays/$replay" 300
call GET "/v1/replays/$replay/report"
expect 200
overall="$(grep -oE '"overall":\{"original":\{[^{}]*\},"target":\{[^{}]*\}\}' <<<"$BODY" | head -n 1 || true)"
original="$(jobj original "$overall")"
target="$(jobj target "$overall")"
transitions="$(jobj transitions "$BODY")"
exact="$(jobj exact "$BODY")"
similarity="$(jobj similarity "$BODY")"
records="$(grep -oE '"records":\{[^{}]*' <<<"$BODY" | head -n 1 || true)"
say "    $(jnum total "$records") records replayed, $(jnum answered "$records") answered, $(jnum errors "$records") errors"
say "    passed: recorded answers $(jnum passed "$original")/$(jnum total "$original"), cassette answers $(jnum passed "$target")/$(jnum total "$target")"
say "    still passing $(jnum stillPasses "$transitions"), regressed $(jnum regressed "$transitions"), improved $(jnum improved "$transitions"), still failing $(jnum stillFails "$transitions")"
say "    exact matches $(jnum matches "$exact")/$(jnum compared "$exact"); similarity p10 $(jnum p10 "$similarity"), p50 $(jnum p50 "$similarity")"
if [[ "$(jnum matches "$exact")" != "$(jnum compared "$exact")" ]]; then
  say "    (the cassette answers a prompt with its latest recording; the dataset also holds an earlier answer)"
fi
say "    results $LAKE/replays/$replay/results.jsonl"
say "    report  $LAKE/replays/$replay/report.json"

say ""
say "Done. What the demo left behind:"
say "  collection  $COLLECTION ($DOCUMENTS points; search it: POST $GATEWAY/v1/collections/$COLLECTION/search)"
say "  datasets    $SFT v$SFT_VERSION, $PREFERENCE v$PREFERENCE_VERSION (GET $GATEWAY/v1/datasets)"
say "  replay      $replay (GET $GATEWAY/v1/replays/$replay/report)"
say "  recordings  $LAKE/observations/dt=2026-01-15/demo-recordings-000001.jsonl"
say "Request ids of this run start with $RUN (in ./lakehouse logs <daemon> and the access logs)."
