package io.github.eidvn.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process on a random loopback port, for tests: the system binary when one is on the
 * PATH (or named by {@code -Deid.redis.server=/path}), otherwise the Linux/macOS/Windows binary shipped inside the
 * {@code com.github.codemonstur:embedded-redis} test dependency, so the tests run on a machine with only Java and
 * Maven. {@code -Deid.redis.embedded=true} forces the shipped binary.
 *
 * <p>The server runs in the foreground of its own process with its data directory in a temporary folder; {@link #kill()}
 * sends SIGKILL (a crash, no shutdown save) and {@link #restart()} starts it again on the same port and directory, so
 * an append-only file written before the kill is replayed.
 */
final class RedisServerProcess implements AutoCloseable {

    /** Where the binary came from. */
    enum Source {
        SYSTEM, EMBEDDED
    }

    private final Path binary;
    private final Source source;
    private final Path dir;
    private final int port;
    private final List<String> extraArgs;
    private final boolean argsFirst;
    private volatile Process process;
    private boolean hookAdded;

    private RedisServerProcess(Path binary, Source source, Path dir, int port, List<String> extraArgs,
            boolean argsFirst) {
        this.argsFirst = argsFirst;
        this.binary = binary;
        this.source = source;
        this.dir = dir;
        this.port = port;
        this.extraArgs = extraArgs;
    }

    /**
     * Starts a server without persistence.
     *
     * @return the running server
     */
    static RedisServerProcess start() {
        return start(false, List.of("--save", "", "--appendonly", "no"));
    }

    /**
     * Starts a server with an append-only file fsynced on every write ({@code appendonly yes},
     * {@code appendfsync always}).
     *
     * @return the running server
     */
    static RedisServerProcess startDurable() {
        return start(false, List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always"));
    }

    /**
     * Starts a server.
     *
     * @param forceEmbedded use the binary from the embedded-redis artifact even when one is on the PATH
     * @param extraArgs further {@code redis-server} arguments
     * @return the running server
     */
    static RedisServerProcess start(boolean forceEmbedded, List<String> extraArgs) {
        return start(forceEmbedded, extraArgs, false);
    }

    /**
     * Starts a server.
     *
     * @param forceEmbedded use the binary from the embedded-redis artifact even when one is on the PATH
     * @param args {@code redis-server} arguments
     * @param argsFirst put {@code args} first (a config file must be the first argument, e.g. for {@code --sentinel})
     * @return the running server
     */
    static RedisServerProcess start(boolean forceEmbedded, List<String> args, boolean argsFirst) {
        Path bin;
        Source src;
        Path system = forceEmbedded || Boolean.getBoolean("eid.redis.embedded") ? null : systemBinary();
        if (system != null) {
            bin = system;
            src = Source.SYSTEM;
        } else {
            bin = embeddedBinary();
            src = Source.EMBEDDED;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Path dir = Files.createTempDirectory("eid-redis-test");
                RedisServerProcess r = new RedisServerProcess(bin, src, dir, freePort(), List.copyOf(args),
                        argsFirst);
                r.launch();
                return r;
            } catch (IOException e) {
                last = e; // port taken between probe and bind: try another
            }
        }
        throw new UncheckedIOException("redis-server did not start", last);
    }

    /** @return the redis-server on the PATH (or -Deid.redis.server), or null */
    static Path systemBinary() {
        String explicit = System.getProperty("eid.redis.server");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            for (String name : List.of("redis-server", "redis-server.exe")) {
                Path p = Path.of(d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** @return the binary shipped in the embedded-redis artifact, extracted to a temporary file */
    static Path embeddedBinary() {
        try {
            File f = redis.embedded.core.ExecutableProvider.newJarResourceProvider().get();
            if (!f.canExecute() && !f.setExecutable(true)) {
                throw new IOException("cannot make " + f + " executable");
            }
            return f.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on the PATH and the embedded one cannot be extracted", e);
        }
    }

    private static int freePort() throws IOException {
        while (true) {
            int p;
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("127.0.0.1", 0));
                p = s.getLocalPort();
            }
            // a cluster node also listens on port + 10000 (its bus): keep that free too
            if (p + 10000 <= 65535 && isFree(p + 10000)) {
                return p;
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        if (argsFirst) {
            cmd.addAll(extraArgs);
        }
        cmd.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--daemonize", "no", "--protected-mode", "yes"));
        if (!argsFirst) {
            cmd.addAll(extraArgs);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()));
        process = pb.start();
        if (!hookAdded) {
            hookAdded = true;
            // never leave a server behind, even when a test JVM ends without closing it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process p = this.process;
                if (p != null) {
                    p.destroyForcibly();
                }
            }, "redis-server-reaper"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + ": " + log());
            }
            if ("+PONG".equals(ping())) {
                return;
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IOException("redis-server not ready within 20 s: " + log());
    }

    /** @return the first reply line to PING, or null when the port does not answer */
    String ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                sb.append((char) c);
            }
            return sb.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the server's log so far */
    String log() {
        try {
            return Files.readString(dir.resolve("redis.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    Source source() {
        return source;
    }

    Path binary() {
        return binary;
    }

    Path dir() {
        return dir;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the server with SIGKILL (no shutdown, no final save) and waits until the process is gone. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port and data directory (replaying its append-only file). */
    void restart() {
        kill();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                launch();
                return;
            } catch (IOException e) {
                last = e; // the port can linger for a moment
                sleep(100);
            }
        }
        throw new UncheckedIOException("redis-server did not restart", last);
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // temporary folder: best effort
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "redis-server[" + source + " " + binary + ", port " + port + "]";
    }
}
