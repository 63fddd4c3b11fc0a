package io.github.eidvn.examples.desk;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.examples.Demo;
import io.github.eidvn.redis.RedisStateStore;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.ReplayGuard;
import io.github.eidvn.verifier.StateStoreReplayGuard;
import io.github.eidvn.verifier.hospital.HealthInsuranceLookup;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;
import io.github.eidvn.verifier.hospital.HttpInsuranceLookup;
import io.github.eidvn.verifier.hospital.SandboxInsuranceLookup;

/**
 * Starts the hospital reception desk ({@link DeskServer}).
 *
 * <pre>
 * java -cp eid-examples/target/eid-examples.jar io.github.eidvn.examples.desk.ReceptionDesk [options]
 *   --jwks ISS=FILE|URL  one issuer's public keys (JWKS file, or an https URL read and refreshed); repeatable;
 *                        each key verifies only codes whose iss is that issuer
 *   --jwks FILE|URL      (once, alone) the keys of one issuer, whatever its name; without any --jwks the desk
 *                        makes a SANDBOX issuer, trusts only it and offers sample codes on the page
 *   --facility CODE      this hospital's facility code, the audience the codes must name (default 79024)
 *   --purpose PURPOSE    the purpose the codes must name (default bhyt-checkin)
 *   --port N             (default 8080; 0 = any free port)
 *   --bind ADDRESS       (default 127.0.0.1: this computer only)
 *   --allowed-host NAME  another host name the desk answers to (repeatable)
 *   --threads N          decision workers (default 8)
 *   --redis URI          redis://HOST:PORT shared by every desk: a code accepted at one desk (or before a
 *                        restart) is refused everywhere; without it the replay memory is this process's.
 *                        With --lookup-url the lookup cache is shared there too (a patient scanned at two
 *                        desks is looked up once): every desk then needs the same secret, base64 of at least
 *                        32 random bytes, in the environment variable EID_LOOKUP_CACHE_KEY
 *   --lookup FILE.json   health-insurance lookup from a JSON file of cards (SANDBOX data)
 *   --lookup-url URL     health-insurance lookup over HTTP (HttpInsuranceLookup's contract; the Authorization
 *                        header value, if any, from the environment variable EID_LOOKUP_AUTHORIZATION)
 * </pre>
 * Without {@code --lookup} or {@code --lookup-url} the desk looks cards up in the SANDBOX issuer's made-up
 * citizens. Codes must be level 2; a code is accepted once.
 */
public final class ReceptionDesk {

    private ReceptionDesk() {
    }

    /** The parsed command line. */
    record Options(List<String> jwks, String facility, String purpose, int port, String bind, List<String> allowedHosts,
            int threads, String redis, String lookup, String lookupUrl) {
    }

    /** The environment variable holding the {@code Authorization} header value for {@code --lookup-url}. */
    static final String LOOKUP_AUTHORIZATION_ENV = "EID_LOOKUP_AUTHORIZATION";

    /**
     * The environment variable holding the secret of the lookup cache shared on {@code --redis} (base64 of at least
     * 32 random bytes, the same at every desk; see {@link HttpInsuranceLookup.Builder#sharedCache}).
     */
    static final String LOOKUP_CACHE_KEY_ENV = "EID_LOOKUP_CACHE_KEY";

    /**
     * Runs the desk until the process is stopped.
     *
     * @param args the options above
     * @throws Exception when the trust store cannot be loaded or the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("Lỗi / error: " + e.getMessage());
            out.println(USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            out.println(USAGE);
            return;
        }
        // limits of the JDK server, read when its classes load: slow or idle clients cannot hold threads for long
        defaultProperty("sun.net.httpserver.maxReqTime", "30");
        defaultProperty("sun.net.httpserver.maxRspTime", "30");
        defaultProperty("jdk.httpserver.maxConnections", "200");

        DeskServer desk;
        try {
            desk = start(o, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            out.println("Lỗi / error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            desk.close();
            stopped.countDown();
        }, "eid-desk-shutdown"));
        out.println("Quầy tiếp đón BHYT / hospital reception desk: " + desk.uri());
        if (desk.isSandbox()) {
            out.println("SANDBOX: tin cậy khóa của cơ quan cấp giả lập, có mã QR mẫu trên trang /"
                    + " trusts a made-up issuer only; sample codes on the page");
        }
        if (o.lookup() == null && o.lookupUrl() == null) {
            out.println("SANDBOX: tra cứu thẻ BHYT trong dữ liệu giả / health-insurance lookup in made-up data"
                    + " (--lookup FILE.json or --lookup-url URL for real data)");
        }
        out.println(o.redis() == null
                ? "Chống dùng lại mã: trong tiến trình này / replay memory: this process only (--redis to share)"
                : "Chống dùng lại mã: Redis dùng chung / replay memory: shared Redis");
        if (o.redis() != null && o.lookupUrl() != null) {
            out.println("Bộ nhớ tạm tra cứu BHYT: Redis dùng chung, khóa băm và mã hóa / health-insurance lookup cache:"
                    + " shared Redis, keyed-hash keys, encrypted entries");
        }
        out.println("Dừng: Ctrl+C / stop: Ctrl+C");
        stopped.await();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /**
     * Builds the verifier, the check and the server and starts it.
     *
     * @param o the options
     * @param clock the clock
     * @return the running server
     * @throws IOException when the JWKS cannot be read or the port cannot be bound
     * @throws InterruptedException when interrupted while fetching the JWKS
     */
    static DeskServer start(Options o, Clock clock) throws IOException, InterruptedException {
        return start(o, clock, System::getenv);
    }

    /**
     * {@link #start(Options, Clock)} with the environment given.
     *
     * @param o the options
     * @param clock the clock
     * @param env the environment variables ({@value #LOOKUP_AUTHORIZATION_ENV}, {@value #LOOKUP_CACHE_KEY_ENV})
     * @return the running server
     * @throws IOException when the JWKS cannot be read or the port cannot be bound
     * @throws InterruptedException when interrupted while fetching the JWKS
     * @throws IllegalArgumentException when {@code --redis} and {@code --lookup-url} are given without a valid
     *     {@value #LOOKUP_CACHE_KEY_ENV}
     */
    static DeskServer start(Options o, Clock clock, UnaryOperator<String> env)
            throws IOException, InterruptedException {
        byte[] cacheSecret = o.redis() != null && o.lookupUrl() != null ? cacheSecret(env.apply(LOOKUP_CACHE_KEY_ENV))
                : null;
        SampleCodes sandbox = SampleCodes.sandbox(clock, o.facility(), o.purpose());
        TrustStore trust = o.jwks().isEmpty() ? TrustStore.fromJwks(sandbox.issuerJwks())
                : TrustStore.fromJwksOptions(o.jwks()); // URLs: read, cached and refreshed by Nimbus
        HttpInsuranceLookup.Builder http = null;
        HealthInsuranceLookup lookup = null;
        if (o.lookup() != null) {
            lookup = SandboxInsuranceLookup.fromFile(Path.of(o.lookup()));
        } else if (o.lookupUrl() != null) {
            http = HttpInsuranceLookup.builder().baseUri(URI.create(o.lookupUrl()));
            String authorization = env.apply(LOOKUP_AUTHORIZATION_ENV);
            if (authorization != null && !authorization.isEmpty()) {
                http.credentials(() -> authorization);
            }
        } else {
            lookup = sandbox.insuranceLookup();
        }
        RedisStateStore store = o.redis() == null ? null
                : RedisStateStore.builder().uri(o.redis()).namespace("eid-desk").build();
        if (http != null) {
            if (store != null) {
                http.sharedCache(store, cacheSecret); // the answers of the gateway, shared by the desks
            }
            lookup = http.build();
        }
        DeskServer.Builder b = DeskServer.builder()
                .checkIn(checkIn(trust, o.facility(), o.purpose(), clock, lookup,
                        store == null ? null : StateStoreReplayGuard.over(store)))
                .facility(o.facility()).clock(clock)
                .address(new InetSocketAddress(InetAddress.getByName(o.bind()), o.port())).threads(o.threads());
        o.allowedHosts().forEach(b::allowedHost);
        if (o.jwks().isEmpty()) {
            b.samples(sandbox);
        }
        if (store != null) {
            b.closeWith(store);
        }
        try {
            return b.start();
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /**
     * The check the desk runs: codes signed by a trusted key, for this facility and purpose, at level 2, once each
     * (in the shared store when there is one); chip ID card QR codes looked up in the health-insurance lookup.
     *
     * @param trust the trusted issuer keys
     * @param facility the facility code (expected audience)
     * @param purpose the expected purpose
     * @param clock the clock
     * @param lookup the health-insurance lookup
     * @param sharedReplay the replay guard over a shared store, or null for this process's memory
     * @return the check
     */
    static HospitalCheckIn checkIn(TrustStore trust, String facility, String purpose, Clock clock,
            HealthInsuranceLookup lookup, ReplayGuard sharedReplay) {
        AssertionVerifier.Builder verifier = AssertionVerifier.builder().trustStore(trust).clock(clock)
                .expectedAudience(facility).expectedPurpose(purpose).requiredLevel(AssuranceLevel.LEVEL_2);
        if (sharedReplay != null) {
            verifier.replayGuard(sharedReplay);
        }
        return HospitalCheckIn.builder().verifier(verifier.build()).clock(clock).facility(facility).lookup(lookup)
                .build();
    }

    /** The shared lookup cache's secret from the environment variable's value (base64, at least 32 bytes). */
    static byte[] cacheSecret(String base64) {
        String how = LOOKUP_CACHE_KEY_ENV + " (base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`, the"
                + " same at every desk)";
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("--redis với --lookup-url cần / --redis with --lookup-url needs " + how);
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LOOKUP_CACHE_KEY_ENV + " không phải base64 / is not base64: " + how,
                    e);
        }
        if (secret.length < 32) {
            throw new IllegalArgumentException(LOOKUP_CACHE_KEY_ENV + " quá ngắn / is too short: " + how);
        }
        return secret;
    }

    /** The options, or null for {@code --help}. */
    static Options parse(String[] args) {
        List<String> jwks = new ArrayList<>();
        String facility = null;
        String purpose = null;
        Integer port = null;
        String bind = null;
        Integer threads = null;
        String redis = null;
        String lookup = null;
        String lookupUrl = null;
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--jwks":
                    jwks.add(v);
                    break;
                case "--facility":
                    facility = once(facility, a, v);
                    break;
                case "--purpose":
                    purpose = once(purpose, a, v);
                    break;
                case "--bind":
                    bind = once(bind, a, v);
                    break;
                case "--allowed-host":
                    hosts.add(v);
                    break;
                case "--port":
                    port = number(port, a, v, 0, 65535);
                    break;
                case "--threads":
                    threads = number(threads, a, v, 1, 64);
                    break;
                case "--redis":
                    if (!v.startsWith("redis://") && !v.startsWith("rediss://")) {
                        throw new IllegalArgumentException("--redis must be redis://HOST:PORT (or rediss://)");
                    }
                    redis = once(redis, a, v);
                    break;
                case "--lookup":
                    lookup = once(lookup, a, v);
                    break;
                case "--lookup-url":
                    lookupUrl = once(lookupUrl, a, v);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (lookup != null && lookupUrl != null) {
            throw new IllegalArgumentException("--lookup and --lookup-url exclude each other");
        }
        if (facility != null && !facility.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("--facility is 1 to 16 ASCII letters and digits");
        }
        return new Options(List.copyOf(jwks), facility == null ? Demo.FACILITY : facility, purpose == null ? Demo.PURPOSE : purpose,
                port == null ? 8080 : port, bind == null ? "127.0.0.1" : bind, List.copyOf(hosts),
                threads == null ? DeskServer.DEFAULT_THREADS : threads, redis, lookup, lookupUrl);
    }

    private static String once(String current, String name, String value) {
        if (current != null) {
            throw new IllegalArgumentException(name + " given twice");
        }
        return value;
    }

    private static Integer number(Integer current, String name, String value, int min, int max) {
        if (current != null) {
            throw new IllegalArgumentException(name + " given twice");
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number", e);
        }
    }

    static final String USAGE = String.join(System.lineSeparator(),
            "Quầy tiếp đón BHYT / hospital reception desk",
            "java -cp eid-examples/target/eid-examples.jar io.github.eidvn.examples.desk.ReceptionDesk [options]",
            "  --jwks ISS=FILE|URL  khóa công khai của một cơ quan cấp / one issuer's keys (JWKS; repeatable)",
            "  --jwks FILE|URL      một cơ quan cấp, tên gì cũng được / one issuer, any name (without --jwks: SANDBOX)",
            "  --facility CODE      mã cơ sở KCB / facility code, the codes' audience (default " + Demo.FACILITY
                    + ")",
            "  --purpose PURPOSE    mục đích / purpose (default " + Demo.PURPOSE + ")",
            "  --port N             (default 8080; 0 = any free port)",
            "  --bind ADDRESS       (default 127.0.0.1)",
            "  --allowed-host NAME  tên máy chủ khác / another host name (repeatable)",
            "  --threads N          (default " + DeskServer.DEFAULT_THREADS + ")",
            "  --redis URI          redis://HOST:PORT dùng chung chống dùng lại mã / shared replay memory"
                    + " (with --lookup-url also the lookup cache: needs " + LOOKUP_CACHE_KEY_ENV + ")",
            "  --lookup FILE.json   tra cứu thẻ BHYT từ tệp / health-insurance lookup from a file of cards",
            "  --lookup-url URL     tra cứu thẻ BHYT qua HTTP / over HTTP (Authorization from "
                    + LOOKUP_AUTHORIZATION_ENV + ")",
            "  (không có --lookup*: dữ liệu giả SANDBOX / without --lookup*: SANDBOX made-up cards)");
}
