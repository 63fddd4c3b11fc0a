package io.github.eidvn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's parsers and size figures. */
class ReportTest {

    @Test
    void parseOpenssl_readsSignAndVerifyPerSecond() {
        String out = "Doing 256 bits sign ecdsa's for 5s: 258013 256 bits ECDSA signs in 5.00s\n"
                + "version: 3.0.19\n"
                + "                              sign    verify    sign/s verify/s\n"
                + " 256 bits ecdsa (nistp256)   0.0000s   0.0001s  51602.6  17001.2\n";
        Report.Openssl o = Report.parseOpenssl(out);
        assertThat(o.signPerSecond()).isEqualTo(51602.6);
        assertThat(o.verifyPerSecond()).isEqualTo(17001.2);
        assertThatThrownBy(() -> Report.parseOpenssl("nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseJmh_namesParameterisedRunsByKeys() throws Exception {
        String json = "[{\"benchmark\":\"io.github.eidvn.bench.VerifyBenchmark.qrTextToVerified\","
                + "\"params\":{\"keys\":\"10\"},\"primaryMetric\":{\"score\":1234.5}},"
                + "{\"benchmark\":\"io.github.eidvn.bench.IssueBenchmark.claimsToQrText\","
                + "\"primaryMetric\":{\"score\":99.0}}]";
        Map<String, Double> m = Report.parseJmh(json);
        assertThat(m).containsEntry("VerifyBenchmark.qrTextToVerified:keys=10", 1234.5)
                .containsEntry("IssueBenchmark.claimsToQrText", 99.0);
    }

    @Test
    void parseJmh_scoreIsTheMedianOfTheIterations() throws Exception {
        String json = "[{\"benchmark\":\"io.github.eidvn.bench.IssueBenchmark.claimsToQrText\","
                + "\"primaryMetric\":{\"score\":50.0,\"rawData\":[[10.0,100.0,90.0,5.0,95.0]]}}]";
        assertThat(Report.parseJmh(json)).containsEntry("IssueBenchmark.claimsToQrText", 90.0);
    }

    @Test
    void parseJmh_prefersOperationsPerCpuSecond_wallClockKeptApart() throws Exception {
        String json = "[{\"benchmark\":\"io.github.eidvn.bench.IssueBenchmark.claimsToQrText\","
                + "\"primaryMetric\":{\"score\":50.0,\"rawData\":[[10.0,20.0,30.0]]},"
                + "\"secondaryMetrics\":{\"cpu.ops_per_s\":{\"score\":99.0,\"rawData\":[[70.0,80.0,90.0]]}}}]";
        assertThat(Report.parseJmh(json)).containsEntry("IssueBenchmark.claimsToQrText", 80.0);
        assertThat(Report.parseJmhWallClock(json)).containsEntry("IssueBenchmark.claimsToQrText", 20.0);
        assertThat(CpuTimeProfiler.processCpuNanos()).isPositive();
    }

    @Test
    void p10_sampleTimeRun_cpuRatioOverP1_p99InMs_wallClockFromTheMeanOfEachThread() throws Exception {
        String json = "[{\"benchmark\":\"io.github.eidvn.bench.DeskBenchmark.postCheckText\",\"mode\":\"sample\","
                + "\"threads\":16,\"primaryMetric\":{\"score\":4.0,\"scoreUnit\":\"ms/op\","
                + "\"scorePercentiles\":{\"50.0\":3.5,\"99.0\":12.25}},"
                + "\"secondaryMetrics\":{\"cpu.ops_per_s\":{\"score\":2000.0,\"rawData\":[[1900.0,2000.0,2100.0]]}}}]";
        Map<String, Double> cpu = new java.util.LinkedHashMap<>(Report.parseJmh(json));
        Map<String, Double> wall = Report.parseJmhWallClock(json);
        Map<String, Double> p99 = Report.parseJmhP99Ms(json);
        assertThat(wall).containsEntry("DeskBenchmark.postCheckText", 4000.0); // 16 threads × 1 / 4 ms
        assertThat(p99).containsEntry("DeskBenchmark.postCheckText", 12.25);
        cpu.put("VerifyBenchmark.qrTextToVerified:keys=10", 5000.0);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        Report.p10(cpu, wall, p99, out, rows);
        assertThat(out).containsEntry("P10", 0.4).containsEntry("P10_p99_ms", 12.25)
                .containsEntry("P10_ops_per_cpu_s", 2000.0).containsEntry("P10_wall_clock_ops_per_s", 4000.0);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[2]).contains("0.40", "NOT met");

        Map<String, Object> none = new java.util.LinkedHashMap<>();
        java.util.List<String[]> one = new java.util.ArrayList<>();
        Report.p10(Map.of(), Map.of(), Map.of(), none, one);
        assertThat(none).isEmpty();
        assertThat(one.get(0)[1]).contains("not measured");
    }

    @Test
    void p6_loginOverArgon2_validationOverSha256() {
        String d = "DeviceBenchmark.";
        Map<String, Double> cpu = Map.of(d + "eidLogin", 9_000.0, d + "argon2Verify", 10_000.0,
                d + "eidValidate", 500_000.0, d + "sha256Token", 2_000_000.0);
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        Report.p6(cpu, Map.of(d + "eidLogin", 8_000.0), json, rows);
        assertThat(json).containsEntry("P6", 0.9).containsEntry("P6_validate", 0.25);
        assertThat(json.get("P6_ops_per_cpu_s")).asString().contains("eidLogin=9000.0", "sha256Token=2000000.0");
        assertThat(json.get("P6_wall_clock_ops_per_s")).isEqualTo(Map.of("eidLogin", 8000.0));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[2]).contains("met").doesNotContain("NOT");
        assertThat(rows.get(1)[2]).contains("NOT met");

        Map<String, Object> none = new java.util.LinkedHashMap<>();
        java.util.List<String[]> two = new java.util.ArrayList<>();
        Report.p6(Map.of(), Map.of(), none, two);
        assertThat(none).isEmpty();
        assertThat(two).hasSize(2).allSatisfy(r -> assertThat(r[1]).contains("not measured"));
    }

    @Test
    void p7_redisOverMemory_andCountedRoundTrips() {
        String r = "RedisStoreBenchmark.";
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        Report.p7(Map.of(r + "login", 6_000.0, r + "loginInMemory", 10_000.0), "login 2.000\nvalidate 2.004\n",
                json, rows);
        assertThat(json).containsEntry("P7", 0.6).containsEntry("P7_round_trips_per_login", 2.0)
                .containsEntry("P7_round_trips_per_validation", 2.0);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)[2]).contains("met").doesNotContain("NOT");

        Map<String, Object> none = new java.util.LinkedHashMap<>();
        java.util.List<String[]> missing = new java.util.ArrayList<>();
        Report.p7(Map.of(), null, none, missing);
        assertThat(none).isEmpty();
        assertThat(missing).hasSize(2).allSatisfy(x -> assertThat(x[1]).contains("not measured"));
    }

    @Test
    void sizes_hospitalAndEkyc_digitsBeatShcNumeric() {
        Sizes.Figures hospital = Sizes.of("P3", Sizes.hospitalJws());
        Sizes.Figures ekyc = Sizes.of("P4", Sizes.ekycJws());
        for (Sizes.Figures f : new Sizes.Figures[] {hospital, ekyc}) {
            assertThat(f.eid().characters()).isLessThan(f.shcNumeric().characters());
            assertThat(f.eid().version()).isBetween(1, 40).isLessThanOrEqualTo(f.shcNumeric().version());
            // the digits cost about 8.1 bits per container byte (2.43 digits of 3.33 bits); the container keeps
            // only the kid of the header, so fewer bits per signed byte, and fewer than base64url in SHC digits
            assertThat((double) f.eid().dataBits() / f.containerBytes()).isCloseTo(8.1, within(0.2));
            assertThat(f.containerBytes()).isLessThan(f.signedBytes());
            assertThat(f.bitsPerSignedByte(f.eid())).isLessThan(f.bitsPerSignedByte(f.shcNumeric()));
        }
        assertThat(ekyc.signedBytes()).isGreaterThan(hospital.signedBytes());
        assertThat(Sizes.numericBits(17)).isEqualTo(57);
        assertThat(Sizes.alphanumericBits(3)).isEqualTo(17);
    }

    @Test
    void replayMemory_fill_recordsDistinctIds() {
        // the JOL walk itself runs in eid-bench/run (attaching JOL's agent takes seconds)
        assertThat(ReplayMemory.fill(10_000).size()).isEqualTo(10_000);
    }

    @Test
    void trustStoreScale_measuresBothStoresInOneJvm_refusesTooFewRounds() {
        TrustStoreScale.Figures f = TrustStoreScale.measure(3, 20);
        assertThat(f.rounds()).isEqualTo(3);
        assertThat(f.small()).isPositive();
        assertThat(f.large()).isPositive();
        assertThat(f.medianRatio()).isBetween(f.minRatio(), f.maxRatio());
        assertThatThrownBy(() -> TrustStoreScale.measure(2, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void p9_eidPerCpuSecondOverOpensslProcessesPerCpuSecond() {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        // 600 openssl processes in 2.5 s user + 0.5 s system = 200 /s; eid 500 /s
        Report.p9(Map.of("ChipBenchmark.passiveAuthentication", 500.0), "600 2.5 0.5\n", json, rows);
        assertThat((double) json.get("P9")).isCloseTo(2.5, within(1e-9));
        assertThat(rows).hasSize(1);
        assertThatThrownBy(() -> Report.p9(Map.of(), "600 2.5 0.5", json, rows))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Report.p9(Map.of("ChipBenchmark.passiveAuthentication", 500.0), "600 0 0", json,
                rows)).isInstanceOf(IllegalArgumentException.class);
    }
}
