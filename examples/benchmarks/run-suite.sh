#!/usr/bin/env bash
# SPDX-FileCopyrightText: The LEAD library contributors
# SPDX-License-Identifier: Apache-2.0
#
# The whole benchmark suite of issue 8 in one command (docs/performance.md, "Running the whole suite"):
# builds the benchmarks, checks the tools, installs the PostGraphile peer, then runs
# org.leaddiversion.benchmarks.suite.Suite, which starts a throwaway PostgreSQL, generates the shared data set in it,
# runs W1-W5 in interleaved rounds with their A/A controls and a pgbench calibration line, writes
# examples/benchmarks/results/suite-<date>-N<participants>.{json,txt} and rewrites the tables in docs/performance.md.
#
#   examples/benchmarks/run-suite.sh      # the issue's defaults: 1,000,000 participants, 5 rounds, W2 300 s a side
#   examples/benchmarks/run-suite.sh --participants 20000 --rounds 5 --seconds 20 --w2-warmup 20   # programme size
#
# Every argument is passed to the suite (--participants, --rounds, --seconds, --connections, --w2-warmup,
# --w1-seconds, --w4-rows, --w5-reports, --calibration-seconds, --skip W1,W4, --results DIR, --docs FILE).
# Needs: a JDK 17+, wrk and pgbench (Debian: sudo apt-get install -y wrk postgresql-client postgresql-15 — pgbench
# comes with the server package postgresql-15 on Debian 12; zonky's embedded binaries carry no pgbench), and
# Node/npm for the PostGraphile peer (SUITE_SKIP_NPM=1 skips its install when node_modules is there). JAVA_OPTS defaults to -Xmx2g.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

missing=()
for tool in java wrk pgbench; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "run-suite: missing ${missing[*]}; on Debian: sudo apt-get install -y wrk postgresql-15" \
         "(pgbench), and a JDK 17" >&2
    exit 2
fi

offline=()
if [[ -d "$HOME/.m2/repository/org/jooq" ]]; then
    offline=(-o)   # the dependencies are already there: no network needed
fi
echo "run-suite: building the benchmarks" >&2
./mvnw -B -q "${offline[@]}" -pl examples/benchmarks -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt

if [[ "${SUITE_SKIP_NPM:-}" != 1 ]]; then
    command -v npm >/dev/null 2>&1 || { echo "run-suite: npm is missing (sudo apt-get install -y npm)," \
        "or set SUITE_SKIP_NPM=1 when examples/benchmarks/postgraphile/node_modules is already installed" >&2; exit 2; }
    echo "run-suite: installing the PostGraphile peer (npm ci)" >&2
    (cd examples/benchmarks/postgraphile && npm ci --no-audit --no-fund --loglevel=error)
fi

cp="$(cat examples/benchmarks/target/classpath.txt):examples/benchmarks/target/classes"
echo "run-suite: $(uptime)" >&2
exec java ${JAVA_OPTS:--Xmx2g} -cp "$cp" org.leaddiversion.benchmarks.suite.Suite "$@"
