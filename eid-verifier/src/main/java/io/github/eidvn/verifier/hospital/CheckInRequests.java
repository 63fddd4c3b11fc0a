package io.github.eidvn.verifier.hospital;

import static io.github.eidvn.core.internal.Once.once;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.verifier.Reason;

/**
 * The check-in as a service takes it: an uploaded body (scanner text or a PNG/JPEG photo) with its declared type to
 * a {@link CheckInDecision}, with the size and type checks, an image decode budget and a bound on how many images
 * are decoded at once. A web endpoint (the desk in {@code eid-examples}) keeps only routing and HTTP hardening.
 *
 * <pre>{@code
 * CheckInRequests requests = CheckInRequests.builder().checkIn(checkIn).build();
 * Optional<CheckInRequests.Input> input = CheckInRequests.Input.ofContentType(contentType);  // empty: 415
 * byte[] body = readAtMost(input.get().maxBytes());                                      // over: 413
 * CheckInRequests.Answer a = requests.check(input.get(), body);   // a.result(): DECIDED, TOO_LARGE or BUSY
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * <p><b>Security.</b> Bodies are untrusted: text must be UTF-8 of at most {@value #MAX_TEXT_CHARS} characters; an
 * image's first bytes must match its declared type; the pixels an image would decode to are estimated from its
 * header (width × height × channels × bit depth) and an image over {@value #DECODE_BUDGET_BYTES} bytes of raster is
 * refused before decoding, so a small file cannot expand into gigabytes (a 16-bit RGBA PNG is refused above about
 * 6 megapixels, an 8-bit RGB photo above about 16); at most {@code maxParallelImages} images are decoded at once,
 * others wait a bounded time and then get {@link Result#BUSY}.
 */
public final class CheckInRequests {

    /** The longest scanned text accepted, in characters (as {@link SignedQrText#MAX_TEXT_LENGTH}). */
    public static final int MAX_TEXT_CHARS = SignedQrText.MAX_TEXT_LENGTH;
    /** The largest text body, in bytes (four UTF-8 bytes per character at most). */
    public static final int MAX_TEXT_BYTES = MAX_TEXT_CHARS * 4;
    /** The largest image accepted, in bytes (5 MiB). */
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    /** The largest decoded raster accepted, in bytes (48 MiB), estimated from the image header. */
    public static final long DECODE_BUDGET_BYTES = 48L * 1024 * 1024;
    /** How many images are decoded at once by default. */
    public static final int DEFAULT_PARALLEL_IMAGES = 2;
    /** How long an image waits for a decoding slot by default. */
    public static final Duration DEFAULT_IMAGE_WAIT = Duration.ofSeconds(10);

    /** What a body holds, from its declared content type. */
    public enum Input {
        /** Scanner text, UTF-8. */
        TEXT(MAX_TEXT_BYTES),
        /** A PNG photo or screenshot. */
        PNG(MAX_IMAGE_BYTES),
        /** A JPEG photo. */
        JPEG(MAX_IMAGE_BYTES);

        private final int maxBytes;

        Input(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** @return the largest body of this input, in bytes */
        public int maxBytes() {
            return maxBytes;
        }

        /**
         * The input a {@code Content-Type} declares: {@code text/plain} (UTF-8 or US-ASCII charset, or none),
         * {@code image/png}, {@code image/jpeg}; case and parameters as HTTP allows.
         *
         * @param contentType the header value, may be null
         * @return the input, or empty for anything else (a 415 answer)
         */
        public static Optional<Input> ofContentType(String contentType) {
            if (contentType == null) {
                return Optional.empty();
            }
            String[] parts = contentType.split(";", -1); // -1: ";" alone gives ["", ""], never an empty array
            String media = parts[0].trim().toLowerCase(Locale.ROOT);
            switch (media) {
                case "text/plain":
                    for (int i = 1; i < parts.length; i++) {
                        String p = parts[i].trim();
                        int eq = p.indexOf('=');
                        if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                            String v = p.substring(eq + 1).trim().replace("\"", "");
                            if (!v.equalsIgnoreCase("utf-8") && !v.equalsIgnoreCase("us-ascii")) {
                                return Optional.empty();
                            }
                        }
                    }
                    return Optional.of(TEXT);
                case "image/png":
                    return Optional.of(PNG);
                case "image/jpeg":
                    return Optional.of(JPEG);
                default:
                    return Optional.empty();
            }
        }
    }

    /** How a body was answered; a web endpoint maps these to its status codes. */
    public enum Result {
        /** The check ran (whatever its decision): HTTP 200. */
        DECIDED,
        /** The body is over its input's limit: HTTP 413. */
        TOO_LARGE,
        /** No image decoding slot came free in time: HTTP 503, try again. */
        BUSY
    }

    /**
     * The answer to one body.
     *
     * @param result how it was answered
     * @param decision the decision to show (also for {@link Result#TOO_LARGE} and {@link Result#BUSY})
     */
    public record Answer(Result result, CheckInDecision decision) {
        /**
         * Creates the value.
         *
         * @throws NullPointerException when a component is null
         */
        public Answer {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(decision, "decision");
        }
    }

    private final HospitalCheckIn checkIn;
    private final Clock clock;
    private final ZoneId zone;
    private final Semaphore imagePermits;
    private final Duration imageWait;
    private final int parallelImages;

    private CheckInRequests(Builder b) {
        if (b.checkIn == null) {
            throw new IllegalStateException("checkIn is required");
        }
        this.checkIn = b.checkIn;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.zone = b.zone == null ? HospitalCheckIn.VIETNAM : b.zone;
        this.parallelImages = b.parallelImages == 0 ? DEFAULT_PARALLEL_IMAGES : b.parallelImages;
        this.imagePermits = new Semaphore(parallelImages, true);
        this.imageWait = b.imageWait == null ? DEFAULT_IMAGE_WAIT : b.imageWait;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one body.
     *
     * @param input what the body holds (from {@link Input#ofContentType(String)})
     * @param body the body (untrusted), at most {@link Input#maxBytes()} bytes for {@link Result#DECIDED}
     * @return the answer
     * @throws NullPointerException when an argument is null
     */
    public Answer check(Input input, byte[] body) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(body, "body");
        if (body.length > input.maxBytes()) {
            return tooLarge(input);
        }
        if (input == Input.TEXT) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                return decided(CheckInDecision.rejected(today(), Reason.MALFORMED, "text is not UTF-8"));
            }
            if (text.length() > MAX_TEXT_CHARS) {
                return tooLarge(input);
            }
            return decided(checkIn.check(text));
        }
        boolean png = input == Input.PNG;
        if (png ? !ImageHeader.isPng(body) : !ImageHeader.isJpeg(body)) {
            return decided(CheckInDecision.unreadable(today(), new QrScanResult.Failed(
                    QrScanResult.Reason.UNREADABLE_IMAGE, "content is not " + (png ? "a PNG" : "a JPEG"))));
        }
        Optional<ImageHeader> header = png ? ImageHeader.png(body) : ImageHeader.jpeg(body);
        if (header.isPresent() && header.get().rasterBytes() > DECODE_BUDGET_BYTES) {
            ImageHeader h = header.get();
            return decided(CheckInDecision.unreadable(today(), new QrScanResult.Failed(
                    QrScanResult.Reason.IMAGE_TOO_LARGE, h.width() + "x" + h.height() + " pixels at "
                    + h.bitsPerPixel() + " bits per pixel: over the decode budget of " + DECODE_BUDGET_BYTES
                    + " bytes")));
        }
        boolean permitted;
        try {
            permitted = imagePermits.tryAcquire(imageWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            return new Answer(Result.BUSY, CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                    "too many images being decoded; try again"));
        }
        QrScanResult scan;
        try {
            scan = QrImageDecoder.decode(body);
        } finally {
            imagePermits.release();
        }
        // the slot is held for decoding only, not for the check (which may wait for the health-insurance lookup)
        if (scan instanceof QrScanResult.Failed) {
            return decided(CheckInDecision.unreadable(today(), (QrScanResult.Failed) scan));
        }
        return decided(checkIn.check(((QrScanResult.Found) scan).text()));
    }

    /**
     * The answer for a body the caller stopped reading because it was over {@link Input#maxBytes()}.
     *
     * @param input what the body was declared to hold
     * @return a {@link Result#TOO_LARGE} answer: {@code TOO_LARGE} for text, {@code IMAGE_TOO_LARGE} for an image
     */
    public Answer tooLarge(Input input) {
        Objects.requireNonNull(input, "input");
        if (input == Input.TEXT) {
            return new Answer(Result.TOO_LARGE, CheckInDecision.rejected(today(), Reason.TOO_LARGE,
                    "scanned text over " + MAX_TEXT_CHARS + " characters"));
        }
        return new Answer(Result.TOO_LARGE, CheckInDecision.unreadable(today(), new QrScanResult.Failed(
                QrScanResult.Reason.IMAGE_TOO_LARGE, "upload over " + MAX_IMAGE_BYTES + " bytes")));
    }

    /**
     * The decision for a body whose content type is not one of {@link Input}'s (HTTP 415).
     *
     * @return a {@code REJECTED} decision with reason {@code MALFORMED}
     */
    public CheckInDecision unsupportedType() {
        return CheckInDecision.rejected(today(), Reason.MALFORMED,
                "Content-Type must be text/plain (UTF-8), image/png or image/jpeg");
    }

    /** @return the number of images decoded at once */
    public int parallelImages() {
        return parallelImages;
    }

    private Answer decided(CheckInDecision d) {
        return new Answer(Result.DECIDED, d);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @Override
    public String toString() {
        return "CheckInRequests[" + parallelImages + " images at once, " + checkIn + "]";
    }

    /** Builds {@link CheckInRequests}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private HospitalCheckIn checkIn;
        private Clock clock;
        private ZoneId zone;
        private int parallelImages;
        private Duration imageWait;

        private Builder() {
        }

        /**
         * Required: the check.
         *
         * @param checkIn the check
         * @return this builder
         */
        public Builder checkIn(HospitalCheckIn checkIn) {
            once(this.checkIn != null, "checkIn");
            this.checkIn = Objects.requireNonNull(checkIn, "checkIn");
            return this;
        }

        /**
         * The clock of the dates in refusals made before the check runs; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock != null, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone of those dates; {@link HospitalCheckIn#VIETNAM} by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            once(this.zone != null, "zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * How many images are decoded at once ({@value #DEFAULT_PARALLEL_IMAGES} by default): each can take up to
         * {@value #DECODE_BUDGET_BYTES} bytes of raster, so this bounds the memory of decoding.
         *
         * @param n 1 to 16
         * @return this builder
         */
        public Builder parallelImages(int n) {
            once(this.parallelImages != 0, "parallelImages");
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("parallelImages must be 1 to 16");
            }
            this.parallelImages = n;
            return this;
        }

        /**
         * How long an image waits for a decoding slot before {@link Result#BUSY}; {@link #DEFAULT_IMAGE_WAIT} by
         * default.
         *
         * @param wait zero to one minute
         * @return this builder
         */
        public Builder imageWait(Duration wait) {
            once(this.imageWait != null, "imageWait");
            Objects.requireNonNull(wait, "wait");
            if (wait.isNegative() || wait.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("imageWait must be zero to one minute");
            }
            this.imageWait = wait;
            return this;
        }

        /**
         * @return the service
         * @throws IllegalStateException when the check is missing
         */
        public CheckInRequests build() {
            return new CheckInRequests(this);
        }
    }
}
