#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer on) and runs each for a given time on a scratch
# copy of the committed seeds.
#
#   bash Tests/Fuzz/run.sh [SECONDS=60] [TARGET...]
#
# TARGET: FuzzQuery FuzzDocument FuzzDocuments FuzzTemplate FuzzImage (default: all), or their
# seed folders' names (query, document, documents, template, image).
#
# First every input under Regressions/<seeds>/ (earlier findings, minimized) is replayed;
# one that still fails is a finding. Then the target is fuzzed; crash, timeout, out-of-memory and
# leak inputs land in Tests/Fuzz/Findings/TARGET/ (gitignored), with the fuzzer's log beside them.
# Known leaks in libraries listed in lsan-fuzzing.supp are ignored while fuzzing, not on replay.
# Each run appends a line to $FUZZ_LOG (default /tmp/qyx-fuzz-log.tsv, outside the tree, so that
# CI changes no tracked file); set FUZZ_LOG=Tests/Fuzz/fuzz-log.tsv to add a run to the record.
# Exits 1 if any target produced a finding, 2 if the build failed.
#
# Environment: FUZZ_JOBS (build jobs, default 1), FUZZ_RESTARTS (how many times a target is
# restarted after a finding to use up its time, default 10; 0 stops at the first finding),
# FUZZ_ARGS (extra libFuzzer flags).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
duration=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzQuery FuzzDocument FuzzDocuments FuzzTemplate FuzzImage)
case "$duration" in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;; esac
for i in "${!targets[@]}"; do
    case "${targets[$i]}" in
        FuzzQuery|query) targets[$i]=FuzzQuery ;;
        FuzzDocument|document) targets[$i]=FuzzDocument ;;
        FuzzDocuments|documents) targets[$i]=FuzzDocuments ;;
        FuzzTemplate|template) targets[$i]=FuzzTemplate ;;
        FuzzImage|image) targets[$i]=FuzzImage ;;
        *) echo "unknown target ${targets[$i]} (FuzzQuery, FuzzDocument, FuzzDocuments, FuzzTemplate, FuzzImage)" >&2; exit 2 ;;
    esac
done

findings_dir="$here/Findings"
log_tsv=${FUZZ_LOG:-/tmp/qyx-fuzz-log.tsv}
mkdir -p "$findings_dir"

# --- what the build and the fuzzer need --------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
apt_install() {
    command -v apt-get >/dev/null || { echo "cannot install $* (no apt-get)" >&2; return 1; }
    echo "installing $* ..." >&2
    as_root apt-get install -y "$@" >/dev/null 2>&1 ||
        { as_root apt-get update >/dev/null 2>&1 && as_root apt-get install -y "$@" >/dev/null 2>&1; }
}

if ! command -v swift >/dev/null; then
    [ -x /opt/swift/usr/bin/swift ] && export PATH="$PATH:/opt/swift/usr/bin"
    command -v swift >/dev/null || { echo "swift is not installed (https://swift.org/install)" >&2; exit 2; }
fi
toolchain=$(cd "$(dirname "$(readlink -f "$(command -v swift)")")/.." && pwd)
# The Linux toolchains from swift.org ship libFuzzer and the sanitizer runtimes in the toolchain's
# own clang resource directory; the compiler looks nowhere else, so a distribution's compiler-rt
# package cannot stand in for them.
if ! ls "$toolchain"/lib/swift/clang/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
    echo "this Swift toolchain ($toolchain) has no libFuzzer runtime (libclang_rt.fuzzer);" \
         "use a swift.org toolchain for Linux" >&2
    exit 2
fi
# The main package's system libraries are resolved even though the fuzz targets do not link them.
if command -v pkg-config >/dev/null || apt_install pkg-config; then
    pkg-config --exists sqlite3 || apt_install libsqlite3-dev
    pkg-config --exists libedit || apt_install libedit-dev
    pkg-config --exists libpcre2-8 || apt_install libpcre2-dev
fi
# Symbolized stack traces in ASan and libFuzzer reports.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
    if [ -x "$toolchain/bin/llvm-symbolizer" ]; then export ASAN_SYMBOLIZER_PATH="$toolchain/bin/llvm-symbolizer"
    elif command -v llvm-symbolizer >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
    fi
fi
demangle() { if [ -x "$toolchain/bin/swift-demangle" ]; then "$toolchain/bin/swift-demangle" --simplified; else cat; fi; }

# --- build -------------------------------------------------------------------------------------
# -sanitize=fuzzer,address instruments every module for coverage and ASan and links libFuzzer,
# whose main() calls the @_cdecl("LLVMFuzzerTestOneInput") function; -parse-as-library keeps the
# targets free of top-level code (and a main of their own). Both sanitizers go in ONE -Xswiftc
# flag: SwiftPM's `--sanitize=fuzzer --sanitize=address` become two -sanitize= flags and the
# compile jobs keep only the last, leaving the code without coverage. `--sanitize=fuzzer` is still
# needed: without it a debug build links executables with `--defsym main=<Target>_main` (for
# testable executables), which fails with "undefined symbol 'FuzzQuery_main'".
build_flags=(-c debug -j "${FUZZ_JOBS:-1}" --sanitize=fuzzer
             -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
echo "building: (cd Tests/Fuzz && swift build ${build_flags[*]})"
build_log="$findings_dir/build.log"
# SwiftPM notices files added to or removed from the ROOT package's targets only; a new file in
# ../../Sources would leave the cached build plan stale ("cannot find 'X' in scope"). Dropping the
# plan makes it plan again (a second or two); compiled objects are still reused.
rm -f "$here"/.build/debug.yaml "$here"/.build/*/debug/description.json
if ! (cd "$here" && swift build "${build_flags[@]}") >"$build_log" 2>&1; then
    grep -E "error:|warning: .*unreachable|fatal" "$build_log" | head -40 >&2
    echo "build failed; full log in ${build_log#"$here"/}" >&2
    exit 2
fi
bin=$(cd "$here" && swift build "${build_flags[@]}" --show-bin-path)
for t in "${targets[@]}"; do
    if [ -x "$bin/$t" ] && ! grep -q __sancov_cntrs <(objdump -h "$bin/$t" 2>/dev/null || strings "$bin/$t"); then
        echo "$t has no coverage counters: the build did not instrument the code" >&2; exit 2
    fi
done

# --- run ---------------------------------------------------------------------------------------
[ -f "$log_tsv" ] || printf 'date\ttarget\tseconds\texecs\tfindings\texec_per_s\tcov\tft\tcommit\n' >"$log_tsv"
commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo -)
[ -n "$(git -C "$here" status --porcelain -- ../../Sources 2>/dev/null)" ] && commit="$commit+"
scratch_root=$(mktemp -d "${TMPDIR:-/tmp}/qyx-fuzz.XXXXXX")
trap 'rm -rf "$scratch_root"' EXIT
total_findings=0

for target in "${targets[@]}"; do
    case "$target" in
        FuzzQuery) seeds="$here/Seeds/query" ;;
        FuzzDocument) seeds="$here/Seeds/document" ;;
        FuzzDocuments) seeds="$here/Seeds/documents" ;;
        FuzzTemplate) seeds="$here/Seeds/template" ;;
        FuzzImage) seeds="$here/Seeds/image" ;;
    esac
    # An image of even a tiny corpus is 3-4 KB (the schema is in it); other inputs stay small.
    max_len=4096
    [ "$target" = FuzzImage ] && max_len=16384
    mkdir -p "$findings_dir/$target"
    # Regression inputs (earlier findings, minimized) are replayed one by one, without the
    # fuzzing-time leak suppressions; each that still fails counts as a finding of this run.
    regressions="$here/Regressions/${seeds##*/}"
    failing=0
    for input in "$regressions"/*; do
        [ -f "$input" ] || continue
        replay_log="$findings_dir/$target/replay-${input##*/}.log"
        if "$bin/$target" -timeout=10 -rss_limit_mb=4096 "$input" >"$replay_log" 2>&1; then
            rm -f "$replay_log"
        else
            failing=$(( failing + 1 ))
            echo "== $target: regression ${input#"$here"/} fails; log ${replay_log#"$here"/}"
            demangle <"$replay_log" | grep -E '^SUMMARY|Fatal error|ERROR: libFuzzer' | head -2 | sed 's/^/   /'
            demangle <"$replay_log" | grep -E '^ *#[0-9]+ .*/Sources/Qyx' | head -1 | grep -oE 'in .*' | sed 's/^/   frame: /'
        fi
    done
    if ls "$regressions"/* >/dev/null 2>&1 && [ "$failing" -eq 0 ]; then
        echo "== $target: $(ls "$regressions" | wc -l) regression input(s) pass"
    fi
    corpus="$scratch_root/$target"
    mkdir -p "$corpus"
    cp "$seeds"/* "$corpus"/
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    run_log="$findings_dir/$target/$stamp.log"
    marker="$scratch_root/$target.start"; touch "$marker"
    echo "== $target: ${duration}s on $(ls "$corpus" | wc -l) seeds; log ${run_log#"$here"/}"

    start=$(date +%s); execs=0; restarts=0; cov=-; ft=-
    while :; do
        elapsed=$(( $(date +%s) - start ))
        remaining=$(( duration - elapsed ))
        [ "$remaining" -ge 1 ] || break
        offset=$(stat -c %s "$run_log" 2>/dev/null || echo 0)
        # shellcheck disable=SC2086
        LSAN_OPTIONS="suppressions=$here/lsan-fuzzing.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        "$bin/$target" "$corpus" -max_total_time="$remaining" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
            -artifact_prefix="$findings_dir/$target/" -print_final_stats=1 ${FUZZ_ARGS:-} >>"$run_log" 2>&1
        status=$?
        # Executions of this session: the final stats line, or the last status line when absent.
        tail -c +$(( offset + 1 )) "$run_log" >"$scratch_root/session.log"
        session=$(awk '/^stat::number_of_executed_units:/ { n = $2 } END { print n }' "$scratch_root/session.log")
        [ -n "$session" ] || session=$(awk '/^#[0-9]+/ { n = substr($1, 2) } END { print n }' "$scratch_root/session.log")
        execs=$(( execs + ${session:-0} ))
        line=$(tac "$scratch_root/session.log" | grep -m1 -E '^#[0-9]+.* cov: ')
        if [ -n "$line" ]; then
            cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$line"); ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$line")
        fi
        [ "$status" -eq 0 ] && break
        restarts=$(( restarts + 1 ))
        echo "   finding after $(( $(date +%s) - start ))s (libFuzzer exit $status)"
        [ "$restarts" -le "${FUZZ_RESTARTS:-10}" ] || break
        echo "--- restarted after a finding ---" >>"$run_log"
    done
    seconds=$(( $(date +%s) - start ))
    [ "$seconds" -gt 0 ] || seconds=1
    mapfile -t found < <(find "$findings_dir/$target" -maxdepth 1 -newer "$marker" -type f \
        \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
    n=$(( ${#found[@]} + failing ))
    total_findings=$(( total_findings + n ))
    printf '   executions %d in %ds (%d exec/s), cov: %s ft: %s, findings: %d (%d new, %d regression)\n' \
        "$execs" "$seconds" $(( execs / seconds )) "$cov" "$ft" "$n" "${#found[@]}" "$failing"
    for f in "${found[@]}"; do echo "   finding: ${f#"$here"/}"; done
    if [ "${#found[@]}" -gt 0 ]; then
        # Where each finding stopped: the first frame in qyx's own sources.
        demangle <"$run_log" >"$run_log.demangled"
        grep -E '^ *#[0-9]+ .*/Sources/Qyx' "$run_log.demangled" | awk '!seen[$0]++' |
            grep -m5 -oE 'in .*' | sed 's/^/   frame: /'
        grep -E '^(SUMMARY|==[0-9]+==ERROR|Fatal error|.*Fatal error:)' "$run_log.demangled" | sort | uniq -c | head -5 | sed 's/^/   /'
    fi
    printf '%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$target" "$seconds" "$execs" "$n" \
        $(( execs / seconds )) "$cov" "$ft" "$commit" >>"$log_tsv"
done

if [ "$total_findings" -gt 0 ]; then
    echo "$total_findings finding(s): minimize with $bin/TARGET -minimize_crash=1 -runs=10000 FILE," \
         "then commit the result under Tests/Fuzz/Regressions/<seeds>/ (query, document, documents, template, image)" >&2
    exit 1
fi
