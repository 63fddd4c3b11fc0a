package io.github.eidvn.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.device.DevicePublicKey;
import io.github.eidvn.account.device.LoginRequest;
import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.NewDeviceNotice;
import io.github.eidvn.account.device.SessionValidation;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.redis.RedisStateStore;

/**
 * P7_round_trips_per_login: counts the Redis commands (a script counts one) that a password login from the bound
 * device and a session validation send, as the Lettuce client sees them leave ({@link RedisStateStore#commandsSent}),
 * over {@value #ROUNDS} of each on a fresh account. Prints {@code login <n>} and {@code validate <n>} lines.
 *
 * <p>Usage: {@code LoginRoundTrips redis://127.0.0.1:6379}
 */
public final class LoginRoundTrips {

    static final int ROUNDS = 1000;

    private LoginRoundTrips() {
    }

    /**
     * Runs the count.
     *
     * @param args the Redis URI
     * @throws GeneralSecurityException never (P-256 is always available)
     */
    public static void main(String[] args) throws GeneralSecurityException {
        try (RedisStateStore store = RedisStateStore.builder().uri(args[0]).namespace("bench-rt").build()) {
            System.out.print(format(count(store)));
        }
    }

    /**
     * @param store the Redis store
     * @return commands per login and per validation
     * @throws GeneralSecurityException never
     */
    static Map<String, Double> count(RedisStateStore store) throws GeneralSecurityException {
        PasswordHasher hasher = PasswordHasher.builder().memoryKiB(8).iterations(1).parallelism(1).build();
        DeviceNotifier notifier = new DeviceNotifier() {
            @Override
            public void sendNewDeviceCode(NewDeviceNotice notice) {
                throw new IllegalStateException("only the bound device logs in");
            }
        };
        AccountLogin login = AccountLogin.builder(store).notifier(notifier)
                .serverKey("bench-server-key-bench-server-key".getBytes(StandardCharsets.US_ASCII)).hasher(hasher)
                .audit(SecurityAudit.of(Clock.systemUTC(), e -> { })).build();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        String pn = String.format(Locale.ROOT, "09%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        LoginRequest request = LoginRequest.builder(AccountId.of(pn)).password(DeviceBenchmark.PASSWORD)
                .storedPasswordHash(hasher.hash(DeviceBenchmark.PASSWORD)).deviceId("rt-device-" + pn)
                .devicePublicKey(DevicePublicKey.of((ECPublicKey) g.generateKeyPair().getPublic()))
                .source("10.3.0.9").build();
        LoginResult bound = login.passwordLogin(request); // binds the device: not counted
        if (!(bound instanceof LoginResult.LoggedIn first)) {
            throw new IllegalStateException("first login refused: " + bound);
        }
        long before = store.commandsSent();
        for (int i = 0; i < ROUNDS; i++) {
            if (!(login.passwordLogin(request) instanceof LoginResult.LoggedIn)) {
                throw new IllegalStateException("login refused");
            }
        }
        long logins = store.commandsSent() - before;
        before = store.commandsSent();
        for (int i = 0; i < ROUNDS; i++) {
            if (!(login.validateSession(first.token().value()) instanceof SessionValidation.Valid)) {
                throw new IllegalStateException("session invalid");
            }
        }
        long validations = store.commandsSent() - before;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("login", (double) logins / ROUNDS);
        out.put("validate", (double) validations / ROUNDS);
        return out;
    }

    /**
     * @param counts what {@link #count} measured
     * @return one {@code name value} line each
     */
    static String format(Map<String, Double> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(k).append(' ').append(String.format(Locale.ROOT, "%.3f", v)).append('\n'));
        return sb.toString();
    }

    /**
     * @param text what {@link #main} printed
     * @return the counts by name (lines that do not parse are left out)
     */
    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                try {
                    out.put(f[0], Double.parseDouble(f[1]));
                } catch (NumberFormatException e) {
                    // not a count
                }
            }
        }
        return out;
    }
}
