#!/usr/bin/env bash
# Boots tokendesk from its modules on the module path, the way `java -m` resolves them, and talks to it.
# Surefire is looser than `java -m` (it puts what a module-info forgets on the class path), so this is the
# proof that the module descriptors are complete: every `requires`, `opens` and `uses` that the running
# application needs is there. Run after `mvn verify` (it packages again, without running the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "module-path boot check FAILED: $*" >&2
  [[ -f "$work/server.log" ]] && { echo "--- server output" >&2; cat "$work/server.log" >&2; }
  exit 1
}

# 1. the runtime module path: token-web's jar and its runtime dependencies, reactor modules from their target/
mods="$work/modules"
mvn -B -q package dependency:copy-dependencies -pl token-web -am -DskipTests \
  -DincludeScope=runtime -DoutputDirectory="$mods" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "build"; }
cp token-web/target/token-web-*.jar "$mods/"
module_path="$mods"

# 2. a free port
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n "$port" ]] || fail "no free port"
base="http://127.0.0.1:$port"

export TOKENDESK_HTTP_PORT="$port"
export TOKENDESK_DATA_DIR="$work/data"
export TOKENDESK_PLUGINS_DIR="$work/plugins"
export TOKENDESK_BOOTSTRAP_ADMIN_EMAIL="boot@example.com"
export TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD="module path boot check password"
export TOKENDESK_LOG_FORMAT=json
unset TOKENDESK_CONFIG TOKENDESK_MASTER_KEY TOKENDESK_DB_URL
tokendesk() { java -p "$module_path" -m org.tokendesk.web/org.tokendesk.web.Main "$@"; }

# 3. serve, and wait for readiness
# java itself in the background (not the shell function, whose subshell would be the pid we kill)
java -p "$module_path" -m org.tokendesk.web/org.tokendesk.web.Main serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" == 200 ]] && break
  sleep 0.5
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] || fail "/health/ready is not 200"

# 4. one authenticated API call after another, then a credential check
cookies="$work/cookies"
session="$(curl -sf -c "$cookies" -H 'Content-Type: application/json' -X POST "$base/api/v1/session" \
  -d "{\"email\":\"$TOKENDESK_BOOTSTRAP_ADMIN_EMAIL\",\"password\":\"$TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD\"}")" || fail "sign-in"
csrf="$(sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p' <<<"$session")"
key="$(curl -sf -b "$cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -X POST "$base/api/v1/keys" \
  -d '{"name":"boot check"}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')" || fail "management key"
auth=(-H "Authorization: Bearer $key" -H 'Content-Type: application/json')
sid="$(curl -sf "${auth[@]}" -X POST "$base/api/v1/accounts" -d '{"name":"Boot check"}' \
  | sed -n 's/.*"accountSid":"\([^"]*\)".*/\1/p')" || fail "create account"
curl -sf "${auth[@]}" -X POST "$base/api/v1/accounts/$sid/legacy-token" -o /dev/null || fail "enable legacy tokens"
token="$(curl -sf "${auth[@]}" "$base/api/v1/accounts/$sid/legacy-token/credentials" \
  | sed -n 's/.*"readWrite":{"authToken":"\([^"]*\)".*/\1/p')" || fail "credentials"
check="$(curl -s -o /dev/null -w '%{http_code}' -u "$sid:$token" "$base/v1/auth/check")"
[[ "$check" == 204 ]] || fail "/v1/auth/check answered $check, not 204"
wrong="$(curl -s -o /dev/null -w '%{http_code}' -u "$sid:wrong-token" "$base/v1/auth/check")"
[[ "$wrong" == 401 ]] || fail "/v1/auth/check with a wrong token answered $wrong, not 401"
# (read whole answers first: grep -q stops reading early, and pipefail would count curl's broken pipe)
metrics="$(curl -sf "$base/metrics")" || fail "/metrics"
grep -q '^tokendesk_checks_seconds_count{endpoint="auth_check",outcome="valid"}' <<<"$metrics" \
  || fail "/metrics lacks the check counter"
openapi="$(curl -sf "$base/openapi.json")" || fail "/openapi.json"
grep -q '"openapi" : "3.1.0"' <<<"$openapi" || fail "/openapi.json is not OpenAPI 3.1"
grep -q '"loggerName":"tokendesk.access"' "$work/server.log" || fail "no JSON access log line"

# 5. the command line on the module path, next to the running server
tokendesk backup "$work/backup.db" >/dev/null || fail "backup"
tokendesk config check >/dev/null || fail "config check"
audit="$(tokendesk audit export --account "$sid" 2>/dev/null)" || fail "audit export"
grep -q '"action":"legacy_token.enabled"' <<<"$audit" || fail "audit export lacks legacy_token.enabled"

echo "module-path boot check passed: java -p … -m org.tokendesk.web served /health/ready, the API, /v1/auth/check, /metrics and /openapi.json"
