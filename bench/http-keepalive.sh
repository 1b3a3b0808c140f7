#!/usr/bin/env bash
# HTTP/1.1 keep-alive through a proxy: Tollgate against Debian's HAProxy, in the same run, in front
# of the same nginx, with equivalent configurations. Everything listens on 127.0.0.1.
#
#   bench/http-keepalive.sh                          2 rounds x 10 s per proxy (A B A B)
#   ROUNDS=5 DURATION=30 bench/http-keepalive.sh     longer
#
# Settings (environment): ROUNDS (2), DURATION seconds per wrk run (10), WARMUP seconds per proxy
# before the rounds (20: the JIT is still compiling for the first 10-20 s), CONNECTIONS (50), NBTHREAD for both proxies (2), BASE_PORT (18400: nginx,
# +1 HAProxy, +2 Tollgate). Prints each run, the medians, and Tollgate/HAProxy ratios of requests/s
# (higher is better for Tollgate) and of p99 latency (lower is better for Tollgate).
set -euo pipefail

ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-50}
NBTHREAD=${NBTHREAD:-2}
BASE_PORT=${BASE_PORT:-18400}
NGINX_PORT=$BASE_PORT
HAPROXY_PORT=$((BASE_PORT + 1))
TOLLGATE_PORT=$((BASE_PORT + 2))

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export PATH="$PATH:/usr/sbin:/sbin"

# ---- tools -----------------------------------------------------------------------------------
missing=()
for pair in nginx:nginx-light haproxy:haproxy wrk:wrk curl:curl; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "missing: ${missing[*]} (run as root to install them with apt-get)" >&2
    exit 1
  fi
fi

# ---- processes, cleaned up whatever happens --------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/tollgate-bench.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # wait_for <name> <url> <log>: until the URL answers 200, at most 60 s
  local i
  for ((i = 0; i < 600; i++)); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$2" 2>/dev/null)" == 200 ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "$1 did not answer on $2; its log:" >&2
  cat "$3" >&2 || true
  exit 1
}

# ---- nginx: the upstream ---------------------------------------------------------------------
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { default_type text/plain; return 200 "hello\n"; }
  }
}
NGINX
nginx -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx.conf" &
pids+=($!)
wait_for nginx "http://127.0.0.1:$NGINX_PORT/" "$tmp/nginx-error.log"

# ---- the two proxies, configured alike (no logs) ---------------------------------------------
proxy_config() { # proxy_config <listen port>
  cat <<CFG
global
    nbthread $NBTHREAD
    maxconn 4000

defaults
    mode http
    option http-keep-alive
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s

frontend bench
    bind 127.0.0.1:$1
    default_backend nginx

backend nginx
    server nginx 127.0.0.1:$NGINX_PORT
CFG
}
proxy_config "$HAPROXY_PORT" >"$tmp/haproxy.cfg"
proxy_config "$TOLLGATE_PORT" >"$tmp/tollgate.cfg"

haproxy -db -f "$tmp/haproxy.cfg" >"$tmp/haproxy.log" 2>&1 &
pids+=($!)
wait_for haproxy "http://127.0.0.1:$HAPROXY_PORT/" "$tmp/haproxy.log"

"$root/bin/tollgate" -v >/dev/null # builds the jar now, not while timing
"$root/bin/tollgate" -f "$tmp/tollgate.cfg" >"$tmp/tollgate.log" 2>&1 &
pids+=($!)
wait_for tollgate "http://127.0.0.1:$TOLLGATE_PORT/" "$tmp/tollgate.log"

# ---- measure ---------------------------------------------------------------------------------
to_ms() { # wrk latency such as 812.00us, 1.23ms, 1.01s -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.3f", n }'
}

run_wrk() { # run_wrk <port> <seconds>: prints "<requests/s> <p99 ms> <errors>"
  local out rps p99 errors
  out="$(wrk -t1 -c"$CONNECTIONS" -d"$2"s --latency "http://127.0.0.1:$1/")"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' <<<"$out")"
  echo "$rps $(to_ms "$p99") $errors"
}

median() { # median of the arguments
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "HTTP keep-alive, $CONNECTIONS connections, wrk -t1, nbthread $NBTHREAD, $ROUNDS rounds x ${DURATION}s (warm-up ${WARMUP}s)"
echo "  $(haproxy -v | head -1)"
echo "  $("$root/bin/tollgate" -v)"
if ((WARMUP > 0)); then
  run_wrk "$HAPROXY_PORT" "$WARMUP" >/dev/null
  run_wrk "$TOLLGATE_PORT" "$WARMUP" >/dev/null
fi

h_rps=() h_p99=() t_rps=() t_p99=()
printf '%-6s %-9s %12s %10s %8s\n' round proxy "requests/s" "p99 ms" errors
for ((round = 1; round <= ROUNDS; round++)); do
  read -r rps p99 errors < <(run_wrk "$HAPROXY_PORT" "$DURATION")
  h_rps+=("$rps") h_p99+=("$p99")
  printf '%-6s %-9s %12s %10s %8s\n' "$round" haproxy "$rps" "$p99" "$errors"
  read -r rps p99 errors < <(run_wrk "$TOLLGATE_PORT" "$DURATION")
  t_rps+=("$rps") t_p99+=("$p99")
  printf '%-6s %-9s %12s %10s %8s\n' "$round" tollgate "$rps" "$p99" "$errors"
done

hr="$(median "${h_rps[@]}")" hp="$(median "${h_p99[@]}")"
tr="$(median "${t_rps[@]}")" tp="$(median "${t_p99[@]}")"
printf '%-6s %-9s %12s %10s\n' median haproxy "$hr" "$hp"
printf '%-6s %-9s %12s %10s\n' median tollgate "$tr" "$tp"
awk -v tr="$tr" -v hr="$hr" -v tp="$tp" -v hp="$hp" 'BEGIN {
  printf "ratio tollgate/haproxy: requests/s %.2f (higher is better), p99 %.2f (lower is better)\n",
    (hr > 0 ? tr / hr : 0), (hp > 0 ? tp / hp : 0) }'
