package io.github.eidvn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.github.eidvn.core.keys.KeyRing;

/**
 * {@code eid keys}: issuer signing keys.
 */
@Command(name = "keys",
        description = {
            "Khóa ký của cơ quan cấp (ES256, P-256).",
            "Issuer signing keys (ES256, P-256)."
        },
        subcommands = {KeysCommand.Generate.class})
public final class KeysCommand extends GroupCommand {

    /** The private key file written by {@code generate}. */
    static final String PRIVATE_FILE = "private-jwks.json";
    /** The public JWKS file written by {@code generate}. */
    static final String PUBLIC_FILE = "public-jwks.json";


    /**
     * {@code eid keys generate --out DIR [--force]}: writes {@code DIR/private-jwks.json} (the private key as a JWKS,
     * mode 600 where the file system allows) and {@code DIR/public-jwks.json} (what verifiers trust), and prints
     * {@code {"kid":...,"private":...,"public":...}}. Exit 0, 1 when a file exists (without {@code --force}) or
     * cannot be written, 2 on a usage error.
     */
    @Command(name = "generate",
            description = {
                "Tạo một khóa ký ES256 mới: DIR/" + PRIVATE_FILE + " (khóa bí mật, quyền 600) và DIR/" + PUBLIC_FILE
                        + " (khóa công khai cho bên xác minh).",
                "Generates a fresh ES256 signing key: DIR/" + PRIVATE_FILE + " (secret, mode 600) and DIR/"
                        + PUBLIC_FILE + " (public keys for verifiers).",
                "Exit: 0 thành công/success, 1 lỗi tệp/file error, 2 sai cú pháp/usage error."
            })
    public static final class Generate extends CliCommand {

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Thư mục ghi khóa (tạo nếu chưa có) / output directory (created if missing)")
        Path out;

        @Option(names = "--force", description = "Ghi đè tệp khóa đã có / overwrite existing key files")
        boolean force;

        @Override
        public Integer call() {
            KeyRing ring = KeyRing.generate();
            Path privateFile = out.resolve(PRIVATE_FILE);
            Path publicFile = out.resolve(PUBLIC_FILE);
            try {
                Files.createDirectories(out);
                if (!force && (Files.exists(privateFile) || Files.exists(publicFile))) {
                    throw new FileAlreadyExistsException(Files.exists(privateFile) ? privateFile.toString()
                            : publicFile.toString());
                }
                CliFiles.writePrivate(privateFile, ring.privateJwksJson(), force);
                CliFiles.writePublic(publicFile, ring.publicJwksJson().getBytes(StandardCharsets.UTF_8), force);
            } catch (FileAlreadyExistsException e) {
                return fail("Tệp đã tồn tại (dùng --force để ghi đè) / file exists (use --force to overwrite): "
                        + e.getFile());
            } catch (IOException e) {
                return fail("Không ghi được khóa / cannot write the keys: " + e.getMessage());
            }
            ObjectNode json = Json.object();
            json.put("kid", ring.current().kid());
            json.put("private", privateFile.toString());
            json.put("public", publicFile.toString());
            Json.print(spec.commandLine().getOut(), json);
            spec.commandLine().getErr().println("Giữ bí mật " + privateFile + "; công bố " + publicFile
                    + " / keep " + privateFile + " secret; publish " + publicFile);
            spec.commandLine().getErr().flush();
            return 0;
        }

        private int fail(String message) {
            spec.commandLine().getErr().println(message);
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
