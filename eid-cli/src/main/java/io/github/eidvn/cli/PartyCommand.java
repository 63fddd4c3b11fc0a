package io.github.eidvn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.Purpose;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eid party}: a relying party's keys and registry entry ({@code init}), and the purpose catalogue
 * ({@code purposes}).
 */
@Command(name = "party",
        description = {"Đơn vị sử dụng dữ liệu: tạo khóa và bản đăng ký; danh mục mục đích.",
            "Relying parties: keys and registry entry; the purpose catalogue."},
        subcommands = {PartyCommand.Init.class, PartyCommand.Purposes.class})
public final class PartyCommand extends GroupCommand {

    /** {@code eid party init}: writes keys and a registry file. */
    @Command(name = "init",
            description = {
                "Tạo khóa ký ES256 và khóa mã hóa cho đơn vị, và sổ đăng ký registry.json chứa đơn vị này.",
                "Generates the party's ES256 signing key and encryption key, and a registry.json holding the party.",
                "Writes OUT/ID.signing.jwk, OUT/ID.encryption.jwk (private, mode 600), OUT/ID.encryption.pub.jwk and "
                        + "OUT/registry.json (the party is added when the file exists). Never overwrites a key."
            })
    static final class Init extends CliCommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "Mã đơn vị / party id")
        String id;

        @Option(names = "--name-vi", required = true, description = "Tên pháp lý tiếng Việt")
        String nameVi;

        @Option(names = "--name-en", required = true, description = "Legal name in English")
        String nameEn;

        @Option(names = "--contact", required = true, description = "Liên hệ bảo vệ dữ liệu / data-protection contact")
        String contact;

        @Option(names = "--purpose", required = true, paramLabel = "CODE", description = "Mã mục đích / purpose code")
        String purpose;

        @Option(names = "--fields", paramLabel = "a,b", description = "Mặc định: mọi trường của mục đích / default: all")
        String fields;

        @Option(names = "--rsa", description = "Khóa mã hóa RSA 3072 thay vì EC P-256 / RSA-3072 encryption key")
        boolean rsa;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Thư mục ghi / output folder")
        Path out;

        @Override
        public Integer call() throws Exception {
            Purpose p = PurposeCatalogue.standard().find(purpose).orElseThrow(() -> CliFiles.usage(spec,
                    "mục đích không có trong danh mục: " + purpose, "purpose not in the catalogue: " + purpose));
            SigningKey signing = SigningKey.generate();
            PartyDecryptionKey encryption = rsa ? PartyDecryptionKey.generateRsa(3072)
                    : PartyDecryptionKey.generateEc();
            RelyingParty party;
            try {
                party = RelyingParty.builder().id(id).legalName(nameVi, nameEn).contact(contact)
                        .purpose(p, fields == null ? p.fields() : CitizenField.parseList(fields))
                        .signingJwks("{\"keys\":[" + signing.publicJwkJson() + "]}")
                        .encryptionKey(encryption.publicKey()).build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CliFiles.usage(spec, "tham số không hợp lệ", e.getMessage());
            }
            Files.createDirectories(out);
            for (String suffix : new String[] {".signing.jwk", ".encryption.jwk", ".encryption.pub.jwk"}) {
                if (Files.exists(out.resolve(id + suffix))) {
                    throw CliFiles.usage(spec, "tệp đã tồn tại", "file exists: " + out.resolve(id + suffix));
                }
            }
            Path registryFile = out.resolve("registry.json");
            InMemoryRelyingPartyRegistry registry;
            try {
                registry = Files.exists(registryFile)
                        ? InMemoryRelyingPartyRegistry.fromJson(CliFiles.read(spec, registryFile, "registry.json"))
                        : InMemoryRelyingPartyRegistry.create();
                registry.register(party);
            } catch (IllegalArgumentException e) {
                throw CliFiles.usage(spec, "không thêm được vào registry.json", e.getMessage());
            }
            CliFiles.writePrivate(spec, out.resolve(id + ".signing.jwk"), signing.privateJwkJson());
            CliFiles.writePrivate(spec, out.resolve(id + ".encryption.jwk"), encryption.privateJwkJson());
            CliFiles.writeNew(spec, out.resolve(id + ".encryption.pub.jwk"), encryption.publicKey().jwkJson());
            Files.writeString(registryFile, registry.toJson(), java.nio.charset.StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(out.resolve(id + ".signing.jwk"));
            spec.commandLine().getOut().println(out.resolve(id + ".encryption.jwk"));
            spec.commandLine().getOut().println(out.resolve(id + ".encryption.pub.jwk"));
            spec.commandLine().getOut().println(registryFile);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code eid party purposes}: the standard catalogue as JSON lines. */
    @Command(name = "purposes",
            description = {"In danh mục mục đích (mỗi dòng một JSON).", "Prints the purpose catalogue, one JSON per line."})
    static final class Purposes extends CliCommand {

        @Override
        public Integer call() {
            for (Purpose p : PurposeCatalogue.standard().all()) {
                com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
                o.put("code", p.code());
                o.put("kind", p.kind().name());
                o.putObject("name").put("vi", p.nameVi()).put("en", p.nameEn());
                com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("fields");
                p.fields().forEach(f -> a.add(f.claimName()));
                Json.print(spec.commandLine().getOut(), o);
            }
            return 0;
        }
    }
}
