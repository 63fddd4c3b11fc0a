package io.github.eidvn.examples.spring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.Masking;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.device.NewDeviceNotice;
import io.github.eidvn.account.password.PasswordCheckResult;
import io.github.eidvn.account.password.PasswordContext;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.account.password.PasswordPolicy;
import io.github.eidvn.spring.boot.security.PasswordHashLookup;

/**
 * The example's account repository (in memory; a bank keeps it in its database): password hashes checked against
 * the configured {@link PasswordPolicy}, and the "push to the active device" channel, which here only keeps the last
 * notice per account for the demo.
 */
@Component
class DemoAccounts implements PasswordHashLookup, DeviceNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    private final Map<AccountId, String> hashes = new ConcurrentHashMap<>();
    private final Map<AccountId, NewDeviceNotice> lastNotice = new ConcurrentHashMap<>();
    private final PasswordHasher hasher = PasswordHasher.argon2id();
    private final PasswordPolicy policy;

    DemoAccounts(PasswordPolicy policy) {
        this.policy = policy;
    }

    /**
     * Registers an account whose password passes the policy.
     *
     * @return empty when registered, else the policy's refusal (Vietnamese / English)
     */
    Optional<String> register(String personalNumber, String password) {
        PasswordCheckResult check = policy.check(password,
                PasswordContext.builder().personalNumber(personalNumber).build());
        if (check instanceof PasswordCheckResult.Rejected rejected) {
            return Optional.of(rejected.failures().stream().map(f -> f.vietnamese() + " / " + f.english())
                    .collect(Collectors.joining("; ")));
        }
        hashes.put(AccountId.ofPersonalNumber(personalNumber), hasher.hash(password));
        return Optional.empty();
    }

    @Override
    public Optional<String> storedHash(AccountId account) {
        return Optional.ofNullable(hashes.get(account));
    }

    @Override
    public void sendNewDeviceCode(NewDeviceNotice notice) {
        lastNotice.put(notice.account(), notice);
        LOG.info("new-device code sent to the active device of {}", Masking.account(notice.account().value()));
    }

    Optional<NewDeviceNotice> lastNotice(String personalNumber) {
        return Optional.ofNullable(lastNotice.get(AccountId.ofPersonalNumber(personalNumber)));
    }
}
