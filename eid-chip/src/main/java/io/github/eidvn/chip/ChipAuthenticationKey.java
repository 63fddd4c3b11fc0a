package io.github.eidvn.chip;

import io.github.eidvn.chip.internal.Bc;
import io.github.eidvn.chip.internal.Tlv;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.interfaces.DHPublicKey;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A chip authentication key of DG14 (ICAO Doc 9303 Part 11 §6.2 and §9.2.5, BSI TR-03110): a
 * {@code ChipAuthenticationPublicKeyInfo} (the chip's static DH or ECDH public key) with the
 * {@code ChipAuthenticationInfo} that names its protocol (key agreement and secure-messaging cipher). When DG14 has no
 * {@code ChipAuthenticationInfo} for a key, the protocol is the 3DES one for its key type, as Doc 9303 prescribes.
 * Other security infos of DG14 (terminal authentication, PACE, active authentication) are ignored here.
 *
 * <p>DG14 is only as trustworthy as the SOD that covers it: {@link ChipVerifier} checks its hash before it accepts a
 * chip authentication made with one of these keys. Immutable.
 */
public final class ChipAuthenticationKey {

    /** Largest DH prime accepted (bits); larger ones would only make key agreement slow. */
    public static final int MAX_DH_BITS = 4096;
    /** Largest EC field accepted (bits). */
    public static final int MAX_EC_BITS = 571;

    private static final String CA = "0.4.0.127.0.7.2.2.3.";
    private static final String PK_DH = "0.4.0.127.0.7.2.2.1.1";
    private static final String PK_ECDH = "0.4.0.127.0.7.2.2.1.2";
    /** Protocol OID → {key agreement, cipher}. */
    private static final Map<String, String[]> PROTOCOLS = Map.of(
            CA + "1.1", new String[] {"DH", "3DES"},
            CA + "1.2", new String[] {"DH", "AES-128"},
            CA + "1.3", new String[] {"DH", "AES-192"},
            CA + "1.4", new String[] {"DH", "AES-256"},
            CA + "2.1", new String[] {"ECDH", "3DES"},
            CA + "2.2", new String[] {"ECDH", "AES-128"},
            CA + "2.3", new String[] {"ECDH", "AES-192"},
            CA + "2.4", new String[] {"ECDH", "AES-256"});

    private final String protocol;
    private final int version;
    private final BigInteger keyId;
    private final PublicKey publicKey;

    private ChipAuthenticationKey(String protocol, int version, BigInteger keyId, PublicKey publicKey) {
        this.protocol = protocol;
        this.version = version;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /**
     * Reads the chip authentication keys of DG14.
     *
     * @param dg14 DG14 as read from the chip, with its {@code 6E} tag
     * @return the keys with their protocols, in the order of DG14 (empty when DG14 offers no chip authentication)
     * @throws IllegalArgumentException if DG14 is malformed: not a {@code 6E}-tagged SET of security infos, a key
     *     that is not a DH or EC public key of its stated type or whose domain parameters exceed
     *     {@value #MAX_DH_BITS} (DH) or {@value #MAX_EC_BITS} (EC) bits, or a protocol with a key type other than its
     *     key's
     */
    public static List<ChipAuthenticationKey> fromDg14(byte[] dg14) {
        Objects.requireNonNull(dg14, "dg14");
        if (dg14.length > ChipFiles.MAX_DATA_GROUP_BYTES) {
            throw new IllegalArgumentException("DG14 is larger than " + ChipFiles.MAX_DATA_GROUP_BYTES + " bytes");
        }
        List<String[]> infos = new ArrayList<>(); // {oid, version, keyId or null}
        List<Object[]> keys = new ArrayList<>(); // {type, PublicKey, keyId or null}
        try {
            ASN1Set set = ASN1Set.getInstance(Lds.outer(dg14, 14).value());
            for (ASN1Encodable e : set) {
                ASN1Sequence info = ASN1Sequence.getInstance(e);
                if (info.size() < 2 || info.size() > 3) {
                    throw new Malformed("a DG14 security info has " + info.size() + " fields");
                }
                String oid = ASN1ObjectIdentifier.getInstance(info.getObjectAt(0)).getId();
                BigInteger keyId = info.size() == 3 ? ASN1Integer.getInstance(info.getObjectAt(2)).getValue() : null;
                if (PROTOCOLS.containsKey(oid)) {
                    int version = ASN1Integer.getInstance(info.getObjectAt(1)).intValueExact();
                    infos.add(new String[] {oid, Integer.toString(version), keyId == null ? null : keyId.toString()});
                } else if (PK_DH.equals(oid) || PK_ECDH.equals(oid)) {
                    String type = PK_DH.equals(oid) ? "DH" : "ECDH";
                    byte[] spki = SubjectPublicKeyInfo.getInstance(info.getObjectAt(1)).getEncoded();
                    PublicKey key = KeyFactory.getInstance(type.equals("DH") ? "DH" : "EC", Bc.PROVIDER)
                            .generatePublic(new X509EncodedKeySpec(spki));
                    if (type.equals("DH") ? !(key instanceof DHPublicKey) : !(key instanceof ECPublicKey)) {
                        throw new Malformed("the DG14 " + type + " key is a " + key.getAlgorithm()
                                + " key");
                    }
                    int bits = key instanceof DHPublicKey dh ? dh.getParams().getP().bitLength()
                            : ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
                    if (bits > (key instanceof DHPublicKey ? MAX_DH_BITS : MAX_EC_BITS)) {
                        throw new Malformed("the DG14 " + type + " key has " + bits + "-bit domain parameters");
                    }
                    keys.add(new Object[] {type, key, keyId});
                }
            }
        } catch (Tlv.MalformedException | GeneralSecurityException | java.io.IOException | RuntimeException e) {
            if (e instanceof Malformed m) {
                throw m;
            }
            throw new Malformed("DG14 is malformed: " + e.getMessage());
        }
        List<ChipAuthenticationKey> out = new ArrayList<>();
        for (Object[] k : keys) {
            String type = (String) k[0];
            BigInteger keyId = (BigInteger) k[2];
            boolean matched = false;
            for (String[] info : infos) {
                boolean sameKey = keys.size() == 1 && info[2] == null
                        || Objects.equals(info[2], keyId == null ? null : keyId.toString());
                if (!sameKey) {
                    continue;
                }
                if (!PROTOCOLS.get(info[0])[0].equals(type)) {
                    throw new IllegalArgumentException("DG14 names the " + PROTOCOLS.get(info[0])[0]
                            + " protocol " + info[0] + " for a " + type + " key");
                }
                out.add(new ChipAuthenticationKey(info[0], Integer.parseInt(info[1]), keyId, (PublicKey) k[1]));
                matched = true;
            }
            if (!matched) {
                out.add(new ChipAuthenticationKey(CA + (type.equals("DH") ? "1.1" : "2.1"), 1, keyId,
                        (PublicKey) k[1]));
            }
        }
        return List.copyOf(out);
    }

    /** A malformed DG14, with what is wrong. */
    private static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** @return the chip authentication protocol OID, e.g. {@code 0.4.0.127.0.7.2.2.3.2.2} (ECDH, AES-128) */
    public String protocol() {
        return protocol;
    }

    /** @return the version of {@code ChipAuthenticationInfo} (1 for the Doc 9303 protocol; 1 when implied) */
    public int version() {
        return version;
    }

    /** @return the key identifier, when DG14 gives one (several keys) */
    public Optional<BigInteger> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** @return the chip's static public key (a DH or EC key of Bouncy Castle's provider) */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** @return {@code DH} or {@code ECDH} */
    public String keyAgreement() {
        return PROTOCOLS.get(protocol)[0];
    }

    /** @return the secure-messaging cipher after chip authentication: {@code 3DES}, {@code AES-128}, -192 or -256 */
    public String cipher() {
        return PROTOCOLS.get(protocol)[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipAuthenticationKey k && protocol.equals(k.protocol) && version == k.version
                && Objects.equals(keyId, k.keyId) && publicKey.equals(k.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, version, keyId, publicKey);
    }

    @Override
    public String toString() {
        return "ChipAuthenticationKey[" + keyAgreement() + ", " + cipher() + ", protocol " + protocol
                + (keyId == null ? "" : ", key " + keyId) + "]";
    }
}
