package io.github.eidvn.spring.boot.security;

import java.util.List;
import java.util.Objects;

import org.springframework.security.core.CredentialsContainer;

import io.github.eidvn.account.device.DevicePublicKey;

/**
 * A password login request from a device, as the application's login endpoint receives it; give it to the
 * {@code AuthenticationManager}. Not authenticated; the password is erased after the attempt.
 */
public final class EidPasswordLogin extends EidAuthenticationToken implements CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final String account;
    private char[] password;
    private final String deviceId;
    private final transient DevicePublicKey devicePublicKey;
    private final String source;

    /**
     * @param account the account id as typed: the id your app keys accounts by (a personal number, a customer number
     *     or a user name; see {@code AccountId} for the rules)
     * @param password the password as typed (copied; erased after the attempt)
     * @param deviceId the app's device id
     * @param devicePublicKey the device key the app registered
     * @param source the client address, for per-source throttling
     */
    public EidPasswordLogin(String account, char[] password, String deviceId, DevicePublicKey devicePublicKey,
            String source) {
        super(List.of());
        this.account = Objects.requireNonNull(account, "account");
        this.password = Objects.requireNonNull(password, "password").clone();
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.devicePublicKey = Objects.requireNonNull(devicePublicKey, "devicePublicKey");
        this.source = Objects.requireNonNull(source, "source");
        setAuthenticated(false);
    }

    /** @return the password, or null once erased */
    @Override
    public Object getCredentials() {
        return password;
    }

    /** @return the account id as typed */
    @Override
    public Object getPrincipal() {
        return account;
    }

    String account() {
        return account;
    }

    char[] password() {
        return password;
    }

    String deviceId() {
        return deviceId;
    }

    DevicePublicKey devicePublicKey() {
        return devicePublicKey;
    }

    String source() {
        return source;
    }

    @Override
    public void eraseCredentials() {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
            password = null;
        }
    }

    @Override
    String accountForDisplay() {
        return account;
    }

    @Override
    String deviceForDisplay() {
        return deviceId;
    }
}
