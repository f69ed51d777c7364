# The data sets: generated once into a local folder (fixed seed), uploaded once through the
# S3 API with aws-cli, and cached between runs by a marker that is re-checked against a
# listing. Sourced by bench/run.

# NAME -> "small_count small_prefixes small_bytes large_count large_bytes"
declare -A DATASET_SPEC=(
    [small]="10000 100 4096 0 0"
    [large]="0 1 0 8 $((256 << 20))"
    [mixed]="2000 20 4096 5 $((64 << 20))"
    [small3k]="3000 30 4096 0 0"
    [small1k]="1000 10 4096 0 0"
)
declare -A SMOKE_SPEC=(
    [small]="50 5 4096 0 0"
    [large]="0 1 0 2 $((6 << 20))"
    [mixed]="50 5 4096 2 $((6 << 20))"
    [small3k]="60 3 4096 0 0"
    [small1k]="40 2 4096 0 0"
)

dataset_spec() {
    if [[ $SMOKE == true ]]; then echo "${SMOKE_SPEC[$1]}"; else echo "${DATASET_SPEC[$1]}"; fi
}

# Smoke data sets live in their own buckets so a smoke run never disturbs the real cache.
suffix() { [[ $SMOKE == true ]] && echo -smoke || true; }
src_bucket() { echo "src-$1$(suffix)"; }
local_dir() { echo "$WORK/gen/$1$(suffix)"; }
noop_bucket() { echo "noop-$1$(suffix)"; }
# Every key of data set NAME starts with NAME/, so "--prefix NAME/" selects the whole set.
dataset_prefix() { echo "$1/"; }

# "COUNT BYTES" the destination must hold after a complete copy of NAME.
dataset_expect() {
    local sc sp sb lc lb
    read -r sc sp sb lc lb <<<"$(dataset_spec "$1")"
    echo "$((sc + lc)) $((sc * sb + lc * lb))"
}

generate_local() {
    local name=$1 dir; dir=$(local_dir "$1")
    local expect; expect=$(dataset_expect "$name")
    if [[ -f $dir.ok && $(cat "$dir.ok") == "$expect" ]]; then return; fi
    log "generating data set $name ($expect) in $dir"
    rm -rf "$dir"
    # shellcheck disable=SC2046 # the spec is five numbers on purpose
    /usr/bin/python3 "$BENCH/lib/gen_dataset.py" "$dir" "$name" $(dataset_spec "$name")
    echo "$expect" >"$dir.ok"
}

# Uploads data set NAME into its source bucket unless the marker and a fresh listing both
# say it is already there.
prepare_dataset() {
    local name=$1 bucket; bucket=$(src_bucket "$1")
    local expect; expect=$(dataset_expect "$name")
    local marker=$WORK/markers/$bucket
    if [[ -f $marker && $(cat "$marker") == "$expect" && $(bucket_size "$bucket" 2>/dev/null) == "$expect" ]]; then
        return
    fi
    generate_local "$name"
    log "uploading data set $name to s3://$bucket (once; cached afterwards)"
    rm -f "$marker"
    make_bucket "$bucket"
    "$AWS" --endpoint-url "$S3_ENDPOINT" s3 sync "$(local_dir "$name")" "s3://$bucket" --only-show-errors
    local got; got=$(bucket_size "$bucket")
    [[ $got == "$expect" ]] || die "upload of $name incomplete: bucket has $got, expected $expect"
    mkdir -p "$WORK/markers"
    echo "$expect" >"$marker"
}

# A complete copy of NAME for the no-op scenario. One untimed rclone pass settles rclone's
# modification times on it, so that no tool (rclone included) has anything left to write.
prepare_noop_mirror() {
    local name=$1 src; src=$(src_bucket "$1")
    local bucket; bucket=$(noop_bucket "$1")
    local expect; expect=$(dataset_expect "$name")
    local marker=$WORK/markers/$bucket
    if [[ -f $marker && $(cat "$marker") == "$expect" && $(bucket_size "$bucket" 2>/dev/null) == "$expect" ]]; then
        return
    fi
    log "building the complete destination s3://$bucket for the no-op scenario"
    rm -f "$marker"
    make_bucket "$bucket"
    rclone copy "SRC:$src" "SRC:$bucket" "${RCLONE_FLAGS[@]}"
    rclone copy "SRC:$src" "DST:$bucket" "${RCLONE_FLAGS[@]}"
    [[ $(bucket_size "$bucket") == "$expect" ]] || die "no-op mirror $bucket incomplete"
    mkdir -p "$WORK/markers"
    echo "$expect" >"$marker"
}
