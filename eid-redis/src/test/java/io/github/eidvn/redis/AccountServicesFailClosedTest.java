package io.github.eidvn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.SessionValidation;
import io.github.eidvn.account.otp.OtpChannel;
import io.github.eidvn.account.otp.OtpSendResult;
import io.github.eidvn.account.otp.OtpVerification;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The account services on Redis while Redis is down: every login, device switch, session check, code delivery and
 * code check throws {@link StateUnavailableException} (nothing is granted, no SMS is sent); after a restart from the
 * append-only file the device binding, the session, the pending new-device code and the unconsumed SMS code are
 * exactly as before, and each single-use item can still be used once.
 */
class AccountServicesFailClosedTest {

    private static final String PN = "079203001234";
    private static final String PHONE_NO = "0912345678";

    @Test
    void redisDown_nothingGranted_afterAofRestart_stateAsBefore() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startDurable();
                RedisStateStore store = RedisStateStore.builder().uri(redis.uri()).namespace("failclosed")
                        .commandTimeout(Duration.ofSeconds(1)).build()) {
            AccountRig rig = new AccountRig(store);
            AccountRig.Device phone = AccountRig.Device.create("phone-1");
            AccountRig.Device tablet = AccountRig.Device.create("tablet-1");
            AccountRig.Device thief = AccountRig.Device.create("thief-1");

            LoginResult first = rig.loginAndConfirm(PN, phone, "10.0.0.1");
            String token = ((LoginResult.LoggedIn) first).token().value();
            LoginResult.NewDeviceRequired pending = (LoginResult.NewDeviceRequired) rig.password(PN, tablet,
                    "10.0.0.2");
            String tabletCode = rig.newDeviceCodes.get(tablet.id());
            assertThat(rig.otp.send("login", OtpChannel.SMS, PHONE_NO)).isInstanceOf(OtpSendResult.Sent.class);
            String smsCode = rig.smsCodes.values().iterator().next();
            byte[] bindingBefore = store.get("eid:dev:bind:" + AccountRig.tag(PN)).orElseThrow();
            long deliveriesBefore = rig.deliveries.get();
            long noticesBefore = rig.newDeviceNotices.get();

            redis.kill();

            List<Callable<Object>> attempts = List.of(
                    () -> rig.password(PN, phone, "10.0.0.1"),
                    () -> rig.password(PN, thief, "10.0.0.9"),
                    () -> rig.login.confirmNewDevice(AccountRig.confirmation(PN, pending.challengeId(), tabletCode, "10.0.0.2")),
                    () -> rig.login.validateSession(token),
                    () -> rig.login.beginUnlock(AccountRig.acct(PN), phone.id()),
                    () -> rig.login.logout(token),
                    () -> rig.login.revokeAllSessions(AccountRig.acct(PN)),
                    () -> rig.login.activeDevice(AccountRig.acct(PN)),
                    () -> rig.otp.send("login", OtpChannel.SMS, "0987654321"),
                    () -> rig.otp.verify("login", OtpChannel.SMS, PHONE_NO, smsCode, "10.0.0.1"));
            for (Callable<Object> a : attempts) {
                assertThatThrownBy(a::call).isInstanceOf(StateUnavailableException.class)
                        .isInstanceOf(StateStoreException.class);
            }
            assertThat(rig.deliveries.get()).as("no SMS sent while down").isEqualTo(deliveriesBefore);
            assertThat(rig.newDeviceNotices.get()).as("no code pushed while down").isEqualTo(noticesBefore);

            redis.restart();
            RedisStateStoreTest.awaitUsable(store);

            assertThat(store.get("eid:dev:bind:" + AccountRig.tag(PN)).orElseThrow()).as("binding as before").isEqualTo(bindingBefore);
            assertThat(rig.login.activeDevice(AccountRig.acct(PN)).orElseThrow().deviceId()).isEqualTo(phone.id());
            assertThat(rig.login.validateSession(token)).as("session survived").isInstanceOf(SessionValidation.Valid.class);
            assertThat(rig.otp.verify("login", OtpChannel.SMS, PHONE_NO, smsCode, "10.0.0.1"))
                    .as("the unconsumed SMS code survived").isInstanceOf(OtpVerification.Accepted.class);
            assertThat(rig.otp.verify("login", OtpChannel.SMS, PHONE_NO, smsCode, "10.0.0.1"))
                    .as("and is single-use").isInstanceOf(OtpVerification.Rejected.class);
            LoginResult switched = rig.login.confirmNewDevice(AccountRig.confirmation(PN, pending.challengeId(), tabletCode, "10.0.0.2"));
            assertThat(switched).as("the pending new-device code survived").isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(rig.login.validateSession(token)).as("old device signed out")
                    .isInstanceOf(SessionValidation.Invalid.class);
            assertThat(rig.login.confirmNewDevice(AccountRig.confirmation(PN, pending.challengeId(), tabletCode, "10.0.0.2")))
                    .isInstanceOf(LoginResult.Refused.class);
        }
    }
}
