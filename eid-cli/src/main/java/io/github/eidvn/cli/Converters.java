package io.github.eidvn.cli;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.Sex;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import picocli.CommandLine;

/** Option converters with bilingual errors (a bad value is a usage error, exit code 2). */
final class Converters {

    private Converters() {
    }

    /**
     * The assurance level of a {@code --level} option.
     *
     * @param spec the command
     * @param level the option's value
     * @return level 1 or 2
     * @throws CommandLine.ParameterException (exit 2) for any other number
     */
    static AssuranceLevel level(CommandLine.Model.CommandSpec spec, int level) {
        return AssuranceLevel.ofNumber(level)
                .orElseThrow(() -> CliFiles.usage(spec, "--level phải là 1 hoặc 2", "--level must be 1 or 2"));
    }

    /** {@code yyyy-MM-dd}, strict (no 2003-02-30). */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value, FORMAT);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "ngày phải có dạng yyyy-MM-dd / date must be yyyy-MM-dd: '" + value + "'");
            }
        }
    }

    /** {@code male} or {@code female} (also {@code nam} / {@code nữ}), any case. */
    static final class SexValue implements CommandLine.ITypeConverter<Sex> {
        @Override
        public Sex convert(String value) {
            return Sex.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "giới tính phải là male hoặc female / sex must be male or female: '" + value + "'"));
        }
    }
}
