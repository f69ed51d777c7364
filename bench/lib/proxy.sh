# The fault proxy (storage-testkit's FaultProxyMain) as its own process in front of S3Proxy: a fixed delay per
# request for the far scenario, a request-rate limit for the throttled one. Sourced by bench/run.

PROXY_PIDS=()
PROXY_CPU_PIDS=()   # proxies whose CPU counts as the server's (see s3proxy_cpu_ticks)

testkit_classpath() {
    echo "$REPO/storage-testkit/target/classes:$(cat "$REPO/storage-testkit/target/classpath.txt")"
}

testkit_available() {
    [[ -f $REPO/storage-testkit/target/classes/com/atlan/storage/testkit/FaultProxyMain.class &&
       -f $REPO/storage-testkit/target/classpath.txt ]]
}

# start_proxy NAME PROFILE: starts a proxy in front of S3Proxy and sets PROXY_ENDPOINT to it.
# -XX:+UseSerialGC and a small heap: the proxy copies bytes through 64 KiB buffers and should cost
# the shared cores as little as possible.
start_proxy() {
    local name=$1 profile=$2 log=$RUN_DIR/proxy-$1.log
    "$JDK/bin/java" -XX:+UseSerialGC -Xmx256m -cp "$(testkit_classpath)" com.atlan.storage.testkit.FaultProxyMain \
        --target "$S3_ENDPOINT" --listen 0 --seed 1 --profile "$profile" >"$log.port" 2>"$log" &
    local pid=$! i
    for i in $(seq 1 100); do
        if [[ -s $log.port ]]; then
            PROXY_ENDPOINT=http://127.0.0.1:$(head -1 "$log.port")
            PROXY_PIDS+=("$pid")
            PROXY_CPU_PIDS=("$pid")
            log "fault proxy '$name' ($profile) at $PROXY_ENDPOINT in front of $S3_ENDPOINT (pid $pid)"
            return
        fi
        kill -0 "$pid" 2>/dev/null || die "the fault proxy exited at start; see $log"
        sleep 0.1
    done
    die "the fault proxy did not start within 10 s; see $log"
}

stop_proxies() {
    local pid
    for pid in "${PROXY_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PROXY_PIDS=() PROXY_CPU_PIDS=() PROXY_ENDPOINT=
}

# proxy_stat FIELD: one counter of the running proxy (total_requests, throttled, ...); 0 without a proxy.
proxy_stat() {
    if [[ -z ${PROXY_ENDPOINT:-} ]]; then echo 0; return; fi
    curl -s "$PROXY_ENDPOINT/__faultproxy/stats" | jq -r ".$1 // 0"
}

# rclone remotes FSRC and FDST: two remotes on the proxy's endpoint, so rclone streams through it.
configure_proxy_remotes() {
    local r
    for r in FSRC FDST; do
        export "RCLONE_CONFIG_${r}_TYPE=s3" "RCLONE_CONFIG_${r}_PROVIDER=Other"
        export "RCLONE_CONFIG_${r}_ENDPOINT=$PROXY_ENDPOINT" "RCLONE_CONFIG_${r}_REGION=us-east-1"
        export "RCLONE_CONFIG_${r}_ACCESS_KEY_ID=$S3_ACCESS_KEY" "RCLONE_CONFIG_${r}_SECRET_ACCESS_KEY=$S3_SECRET_KEY"
        export "RCLONE_CONFIG_${r}_FORCE_PATH_STYLE=true"
    done
}
