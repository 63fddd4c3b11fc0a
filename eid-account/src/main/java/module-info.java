/**
 * eid account: the e-ID account rules on the eid state store (password policy and Argon2id hashing, OTP, one bound
 * device and sessions, locks, the security audit). A relying party that only verifies assertions or QR codes does not
 * need this module.
 */
module io.github.eidvn.account {
    requires transitive io.github.eidvn.core;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires java.net.http;
    requires com.nulabinc.zxcvbn;

    exports io.github.eidvn.account;
    exports io.github.eidvn.account.password;
    exports io.github.eidvn.account.lock;
    exports io.github.eidvn.account.otp;
    exports io.github.eidvn.account.device;
}
