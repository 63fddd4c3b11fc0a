#!/usr/bin/env bash
# Login/validate throughput of the eid state store on Redis, next to redis-benchmark GET/SET on the same server.
#
#   eid-redis/bench.sh                  # defaults: 4 JMH threads, 1 fork, 2 x 3 s warm-up, 3 x 5 s measurement
#   THREADS=8 eid-redis/bench.sh        # more client threads
#   JAVA_OPTS=-Djmh.ignoreLock=true eid-redis/bench.sh            # while another JMH run holds /tmp/jmh.lock
#   JMH_OPTS="-f 1 -wi 1 -w 2s -i 2 -r 3s" eid-redis/bench.sh   # other JMH run options
#
# Needs redis-server and redis-benchmark on the PATH (Debian/Ubuntu: apt-get install redis-server redis-tools).
# Starts its own redis-server on a free loopback port (no persistence), runs redis-benchmark -q -t get,set -n 100000,
# then the JMH benchmark io.github.eidvn.bench.RedisStoreBenchmark against it, and prints ops/s and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in redis-server redis-benchmark redis-cli java mvn; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found on the PATH" >&2; exit 2; }
done

THREADS=${THREADS:-4}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 2 -w 3s -i 3 -r 5s}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 16379)}
OUT=eid-bench/target/redis-bench
mkdir -p "$OUT"

echo "== building eid-bench (and the modules it needs)"
mvn -q -B -pl eid-bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

echo "== starting redis-server on 127.0.0.1:$PORT"
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    >"$OUT/redis.log" 2>&1 &
REDIS_PID=$!
trap 'kill "$REDIS_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$PORT" ping >/dev/null

echo "== redis-benchmark -q -t get,set -n 100000 (50 clients)"
redis-benchmark -p "$PORT" -q -t get,set -n 100000 | tr '\r' '\n' | grep 'requests per second' | tee "$OUT/redis-benchmark.txt"
GET_RPS=$(awk '/^GET:/ {print $2}' "$OUT/redis-benchmark.txt")
SET_RPS=$(awk '/^SET:/ {print $2}' "$OUT/redis-benchmark.txt")

echo "== JMH RedisStoreBenchmark, $THREADS threads"
java ${JAVA_OPTS:-} -cp "eid-bench/target/classes:$(cat eid-bench/target/classpath.txt)" org.openjdk.jmh.Main \
    'io.github.eidvn.bench.RedisStoreBenchmark' -p "redisUri=redis://127.0.0.1:$PORT" \
    -t "$THREADS" $JMH_OPTS -rf csv -rff "$OUT/jmh.csv"

echo
echo "== ops per second on the same redis-server (JMH: $THREADS threads; redis-benchmark: 50 clients)"
awk -F, -v get="$GET_RPS" -v set="$SET_RPS" '
  NR > 1 {
    gsub(/"/, "", $1); n = split($1, parts, "."); name = parts[n];
    printf "%-10s %12.0f ops/s   = %.4f x redis-benchmark GET (%.0f)   = %.4f x SET (%.0f)\n", name, $5, $5 / get, get, $5 / set, set
  }' "$OUT/jmh.csv" | tee "$OUT/summary.txt"
