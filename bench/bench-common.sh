# What the bench/run-*.sh scripts share; sourced from the repository root after they set $java and $out.

# Builds the benchmark jar unless SKIP_BUILD=1 (MVNW_ARGS replaces the default offline flag -o).
bench_build() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        # shellcheck disable=SC2086  # MVNW_ARGS is a list of options
        ./mvnw -B -q ${MVNW_ARGS--o} package -pl bench -am -DskipTests
    fi
}

# Records the date, the JVM, the CPU and the load before the run in $out/environment.txt.
bench_environment() {
    {
        echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "jvm: $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.name = //p') $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
        echo "cpu: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    } | tee "$out/environment.txt"
}

# Appends the load after the run to $out/environment.txt.
bench_load_after() {
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/environment.txt"
}
