package io.github.eidvn.verifier.hospital;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.eidvn.core.spi.StateStore;

/**
 * {@link HttpInsuranceLookup}'s answer cache in a shared {@link StateStore}, so that every desk using the store asks
 * the gateway once per patient and TTL.
 *
 * <p>What the store holds, per number asked: the key {@value #KEY_PREFIX} + base64url(HMAC-SHA256(k<sub>name</sub>,
 * kind and number)), so the number is not in the key and cannot be found by hashing candidate numbers without the
 * secret; the value {@code 0x01 || nonce (12 bytes) || AES-256-GCM(k<sub>value</sub>, answer, aad = key)}, so the
 * cards (names, birth dates) are not readable from the store, a dump or a backup, and an entry moved to another key
 * does not decrypt. The answer is {@code {"until":epoch-ms,"cards":[...]}} (an empty array for
 * {@link LookupResult.NotFound}); {@code until} is checked with the lookup's clock, so an entry is used for at most the
 * TTL even when the store keeps it longer. k<sub>name</sub> and k<sub>value</sub> are HMAC-SHA256 of the shared
 * secret with two fixed labels.
 *
 * <p>The cache never decides anything: an entry that is missing, expired, unreadable or forged, and a store that
 * cannot be reached, are a miss (the gateway is asked); a failed write is ignored.
 */
final class StoreLookupCache {

    /** The prefix of the keys in the store. */
    static final String KEY_PREFIX = "bhyt-lookup:";
    /** The shortest shared secret. */
    static final int MIN_SECRET_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final StateStore store;
    private final byte[] nameKey;
    private final SecretKeySpec valueKey;
    private final SecureRandom random = new SecureRandom();

    StoreLookupCache(StateStore store, byte[] secret) {
        this.store = store;
        this.nameKey = hmac(secret, "eid bhyt lookup cache: key names".getBytes(StandardCharsets.US_ASCII));
        this.valueKey = new SecretKeySpec(hmac(secret, "eid bhyt lookup cache: values"
                .getBytes(StandardCharsets.US_ASCII)), "AES");
    }

    /** The store key of a query: no digit of the number in it. */
    String key(InsuranceQuery query) {
        byte[] tag = hmac(nameKey, (query.kind().name() + ":" + query.number()).getBytes(StandardCharsets.US_ASCII));
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    }

    /** The cached answer when there is a live, authentic one; empty otherwise (never throws). */
    Optional<LookupResult> get(InsuranceQuery query, Clock clock) {
        String key = key(query);
        try {
            Optional<byte[]> value = store.get(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            JsonNode answer = JSON.readTree(open(key, value.get()));
            JsonNode until = answer.get("until");
            if (until == null || !until.canConvertToLong()
                    || !clock.instant().isBefore(Instant.ofEpochMilli(until.longValue()))) {
                return Optional.empty();
            }
            List<InsuranceCard> cards = CardJson.cards(answer.get("cards"));
            return Optional.of(cards.isEmpty() ? new LookupResult.NotFound() : new LookupResult.Found(cards));
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            return Optional.empty(); // unreadable, forged or unreachable: ask the gateway
        }
    }

    /** Stores a Found or NotFound answer for {@code ttl} (never throws; an answer too large is not stored). */
    void put(InsuranceQuery query, LookupResult result, Instant now, Duration ttl) {
        if (result instanceof LookupResult.Unavailable) {
            throw new IllegalArgumentException("an unavailable answer is never cached");
        }
        String key = key(query);
        try {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("until", now.plus(ttl).toEpochMilli());
            ArrayNode cards = answer.putArray("cards");
            if (result instanceof LookupResult.Found) {
                for (InsuranceCard c : ((LookupResult.Found) result).cards()) {
                    cards.add(CardJson.write(c));
                }
            }
            byte[] plain = JSON.writeValueAsBytes(answer);
            byte[] sealed = seal(key, plain);
            Arrays.fill(plain, (byte) 0);
            if (sealed.length <= StateStore.MAX_VALUE_LENGTH) {
                store.put(key, sealed, ttl);
            }
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            // not cached: the next scan asks the gateway again
        }
    }

    private byte[] seal(String key, byte[] plain) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, valueKey, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
        byte[] body = c.doFinal(plain);
        return ByteBuffer.allocate(1 + NONCE_BYTES + body.length).put(VERSION).put(nonce).put(body).array();
    }

    private byte[] open(String key, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new GeneralSecurityException("not a cache entry");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, valueKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
        c.updateAAD(key.getBytes(StandardCharsets.US_ASCII));
        return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "StoreLookupCache[" + store.getClass().getSimpleName() + "]";
    }
}
