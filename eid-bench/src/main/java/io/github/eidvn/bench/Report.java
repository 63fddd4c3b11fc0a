package io.github.eidvn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The ratio report: reads the JMH results and {@code openssl speed} outputs of one run, measures the size, photo
 * and memory figures, prints the table and writes {@code ratios.json}.
 *
 * <p>Usage: {@code Report --jmh g1.json[,g2.json...] --openssl o0.txt,o1.txt[,...] --out ratios.json
 * [--vectors DIR] [--cpu NAME] [--cores N] [--load TEXT] [--openssl-cms FILE] [--round-trips FILE]}. The JMH runs
 * are measured in groups, with
 * {@code openssl speed} run before the first group, between groups and after the last: group i is compared with the
 * mean of the OpenSSL runs just before and just after it (o<sub>i</sub> and o<sub>i+1</sub>), so that both sides
 * of a ratio see the same load on a shared machine. A benchmark's score is the median of its measurement
 * iterations (robust to an iteration hit by another process), not the mean. {@code --openssl-cms} gives P9's
 * reference: {@code <count> <user s> <system s>} of a loop of {@code openssl cms -verify} processes.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern OPENSSL_P256 = Pattern.compile(
            "256 bits ecdsa \\(nistp256\\)\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)\\s+([0-9.]+)");
    private static final String B = "io.github.eidvn.bench.";

    private Report() {
    }

    /** A pipeline figure: its JMH name, its ratios.json name, its table label, its OpenSSL side, its goal if any. */
    private record Pipeline(String jmhKey, String name, String label, boolean verify, Double goal) {
    }

    /** OpenSSL's single-threaded P-256 figures. */
    record Openssl(double signPerSecond, double verifyPerSecond) {
    }

    /**
     * Parses the {@code 256 bits ecdsa (nistp256)} line of {@code openssl speed ecdsap256}.
     *
     * @param output the command's output
     * @return sign/s and verify/s
     * @throws IllegalArgumentException when the line is missing
     */
    static Openssl parseOpenssl(String output) {
        Matcher m = OPENSSL_P256.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no '256 bits ecdsa (nistp256)' line in the openssl output");
        }
        return new Openssl(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /**
     * JMH scores by benchmark name, with {@code :keys=N} appended for parameterised ones: the median of the
     * measurement iterations of the {@link CpuTimeProfiler} secondary result (operations per CPU-second of the
     * benchmark JVM) when present, else of the primary (wall-clock) result, else JMH's mean.
     *
     * @param jmhJson the JMH JSON result
     * @return the scores
     * @throws IOException when it cannot be parsed
     */
    static Map<String, Double> parseJmh(String jmhJson) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(jmhJson)) {
            JsonNode secondary = run.get("secondaryMetrics");
            JsonNode cpu = secondary == null ? null : secondary.get(CpuTimeProfiler.NAME);
            out.put(name(run), score(cpu != null ? cpu : run.get("primaryMetric")));
        }
        return out;
    }

    /**
     * The wall-clock scores (ops/s, medians of the iterations), for display beside the CPU-time ones.
     *
     * @param jmhJson the JMH JSON result
     * @return the scores
     * @throws IOException when it cannot be parsed
     */
    static Map<String, Double> parseJmhWallClock(String jmhJson) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(jmhJson)) {
            if ("sample".equals(run.path("mode").asText())) {
                // sample time (P10): the mean time per operation of each thread → operations per second, all threads
                JsonNode m = run.get("primaryMetric");
                out.put(name(run), run.path("threads").asInt(1) * secondsPer(m.path("scoreUnit").asText())
                        / m.get("score").asDouble());
                continue;
            }
            out.put(name(run), score(run.get("primaryMetric")));
        }
        return out;
    }

    /** How many of a sample-time unit ({@code ms/op}, {@code us/op}, {@code ns/op}, {@code s/op}) make a second. */
    private static double secondsPer(String unit) {
        switch (unit) {
            case "s/op":
                return 1;
            case "ms/op":
                return 1e3;
            case "us/op":
                return 1e6;
            case "ns/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("unknown JMH time unit " + unit);
        }
    }

    /**
     * The 99th percentiles of the sample-time benchmarks, in milliseconds.
     *
     * @param jmhJson the JMH JSON result
     * @return p99 in ms by benchmark name (only sample-time runs)
     * @throws IOException when it cannot be parsed
     */
    static Map<String, Double> parseJmhP99Ms(String jmhJson) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : JSON.readTree(jmhJson)) {
            JsonNode m = run.get("primaryMetric");
            JsonNode p99 = m.path("scorePercentiles").get("99.0");
            if ("sample".equals(run.path("mode").asText()) && p99 != null) {
                out.put(name(run), p99.asDouble() * 1e3 / secondsPer(m.path("scoreUnit").asText()));
            }
        }
        return out;
    }

    private static String name(JsonNode run) {
        String name = run.get("benchmark").asText();
        if (name.startsWith(B)) {
            name = name.substring(B.length());
        }
        JsonNode params = run.get("params");
        if (params != null && params.has("keys")) {
            name += ":keys=" + params.get("keys").asText();
        }
        return name;
    }

    private static double score(JsonNode metric) {
        List<Double> raw = new ArrayList<>();
        JsonNode forks = metric.get("rawData");
        if (forks != null) {
            for (JsonNode fork : forks) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
        }
        return raw.isEmpty() ? metric.get("score").asDouble() : median(raw);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /**
     * Runs the report.
     *
     * @param args see the class comment
     * @throws Exception when an input is missing or unreadable
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        String[] jmhFiles = req(a, "--jmh").split(",");
        String[] osslFiles = req(a, "--openssl").split(",");
        if (osslFiles.length != jmhFiles.length + 1) {
            throw new IllegalArgumentException("give one more openssl output than JMH groups (before, between, after)");
        }
        List<Openssl> runs = new ArrayList<>();
        for (String f : osslFiles) {
            runs.add(parseOpenssl(Files.readString(Path.of(f), StandardCharsets.UTF_8)));
        }
        Map<String, Double> jmh = new LinkedHashMap<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Openssl> reference = new LinkedHashMap<>();
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (int g = 0; g < jmhFiles.length; g++) {
            Openssl around = new Openssl((runs.get(g).signPerSecond() + runs.get(g + 1).signPerSecond()) / 2,
                    (runs.get(g).verifyPerSecond() + runs.get(g + 1).verifyPerSecond()) / 2);
            // "label@file": the group ran in another configuration; its benchmark names get "label:" in front
            int at = jmhFiles[g].indexOf('@');
            String label = at < 0 ? "" : jmhFiles[g].substring(0, at) + ":";
            String text = Files.readString(Path.of(jmhFiles[g].substring(at + 1)), StandardCharsets.UTF_8);
            for (Map.Entry<String, Double> e : parseJmh(text).entrySet()) {
                jmh.put(label + e.getKey(), e.getValue());
                reference.put(label + e.getKey(), around);
            }
            for (Map.Entry<String, Double> e : parseJmhWallClock(text).entrySet()) {
                wall.put(label + e.getKey(), e.getValue());
            }
            parseJmhP99Ms(text).forEach((k, v) -> p99.put(label + k, v));
        }
        double osslSign = runs.stream().mapToDouble(Openssl::signPerSecond).average().orElseThrow();
        double osslVerify = runs.stream().mapToDouble(Openssl::verifyPerSecond).average().orElseThrow();

        Map<String, Object> json = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", a.getOrDefault("--cpu", "unknown"));
        machine.put("cores", a.getOrDefault("--cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("load_average", a.getOrDefault("--load", "unknown"));
        // the ES256 engine the benchmarks ran on (same class path, same system properties)
        machine.put("es256_engine", io.github.eidvn.core.keys.Es256Engine.describe());

        Double verify10 = jmh.get("VerifyBenchmark.qrTextToVerified:keys=10");
        Double verify10k = jmh.get("VerifyBenchmark.qrTextToVerified:keys=10000");
        String pureJava = "  %s on the pure-Java engine (-Dio.github.eidvn.es256=bouncycastle)";
        for (Pipeline p : List.of(
                new Pipeline("VerifyBenchmark.qrTextToVerified:keys=10", "P1",
                        "P1 verify: QR text → Verified (ES256, full pipeline)", true, 0.9),
                new Pipeline("IssueBenchmark.claimsToQrText", "P2",
                        "P2 issue: claims → QR text (sign, deflate, pack)", false, 0.8),
                new Pipeline("bouncycastle:VerifyBenchmark.qrTextToVerified:keys=10", "P1_pure_java",
                        String.format(Locale.ROOT, pureJava, "P1"), true, 0.6),
                new Pipeline("bouncycastle:IssueBenchmark.claimsToQrText", "P2_pure_java",
                        String.format(Locale.ROOT, pureJava, "P2"), false, 0.2))) {
            Double v = jmh.get(p.jmhKey());
            if (v == null) {
                continue;
            }
            Openssl around = reference.get(p.jmhKey());
            double ref = p.verify() ? around.verifyPerSecond() : around.signPerSecond();
            json.put(p.name(), round(v / ref, 3));
            rows.add(new String[] {p.label(),
                    fmt(v) + " /s ÷ OpenSSL " + (p.verify() ? "verify " : "sign ") + fmt(ref) + " /s",
                    p.goal() == null ? String.format(Locale.ROOT, "%.2f", v / ref) : ratio(v / ref, p.goal())});
            if (p.goal() != null) {
                json.put(p.name() + "_wall_clock_ops_per_s", round(wall.get(p.jmhKey()), 1));
            }
        }
        for (String[] ctx : new String[][] {
                {"SignatureBenchmark.eidVerify", "eid ES256 verify (cached key), signature only", "verify"},
                {"SignatureBenchmark.eidSign", "eid ES256 sign, signature only", "sign"},
                {"SignatureBenchmark.bcLightweightVerify", "Bouncy Castle lightweight verify, cached key", "verify"},
                {"SignatureBenchmark.bcLightweightSign", "Bouncy Castle lightweight sign", "sign"},
                {"SignatureBenchmark.jdkVerify", "Nimbus ECDSAVerifier, JDK 17 default provider", "verify"},
                {"SignatureBenchmark.jdkSign", "Nimbus ECDSASigner, JDK 17 default provider", "sign"}}) {
            Double v = jmh.get(ctx[0]);
            if (v != null) {
                Openssl around = reference.get(ctx[0]);
                double ref = ctx[2].equals("verify") ? around.verifyPerSecond() : around.signPerSecond();
                rows.add(new String[] {"  context: " + ctx[1], fmt(v) + " /s ÷ OpenSSL " + ctx[2],
                        String.format(Locale.ROOT, "%.2f", v / ref)});
                json.put("context_" + ctx[0].substring(ctx[0].indexOf('.') + 1), round(v / ref, 3));
            }
        }

        Map<String, Object> sizes = new LinkedHashMap<>();
        for (Sizes.Figures f : List.of(Sizes.of("P3 hospital presentation", Sizes.hospitalJws()),
                Sizes.of("P4 level-2 eKYC package", Sizes.ekycJws()))) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("signed_bytes", f.signedBytes());
            one.put("container_bytes", f.containerBytes());
            for (Sizes.Encoding e : List.of(f.eid(), f.shcNumeric(), f.base45())) {
                Map<String, Object> enc = new LinkedHashMap<>();
                enc.put("characters", e.characters());
                enc.put("qr_version_M", e.version());
                enc.put("bits_per_signed_byte", round(f.bitsPerSignedByte(e), 2));
                one.put(e.name(), enc);
                rows.add(new String[] {f.label() + ": " + e.name(), f.signedBytes() + " signed B → " + e.characters()
                        + " chars, " + e.dataBits() + " data bits", "v" + e.version() + "-M, "
                        + String.format(Locale.ROOT, "%.2f", f.bitsPerSignedByte(e)) + " bits/B"});
            }
            sizes.put(f.label().substring(0, 2), one);
            json.put(f.label().substring(0, 2), one);
        }

        String vectors = a.get("--vectors");
        Path blackbox = vectors == null ? null : Path.of(vectors, "zxing-qrcode-blackbox");
        if (blackbox != null && Files.isDirectory(blackbox)) {
            Map<String, Object> p5 = new LinkedHashMap<>();
            for (Photos.Outcome o : Photos.run(blackbox)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("decoded", o.decoded());
                one.put("of", o.total());
                one.put("median_ms", round(o.medianMs(), 1));
                p5.put(o.decoder(), one);
                rows.add(new String[] {"P5 photo decode: " + o.decoder(), o.decoded() + "/" + o.total()
                        + " (22 photos × 4 rotations)", String.format(Locale.ROOT, "median %.1f ms", o.medianMs())});
            }
            json.put("P5", p5);
        } else {
            rows.add(new String[] {"P5 photo decode", "skipped: no " + blackbox, "-"});
        }
        Map<String, Object> p5hard = new LinkedHashMap<>();
        Path zbar = Path.of("/usr/bin/zbarimg");
        for (Photos.Outcome o : Photos.runHard(Files.isExecutable(zbar) ? zbar : null)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("decoded", o.decoded());
            one.put("of", o.total());
            one.put("median_ms", round(o.medianMs(), 1));
            p5hard.put(o.decoder(), one);
            rows.add(new String[] {"P5_hard generated hard photos: " + o.decoder(), o.decoded() + "/" + o.total()
                    + " (7 conditions × 3 severities, 7 combinations × 3)",
                    String.format(Locale.ROOT, "median %.1f ms", o.medianMs())});
        }
        json.put("P5_hard", p5hard);

        p6(jmh, wall, json, rows);
        String roundTrips = a.containsKey("--round-trips") && Files.isReadable(Path.of(a.get("--round-trips")))
                ? Files.readString(Path.of(a.get("--round-trips")), StandardCharsets.UTF_8) : null;
        p7(wall, roundTrips, json, rows);
        if (a.containsKey("--openssl-cms")) {
            p9(jmh, Files.readString(Path.of(a.get("--openssl-cms")), StandardCharsets.UTF_8), json, rows);
        }
        p10(jmh, wall, p99, json, rows);

        Map<String, Object> p8 = new LinkedHashMap<>();
        TrustStoreScale.Figures scale = TrustStoreScale.measure(21, 1500);
        p8.put("verify_10000_keys_over_10_keys", round(scale.medianRatio(), 3));
        p8.put("verify_10000_keys_over_10_keys_range", List.of(round(scale.minRatio(), 3),
                round(scale.maxRatio(), 3)));
        p8.put("verify_interleaved_rounds", scale.rounds());
        p8.put("verify_10_keys_per_cpu_s", round(scale.small(), 1));
        p8.put("verify_10000_keys_per_cpu_s", round(scale.large(), 1));
        rows.add(new String[] {"P8 verify with 10,000 vs 10 trusted keys (one JVM, " + scale.rounds()
                + " interleaved round pairs, per CPU-second)", fmt(scale.large()) + " /s vs " + fmt(scale.small())
                + " /s", String.format(Locale.ROOT, "%.2f (median; range %.2f–%.2f)", scale.medianRatio(),
                        scale.minRatio(), scale.maxRatio())});
        if (verify10 != null && verify10k != null) {
            p8.put("verify_10000_keys_over_10_keys_separate_forks", round(verify10k / verify10, 3));
        }
        ReplayMemory.Figures mem = ReplayMemory.measure(1_000_000);
        p8.put("replay_guard_ids", mem.ids());
        p8.put("replay_guard_retained_bytes_jol", mem.jolBytes());
        p8.put("replay_guard_heap_delta_bytes", mem.heapDeltaBytes());
        p8.put("replay_guard_bytes_per_id", round(mem.bytesPerId(), 1));
        rows.add(new String[] {"P8 replay guard after 10^6 ids (InMemoryReplayGuard)",
                String.format(Locale.ROOT, "%.1f MB retained (JOL), %.1f MB heap delta", mem.jolBytes() / 1e6,
                        mem.heapDeltaBytes() / 1e6),
                String.format(Locale.ROOT, "%.0f B/id", mem.bytesPerId())});
        json.put("P8", p8);

        Map<String, Object> ossl = new LinkedHashMap<>();
        ossl.put("command", "openssl speed -seconds 5 ecdsap256");
        ossl.put("verify_per_s", round(osslVerify, 1));
        ossl.put("sign_per_s", round(osslSign, 1));
        List<Map<String, Double>> each = new ArrayList<>();
        for (Openssl r : runs) {
            each.add(Map.of("verify_per_s", r.verifyPerSecond(), "sign_per_s", r.signPerSecond()));
        }
        ossl.put("runs", each);
        json.put("openssl", ossl);
        json.put("machine", machine);
        json.put("jmh_ops_per_cpu_s", jmh);
        json.put("jmh_ops_per_wall_s", wall);

        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(machine.get("cpu")).append(", ").append(machine.get("cores"))
                .append(" cores, ").append(machine.get("java")).append("; load average ")
                .append(machine.get("load_average")).append("; ES256 engine ").append(machine.get("es256_engine"))
                .append('\n');
        out.append(String.format(Locale.ROOT, "OpenSSL P-256 (openssl speed -seconds 5 ecdsap256, single thread, "
                + "%d runs between the JMH groups, mean): verify %s /s, sign %s /s, per CPU-second of its process "
                + "(openssl's default). Each ratio divides eid's operations per CPU-second of the JMH JVM (all its "
                + "threads; median of the iterations) by the two openssl runs around its group. Wall-clock figures "
                + "are in ratios.json.%n%n", runs.size(), fmt(osslVerify), fmt(osslSign)));
        out.append("| figure | measured | ratio / result |\n|---|---|---|\n");
        for (String[] r : rows) {
            out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        System.out.print(out);
        Path target = Path.of(req(a, "--out"));
        Files.writeString(target, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        System.out.println("\nwritten: " + target);
    }

    /**
     * P9: {@link ChipBenchmark}'s passive authentication per CPU-second divided by {@code openssl cms -verify} of the
     * same SOD, one process per verification, per CPU-second of those processes.
     *
     * @param cpu operations per CPU-second by benchmark
     * @param cms the openssl loop's figures: {@code <verifications> <user seconds> <system seconds>}
     * @param json receives {@code P9} and {@code P9_ops_per_cpu_s}
     * @param rows receives the table row
     */
    static void p9(Map<String, Double> cpu, String cms, Map<String, Object> json, List<String[]> rows) {
        Double eid = cpu.get("ChipBenchmark.passiveAuthentication");
        String[] f = cms.trim().split("\\s+");
        if (eid == null || f.length != 3) {
            throw new IllegalArgumentException("P9 needs ChipBenchmark's result and '<count> <user s> <sys s>' from "
                    + "the openssl cms loop, not: " + cms.trim());
        }
        double seconds = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the openssl cms loop took no CPU time: " + cms.trim());
        }
        double openssl = Integer.parseInt(f[0]) / seconds;
        json.put("P9", round(eid / openssl, 3));
        json.put("P9_ops_per_cpu_s", Map.of("eid_passive_authentication", round(eid, 1),
                "openssl_cms_verify", round(openssl, 1)));
        rows.add(new String[] {"P9 chip passive authentication (BSI specimen: SOD + DG1/2/3/14 hashes)",
                fmt(eid) + " /s ÷ openssl cms -verify " + fmt(openssl) + " /s (a process each)",
                ratio(eid / openssl, 0.5)});
    }

    /**
     * P6: {@link DeviceBenchmark}'s eid login ÷ its Argon2id verification alone (same parameters), and its session
     * validation ÷ the SHA-256 of one session token alone; all in one JMH group, per CPU-second.
     *
     * @param cpu operations per CPU-second by benchmark
     * @param wall wall-clock operations per second by benchmark
     * @param json receives {@code P6}, {@code P6_validate}, {@code P6_ops_per_cpu_s} and
     *        {@code P6_wall_clock_ops_per_s}
     * @param rows receives the table rows
     */
    static void p6(Map<String, Double> cpu, Map<String, Double> wall, Map<String, Object> json, List<String[]> rows) {
        String d = "DeviceBenchmark.";
        Double login = cpu.get(d + "eidLogin");
        Double argon2 = cpu.get(d + "argon2Verify");
        Double validate = cpu.get(d + "eidValidate");
        Double sha256 = cpu.get(d + "sha256Token");
        if (login == null || argon2 == null) {
            rows.add(new String[] {"P6 login from the bound device ÷ Argon2id verify alone",
                    "not measured (no DeviceBenchmark)", "-"});
        } else {
            json.put("P6", round(login / argon2, 3));
            rows.add(new String[] {"P6 login from the bound device (AccountLogin.passwordLogin, in-memory store) ÷ "
                    + "Argon2id verify alone, same parameters (8 KiB, t = 1)",
                    fmt(login) + " /s ÷ " + fmt(argon2) + " /s", ratio(login / argon2, 0.9)});
        }
        if (validate == null || sha256 == null) {
            rows.add(new String[] {"P6_validate session validation ÷ SHA-256 of one token",
                    "not measured (no DeviceBenchmark)", "-"});
        } else {
            json.put("P6_validate", round(validate / sha256, 3));
            rows.add(new String[] {"P6_validate session validation (AccountLogin.validateSession) ÷ SHA-256 of one "
                    + "session token alone", fmt(validate) + " /s ÷ " + fmt(sha256) + " /s",
                    ratio(validate / sha256, 0.5)});
        }
        Map<String, Object> ops = new LinkedHashMap<>();
        Map<String, Object> wallOps = new LinkedHashMap<>();
        for (String op : List.of("eidLogin", "argon2Verify", "eidValidate", "sha256Token")) {
            if (cpu.containsKey(d + op)) {
                ops.put(op, round(cpu.get(d + op), 1));
            }
            if (wall.containsKey(d + op)) {
                wallOps.put(op, round(wall.get(d + op), 1));
            }
        }
        if (!ops.isEmpty()) {
            json.put("P6_ops_per_cpu_s", ops);
            json.put("P6_wall_clock_ops_per_s", wallOps);
        }
    }

    /**
     * P7: {@link RedisStoreBenchmark}'s password login on Redis ÷ the same login on the in-memory store, both at
     * {@link RedisStoreBenchmark#THREADS} threads in one JMH group, wall-clock throughput (the Redis server's CPU is
     * not in the JVM's CPU time, so a per-CPU-second figure would flatter Redis); and the Redis commands per login that
     * {@link LoginRoundTrips} counted on the client.
     *
     * @param wall wall-clock operations per second by benchmark
     * @param roundTrips the text {@link LoginRoundTrips} wrote, or null when it did not run
     * @param json receives {@code P7}, {@code P7_round_trips_per_login}, {@code P7_round_trips_per_validation},
     *        {@code P7_wall_clock_ops_per_s}
     * @param rows receives the table rows
     */
    static void p7(Map<String, Double> wall, String roundTrips, Map<String, Object> json, List<String[]> rows) {
        String r = "RedisStoreBenchmark.";
        Double redis = wall.get(r + "login");
        Double memory = wall.get(r + "loginInMemory");
        if (redis == null || memory == null) {
            rows.add(new String[] {"P7 password login on Redis ÷ in-memory store", "not measured (no "
                    + "RedisStoreBenchmark: no redis-server)", "-"});
        } else {
            json.put("P7", round(redis / memory, 3));
            rows.add(new String[] {"P7 password login on Redis (loopback) ÷ the same on the in-memory store, "
                    + RedisStoreBenchmark.THREADS + " threads, Argon2id 8 KiB/t=1",
                    fmt(redis) + " /s ÷ " + fmt(memory) + " /s (wall clock)", ratio(redis / memory, 0.5)});
            Map<String, Object> ops = new LinkedHashMap<>();
            for (String op : List.of("login", "loginInMemory", "validate", "validateInMemory")) {
                if (wall.containsKey(r + op)) {
                    ops.put(op, round(wall.get(r + op), 1));
                }
            }
            json.put("P7_wall_clock_ops_per_s", ops);
        }
        Map<String, Double> counted = roundTrips == null ? Map.of() : LoginRoundTrips.parse(roundTrips);
        Double login = counted.get("login");
        if (login == null) {
            rows.add(new String[] {"P7_round_trips_per_login Redis commands per login", "not measured", "-"});
            return;
        }
        json.put("P7_round_trips_per_login", round(login, 2));
        Double validate = counted.get("validate");
        if (validate != null) {
            json.put("P7_round_trips_per_validation", round(validate, 2));
        }
        rows.add(new String[] {"P7_round_trips_per_login Redis commands per login from the bound device, counted by "
                + "the client (RedisStateStore.commandsSent)", String.format(Locale.ROOT, "%.2f%s", login,
                        validate == null ? "" : String.format(Locale.ROOT, "; per session validation %.2f", validate)),
                String.format(Locale.ROOT, "**%.2f** (goal ≤ 3: %s)", login, login <= 3 ? "met" : "NOT met")});
    }

    /**
     * P10: {@link DeskBenchmark}'s {@code POST /api/check} at 16 clients, requests per CPU-second of its JVM (desk and
     * clients), divided by P1's single-thread verifications per CPU-second, with the p99 latency.
     *
     * @param cpu operations per CPU-second by benchmark
     * @param wall wall-clock operations per second by benchmark
     * @param p99 99th-percentile latency in ms by benchmark
     * @param json receives {@code P10}, {@code P10_p99_ms}, {@code P10_ops_per_cpu_s} and
     *        {@code P10_wall_clock_ops_per_s}
     * @param rows receives the table row
     */
    static void p10(Map<String, Double> cpu, Map<String, Double> wall, Map<String, Double> p99,
            Map<String, Object> json, List<String[]> rows) {
        String desk = "DeskBenchmark.postCheckText";
        Double ops = cpu.get(desk);
        Double p1 = cpu.get("VerifyBenchmark.qrTextToVerified:keys=10");
        String label = "P10 reception desk POST /api/check (text), " + DeskBenchmark.CLIENTS + " concurrent clients, "
                + "÷ P1 single-thread verify";
        if (ops == null || p1 == null) {
            rows.add(new String[] {label, "not measured (" + (ops == null ? "no DeskBenchmark" : "no P1") + ")", "-"});
            return;
        }
        json.put("P10", round(ops / p1, 3));
        Double latency = p99.get(desk);
        if (latency != null) {
            json.put("P10_p99_ms", round(latency, 2));
        }
        json.put("P10_ops_per_cpu_s", round(ops, 1));
        if (wall.containsKey(desk)) {
            json.put("P10_wall_clock_ops_per_s", round(wall.get(desk), 1));
        }
        rows.add(new String[] {label, fmt(ops) + " /s ÷ " + fmt(p1) + " /s (per CPU-second)"
                + (latency == null ? "" : String.format(Locale.ROOT, "; p99 %.2f ms", latency)),
                ratio(ops / p1, 0.5)});
    }

    private static String req(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(double v, double goal) {
        return String.format(Locale.ROOT, "**%.2f** (goal ≥ %.1f: %s)", v, goal, v >= goal ? "met" : "NOT met");
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
