package io.github.eidvn.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.github.eidvn.examples.desk.SampleCodes.Kind;

/**
 * Clients that send their body a byte at a time: they must not hold up real checks, they get 408 past the read
 * deadline, and one address cannot hold more than its share of the connection threads.
 */
class DeskSlowClientTest {

    private static final int SLOW = 12;

    /** A connection that sent its headers and one byte of a 1,000-byte text body. */
    private static Socket slowBody(DeskFixture desk) throws IOException {
        InetSocketAddress a = desk.server.address();
        Socket s = new Socket(a.getAddress(), a.getPort());
        s.setSoTimeout(15_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 1000\r\n\r\n8").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private static HttpResponse<String> timedCheck(DeskFixture desk, String text, Duration within) {
        return desk.send(HttpRequest.newBuilder(desk.uri("/api/check")).timeout(within)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    @Test
    void twelveSlowBodies_realCheckAnsweredWithinOneSecond_slowOnes408_perAddressCap429() throws Exception {
        try (DeskFixture desk = DeskFixture.sandbox(b -> b.readDeadlines(Duration.ofSeconds(2),
                Duration.ofSeconds(2)).maxPerAddress(SLOW + 2))) {
            assertThat(desk.json(desk.check(desk.samples.issue(Kind.VALID).text())).get("decision").asText())
                    .isEqualTo("VALID"); // warm up
            List<Socket> slow = new ArrayList<>();
            AtomicBoolean trickling = new AtomicBoolean(true);
            Thread trickle = new Thread(() -> {
                while (trickling.get()) {
                    synchronized (slow) {
                        for (Socket s : slow) {
                            try {
                                s.getOutputStream().write('9');
                                s.getOutputStream().flush();
                            } catch (IOException answeredAndClosed) {
                                // the desk answered 408 and closed: nothing more to send
                            }
                        }
                    }
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "slow-client");
            try {
                synchronized (slow) {
                    for (int i = 0; i < SLOW; i++) {
                        slow.add(slowBody(desk));
                    }
                }
                trickle.start();
                Thread.sleep(300);

                // a real check is answered at once (the limit is the issue's 1 s; it takes milliseconds)
                long start = System.nanoTime();
                HttpResponse<String> real = timedCheck(desk, desk.samples.issue(Kind.VALID).text(),
                        Duration.ofSeconds(1));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                assertThat(real.statusCode()).isEqualTo(200);
                assertThat(desk.json(real).get("decision").asText()).isEqualTo("VALID");

                // two more from the same address fill its share; the next request is refused at once
                synchronized (slow) {
                    slow.add(slowBody(desk));
                    slow.add(slowBody(desk));
                }
                Thread.sleep(300);
                HttpResponse<String> capped = timedCheck(desk, "8419", Duration.ofSeconds(5));
                assertThat(capped.statusCode()).isEqualTo(429);
                assertThat(desk.json(capped).get("reason").asText()).isEqualTo("CHECK_UNAVAILABLE");

                // past the 2 s read deadline every slow body gets 408 with a JSON decision
                List<Socket> all;
                synchronized (slow) {
                    all = List.copyOf(slow);
                }
                for (Socket s : all) {
                    assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 408");
                }
            } finally {
                trickling.set(false);
                trickle.interrupt();
                trickle.join();
                synchronized (slow) {
                    for (Socket s : slow) {
                        s.close();
                    }
                }
            }
            // the slow clients are gone: checks are answered again, nothing is left counted against the address
            Thread.sleep(200);
            assertThat(timedCheck(desk, "8419", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        return sb.toString();
    }
}
