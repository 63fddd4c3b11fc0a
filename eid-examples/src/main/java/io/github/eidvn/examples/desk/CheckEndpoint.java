package io.github.eidvn.examples.desk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.CheckInRequests;

/**
 * {@code POST /api/check}: reads the body within its limits and deadline, runs the check on a decision worker and
 * answers the decision; also the refusals the desk makes before any check runs, dated by the desk's clock.
 */
final class CheckEndpoint {

    /** The desk's one log category, whichever part of it writes. */
    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);

    private final CheckInRequests requests;
    private final ExecutorService decisionPool;
    private final Duration textDeadline;
    private final Duration imageDeadline;
    private final Clock clock;
    private final ZoneId zone;

    CheckEndpoint(CheckInRequests requests, ExecutorService decisionPool, Duration textDeadline,
            Duration imageDeadline, Clock clock, ZoneId zone) {
        this.requests = requests;
        this.decisionPool = decisionPool;
        this.textDeadline = textDeadline;
        this.imageDeadline = imageDeadline;
        this.clock = clock;
        this.zone = zone;
    }

    /** Answers a {@code REJECTED} decision of today made before the check runs. */
    void refuse(HttpExchange ex, int status, Reason reason, String detail) throws IOException {
        DeskResponses.sendDecision(ex, status, CheckInDecision.rejected(today(), reason, detail));
    }

    void check(HttpExchange ex) throws IOException {
        Optional<CheckInRequests.Input> input = CheckInRequests.Input.ofContentType(
                ex.getRequestHeaders().getFirst("Content-Type"));
        if (input.isEmpty()) {
            RequestBodies.drain(ex);
            DeskResponses.sendDecision(ex, 415, requests.unsupportedType());
            return;
        }
        CheckInRequests.Input in = input.get();
        String kind = in == CheckInRequests.Input.TEXT ? "text" : "image";
        RequestBodies.Body body = RequestBodies.read(ex, in.maxBytes(),
                in == CheckInRequests.Input.TEXT ? textDeadline : imageDeadline);
        if (body.failure() == RequestBodies.Failure.TIMEOUT) {
            CheckInDecision d = CheckInDecision.rejected(today(), Reason.CHECK_UNAVAILABLE,
                    "request body not received within its deadline");
            log(kind, d);
            ex.getResponseHeaders().set("Connection", "close");
            DeskResponses.sendDecision(ex, 408, d);
            return;
        }
        Optional<CheckInRequests.Answer> decided = body.failure() == RequestBodies.Failure.TOO_LARGE
                ? Optional.of(requests.tooLarge(in)) : decide(in, body.bytes());
        if (decided.isEmpty()) {
            refuse(ex, 503, Reason.CHECK_UNAVAILABLE, "too many checks waiting; try again");
            return;
        }
        CheckInRequests.Answer answer = decided.get();
        log(kind, answer.decision());
        int status = switch (answer.result()) {
            case DECIDED -> 200;
            case TOO_LARGE -> 413;
            case BUSY -> 503;
        };
        DeskResponses.sendDecision(ex, status, answer.decision());
    }

    /** The check on a decision worker (connection threads only read and write); empty when the pool is full. */
    private Optional<CheckInRequests.Answer> decide(CheckInRequests.Input in, byte[] body) {
        Future<CheckInRequests.Answer> f;
        try {
            f = decisionPool.submit(() -> requests.check(in, body));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("check failed", e.getCause());
        }
    }

    /** The only log line about a check: decision, reason code, masked number. No name, no card number. */
    private static void log(String kind, CheckInDecision d) {
        LOG.info("check {}: {} {} {}", kind, d.decision(), d.reasonCode().orElse("-"),
                d.patient().flatMap(CheckInDecision.Patient::maskedPersonalNumber).orElse("-"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
