package io.github.eidvn.account.otp;

/**
 * SPI: delivers an out-of-band code by SMS or e-mail (an SMS gateway, a mail server).
 *
 * <p>Return normally when the message was handed over; throw any {@link RuntimeException} when it was not: the
 * service then invalidates the code and reports {@link OtpSendResult.Reason#DELIVERY_FAILED}.
 *
 * <p><b>Security.</b> The message contains the code: do not log it.
 */
@FunctionalInterface
public interface OtpSender {

    /**
     * Delivers one code.
     *
     * @param message the message
     */
    void send(OtpMessage message);
}
