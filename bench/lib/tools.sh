# The tools under test and how each is invoked. Every adapter fills the array CMD for one
# run; bench/run times CMD and checks the destination, so adding a tool means one adapter.
# Sourced by bench/run.

RCLONE_FLAGS=(--transfers 32 --checkers 32)
AWS=/usr/bin/aws   # not `aws`: a pyenv shim with aws-cli v1 shadows it on PATH
CONCURRENCY=32

# The far and throttled scenarios (issue 11): their data sets, the delay per request, the request
# rate of the throttling server, and the fixed --concurrency values ours is also run with (smoke
# mode narrows these in bench/run). The throttle is set well below what any tool reaches here
# unthrottled (~250 requests/s on a loaded machine), so the server's limit, not the CPU, binds.
FAR_DATASET=small3k
FAR_DELAY=40ms
FAR_FIXED=(8 32 128)
THROTTLED_DATASET=small1k
THROTTLE_RATE=100
THROTTLE_BURST=20
THROTTLED_FIXED=(2 4 8)

# --- peers --------------------------------------------------------------------------------

# rclone and aws read their settings from the environment, so no user config leaks in.
configure_peers() {
    # rclone refuses a custom CA bundle on its transport; everything here is plain http.
    unset AWS_CA_BUNDLE
    cat >"$RUN_DIR/aws.config" <<EOF
[default]
region = us-east-1
s3 =
  addressing_style = path
  max_concurrent_requests = $CONCURRENCY
  multipart_threshold = 16MB
  multipart_chunksize = 8MB
EOF
    export AWS_CONFIG_FILE=$RUN_DIR/aws.config AWS_SHARED_CREDENTIALS_FILE=/dev/null
    export AWS_EC2_METADATA_DISABLED=true AWS_DEFAULT_REGION=us-east-1
    export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY
    export RCLONE_CONFIG=/dev/null
    # Two remotes on one endpoint: SRC->DST makes rclone stream bytes through itself,
    # SRC->SRC lets it use server-side copy.
    local r
    for r in SRC DST; do
        export "RCLONE_CONFIG_${r}_TYPE=s3" "RCLONE_CONFIG_${r}_PROVIDER=Other"
        export "RCLONE_CONFIG_${r}_ENDPOINT=$S3_ENDPOINT" "RCLONE_CONFIG_${r}_REGION=us-east-1"
        export "RCLONE_CONFIG_${r}_ACCESS_KEY_ID=$S3_ACCESS_KEY" "RCLONE_CONFIG_${r}_SECRET_ACCESS_KEY=$S3_SECRET_KEY"
        export "RCLONE_CONFIG_${r}_FORCE_PATH_STYLE=true"
    done
}

# MODE is cross (two remotes), same (one remote), noop (cross, onto a complete copy) or
# upload (SRC is a local folder). DST is always a bucket.
cmd_rclone() {
    local mode=$1 src=$2 dst=$3
    case $mode in
        cross | noop) CMD=(rclone copy "SRC:$src" "DST:$dst" "${RCLONE_FLAGS[@]}") ;;
        proxied)      CMD=(rclone copy "FSRC:$src" "FDST:$dst" "${RCLONE_FLAGS[@]}") ;;
        same)         CMD=(rclone copy "SRC:$src" "SRC:$dst" "${RCLONE_FLAGS[@]}") ;;
        upload)       CMD=(rclone copy "$src" "DST:$dst" "${RCLONE_FLAGS[@]}") ;;
    esac
}

# aws-cli has no notion of two endpoints: s3->s3 sync is always server-side CopyObject /
# UploadPartCopy. --copy-props none: S3Proxy has no GetObjectTagging (501).
cmd_aws() {
    local mode=$1 src=$2 dst=$3
    case $mode in
        upload) CMD=("$AWS" --endpoint-url "$S3_ENDPOINT" s3 sync "$src" "s3://$dst" --only-show-errors) ;;
        *)      CMD=("$AWS" --endpoint-url "$S3_ENDPOINT" s3 sync "s3://$src" "s3://$dst"
                     --copy-props none --only-show-errors) ;;
    esac
}

cmd_ceiling() {
    local mode=$1 src=$2 dst=$3 from=(--src-bucket "$src")
    [[ $mode == upload ]] && from=(--src-dir "$src")
    CMD=("$JDK/bin/java" -Xmx8g -cp "$CEILING_CP" Ceiling --endpoint "$S3_ENDPOINT"
         --access-key "$S3_ACCESS_KEY" --secret-key "$S3_SECRET_KEY" "${from[@]}"
         --dst-bucket "$dst" --concurrency "$CONCURRENCY")
}

# --- atlan-storage (ours) -----------------------------------------------------------------
# To enable: make bin/atlan-storage exist (or point ATLAN_STORAGE_BIN at a launcher). It is
# run from the repo root as
#   bin/atlan-storage migrate --components DIR --source bench-source
#       --destination bench-destination --prefix P --concurrency 32 --json
# and its stdout must end with the MigrationSummary JSON.

OURS_BIN=${ATLAN_STORAGE_BIN:-$REPO/bin/atlan-storage}

ours_available() { [[ -x $OURS_BIN ]]; }

# In cross mode the destination names the endpoint "localhost" so our tool sees two
# different servers and must stream bytes, like rclone with two remotes; in same mode both
# name 127.0.0.1 and our tool may use server-side copy. Proxied mode is cross mode through the
# fault proxy (lib/proxy.sh). CONCURRENCY (6th argument, default $CONCURRENCY) empty means no
# --concurrency flag: our default setting.
cmd_ours() {
    local mode=$1 src=$2 dst=$3 prefix=$4 components=$5 concurrency=${6-$CONCURRENCY}
    local endpoint=$S3_ENDPOINT dst_host=127.0.0.1
    [[ $mode == proxied ]] && endpoint=$PROXY_ENDPOINT
    [[ $mode == cross || $mode == noop || $mode == proxied ]] && dst_host=localhost
    mkdir -p "$components"
    if [[ $mode == upload ]]; then
        write_local_component "$components/source.yaml" bench-source "$src"
    else
        write_s3_component "$components/source.yaml" bench-source "$src" "$endpoint"
    fi
    write_s3_component "$components/destination.yaml" bench-destination "$dst" "${endpoint/127.0.0.1/$dst_host}"
    CMD=("$OURS_BIN" migrate --components "$components" --source bench-source
         --destination bench-destination --prefix "$prefix" --json)
    [[ -n $concurrency ]] && CMD+=(--concurrency "$concurrency")
    return 0
}

# Ours with every request through the AWS SDK (fastPath false), for the sdk scenario.
cmd_ours-sdk() {
    OURS_FASTPATH=false cmd_ours "$@"
}

# write_component FILE NAME TYPE [FIELD=VALUE ...]: a Dapr component file with literal metadata values.
write_component() {
    local file=$1 name=$2 type=$3 field
    shift 3
    {
        printf 'apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: %s\nspec:\n  type: %s\n  version: v1\n  metadata:\n' \
            "$name" "$type"
        for field in "$@"; do
            printf '    - name: %s\n      value: "%s"\n' "${field%%=*}" "${field#*=}"
        done
    } >"$file"
}

# S3Proxy lists in UTF-16 order and its delimiter listings are complete, which the component declares (an
# S3-compatible endpoint is otherwise taken to list in no known order, and listed flat).
write_s3_component() {
    write_component "$1" "$2" bindings.aws.s3 bucket="$3" region=us-east-1 endpoint="$4" forcePathStyle=true \
        accessKey="$S3_ACCESS_KEY" secretKey="$S3_SECRET_KEY" listingOrder=utf16 parallelListing=true \
        fastPath="${OURS_FASTPATH:-auto}"
}

write_local_component() {
    write_component "$1" "$2" bindings.localstorage rootPath="$3"
}

# Heap from our JSON output: the scale entry point reports heap_peak_bytes; the CLI's summary has
# no heap field, so its runs show null (peak RSS is measured for every tool).
ours_heap_bytes() {
    jq -s 'last | [.jvm.heap_peak_bytes?, .heap_peak_bytes?, .jvm_heap_peak_bytes?, .heap_used_bytes?]
           | map(select(. != null)) | first // null' "$1" 2>/dev/null || echo null
}

ours_failed() {
    jq -s 'last | .failed_migrations // 0' "$1" 2>/dev/null || echo unreadable
}

# --- buckets ------------------------------------------------------------------------------

make_bucket() { rclone mkdir "SRC:$1"; }

# "COUNT BYTES" of a bucket, from a listing (not from any tool's own claim).
bucket_size() {
    rclone size "SRC:$1" --json | jq -r '"\(.count) \(.bytes)"'
}

# Deleting through the API would take longer than many of the runs it follows, and S3Proxy's
# filesystem backend keeps a bucket as one folder, so a destination is removed as a folder.
drop_bucket() {
    [[ -n $1 ]] && rm -rf "${WORK:?}/s3data/$1"
}
