package io.github.eidvn.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Time option converters with bilingual errors (a bad value is a usage error, exit code 2). */
final class TimeConverters {

    private TimeConverters() {
    }

    /** {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT10M}; positive. */
    static final class Lifetime implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

        @Override
        public Duration convert(String value) {
            Duration d = null;
            Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "s":
                        d = Duration.ofSeconds(n);
                        break;
                    case "m":
                        d = Duration.ofMinutes(n);
                        break;
                    case "h":
                        d = Duration.ofHours(n);
                        break;
                    default:
                        d = Duration.ofDays(n);
                        break;
                }
            } else {
                try {
                    d = Duration.parse(value);
                } catch (DateTimeParseException e) {
                    d = null;
                }
            }
            if (d == null || d.getSeconds() < 1) {
                throw new CommandLine.TypeConversionException("thời hạn phải có dạng 90s, 10m, 2h, 1d hoặc PT10M"
                        + " / lifetime must look like 90s, 10m, 2h, 1d or PT10M: '" + value + "'");
            }
            return d;
        }
    }

    /** An ISO-8601 instant such as {@code 2026-09-17T03:00:00Z}. */
    static final class At implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("thời điểm phải có dạng 2026-09-17T03:00:00Z"
                        + " / time must look like 2026-09-17T03:00:00Z: '" + value + "'");
            }
        }
    }
}
