package io.github.eidvn.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token for the tests of keys that never leave their provider: one token per JVM in the directory named
 * by the environment variable {@code SOFTHSM2_CONF} (Surefire sets it to a file under {@code target/}; the PKCS#11
 * library reads it when the JVM first loads it), reached through the JDK's SunPKCS11 provider.
 *
 * <p>Keys are generated inside the token by {@code keytool} with SunPKCS11 (an outside process), marked sensitive
 * and not extractable; {@link #privateKeyAccess(String)} asks OpenSC's {@code pkcs11-tool} how the token holds one.
 * A missing {@code softhsm2-util} or {@code pkcs11-tool} skips the test visibly, and fails it under {@code CI=true}.
 */
public final class SoftHsm {

    /** The user PIN of the test token. */
    public static final String PIN = "1234";
    private static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static SoftHsm instance;

    private final Path pkcs11Config;
    private final Provider provider;
    private final Path pkcs11Tool;

    private SoftHsm(Path pkcs11Config, Provider provider, Path pkcs11Tool) {
        this.pkcs11Config = pkcs11Config;
        this.provider = provider;
        this.pkcs11Tool = pkcs11Tool;
    }

    /**
     * The token of this JVM, created (empty) at the first call.
     *
     * @return the token
     * @throws Exception when SoftHSM2 cannot be set up
     */
    public static synchronized SoftHsm token() throws Exception {
        if (instance != null) {
            return instance;
        }
        Path util = ExternalTools.requireTool("softhsm2-util", "softhsm2");
        Path tool = ExternalTools.requireTool("pkcs11-tool", "opensc");
        if (!Files.isReadable(Path.of(LIBRARY))) {
            ExternalTools.requireTool("libsofthsm2.so at " + LIBRARY, "softhsm2");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isEmpty()) {
            ExternalTools.requireTool("SOFTHSM2_CONF (set by Surefire in this module's pom)", "softhsm2");
        }
        Path confFile = Path.of(conf).toAbsolutePath();
        Path dir = confFile.getParent();
        Path tokens = dir.resolve("tokens");
        deleteTree(tokens);
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n", StandardCharsets.US_ASCII);
        String out = run(util.toString(), "--init-token", "--free", "--label", "eid-test", "--pin", PIN,
                "--so-pin", "87654321");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        if (!slot.find()) {
            throw new IOException("softhsm2-util did not name the new slot: " + out);
        }
        Path cfg = dir.resolve("pkcs11.cfg");
        Files.writeString(cfg, "name = SoftHSM\nlibrary = " + LIBRARY + "\nslot = " + slot.group(1) + "\n"
                + "attributes(*, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                // ECDH-ES decryption derives the shared secret inside the token
                + "attributes(*, CKO_PRIVATE_KEY, CKK_EC) = {\n  CKA_DERIVE = true\n}\n"
                // ... and hands it (per message, not the private key) to the Concat KDF in Java
                + "attributes(*, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n  CKA_SENSITIVE = false\n"
                + "  CKA_EXTRACTABLE = true\n}\n",
                StandardCharsets.US_ASCII);
        Provider p = Security.getProvider("SunPKCS11").configure(cfg.toString());
        instance = new SoftHsm(cfg, p, tool);
        return instance;
    }

    /**
     * The SunPKCS11 provider of this token.
     *
     * @return the provider
     */
    public Provider provider() {
        return provider;
    }

    /**
     * The SunPKCS11 configuration file of this token (for code that configures its own provider).
     *
     * @return the path
     */
    public Path pkcs11Config() {
        return pkcs11Config;
    }

    /**
     * The token's key store, loaded now (so it lists keys generated since the last call), logged in with {@link #PIN}.
     *
     * @return the key store
     * @throws Exception when the token cannot be read
     */
    public KeyStore keyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS11", provider);
        ks.load(null, PIN.toCharArray());
        return ks;
    }

    /**
     * Generates a P-256 key pair inside the token with {@code keytool} (and a self-signed certificate, which is how
     * a PKCS#11 key store shows a private key entry).
     *
     * @param alias the entry's alias (also the key's CKA_ID, as bytes)
     * @throws Exception when keytool fails
     */
    public void generateEc(String alias) throws Exception {
        keytool(alias, "-keyalg", "EC", "-groupname", "secp256r1");
    }

    /**
     * Generates an RSA key pair inside the token with {@code keytool}.
     *
     * @param alias the entry's alias
     * @param bits the modulus size
     * @throws Exception when keytool fails
     */
    public void generateRsa(String alias, int bits) throws Exception {
        keytool(alias, "-keyalg", "RSA", "-keysize", Integer.toString(bits));
    }

    private void keytool(String alias, String... keyOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", "NONE", "-storetype", "PKCS11",
                "-providerClass", "sun.security.pkcs11.SunPKCS11", "-providerArg", pkcs11Config.toString(),
                "-storepass", PIN, "-alias", alias, "-dname", "CN=" + alias, "-validity", "30"));
        cmd.addAll(List.of(keyOptions));
        run(cmd.toArray(new String[0]));
    }

    /**
     * How the token holds a private key, as OpenSC's {@code pkcs11-tool --list-objects} reports it (an outside
     * reader of the token's attributes): e.g. {@code "sensitive, always sensitive, never extractable, local"}.
     *
     * @param alias the alias given at generation (the key's CKA_ID)
     * @return the "Access:" line of that key
     * @throws Exception when pkcs11-tool fails or does not list the key
     */
    public String privateKeyAccess(String alias) throws Exception {
        String out = run(pkcs11Tool.toString(), "--module", LIBRARY, "--login", "--pin", PIN, "--list-objects",
                "--type", "privkey", "--id", HexFormat.of().formatHex(alias.getBytes(StandardCharsets.US_ASCII)));
        Matcher m = Pattern.compile("Access:\\s*(.*)").matcher(out);
        if (!m.find()) {
            throw new IOException("pkcs11-tool lists no private key " + alias + ": " + out);
        }
        return m.group(1).trim();
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(Path.of(cmd[0]).getFileName() + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(Path.of(cmd[0]).getFileName() + " exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path q : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
