package io.github.eidvn.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.examples.desk.DeskServer;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.InMemoryReplayGuard;
import io.github.eidvn.verifier.ReplayGuard;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/**
 * P10: the reception desk ({@link DeskServer}, the HTTP server of {@code eid-examples}) answering
 * {@code POST /api/check} with a scanned QR text, 16 clients at once over loopback keep-alive connections (16 JMH
 * threads, one connection each; 16 is also the desk's default cap per client address). The check behind it is P1's:
 * the same issuer, hospital presentation, 10-key trust store, audience, purpose, level and in-memory replay guard, so
 * P10 ÷ P1 is what the HTTP layer, the body deadline, the worker hand-off and the concurrency cost on top of
 * verification.
 *
 * <p>Sample-time mode: JMH times each request (p99 from its histogram) and counts them all, so
 * {@link CpuTimeProfiler} gives requests per CPU-second of the JVM, which runs the desk and the 16 clients (the
 * clients write a prepared request and read one answer: a small share of the CPU, counted against the desk).
 *
 * <p>Each request carries a different signed code (a pool of {@link #pool} distinct {@code jti}s); when the pool
 * wraps, the replay guard is replaced by a fresh one, as {@link VerifyBenchmark} does, so every check records a first
 * use. An answer that is not HTTP 200 with {@code "decision":"VALID"} is counted; more than 1 % of them fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(DeskBenchmark.CLIENTS)
public class DeskBenchmark {

    /** Concurrent clients. */
    public static final int CLIENTS = 16;

    /** Distinct codes in the pool (a smoke test may lower it). */
    int pool = 16_384;

    byte[][] requests;
    DeskServer desk;
    final SwappableGuard guard = new SwappableGuard();
    final AtomicInteger next = new AtomicInteger();
    final AtomicLong answers = new AtomicLong();
    final AtomicLong notValid = new AtomicLong();

    /** The replay guard of the desk's verifier, replaced by a fresh one when the code pool wraps. */
    static final class SwappableGuard implements ReplayGuard {
        volatile ReplayGuard current = fresh();

        static ReplayGuard fresh() {
            return InMemoryReplayGuard.withCapacity(InMemoryReplayGuard.DEFAULT_MAX_ENTRIES);
        }

        @Override
        public Outcome checkAndRecord(String key, Instant retainUntil, Instant now) {
            return current.checkAndRecord(key, retainUntil, now);
        }
    }

    /**
     * Issues the pool and starts the desk on a free loopback port.
     *
     * @throws IOException when the desk cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        KeyRing ring = KeyRing.generate();
        AssertionIssuer issuer = BenchFixtures.issuer(ring);
        TrustStore store = TrustStore.fromJwks(BenchFixtures.jwksWith(10, ring.current()));
        AssertionVerifier verifier = AssertionVerifier.builder().trustStore(store).clock(BenchFixtures.clock())
                .expectedAudience(BenchFixtures.HOSPITAL).expectedPurpose(BenchFixtures.PURPOSE)
                .requiredLevel(io.github.eidvn.core.assurance.AssuranceLevel.LEVEL_2).replayGuard(guard).build();
        HospitalCheckIn checkIn = HospitalCheckIn.builder().verifier(verifier).clock(BenchFixtures.clock())
                .facility(BenchFixtures.HOSPITAL).build();
        desk = DeskServer.builder().checkIn(checkIn).facility(BenchFixtures.HOSPITAL).clock(BenchFixtures.clock())
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
        String host = "127.0.0.1:" + desk.uri().getPort();
        requests = new byte[pool][];
        for (int i = 0; i < pool; i++) {
            byte[] body = SignedQrText.encode(issuer.issueForQr(BenchFixtures.hospitalRequest()))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/check HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: text/plain; charset=utf-8"
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] r = new byte[head.length + body.length];
            System.arraycopy(head, 0, r, 0, head.length);
            System.arraycopy(body, 0, r, head.length, body.length);
            requests[i] = r;
        }
    }

    /**
     * Stops the desk; fails the run when more than 1 % of the answers were not VALID.
     */
    @TearDown(Level.Trial)
    public void stop() {
        desk.close();
        long n = answers.get();
        long bad = notValid.get();
        if (n > 0 && bad * 100 > n) {
            throw new IllegalStateException(bad + " of " + n + " desk answers were not VALID");
        }
    }

    /** One client: a keep-alive connection to the desk. */
    @State(Scope.Thread)
    public static class Client {
        Socket socket;
        OutputStream out;
        InputStream in;
        final byte[] buffer = new byte[16 * 1024];

        /**
         * Connects.
         *
         * @param b the benchmark
         * @throws IOException when the desk cannot be reached
         */
        @Setup(Level.Trial)
        public void connect(DeskBenchmark b) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), b.desk.uri().getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), buffer.length);
        }

        /**
         * Disconnects.
         *
         * @throws IOException when closing fails
         */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close();
        }

        /** Sends one request and reads the answer: its status when it is a VALID decision, else -status. */
        int exchange(byte[] request, DeskBenchmark b) throws IOException {
            out.write(request);
            out.flush();
            int length = 0;
            int contentLength = -1;
            boolean close = false;
            int status = 0;
            // the head, line by line
            while (true) {
                String line = readLine();
                if (line == null) {
                    throw new IOException("desk closed the connection");
                }
                if (status == 0) {
                    status = Integer.parseInt(line.substring(9, 12));
                    continue;
                }
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Integer.parseInt(line.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = line.substring(colon + 1).trim().equalsIgnoreCase("close");
                }
            }
            if (contentLength < 0 || contentLength > buffer.length) {
                throw new IOException("unexpected answer length " + contentLength);
            }
            while (length < contentLength) {
                int n = in.read(buffer, length, contentLength - length);
                if (n < 0) {
                    throw new IOException("answer cut short");
                }
                length += n;
            }
            if (close) {
                socket.close();
                connect(b);
            }
            boolean valid = status == 200 && new String(buffer, 0, length, StandardCharsets.UTF_8)
                    .contains("\"decision\":\"VALID\"");
            return valid ? status : -status;
        }

        private final StringBuilder line = new StringBuilder();

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return null;
        }
    }

    /**
     * One {@code POST /api/check} with a fresh code, from one of the 16 clients.
     *
     * @param client this thread's connection
     * @return the HTTP status (negative when the answer was not a VALID decision)
     * @throws IOException when the connection fails
     */
    @Benchmark
    public int postCheckText(Client client) throws IOException {
        int i = next.getAndIncrement() % pool;
        if (i == 0) {
            guard.current = SwappableGuard.fresh();
        }
        int status = client.exchange(requests[i], this);
        answers.incrementAndGet();
        if (status < 0) {
            notValid.incrementAndGet();
        }
        return status;
    }
}
