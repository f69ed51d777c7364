# S3Proxy as a separate process: the S3 server every tool talks to. Sourced by bench/run.

S3PROXY_VERSION=4.1.0
S3PROXY_JAR=$HOME/.m2/repository/org/gaul/s3proxy/$S3PROXY_VERSION/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
S3_ACCESS_KEY=local-identity
S3_SECRET_KEY=local-credential
S3PROXY_PID=

fetch_s3proxy() {
    [[ -f $S3PROXY_JAR ]] && return
    log "fetching S3Proxy $S3PROXY_VERSION"
    "$REPO/mvnw" -q -B dependency:get -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
        -Dtransitive=false >"$WORK/s3proxy-fetch.log" 2>&1 || die "could not fetch S3Proxy $S3PROXY_VERSION; see $WORK/s3proxy-fetch.log"
}

# Starts S3Proxy on a free loopback port with the filesystem backend under work/s3data,
# which persists between runs so the uploaded source data sets are reused.
start_s3proxy() {
    mkdir -p "$WORK"
    fetch_s3proxy
    local port; port=$(free_port)
    mkdir -p "$WORK/s3data"
    cat >"$RUN_DIR/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
# SDK multipart clients send x-amz-mp-object-size; without this S3Proxy answers 501.
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.identity=$S3_ACCESS_KEY
jclouds.credential=$S3_SECRET_KEY
jclouds.filesystem.basedir=$WORK/s3data
EOF
    "$JDK/bin/java" -Xmx2g -jar "$S3PROXY_JAR" --properties "$RUN_DIR/s3proxy.conf" \
        >"$RUN_DIR/s3proxy.log" 2>&1 &
    S3PROXY_PID=$!
    S3_ENDPOINT=http://127.0.0.1:$port
    local i
    for i in $(seq 1 120); do
        # Any HTTP answer (403 for an anonymous request) means it is serving.
        if curl -s -o /dev/null -w '%{http_code}' "$S3_ENDPOINT/" 2>/dev/null | grep -q '^[1-5]'; then
            log "S3Proxy $S3PROXY_VERSION up at $S3_ENDPOINT (pid $S3PROXY_PID)"
            return
        fi
        kill -0 "$S3PROXY_PID" 2>/dev/null || die "S3Proxy exited at start; see $RUN_DIR/s3proxy.log"
        sleep 0.25
    done
    die "S3Proxy did not answer within 30 s; see $RUN_DIR/s3proxy.log"
}

stop_s3proxy() {
    [[ -n $S3PROXY_PID ]] || return 0
    kill "$S3PROXY_PID" 2>/dev/null || true
    wait "$S3PROXY_PID" 2>/dev/null || true
    S3PROXY_PID=
}

# S3Proxy's peak RSS is the server side of every measurement; sample it for the report.
s3proxy_rss_kb() {
    awk '/^VmHWM:/ { print $2 }' "/proc/$S3PROXY_PID/status" 2>/dev/null || echo null
}
