# Shared helpers for bench/run: logging, JDK discovery, Java helper programs, the timing
# wrapper and the per-run record. Sourced, never executed.

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# A JDK >= 21: the ceiling uses virtual threads and our code base targets Java 21.
# The JDK finder is shared with bin/: JAVA_HOME if >= 21, else Temurin 25, else a clear error.
# shellcheck source=../../bin/java-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../bin/java-env.sh"
find_jdk() {
    atlan_find_java || die "no JDK >= 21 found"
    echo "$JAVA_HOME"
}

require_tools() {
    local t
    for t in "$@"; do
        [[ -x $t ]] || die "$t is missing: apt-get install -y rclone awscli time jq"
    done
}

# A free TCP port on loopback (the kernel picks it; there is a tiny race until S3Proxy binds).
free_port() {
    /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Builds a classpath from a tiny standalone pom and compiles one source file against it.
# Both are cached under work/, keyed by the hash of pom + source, so reruns cost nothing.
compile_helper() {
    local name=$1 dir=$BENCH/$1
    local key; key=$(cat "$dir/pom.xml" "$dir"/src/main/java/*.java | sha1sum | cut -c1-12)
    local out=$WORK/classes/$name-$key
    if [[ ! -f $out/.ok ]]; then
        log "building $name helper (classpath from $dir/pom.xml)"
        mkdir -p "$out"
        (cd "$dir" && "$REPO/mvnw" -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
            >"$out/mvn.log" 2>&1) || die "could not resolve $dir/pom.xml; see $out/mvn.log"
        "$JDK/bin/javac" -nowarn -d "$out" -cp "$(cat "$out/classpath.txt")" "$dir"/src/main/java/*.java ||
            die "could not compile $name"
        touch "$out/.ok"
    fi
    echo "$out:$(cat "$out/classpath.txt")"
}

# measure DIR CMD...: runs CMD under /usr/bin/time -v with stdout/stderr in DIR and sets
# M_WALL (seconds, from our own clock: time -v only prints 2 decimals), M_RSS_KB and M_RC.
# /usr/bin/time reports the peak RSS of the largest process it waited for, so a launcher
# script that execs (or waits for) java is measured correctly.
measure() {
    local dir=$1; shift
    mkdir -p "$dir"
    local t0 t1 busy0 busy1 srv0 srv1
    busy0=$(cpu_busy_ticks) srv0=$(s3proxy_cpu_ticks)
    t0=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$dir/time.txt" "$@" >"$dir/stdout" 2>"$dir/stderr"
    M_RC=$?
    set -e
    t1=$(date +%s.%N)
    busy1=$(cpu_busy_ticks) srv1=$(s3proxy_cpu_ticks)
    M_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    M_RSS_KB=$(time_field 'Maximum resident set size (kbytes)' "$dir/time.txt")
    M_RSS_KB=${M_RSS_KB:-null}
    # This machine is shared: CPU that neither the tool nor S3Proxy used during the run is
    # someone else's, and it is recorded so a disturbed run can be recognised.
    local tool_cpu
    tool_cpu=$(awk -v u="$(time_field 'User time (seconds)' "$dir/time.txt")" \
                   -v s="$(time_field 'System time (seconds)' "$dir/time.txt")" 'BEGIN { print u + s }')
    M_TOOL_CPU_S=$tool_cpu
    # The server's CPU for this run: on a CPU-bound machine what a tool costs the server
    # per object decides its wall time as much as its own CPU does.
    M_SERVER_CPU_S=$(awk -v s="$((srv1 - srv0))" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", s / hz }')
    M_FOREIGN_CPU_PCT=$(awk -v b="$((busy1 - busy0))" -v s="$((srv1 - srv0))" -v t="$tool_cpu" \
        -v hz="$CLK_TCK" -v w="$M_WALL" -v n="$(nproc)" \
        'BEGIN { f = (b - s) / hz - t; if (f < 0) f = 0; printf "%.1f", 100 * f / (w * n) }')
}

time_field() { sed -n "s/^[[:space:]]*$1: //p" "$2"; }

CLK_TCK=$(getconf CLK_TCK)

# Busy CPU ticks of the whole machine (user, nice, system, irq, softirq).
cpu_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# CPU ticks the server side has used so far (utime + stime): S3Proxy, plus the fault proxy in front of it
# in the far and throttled scenarios (lib/proxy.sh); 0 when none is running.
s3proxy_cpu_ticks() {
    local total=0 pid
    for pid in ${S3PROXY_PID:-} ${PROXY_CPU_PIDS[@]+"${PROXY_CPU_PIDS[@]}"}; do
        if [[ -r /proc/$pid/stat ]]; then
            total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
        fi
    done
    echo "$total"
}

# record KEY=VALUE...: appends one JSON object to the run log. Values that look like numbers
# or null stay bare, everything else becomes a JSON string (jq does the escaping).
record() {
    local args=() kv k v
    for kv in "$@"; do
        k=${kv%%=*}; v=${kv#*=}
        if [[ $v =~ ^-?[0-9]+(\.[0-9]+)?$ || $v == null || $v == true || $v == false ]]; then
            args+=(--argjson "$k" "$v")
        else
            args+=(--arg "$k" "$v")
        fi
    done
    jq -cn "${args[@]}" '$ARGS.named' >>"$RUN_DIR/runs.ndjson"
}
