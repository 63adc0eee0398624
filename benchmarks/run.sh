#!/usr/bin/env bash
# Runs the benchmark suite and writes benchmarks/results/latest.json (JMH JSON) and latest.md (the table).
#
#   benchmarks/run.sh            full run (under 20 minutes on a quiet 2-core machine)
#   benchmarks/run.sh --quick    smoke run: 1 warmup + 1 measurement iteration of 1 s per case
#   benchmarks/run.sh --no-writes  without the write cases (WriteBench; --writes is accepted, the default)
#   benchmarks/run.sh --no-node  skip Prisma's Node.js client
#
# PostgreSQL: PRISMA_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres); the
# script creates its own database there and drops it at the end. SQLite: a file under benchmarks/target.
# The corpus: PRISMA_CORPUS_DIR (default ../shared/corpus next to the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
QUICK=0 WRITES=1 NODE=1
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --writes) WRITES=1 ;;
    --no-writes) WRITES=0 ;;
    --no-node) NODE=0 ;;
    *) echo "unknown option $a (use --quick, --no-writes, --no-node)" >&2; exit 2 ;;
  esac
done

PG_SERVER_URL="${PRISMA_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"
CORPUS="${PRISMA_CORPUS_DIR:-$ROOT/../shared/corpus}"
DB_NAME="prisma_bench_$$"
WORK="$ROOT/benchmarks/target/run"
OUT="$ROOT/benchmarks/results"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
mkdir -p "$WORK" "$OUT"
rm -f "$WORK"/*.json

# Settings fit for a 2-core machine: one fork (a fresh JVM per case), one benchmark thread, fixed heap.
if [ "$QUICK" = 1 ]; then
  SCHEMA_OPTS="-f 1 -wi 1 -w 1s -i 1 -r 1s"
  COMPILE_OPTS="$SCHEMA_OPTS"
  E2E_OPTS="$SCHEMA_OPTS"
  NODE_OPTS="--warmup 1 --iterations 1 --seconds 1"
else
  # the end-to-end warmup is one long iteration: PrismaClient's code path is far larger than a hand-written one,
  # and the JIT needs several seconds to compile it; shorter warmups measure the JIT, not the steady state.
  # Four measured iterations, not three: JMH's 99.9% error bar over 3 iterations is ±31.6 standard errors.
  SCHEMA_OPTS="-f 1 -wi 4 -w 2s -i 4 -r 2s"
  COMPILE_OPTS="-f 1 -wi 3 -w 2s -i 4 -r 2s"
  E2E_OPTS="-f 1 -wi 1 -w 6s -i 4 -r 2s"
  NODE_OPTS="--warmup 3 --iterations 3 --seconds 2"
fi
START=$(date +%s)
LOAD_BEFORE="$(uptime)"

echo "== build (reactor: -pl benchmarks -am package -DskipTests)"
mvn -B -ntp -q -pl benchmarks -am package -DskipTests

echo "== databases"
SQLITE_FILE="$WORK/bench.db"
cleanup() {
  java -cp "$JAR" dev.prismaspring.bench.BenchDatabase drop-postgres "$PG_SERVER_URL" "$DB_NAME" || true
  rm -f "$SQLITE_FILE"
}
trap cleanup EXIT
PG_URL="$(java -cp "$JAR" dev.prismaspring.bench.BenchDatabase create-postgres "$PG_SERVER_URL" "$DB_NAME" | tail -1)"
java -cp "$JAR" dev.prismaspring.bench.BenchDatabase create-sqlite "$SQLITE_FILE"
PG_VERSION="$(java -cp "$JAR" dev.prismaspring.bench.BenchDatabase pg-version "$PG_URL" || echo '?')"
JVM_ARGS="-Xms1g -Xmx1g -Dbench.postgres.url=$PG_URL -Dbench.sqlite.file=$SQLITE_FILE -Dbench.corpus.dir=$CORPUS"
# the statements of each case, and a check that every PrismaClient case returns what its baseline returns
java $JVM_ARGS -cp "$JAR" dev.prismaspring.bench.ShowSql postgresql > "$OUT/statements.txt"
java $JVM_ARGS -cp "$JAR" dev.prismaspring.bench.ShowSql sqlite >> "$OUT/statements.txt"

jmh() {
  local name="$1" pattern="$2" opts="$3"
  echo "== JMH $name: $opts -prof gc"
  # shellcheck disable=SC2086
  java -jar "$JAR" "$pattern" $opts -t 1 -prof gc -jvmArgsAppend "$JVM_ARGS" \
    -rf json -rff "$WORK/$name.json" | tee "$WORK/$name.log" | grep -E '^(# Run progress|[A-Z][A-Za-z]+Bench\.)' || true
}
# End to end, one JMH run per case and database, so that each PrismaClient case and its baselines run back to back
# (a single run over a class orders its methods by name, leaving minutes between a case and its baseline, and any
# drift of the machine in between in their ratio).
pairs() {
  local name="$1" class="$2" opts="$3"; shift 3
  local db methods
  for methods in "$@"; do
    for db in postgresql sqlite; do
      jmh "$name-${methods%%|*}-$db" "$class\.($methods)\$" "$opts -p db=$db"
    done
  done
}
jmh schema 'SchemaBench' "$SCHEMA_OPTS"
jmh compile 'CompileBench' "$COMPILE_OPTS"
pairs read ReadBench "$E2E_OPTS" \
  'prismaFindUnique|jdbcFindUnique' \
  'prismaFindManyTake20|jdbcFindManyTake20' \
  'prismaPostsWhereOrderTake|jdbcPostsWhereOrderTake' \
  'prismaTake20IncludePostsQuery|jdbcTake20WithPostsTwoQueries' \
  'prismaTake20IncludePostsJoin|jdbcTake20WithPostsJsonAgg|jdbcTake20WithPostsLeftJoin' \
  'prismaAllIncludePostsQuery|jdbcAllWithPostsTwoQueries' \
  'prismaAllIncludePostsJoin|jdbcAllWithPostsJsonAgg|jdbcAllWithPostsLeftJoin'
NODE_JSON="-"
NODE_NOTE=""
if [ "$NODE" = 0 ]; then
  NODE_NOTE="Prisma's Node.js client: skipped (--no-node)."
elif ! command -v node > /dev/null; then
  NODE_NOTE="Prisma's Node.js client: skipped, node is not installed."
else
  echo "== Prisma Node.js client: $NODE_OPTS"
  if (
    # (set -e does not apply inside an if condition: each step exits on failure itself)
    cd benchmarks/node || exit 1
    [ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
    mkdir -p prisma   # the generated schema lives here (git-ignored, so absent in a fresh checkout)
    { echo '// Generated by benchmarks/run.sh from dev.prismaspring.bench.BenchSchema (the JMH schema) + a generator.'
      echo 'generator client {'
      echo '  provider        = "prisma-client"'
      echo '  output          = "../generated/prisma"'
      echo '  engineType      = "client"'
      echo '  previewFeatures = ["relationJoins"]'
      echo '}'
      echo
      java -cp "$JAR" dev.prismaspring.bench.BenchDatabase print-schema postgresql; } > prisma/schema.prisma || exit 1
    # generate needs no engine binary, but the CLI still tries to download the schema engine unless one is given
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx --no-install prisma generate > "$WORK/node-generate.log" 2>&1 || exit 1
    # shellcheck disable=SC2086
    BENCH_DATABASE_URL="$(java -cp "$JAR" dev.prismaspring.bench.BenchDatabase node-url "$PG_URL")" \
      npx --no-install tsx bench.ts $NODE_OPTS --out "$WORK/node.json"
  ); then
    NODE_JSON="$WORK/node.json"
    NODE_NOTE="Prisma's Node.js client: $(node -e "const r=require('$WORK/node.json');console.log(r.client+', node '+r.node)"), $NODE_OPTS."
  else
    NODE_NOTE="Prisma's Node.js client: FAILED (see the run log and $WORK/node-generate.log)."
  fi
fi

# writes last: they change rows (views are incremented) that the read cases and the Node.js client read
if [ "$WRITES" = 1 ]; then
  pairs write WriteBench "$E2E_OPTS" 'prismaCreate|jdbcCreate' 'prismaNestedCreate|jdbcNestedCreate' \
    'prismaUpdateIncrement|jdbcUpdateIncrement' 'prismaUpsert|jdbcUpsert' 'prismaDeleteMany|jdbcDeleteMany'
fi

LOAD_AFTER="$(uptime)"
END=$(date +%s)
{
  echo "## Benchmark results"
  echo
  echo "Taken $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB,"
  echo "$(java -version 2>&1 | head -1), PostgreSQL ${PG_VERSION:-?}, in $(( (END - START) / 60 )) min$([ "$QUICK" = 1 ] && echo ' (QUICK mode: smoke figures only)')."
  echo
  echo "- Load before: \`${LOAD_BEFORE##*load average: }\`, after: \`${LOAD_AFTER##*load average: }\` (1/5/15-minute load averages)."
  echo "- JMH settings: schema \`$SCHEMA_OPTS\`, compile \`$COMPILE_OPTS\`, end to end \`$E2E_OPTS\`; all \`-t 1 -prof gc\`, heap 1 GB."
  echo "- Data: 1,000 users × 10 posts, 20 tags (2 per post); Hikari pool of 2 on both sides."
  echo "- $NODE_NOTE"
  echo "- Ratios are PrismaClient / baseline throughput (higher is better); alloc/op from \`-prof gc\`."
} > "$WORK/header.md"
java -cp "$JAR" dev.prismaspring.bench.Report "$OUT" "$WORK/header.md" "$NODE_JSON" "$WORK"/schema.json \
  "$WORK"/compile.json "$WORK"/read-*.json $([ "$WRITES" = 1 ] && echo "$WORK"/write-*.json)
echo "== wrote $OUT/latest.json and $OUT/latest.md in $(( END - START )) s"
