# The Azure and GCS scenarios: our tool from S3Proxy into Azurite (Azure Blob) and into the in-repo GCS JSON-API
# fake, and back to S3Proxy. The same emulators the tests use, started here on free loopback ports. Sourced by
# bench/run. Only our tool runs: rclone's Azure and GCS backends would need their own emulator set-up, and the
# numbers here are first of all a guard that these paths keep working at scale.

AZURITE_BIN=$REPO/.azurite/node_modules/.bin/azurite-blob
AZURITE_PID= AZURITE_ENDPOINT=
FAKE_GCS_PID= FAKE_GCS_ENDPOINT=
# Azurite's published development account (not a secret).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# wait_for_line FILE REGEX PID: the first match of REGEX in FILE (within 30 s while PID lives).
wait_for_line() {
    local file=$1 regex=$2 pid=$3 i line
    for i in $(seq 1 120); do
        line=$(grep -o -m1 -E "$regex" "$file" 2>/dev/null || true)
        if [[ -n $line ]]; then echo "$line"; return 0; fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

start_azurite() {
    [[ -x $AZURITE_BIN ]] || return 1
    "$AZURITE_BIN" --blobHost 127.0.0.1 --blobPort 0 --inMemoryPersistence --extentMemoryLimit 4096 \
        --disableTelemetry --skipApiVersionCheck --silent >"$RUN_DIR/azurite.log" 2>&1 &
    AZURITE_PID=$!
    AZURITE_ENDPOINT=$(wait_for_line "$RUN_DIR/azurite.log" 'http://127\.0\.0\.1:[0-9]+' "$AZURITE_PID") ||
        die "Azurite did not start; see $RUN_DIR/azurite.log"
    log "Azurite up at $AZURITE_ENDPOINT (pid $AZURITE_PID)"
}

stop_azurite() {
    [[ -n $AZURITE_PID ]] || return 0
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    AZURITE_PID=
}

# The fake is a test class of storage-gcs; the CLI's lib/ holds everything it needs.
start_fake_gcs() {
    local classes=$REPO/storage-gcs/target/test-classes
    [[ -f $classes/com/atlan/storage/gcs/FakeGcsServer.class ]] || return 1
    "$JDK/bin/java" -Xmx4g -cp "$classes:$REPO/storage-cli/target/lib/*" com.atlan.storage.gcs.FakeGcsServer \
        >"$RUN_DIR/fake-gcs.log" 2>&1 &
    FAKE_GCS_PID=$!
    FAKE_GCS_ENDPOINT=$(wait_for_line "$RUN_DIR/fake-gcs.log" 'http://127\.0\.0\.1:[0-9]+' "$FAKE_GCS_PID") ||
        die "the GCS fake did not start; see $RUN_DIR/fake-gcs.log"
    log "GCS JSON-API fake up at $FAKE_GCS_ENDPOINT (pid $FAKE_GCS_PID)"
}

stop_fake_gcs() {
    [[ -n $FAKE_GCS_PID ]] || return 0
    kill "$FAKE_GCS_PID" 2>/dev/null || true
    wait "$FAKE_GCS_PID" 2>/dev/null || true
    FAKE_GCS_PID=
}

write_azure_component() {
    write_component "$1" "$2" bindings.azure.blobstorage accountName=$AZURITE_ACCOUNT accountKey="$AZURITE_KEY" \
        containerName="$3" endpoint="$AZURITE_ENDPOINT" useEmulator=true createContainer=true
}

write_gcs_component() {
    curl -sf -X POST -H 'Content-Type: application/json' -d "{\"name\": \"$3\"}" \
        "$FAKE_GCS_ENDPOINT/storage/v1/b?project=bench" >/dev/null || true
    write_component "$1" "$2" bindings.gcp.bucket bucket="$3" endpoint="$FAKE_GCS_ENDPOINT" useEmulator=true
}

# write_kind_component KIND FILE NAME BUCKET: a component of kind s3 (on S3Proxy), azure or gcs.
write_kind_component() {
    case $1 in
        s3) write_s3_component "$2" "$3" "$4" "$S3_ENDPOINT" ;;
        *) "write_$1_component" "$2" "$3" "$4" ;;
    esac
}

# cloud_case SCENARIO LABEL REP SRC_KIND SRC DST_KIND DST: one timed migration between S3Proxy and a cloud emulator,
# then `verify` between the two stores (exit 0: same keys, sizes and hashes) and the summary's counts.
cloud_case() {
    local scenario=$1 label=$2 rep=$3 src_kind=$4 src=$5 dst_kind=$6 dst=$7
    local dir="$RUN_DIR/cases/$scenario.$label.r$rep" components
    local base=(scenario="$scenario" dataset="mixed ($label)" tool=ours rep="$rep" mode=cloud)
    if ! ours_available; then
        record "${base[@]}" status=not-available note="${OURS_BIN#"$REPO"/} does not exist yet"
        return
    fi
    components=$dir/components
    mkdir -p "$components"
    write_kind_component "$src_kind" "$components/source.yaml" bench-source "$src"
    write_kind_component "$dst_kind" "$components/destination.yaml" bench-destination "$dst"
    local expect objects bytes; expect=$(dataset_expect mixed)
    read -r objects bytes <<<"$expect"
    CMD=("$OURS_BIN" migrate --components "$components" --source bench-source --destination bench-destination
         --prefix "$(dataset_prefix mixed)" --concurrency "$CONCURRENCY" --json)
    printf '%q ' "${CMD[@]}" >"$dir/cmd"
    sync
    measure "$dir" "${CMD[@]}"
    local status=ok note="" migrated
    migrated=$(jq -s 'last | .migrated_files // -1' "$dir/stdout" 2>/dev/null || echo -1)
    if ((M_RC != 0)); then
        status=failed note="exit code $M_RC: $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
    elif [[ $migrated != "$objects" ]]; then
        status=invalid note="summary reports migrated_files=$migrated, expected $objects"
    elif ! "$OURS_BIN" verify --components "$components" --source bench-source --destination bench-destination \
            --prefix "$(dataset_prefix mixed)" >"$dir/verify.log" 2>&1; then
        status=invalid note="verify found differences; see $dir/verify.log"
    fi
    record "${base[@]}" status="$status" note="$note" wall_s="$M_WALL" objects="$objects" bytes="$bytes" \
        rss_kb="$M_RSS_KB" heap_bytes=null tool_cpu_s="$M_TOOL_CPU_S" server_cpu_s="$M_SERVER_CPU_S" \
        foreign_cpu_pct="$M_FOREIGN_CPU_PCT" command="$(cat "$dir/cmd")"
    log "$(printf '%-28s %-7s %8.2f s  rss %7s KiB  cpu %6s s  %s' "$scenario.$label.r$rep" cloud "$M_WALL" \
        "$M_RSS_KB" "$M_TOOL_CPU_S" "$status")"
}

# Scenario 7 (azure) and 8 (gcs): S3 -> cloud into a fresh container or bucket, then cloud -> S3 into a fresh
# bucket. Server CPU in the report is S3Proxy's only; the emulator's is in "other load".
scenario_cloud() {
    local scenario=$1 kind=$2 rep cloud back
    "start_$3" || {
        record scenario="$scenario" dataset=mixed tool=ours rep=1 status=not-available \
            note="the $kind emulator is not installed (bin/test.d/40-azurite.sh) or storage-gcs is not built"
        log "$scenario: emulator not available"
        return
    }
    for ((rep = 1; rep <= REPS; rep++)); do
        cloud="bench-$rep-$(date +%s%N | tail -c 7)"
        back="dst-$scenario$(suffix)-r$rep"
        cloud_case "$scenario" "s3->$kind" "$rep" s3 "$(src_bucket mixed)" "$kind" "$cloud"
        drop_bucket "$back"; make_bucket "$back"
        cloud_case "$scenario" "$kind->s3" "$rep" "$kind" "$cloud" s3 "$back"
        drop_bucket "$back"
    done
    "stop_$3"
}
