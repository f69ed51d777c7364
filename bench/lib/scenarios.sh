# The scenarios: which tools run on which data, and how each run is timed and checked.
# Sourced by bench/run.

ALL_SCENARIOS=(s3-cross s3-same noop upload ceiling scale sdk azure gcs far throttled)

# Tool order per repetition: a Williams design (the balanced order of cross-over trials).
# Rotating one list only moves its start: the cyclic order, so every tool's predecessor,
# never changed (of ours rclone aws ceiling, ours always ran right after the -Xmx8g ceiling,
# which leaves S3Proxy's heap full of garbage). Rule: take the tools in the order
# 0, 1, n-1, 2, n-2, ... and shift that by the repetition; for an odd n (no n orders of an odd
# n balance), shift by rep/2 and reverse the order on odd repetitions. Over n repetitions (2n
# for odd n) every tool runs first, and right after each other tool, equally often; in 3
# repetitions no tool has the same predecessor twice, bar one pair among 3 tools (unavoidable).
tool_order() {
    local rep=$1; shift
    local items=("$@") n=$# shift_by=$rep reverse=0 seq=() i j
    if ((n % 2 == 1)); then shift_by=$((rep / 2)) reverse=$((rep % 2)); fi
    for ((j = 0; j < n; j++)); do
        if ((j == 0)); then i=0; elif ((j % 2 == 1)); then i=$(((j + 1) / 2)); else i=$((n - j / 2)); fi
        seq+=("${items[(i + shift_by) % n]}")
    done
    if ((reverse)); then
        for ((j = n - 1; j >= 0; j--)); do echo "${seq[j]}"; done
    else
        printf '%s\n' "${seq[@]}"
    fi
}

selected() { [[ ,$SCENARIOS, == *,$1,* ]]; }

# run_case SCENARIO DATASET TOOL REP MODE SRC DST
# One timed run of one tool, then a check of the destination against the data set: a run
# that copied nothing (or a part) is marked invalid and never enters a median. TOOL is ours,
# ours-cN (ours with --concurrency N), rclone, aws or ceiling. In proxied mode (the far and
# throttled scenarios, through the fault proxy) failures are what is measured, not a broken
# harness: a run whose tool reported failed objects (exit 1) or left objects out is "incomplete";
# one that gave up (ours: exit 2, e.g. a listing refused with 503) is "stopped". failed_objects
# counts the objects missing at the destination when the tool printed no summary.
run_case() {
    local scenario=$1 dataset=$2 tool=$3 rep=$4 mode=$5 src=$6 dst=$7
    local id="$scenario.$dataset.$tool.r$rep" dir="$RUN_DIR/cases/$scenario.$dataset.$tool.r$rep"
    local base=(scenario="$scenario" dataset="$dataset" tool="$tool" rep="$rep" mode="$mode")
    if [[ $tool == ours* ]] && ! ours_available; then
        record "${base[@]}" status=not-available note="${OURS_BIN#"$REPO"/} does not exist yet"
        return
    fi
    local expect; expect=$(dataset_expect "$dataset")
    [[ $mode == noop ]] || { drop_bucket "$dst"; make_bucket "$dst"; }
    mkdir -p "$dir"
    case $tool in
        ours-c*) cmd_ours "$mode" "$src" "$dst" "$(dataset_prefix "$dataset")" "$dir/components" "${tool#ours-c}" ;;
        ours) if [[ $mode == proxied ]]; then
                  cmd_ours "$mode" "$src" "$dst" "$(dataset_prefix "$dataset")" "$dir/components" ""
              else
                  cmd_ours "$mode" "$src" "$dst" "$(dataset_prefix "$dataset")" "$dir/components"
              fi ;;
        *) "cmd_$tool" "$mode" "$src" "$dst" "$(dataset_prefix "$dataset")" "$dir/components" ;;
    esac
    printf '%q ' "${CMD[@]}" >"$dir/cmd"
    # The previous run's objects (S3Proxy writes them to disk) are still dirty in the page
    # cache; without this their writeback would land in this tool's run.
    sync

    local requests0 throttled0
    requests0=$(proxy_stat total_requests) throttled0=$(proxy_stat throttled)
    measure "$dir" "${CMD[@]}"
    local requests=null throttled=null
    if [[ $mode == proxied ]]; then
        requests=$(($(proxy_stat total_requests) - requests0)) throttled=$(($(proxy_stat throttled) - throttled0))
    fi

    local status=ok note="" got heap=null failed=null
    got=$(bucket_size "$dst")
    local objects bytes got_objects
    read -r objects bytes <<<"$expect"
    read -r got_objects _ <<<"$got"
    if [[ $tool == ours* ]]; then
        heap=$(ours_heap_bytes "$dir/stdout")
        failed=$(ours_failed "$dir/stdout")
    fi
    if [[ $mode == proxied && ( $failed == null || ! -s $dir/stdout ) ]]; then
        failed=$((objects - got_objects))
    fi
    if [[ $mode == proxied && $tool == ours* && $M_RC == 2 ]]; then
        status=stopped note="exit code 2 after $got_objects of $objects objects: $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
    elif [[ $mode == proxied && $M_RC == 1 ]] || [[ $mode == proxied && $M_RC == 0 && $got != "$expect" ]]; then
        status=incomplete note="exit code $M_RC, destination has $got (objects bytes) of $expect; failed objects: $failed"
    elif ((M_RC != 0)); then
        status=failed note="exit code $M_RC: $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
    elif [[ $got != "$expect" ]]; then
        status=invalid note="destination has $got (objects bytes), expected $expect"
    elif [[ $rep == 1 ]] && ! deep_check "$mode" "$src" "$dst" "$dir"; then
        status=invalid note="rclone check found differences; see $dir/check.log"
    elif [[ $tool == ours* && $failed != 0 ]]; then
        status=invalid note="summary reports failed_migrations=$failed"
    fi
    record "${base[@]}" status="$status" note="$note" wall_s="$M_WALL" \
        objects="$objects" bytes="$bytes" rss_kb="$M_RSS_KB" heap_bytes="$heap" \
        tool_cpu_s="$M_TOOL_CPU_S" server_cpu_s="$M_SERVER_CPU_S" foreign_cpu_pct="$M_FOREIGN_CPU_PCT" \
        failed_objects="$failed" proxy_requests="$requests" throttled_responses="$throttled" \
        dest_listing="$got" command="$(cat "$dir/cmd")"
    log "$(printf '%-28s %-7s %8.2f s  rss %7s KiB  cpu %6s s  server cpu %6s s  other load %5s %%  %s' \
        "$id" "$mode" "$M_WALL" "$M_RSS_KB" "$M_TOOL_CPU_S" "$M_SERVER_CPU_S" "$M_FOREIGN_CPU_PCT" "$status")"
    if [[ $mode != noop ]]; then
        drop_bucket "$dst"
        sync   # the deletes' writeback too belongs to no one's run
    fi
}

# Key-by-key comparison of names and sizes (one repetition per case: it costs a listing of
# both sides). Hashes are skipped: multipart ETags carry no MD5.
deep_check() {
    local mode=$1 src=$2 dst=$3 dir=$4 from="SRC:$src"
    [[ $mode == upload ]] && from=$src
    mkdir -p "$dir"
    rclone check "$from" "DST:$dst" --one-way --size-only >"$dir/check.log" 2>&1
}

# Scenario 1 (and 5, the ceiling): bytes stream through the client between two remotes.
# aws-cli cannot do that on one endpoint; it copies server side, which the report says.
scenario_s3_cross() {
    local tools=("$@") rep ds tool
    for ((rep = 1; rep <= REPS; rep++)); do
        for ds in "${CROSS_DATASETS[@]}"; do
            for tool in $(tool_order "$rep" "${tools[@]}"); do
                run_case s3-cross "$ds" "$tool" "$rep" cross "$(src_bucket "$ds")" "dst-$ds$(suffix)-$tool"
            done
        done
    done
}

# Scenario 2: server-side copy within one endpoint.
scenario_s3_same() {
    local rep ds tool
    for ((rep = 1; rep <= REPS; rep++)); do
        for ds in "${CROSS_DATASETS[@]}"; do
            for tool in $(tool_order "$rep" ours rclone); do
                run_case s3-same "$ds" "$tool" "$rep" same "$(src_bucket "$ds")" "dst-$ds$(suffix)-$tool"
            done
        done
    done
}

# Scenario 3: re-run over a destination that is already complete (the cost of the diff).
scenario_noop() {
    local rep tool
    prepare_noop_mirror small
    for ((rep = 1; rep <= REPS; rep++)); do
        for tool in $(tool_order "$rep" ours rclone aws); do
            run_case noop small "$tool" "$rep" noop "$(src_bucket small)" "$(noop_bucket small)"
        done
    done
}

# Scenario 4 (and 5 for the ceiling): local folder -> S3.
scenario_upload() {
    local tools=("$@") rep tool
    generate_local mixed
    for ((rep = 1; rep <= REPS; rep++)); do
        for tool in $(tool_order "$rep" "${tools[@]}"); do
            run_case upload mixed "$tool" "$rep" upload "$(local_dir mixed)" "dst-upload$(suffix)-$tool"
        done
    done
}

# Scenario 7: our two S3 request paths side by side, bytes streaming between two remotes: the lean HTTP path
# (ours, fastPath auto) and the AWS SDK (ours-sdk, fastPath false), on the small and mixed sets.
scenario_sdk() {
    local rep ds tool
    for ((rep = 1; rep <= REPS; rep++)); do
        for ds in "${CROSS_DATASETS[@]}"; do
            [[ $ds == large ]] && continue # bandwidth-bound: both paths stream the same way
            for tool in $(tool_order "$rep" ours ours-sdk); do
                run_case sdk "$ds" "$tool" "$rep" cross "$(src_bucket "$ds")" "dst-sdk-$ds$(suffix)-$tool"
            done
        done
    done
}

# Scenario 6: 1,000,000 objects from a synthetic source into a discarding destination.
# The entry point is com.atlan.storage.bench.ScaleBenchmark in module storage-bench (built with
# the project; its package phase writes target/classpath.txt), or ATLAN_SCALE_CMD when set.
# It takes --objects N --concurrency C --json and prints the MigrationSummary JSON plus heap
# figures; the harness times it and checks total_files / migrated_files.
scale_command() {
    if [[ -n ${ATLAN_SCALE_CMD:-} ]]; then
        read -r -a CMD <<<"$ATLAN_SCALE_CMD"
    elif [[ -f $REPO/storage-bench/target/classes/com/atlan/storage/bench/ScaleBenchmark.class &&
            -f $REPO/storage-bench/target/classpath.txt ]]; then
        # -Xmx256m is the issue's heap target: the run fails rather than exceed it.
        CMD=("$JDK/bin/java" --enable-native-access=ALL-UNNAMED -Xmx256m
             -cp "$REPO/storage-bench/target/classes:$(cat "$REPO/storage-bench/target/classpath.txt")"
             com.atlan.storage.bench.ScaleBenchmark)
    else
        return 1
    fi
    CMD+=(--objects "$SCALE_OBJECTS" --concurrency "$CONCURRENCY" --json)
}

scenario_scale() {
    local base=(scenario=scale dataset="synthetic-$SCALE_OBJECTS" tool=ours)
    if ! scale_command; then
        record "${base[@]}" rep=1 status=not-available \
            note="scale entry point com.atlan.storage.bench.ScaleBenchmark not available yet"
        log "scale: not available yet (see the hook in bench/lib/scenarios.sh)"
        return
    fi
    local rep dir
    for ((rep = 1; rep <= REPS; rep++)); do
        dir="$RUN_DIR/cases/scale.r$rep"
        sync   # as in run_case: no earlier run's writeback inside this one
        # measure sets M_* globals, so it must not run in a subshell; the command's paths are absolute.
        measure "$dir" "${CMD[@]}"
        local migrated; migrated=$(jq -s 'last | .migrated_files // -1' "$dir/stdout" 2>/dev/null || echo -1)
        local status=ok
        [[ $M_RC == 0 && $migrated == "$SCALE_OBJECTS" ]] || status=invalid
        record "${base[@]}" rep="$rep" status="$status" mode=scale wall_s="$M_WALL" objects="$SCALE_OBJECTS" \
            bytes=0 rss_kb="$M_RSS_KB" heap_bytes="$(ours_heap_bytes "$dir/stdout")" \
            tool_cpu_s="$M_TOOL_CPU_S" server_cpu_s="$M_SERVER_CPU_S" foreign_cpu_pct="$M_FOREIGN_CPU_PCT" \
            note="exit $M_RC, migrated_files=$migrated"
        log "scale r$rep: $M_WALL s, rss $M_RSS_KB KiB, $status"
    done
}

# One untimed copy through the fresh proxy (by rclone, light on the client), so that no tool's
# time includes the JIT warm-up of the proxy's JVM and of S3Proxy on this traffic.
warm_up_proxy() {
    local dataset=$1 dst=warm-$1$(suffix)
    drop_bucket "$dst"
    make_bucket "$dst"
    rclone copy "FSRC:$(src_bucket "$dataset")" "FDST:$dst" "${RCLONE_FLAGS[@]}" >/dev/null 2>&1 || true
    drop_bucket "$dst"
    sync
}

# scenario_proxied SCENARIO PROFILE DATASET FIXED...: the copy across two remotes through a fault
# proxy with PROFILE; ours with no flags, rclone, and ours at each fixed concurrency.
scenario_proxied() {
    local scenario=$1 profile=$2 dataset=$3 rep tool
    shift 3
    start_proxy "$scenario" "$profile"
    configure_proxy_remotes
    warm_up_proxy "$dataset"
    for ((rep = 1; rep <= REPS; rep++)); do
        for tool in $(tool_order "$rep" ours rclone "${@/#/ours-c}"); do
            run_case "$scenario" "$dataset" "$tool" "$rep" proxied "$(src_bucket "$dataset")" \
                "dst-$scenario$(suffix)-$tool"
        done
    done
    stop_proxies
}

# Scenario 7 (issue 11): every request waits FAR_DELAY in the proxy before it is forwarded, as on a
# cloud link. Scenario 8: the proxy answers 503 SlowDown (Retry-After: 1) above THROTTLE_RATE
# requests a second (token bucket of THROTTLE_BURST); failures are counted.
scenario_far() {
    scenario_proxied far "delay=$FAR_DELAY" "$FAR_DATASET" "${FAR_FIXED[@]}"
}

scenario_throttled() {
    scenario_proxied throttled "throttle=$THROTTLE_RATE/s,burst=$THROTTLE_BURST,retry-after=1s" \
        "$THROTTLED_DATASET" "${THROTTLED_FIXED[@]}"
}

# Runs the selected scenarios in a fixed order.
run_scenarios() {
    local peers_cross=() peers_upload=()
    selected s3-cross && peers_cross=(ours rclone aws)
    selected upload && peers_upload=(ours rclone aws)
    if selected ceiling; then peers_cross+=(ceiling); peers_upload+=(ceiling); fi

    local ds
    if ((${#peers_cross[@]})) || selected s3-same; then
        for ds in "${CROSS_DATASETS[@]}"; do prepare_dataset "$ds"; done
    fi
    if selected azure || selected gcs; then prepare_dataset mixed; fi
    selected noop && prepare_dataset small

    if ((${#peers_cross[@]})); then log "scenario s3-cross: ${peers_cross[*]}"; scenario_s3_cross "${peers_cross[@]}"; fi
    if selected s3-same; then log "scenario s3-same"; scenario_s3_same; fi
    if selected noop; then log "scenario noop"; scenario_noop; fi
    if ((${#peers_upload[@]})); then log "scenario upload: ${peers_upload[*]}"; scenario_upload "${peers_upload[@]}"; fi
    if selected scale; then log "scenario scale"; scenario_scale; fi
    if selected sdk; then log "scenario sdk: ours (lean path) and ours-sdk (AWS SDK)"; scenario_sdk; fi
    if selected azure; then log "scenario azure"; scenario_cloud azure azure azurite; fi
    if selected gcs; then log "scenario gcs"; scenario_cloud gcs gcs fake_gcs; fi
    if selected far || selected throttled; then
        if testkit_available; then
            if selected far; then prepare_dataset "$FAR_DATASET"; fi
            if selected throttled; then prepare_dataset "$THROTTLED_DATASET"; fi
            if selected far; then log "scenario far: delay $FAR_DELAY per request"; scenario_far; fi
            if selected throttled; then
                log "scenario throttled: $THROTTLE_RATE requests/s, burst $THROTTLE_BURST"
                scenario_throttled
            fi
        else
            log "far/throttled: the fault proxy is not built (storage-testkit/target); skipped"
            record scenario=far dataset="$FAR_DATASET" tool=ours rep=1 status=not-available \
                note="storage-testkit is not built"
        fi
    fi
}
