package io.github.eidvn.account.password;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.core.internal.LimitedBodySubscriber;

/**
 * {@link BreachedPasswordCheck} against the Have I Been Pwned "Pwned Passwords" k-anonymity range API: only the first
 * five hex characters of the password's SHA-1 leave the process ({@code GET {base}/range/{PREFIX}}, header
 * {@code Add-Padding: true} so the response size does not reveal the prefix either); the suffix is matched locally
 * against the {@code SUFFIX:COUNT} lines. Padding lines (count 0) never match.
 *
 * <p>Defaults: base URL {@value #DEFAULT_BASE_URL}, connect timeout 3 s, request timeout 5 s, responses over 2 MiB
 * refused. Any failure (timeout, I/O error, non-200 status, malformed line, oversized body) is
 * {@link BreachCheckResult.Unavailable}: the policy then reports {@link PasswordRule#CHECK_UNAVAILABLE}, failing
 * closed.
 *
 * <p><b>Security.</b> The prefix is a hash fragment of the password: send it only over HTTPS (the default). The check
 * is off unless a policy is given this client ({@link PasswordPolicy#withBreachedPasswordCheck}).
 */
public final class PwnedPasswordsClient implements BreachedPasswordCheck {

    /** The public API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.pwnedpasswords.com";

    private static final int MAX_BODY = 2 * 1024 * 1024;

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient http;

    private PwnedPasswordsClient(Builder b) {
        String url = b.baseUrl == null ? DEFAULT_BASE_URL : b.baseUrl;
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.base = URI.create(url);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("base URL must be http(s)");
        }
        this.requestTimeout = b.requestTimeout == null ? Duration.ofSeconds(5) : b.requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout == null ? Duration.ofSeconds(3) : b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BreachCheckResult check(CharSequence password) {
        Objects.requireNonNull(password, "password");
        String hex = sha1Hex(password);
        String prefix = hex.substring(0, 5);
        String suffix = hex.substring(5);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/range/" + prefix))
                .timeout(requestTimeout)
                .header("Add-Padding", "true")
                .header("User-Agent", "eid-java-account")
                .GET()
                .build();
        HttpResponse<byte[]> resp;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(req, info -> new LimitedBodySubscriber(MAX_BODY));
        try {
            resp = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new BreachCheckResult.Unavailable("timed out");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof java.net.http.HttpTimeoutException) {
                // the client's own request timeout (or its connect timeout) fired before ours: the same outcome
                return new BreachCheckResult.Unavailable("timed out");
            }
            return new BreachCheckResult.Unavailable("request failed: " + c.getClass().getSimpleName());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new BreachCheckResult.Unavailable("interrupted");
        }
        if (resp.statusCode() != 200) {
            return new BreachCheckResult.Unavailable("HTTP status " + resp.statusCode());
        }
        byte[] body = resp.body();
        return match(new String(body, StandardCharsets.US_ASCII), suffix);
    }

    static BreachCheckResult match(String body, String suffix) {
        long found = 0;
        int lines = 0;
        for (String raw : body.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            lines++;
            int colon = line.indexOf(':');
            if (colon != 35 || line.length() > 35 + 1 + 19) {
                return new BreachCheckResult.Unavailable("malformed response line");
            }
            String s = line.substring(0, 35);
            long count;
            try {
                count = Long.parseLong(line.substring(36));
            } catch (NumberFormatException e) {
                return new BreachCheckResult.Unavailable("malformed response line");
            }
            if (count < 0 || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return new BreachCheckResult.Unavailable("malformed response line");
            }
            if (s.equals(suffix) && count > 0) {
                found = count;
            }
        }
        if (lines == 0) {
            return new BreachCheckResult.Unavailable("empty response");
        }
        return found > 0 ? new BreachCheckResult.Found(found) : new BreachCheckResult.NotFound();
    }

    static String sha1Hex(CharSequence password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1")
                    .digest(password.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PwnedPasswordsClient[" + base + "]";
    }

    /** Configures a {@link PwnedPasswordsClient}; each option can be set once. */
    public static final class Builder {
        private String baseUrl;
        private Duration connectTimeout;
        private Duration requestTimeout;

        private Builder() {
        }

        /**
         * @param url the API base URL, e.g. a mirror or a test stub (default {@value #DEFAULT_BASE_URL})
         * @return this
         */
        public Builder baseUrl(String url) {
            Checks.once(baseUrl, "baseUrl");
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param d connect timeout (default 3 s)
         * @return this
         */
        public Builder connectTimeout(Duration d) {
            Checks.once(connectTimeout, "connectTimeout");
            this.connectTimeout = Checks.positive(d, "connectTimeout");
            return this;
        }

        /**
         * @param d whole-request timeout (default 5 s)
         * @return this
         */
        public Builder requestTimeout(Duration d) {
            Checks.once(requestTimeout, "requestTimeout");
            this.requestTimeout = Checks.positive(d, "requestTimeout");
            return this;
        }

        /** @return the client */
        public PwnedPasswordsClient build() {
            return new PwnedPasswordsClient(this);
        }
    }
}
