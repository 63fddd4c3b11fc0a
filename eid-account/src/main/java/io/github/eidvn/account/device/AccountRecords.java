package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Bin;
import io.github.eidvn.account.internal.Checks;

/** The binary records the login service keeps in the state store: binding, new-device challenge, unlock, session. */
final class AccountRecords {

    private static final int BINDING_V = 1;
    private static final int CHALLENGE_V = 1;
    /** Session records keep their account's tag since version 2; version 1 is still read. */
    private static final int SESSION_V = 2;
    private static final int SESSION_V1 = 1;
    private static final int UNLOCK_V = 1;

    /** DER of SubjectPublicKeyInfo{id-ecPublicKey, prime256v1}, up to the uncompressed point's 0x04. */
    private static final byte[] P256_SPKI_PREFIX = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48,
        (byte) 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
        0x42, 0x00, 0x04};

    private AccountRecords() {
    }

    // ------------------------------------------------------------------ binding

    static byte[] encode(DeviceBinding b) {
        return new Bin.Writer(BINDING_V).putString(b.deviceId()).putBytes(b.publicKey().encoded())
                .putLong(b.generation()).putLong(b.boundAt().toEpochMilli()).toByteArray();
    }

    static Optional<DeviceBinding> decodeBinding(byte[] raw) {
        return Bin.Reader.of(raw, BINDING_V).flatMap(r -> {
            String id = r.getString();
            byte[] spki = r.getBytes();
            long gen = r.getLong();
            long at = r.getLong();
            if (!r.ok()) {
                return Optional.empty();
            }
            return DevicePublicKey.parse(spki).map(k -> new DeviceBinding(id, k, gen, Instant.ofEpochMilli(at)));
        });
    }

    /**
     * The binding's fields without parsing its key: for the checks that compare only the device id, the key's encoding
     * and the generation (password login, session validation). The key must still have the exact form of an encoded
     * P-256 public key; steps that use the key (unlock) or hand the binding out parse it fully with
     * {@link #decodeBinding}.
     */
    record BindingHead(String deviceId, byte[] spki, long generation) {
        boolean isDevice(String id, DevicePublicKey key) {
            return deviceId.equals(id) && Arrays.equals(spki, key.encoded());
        }
    }

    static Optional<BindingHead> decodeBindingHead(byte[] raw) {
        return Bin.Reader.of(raw, BINDING_V).flatMap(r -> {
            String id = r.getString();
            byte[] spki = r.getBytes();
            long gen = r.getLong();
            r.getLong();
            if (!r.ok() || !isP256Spki(spki)) {
                return Optional.empty();
            }
            return Optional.of(new BindingHead(id, spki, gen));
        });
    }

    /** Whether the bytes have the form of {@link DevicePublicKey#encoded()}: the prefix and a 64-byte point. */
    private static boolean isP256Spki(byte[] spki) {
        return spki.length == P256_SPKI_PREFIX.length + 64
                && Arrays.equals(spki, 0, P256_SPKI_PREFIX.length, P256_SPKI_PREFIX, 0, P256_SPKI_PREFIX.length);
    }

    // ------------------------------------------------------------------ new-device challenge

    /** A pending new-device challenge: the binding it replaces, the new device, the code's MAC, the deadline. */
    record Challenge(byte[] expectedBinding, String deviceId, byte[] spki, byte[] mac, Instant expiresAt) {
    }

    static byte[] encode(Challenge c) {
        return new Bin.Writer(CHALLENGE_V).putBytes(c.expectedBinding()).putString(c.deviceId()).putBytes(c.spki())
                .putBytes(c.mac()).putLong(c.expiresAt().toEpochMilli()).toByteArray();
    }

    static Optional<Challenge> decodeChallenge(byte[] raw) {
        return Bin.Reader.of(raw, CHALLENGE_V).flatMap(r -> {
            byte[] expected = r.getBytes();
            String dev = r.getString();
            byte[] spki = r.getBytes();
            byte[] mac = r.getBytes();
            long exp = r.getLong();
            if (!r.ok() || mac.length != 32) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(expected, dev, spki, mac, Instant.ofEpochMilli(exp)));
        });
    }

    // ------------------------------------------------------------------ unlock nonce

    /** A pending unlock: the nonce text, the binding generation it was issued in, the deadline. */
    record Unlock(String challenge, long generation, Instant expiresAt) {
    }

    static byte[] encode(Unlock u) {
        return new Bin.Writer(UNLOCK_V).putString(u.challenge()).putLong(u.generation())
                .putLong(u.expiresAt().toEpochMilli()).toByteArray();
    }

    static Optional<Unlock> decodeUnlock(byte[] raw) {
        return Bin.Reader.of(raw, UNLOCK_V).flatMap(r -> {
            String challenge = r.getString();
            long generation = r.getLong();
            long expires = r.getLong();
            return r.ok() ? Optional.of(new Unlock(challenge, generation, Instant.ofEpochMilli(expires)))
                    : Optional.empty();
        });
    }

    // ------------------------------------------------------------------ session

    /**
     * A session as stored: the public record and the keys of its account, whose tag the record keeps (version 2) so
     * that a check reads the binding and the locks without hashing the account id again. A version-1 record (written
     * before the tag was kept) is still read, its tag computed.
     */
    record StoredSession(SessionInfo info, AccountKeys.Of keys) {
    }

    static byte[] encode(StoredSession stored) {
        SessionInfo s = stored.info();
        return new Bin.Writer(SESSION_V).putString(s.account().value()).putString(s.deviceId())
                .putLong(s.generation()).putLong(s.createdAt().toEpochMilli())
                .putLong(s.lastSeenAt().toEpochMilli()).putLong(s.absoluteExpiry().toEpochMilli())
                .putString(stored.keys().tag()).toByteArray();
    }

    static Optional<StoredSession> decodeSession(byte[] raw) {
        boolean tagged = raw != null && raw.length > 0 && raw[0] == SESSION_V;
        return Bin.Reader.of(raw, tagged ? SESSION_V : SESSION_V1).flatMap(r -> {
            String account = r.getString();
            String dev = r.getString();
            long gen = r.getLong();
            long created = r.getLong();
            long seen = r.getLong();
            long abs = r.getLong();
            String tag = tagged ? r.getString() : null;
            if (!r.ok()) {
                return Optional.empty();
            }
            Optional<AccountId> id = AccountId.parse(account).filter(a -> a.value().equals(account));
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Optional<AccountKeys.Of> keys = tagged ? AccountKeys.ofTag(tag) : Optional.of(AccountKeys.of(id.get()));
            return keys.map(k -> new StoredSession(new SessionInfo(id.get(), dev, gen, Instant.ofEpochMilli(created),
                    Instant.ofEpochMilli(seen), Instant.ofEpochMilli(abs)), k));
        });
    }

    /** A session token's form: 43 Base64url characters (256 bits). */
    static boolean isToken(String token) {
        return token != null && token.length() == 43 && Checks.isBase64url(token, 0, 43);
    }
}
