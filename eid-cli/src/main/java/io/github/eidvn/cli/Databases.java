package io.github.eidvn.cli;

import io.github.eidvn.core.spi.StateStoreException;
import io.github.eidvn.postgres.EidDatabase;
import picocli.CommandLine;

/** Opening the records database for the commands that read it; errors never echo the URL (it may hold a password). */
final class Databases {

    private Databases() {
    }

    static EidDatabase open(CommandLine.Model.CommandSpec spec, String jdbc) {
        try {
            return EidDatabase.open(jdbc);
        } catch (IllegalArgumentException e) {
            throw CliFiles.usage(spec, "URL JDBC không hợp lệ", e.getMessage());
        } catch (StateStoreException e) {
            throw unavailable(spec, e);
        }
    }

    static CommandLine.ParameterException unavailable(CommandLine.Model.CommandSpec spec, StateStoreException e) {
        return CliFiles.usage(spec, "không dùng được cơ sở dữ liệu", "database unavailable: " + e.getMessage());
    }
}
