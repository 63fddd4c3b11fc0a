package io.github.eidvn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

import picocli.CommandLine;

/** File and stdin helpers of the commands: bounded reads, owner-only private files, bilingual usage errors. */
final class CliFiles {

    /** The largest text file or stdin read (claims, keys, JWKS of up to 10,000 keys, QR texts). */
    static final int MAX_TEXT_BYTES = 4 << 20;

    private CliFiles() {
    }

    /**
     * Reads a UTF-8 text file, or stdin for {@code -}.
     *
     * @param path the file, or "-" for stdin
     * @return the text
     * @throws IOException when unreadable or larger than {@link #MAX_TEXT_BYTES}
     */
    static String readText(String path) throws IOException {
        byte[] bytes;
        if ("-".equals(path)) {
            bytes = readBounded(System.in);
        } else {
            Path p = Path.of(path);
            if (Files.size(p) > MAX_TEXT_BYTES) {
                throw new IOException(path + " is larger than " + MAX_TEXT_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(p);
        }
        return utf8(bytes, "-".equals(path) ? "stdin" : path);
    }

    /**
     * Decodes UTF-8 strictly: a malformed or truncated sequence is an error, never a replacement character (two
     * different byte strings must not become the same text, e.g. the same password).
     *
     * @param bytes the bytes
     * @param what where they come from, for the message
     * @return the text
     * @throws CharacterCodingException when the bytes are not valid UTF-8
     */
    static String utf8(byte[] bytes, String what) throws CharacterCodingException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            CharacterCodingException named = new CharacterCodingException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    return what + " is not valid UTF-8";
                }
            };
            named.initCause(e);
            throw named;
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IOException("stdin is larger than " + MAX_TEXT_BYTES + " bytes");
        }
        return bytes;
    }

    /**
     * A text given on the command line, or read from stdin for {@code -} (one trailing line break removed).
     *
     * @param text the argument
     * @return the text
     * @throws IOException when stdin cannot be read
     */
    static String argumentOrStdin(String text) throws IOException {
        if (!"-".equals(text)) {
            return text;
        }
        String s = utf8(readBounded(System.in), "stdin");
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Writes a file readable and writable by its owner only (mode 600) where the file system has POSIX permissions;
     * the permissions are set when the file is created, so the secret is never readable by others.
     *
     * @param path the file
     * @param content the content
     * @param overwrite whether an existing file is replaced
     * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
     * @throws IOException when writing fails
     */
    static void writePrivate(Path path, String content, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.deleteIfExists(path);
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // no POSIX permissions (e.g. Windows): rely on the directory's ACL
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
        Files.write(path, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Writes a public file.
     *
     * @param path the file
     * @param bytes the content
     * @param overwrite whether an existing file is replaced
     * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
     * @throws IOException when writing fails
     */
    static void writePublic(Path path, byte[] bytes, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.write(path, bytes);
        } else {
            Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Reads a UTF-8 file of at most {@link #MAX_TEXT_BYTES}; a problem is a usage error (exit 2). */
    static String read(CommandLine.Model.CommandSpec spec, Path file, String what) {
        try {
            return readText(file.toString());
        } catch (IOException e) {
            throw usage(spec, what + ": không đọc được " + file, what + ": cannot read " + file + " ("
                    + (e instanceof CharacterCodingException ? e.getMessage() : e.getClass().getSimpleName()) + ")");
        }
    }

    /**
     * Reads a file option and parses it; an unreadable file or a text the parser refuses is a usage error (exit 2):
     * {@code "<vi> / <option>: <the parser's message>"}.
     *
     * @param <T> what the file holds
     * @param spec the command
     * @param file the file
     * @param option the option's name, e.g. {@code --key}
     * @param vi what is wrong, in Vietnamese
     * @param parser the parser; throws {@link IllegalArgumentException} when the text is not what it reads
     * @return the parsed value
     */
    static <T> T parse(CommandLine.Model.CommandSpec spec, Path file, String option, String vi,
            Function<String, T> parser) {
        String text = read(spec, file, option);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw usage(spec, vi, option + ": " + e.getMessage());
        }
    }

    /** A text argument, or all of stdin when it is {@code -}, without surrounding white space. */
    static String argOrStdin(CommandLine.Model.CommandSpec spec, String arg) {
        try {
            return argumentOrStdin(arg).strip();
        } catch (IOException e) {
            throw usage(spec, "không đọc được stdin (" + e.getMessage() + ")",
                    "cannot read stdin (" + e.getMessage() + ")");
        }
    }

    /** Writes a new owner-only file (mode 600); never overwrites; a problem is a usage error. */
    static void writePrivate(CommandLine.Model.CommandSpec spec, Path file, String text) {
        try {
            writePrivate(file, text, false);
        } catch (FileAlreadyExistsException e) {
            throw usage(spec, "tệp đã tồn tại: " + file, "file exists: " + file);
        } catch (IOException e) {
            throw usage(spec, "không ghi được " + file, "cannot write " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes a new public file; never overwrites; a problem is a usage error. */
    static void writeNew(CommandLine.Model.CommandSpec spec, Path file, String text) {
        try {
            writePublic(file, text.getBytes(StandardCharsets.UTF_8), false);
        } catch (FileAlreadyExistsException e) {
            throw usage(spec, "tệp đã tồn tại: " + file, "file exists: " + file);
        } catch (IOException e) {
            throw usage(spec, "không ghi được " + file, "cannot write " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A usage error (exit 2) with a bilingual message. */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String vi, String en) {
        return new CommandLine.ParameterException(spec.commandLine(), vi + " / " + en);
    }
}
