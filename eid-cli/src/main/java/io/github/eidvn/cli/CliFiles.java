package io.github.eidvn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import picocli.CommandLine;

/** File and stdin helpers for the consent and sharing commands: bounded reads, private key files. */
final class CliFiles {

    /** The largest file a command reads. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private CliFiles() {
    }

    /** Reads a UTF-8 file of at most {@link #MAX_FILE_BYTES}; a problem is a usage error (exit 2). */
    static String read(CommandLine.Model.CommandSpec spec, Path file, String what) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CommandLine.ParameterException(spec.commandLine(), what + ": tệp quá lớn / file too large");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), what + ": không đọc được / cannot read "
                    + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A text argument, or all of stdin when it is {@code -} (one trailing line break removed). */
    static String argOrStdin(CommandLine.Model.CommandSpec spec, String arg) {
        if (!"-".equals(arg)) {
            return arg;
        }
        try {
            InputStream in = System.in;
            byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
            if (b.length > MAX_FILE_BYTES) {
                throw new CommandLine.ParameterException(spec.commandLine(), "stdin quá lớn / stdin too large");
            }
            return new String(b, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read stdin: " + e.getMessage());
        }
    }

    /** Writes a new file readable by its owner only where the file system allows it; never overwrites. */
    static void writePrivate(CommandLine.Model.CommandSpec spec, Path file, String text) {
        write(spec, file, text, true);
    }

    /** Writes a new file; never overwrites. */
    static void writeNew(CommandLine.Model.CommandSpec spec, Path file, String text) {
        write(spec, file, text, false);
    }

    private static void write(CommandLine.Model.CommandSpec spec, Path file, String text, boolean secret) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (secret) {
                try {
                    Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE);
                    Files.setPosixFilePermissions(file, owner);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: keep the default permissions
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "tệp đã tồn tại / file exists: " + file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "không ghi được / cannot write " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A usage error with a bilingual message. */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String vi, String en) {
        return new CommandLine.ParameterException(spec.commandLine(), vi + " / " + en);
    }
}
