package io.github.eidvn.account.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.internal.Checks;

/**
 * Argon2id password hashing (RFC 9106, through Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 without padding), the format of the
 * reference {@code argon2} tool, libsodium and most frameworks.
 *
 * <p>Defaults: m = 19456 KiB, t = 2, p = 1, 16-byte salt, 32-byte hash (the OWASP minimum for Argon2id). Passwords
 * are normalized to Unicode NFKC and encoded in UTF-8 before hashing (NIST SP 800-63B), so the same password typed
 * with composed or decomposed Vietnamese diacritics verifies.
 *
 * <p><b>Security.</b> Verification compares in constant time ({@link MessageDigest#isEqual}). Parameters read from a
 * stored string are bounded (default m &le; 65536 KiB, t &le; 10, p &le; 8, salt 8..64 bytes, hash 16..64 bytes) so
 * a tampered database row cannot make one verification consume unbounded memory or time; out-of-bounds strings are
 * {@link PasswordVerification.Unusable}, never computed. {@link #needsRehash} tells when a stored hash uses other
 * parameters than the current ones. Passwords never appear in exceptions or {@code toString}.
 */
public final class PasswordHasher {

    /** Default memory, KiB. */
    public static final int DEFAULT_MEMORY_KIB = 19456;
    /** Default passes. */
    public static final int DEFAULT_ITERATIONS = 2;
    /** Default lanes. */
    public static final int DEFAULT_PARALLELISM = 1;
    /** Longest password accepted for hashing, in characters. */
    public static final int MAX_PASSWORD_CHARS = 4096;

    private static final int MAX_PHC_LENGTH = 512;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final int saltLength;
    private final int hashLength;
    private final int maxMemoryKiB;
    private final int maxIterations;
    private final int maxParallelism;
    private final SecureRandom random;

    private PasswordHasher(Builder b) {
        this.memoryKiB = b.memoryKiB == null ? DEFAULT_MEMORY_KIB : b.memoryKiB;
        this.iterations = b.iterations == null ? DEFAULT_ITERATIONS : b.iterations;
        this.parallelism = b.parallelism == null ? DEFAULT_PARALLELISM : b.parallelism;
        this.saltLength = b.saltLength == null ? 16 : b.saltLength;
        this.hashLength = b.hashLength == null ? 32 : b.hashLength;
        this.maxMemoryKiB = b.maxMemoryKiB == null ? Math.max(65536, memoryKiB) : b.maxMemoryKiB;
        this.maxIterations = b.maxIterations == null ? Math.max(10, iterations) : b.maxIterations;
        this.maxParallelism = b.maxParallelism == null ? Math.max(8, parallelism) : b.maxParallelism;
        this.random = b.random == null ? new SecureRandom() : b.random;
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalStateException("memoryKiB must be at least 8 * parallelism");
        }
        if (memoryKiB > maxMemoryKiB || iterations > maxIterations || parallelism > maxParallelism) {
            throw new IllegalStateException("the hashing parameters exceed the verification bounds");
        }
    }

    /**
     * The default hasher (m = 19456 KiB, t = 2, p = 1).
     *
     * @return the hasher
     */
    public static PasswordHasher argon2id() {
        return new Builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the password (NFKC-normalized here), at most {@value #MAX_PASSWORD_CHARS} characters
     * @return the PHC string
     * @throws IllegalArgumentException when the password is longer than the limit
     */
    public String hash(CharSequence password) {
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);
        return hashWithSalt(password, salt);
    }

    /** Hashes with a given salt (tests and the reference-tool oracle). */
    String hashWithSalt(CharSequence password, byte[] salt) {
        Objects.requireNonNull(password, "password");
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_CHARS + " characters");
        }
        byte[] pw = encode(password);
        try {
            byte[] tag = Argon2idFunction.derive(pw, salt, null, null, memoryKiB, iterations, parallelism,
                    hashLength);
            return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                    + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /**
     * Verifies a password against a stored PHC string.
     *
     * @param password the candidate password
     * @param phc the stored string (may be null or garbage: that is {@link PasswordVerification.Unusable})
     * @return match (with the rehash hint), mismatch, or unusable
     */
    public PasswordVerification verify(CharSequence password, String phc) {
        Objects.requireNonNull(password, "password");
        Parsed p;
        try {
            p = parse(phc);
        } catch (UnusableException e) {
            return new PasswordVerification.Unusable(e.reason, e.getMessage());
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            return new PasswordVerification.Mismatch();
        }
        byte[] pw = encode(password);
        try {
            byte[] tag = Argon2idFunction.derive(pw, p.salt, null, null, p.m, p.t, p.p, p.hash.length);
            if (MessageDigest.isEqual(tag, p.hash)) {
                return new PasswordVerification.Match(needsRehash(p));
            }
            return new PasswordVerification.Mismatch();
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /**
     * Whether a stored string should be replaced by a new hash with the current parameters (also true for unusable
     * strings).
     *
     * @param phc the stored string
     * @return true when a rehash is due
     */
    public boolean needsRehash(String phc) {
        try {
            return needsRehash(parse(phc));
        } catch (UnusableException e) {
            return true;
        }
    }

    /**
     * Checks a stored string's format and bounds without computing anything.
     *
     * @param phc the stored string
     * @return empty when usable by {@link #verify}, else why not
     */
    public Optional<PasswordVerification.Unusable> checkFormat(String phc) {
        try {
            parse(phc);
            return Optional.empty();
        } catch (UnusableException e) {
            return Optional.of(new PasswordVerification.Unusable(e.reason, e.getMessage()));
        }
    }

    /** @return m, KiB */
    public int memoryKiB() {
        return memoryKiB;
    }

    /** @return t */
    public int iterations() {
        return iterations;
    }

    /** @return p */
    public int parallelism() {
        return parallelism;
    }

    private boolean needsRehash(Parsed p) {
        return p.m != memoryKiB || p.t != iterations || p.p != parallelism || p.hash.length != hashLength
                || p.salt.length < saltLength;
    }

    static byte[] encode(CharSequence password) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(normalized));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    private record Parsed(int m, int t, int p, byte[] salt, byte[] hash) {
    }

    private static final class UnusableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient PasswordVerification.Reason reason;

        UnusableException(PasswordVerification.Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    private Parsed parse(String phc) throws UnusableException {
        if (phc == null || phc.isEmpty() || phc.length() > MAX_PHC_LENGTH) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "empty or oversized hash string");
        }
        String[] parts = phc.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty()) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "not a PHC string");
        }
        if (!parts[1].equals("argon2id")) {
            throw new UnusableException(PasswordVerification.Reason.UNSUPPORTED, "algorithm is not argon2id");
        }
        if (!parts[2].equals("v=19")) {
            throw new UnusableException(PasswordVerification.Reason.UNSUPPORTED, "Argon2 version is not 19");
        }
        String[] params = parts[3].split(",", -1);
        if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=")
                || !params[2].startsWith("p=")) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "parameters are not m=,t=,p=");
        }
        long m = number(params[0].substring(2));
        long t = number(params[1].substring(2));
        long p = number(params[2].substring(2));
        byte[] salt = b64(parts[4]);
        byte[] hash = b64(parts[5]);
        if (p < 1 || p > maxParallelism || t < 1 || t > maxIterations || m < 8 * p || m > maxMemoryKiB
                || salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
            throw new UnusableException(PasswordVerification.Reason.PARAMETERS_OUT_OF_BOUNDS,
                    "parameters outside the accepted bounds");
        }
        return new Parsed((int) m, (int) t, (int) p, salt, hash);
    }

    private static long number(String s) throws UnusableException {
        if (s.isEmpty() || s.length() > 10 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "bad number");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new UnusableException(PasswordVerification.Reason.MALFORMED, "bad number");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static byte[] b64(String s) throws UnusableException {
        if (s.isEmpty() || s.indexOf('=') >= 0) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "bad Base64 field");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                throw new UnusableException(PasswordVerification.Reason.MALFORMED, "bad Base64 field");
            }
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new UnusableException(PasswordVerification.Reason.MALFORMED, "bad Base64 field");
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "]";
    }

    /** Configures a {@link PasswordHasher}; each option can be set once. */
    public static final class Builder {
        private Integer memoryKiB;
        private Integer iterations;
        private Integer parallelism;
        private Integer saltLength;
        private Integer hashLength;
        private Integer maxMemoryKiB;
        private Integer maxIterations;
        private Integer maxParallelism;
        private SecureRandom random;

        private Builder() {
        }

        /**
         * @param kib memory m in KiB, 8..4194304 (default 19456)
         * @return this
         */
        public Builder memoryKiB(int kib) {
            Checks.once(memoryKiB, "memoryKiB");
            this.memoryKiB = range(kib, 8, 4 * 1024 * 1024, "memoryKiB");
            return this;
        }

        /**
         * @param t passes, 1..100 (default 2)
         * @return this
         */
        public Builder iterations(int t) {
            Checks.once(iterations, "iterations");
            this.iterations = range(t, 1, 100, "iterations");
            return this;
        }

        /**
         * @param p lanes, 1..64 (default 1; Bouncy Castle computes lanes sequentially)
         * @return this
         */
        public Builder parallelism(int p) {
            Checks.once(parallelism, "parallelism");
            this.parallelism = range(p, 1, 64, "parallelism");
            return this;
        }

        /**
         * @param bytes salt length, 16..64 (default 16)
         * @return this
         */
        public Builder saltLength(int bytes) {
            Checks.once(saltLength, "saltLength");
            this.saltLength = range(bytes, 16, 64, "saltLength");
            return this;
        }

        /**
         * @param bytes hash length, 16..64 (default 32)
         * @return this
         */
        public Builder hashLength(int bytes) {
            Checks.once(hashLength, "hashLength");
            this.hashLength = range(bytes, 16, 64, "hashLength");
            return this;
        }

        /**
         * @param kib largest m accepted from a stored string (default max(65536, m))
         * @return this
         */
        public Builder maxMemoryKiB(int kib) {
            Checks.once(maxMemoryKiB, "maxMemoryKiB");
            this.maxMemoryKiB = range(kib, 8, 4 * 1024 * 1024, "maxMemoryKiB");
            return this;
        }

        /**
         * @param t largest t accepted from a stored string (default max(10, t))
         * @return this
         */
        public Builder maxIterations(int t) {
            Checks.once(maxIterations, "maxIterations");
            this.maxIterations = range(t, 1, 100, "maxIterations");
            return this;
        }

        /**
         * @param p largest p accepted from a stored string (default max(8, p))
         * @return this
         */
        public Builder maxParallelism(int p) {
            Checks.once(maxParallelism, "maxParallelism");
            this.maxParallelism = range(p, 1, 64, "maxParallelism");
            return this;
        }

        /**
         * @param random the salt source (default a new {@link SecureRandom})
         * @return this
         */
        public Builder random(SecureRandom random) {
            Checks.once(this.random, "random");
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @return the hasher */
        public PasswordHasher build() {
            return new PasswordHasher(this);
        }

        private static int range(int v, int lo, int hi, String name) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be " + lo + ".." + hi);
            }
            return v;
        }
    }
}
