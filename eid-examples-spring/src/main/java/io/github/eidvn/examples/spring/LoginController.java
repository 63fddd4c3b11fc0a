package io.github.eidvn.examples.spring;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.eidvn.account.Masking;
import io.github.eidvn.account.device.DevicePublicKey;
import io.github.eidvn.spring.boot.security.EidLoginRefusedException;
import io.github.eidvn.spring.boot.security.EidPasswordLogin;
import io.github.eidvn.spring.boot.security.EidSessionAuthentication;
import jakarta.servlet.http.HttpServletRequest;

/** App login with one device per account, and one endpoint that needs the session. */
@RestController
class LoginController {

    /**
     * A login request.
     *
     * @param personalNumber the account
     * @param password the password
     * @param deviceId the app's device id
     * @param devicePublicKey the device's P-256 public key, X.509 SubjectPublicKeyInfo, base64
     */
    record Login(String personalNumber, String password, String deviceId, String devicePublicKey) {
        @Override
        public String toString() {
            return "Login[" + Masking.account(String.valueOf(personalNumber)) + ", device=" + deviceId + "]";
        }
    }

    private final AuthenticationManager auth;

    LoginController(AuthenticationManager auth) {
        this.auth = auth;
    }

    @PostMapping("/api/login")
    ResponseEntity<Map<String, Object>> login(@RequestBody Login body, HttpServletRequest request) {
        if (body.personalNumber() == null || body.password() == null || body.deviceId() == null
                || body.devicePublicKey() == null) {
            return ResponseEntity.badRequest().body(Map.of("message", "Thiếu thông tin đăng nhập. / Missing fields."));
        }
        DevicePublicKey key;
        try {
            key = DevicePublicKey.parse(Base64.getDecoder().decode(body.devicePublicKey())).orElse(null);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null) {
            return ResponseEntity.badRequest().body(Map.of("message",
                    "Khóa thiết bị không hợp lệ. / The device key is not a P-256 public key."));
        }
        EidSessionAuthentication session = (EidSessionAuthentication) auth.authenticate(new EidPasswordLogin(
                body.personalNumber(), body.password().toCharArray(), body.deviceId(), key, request.getRemoteAddr()));
        return ResponseEntity.ok(Map.of("session_token", session.sessionToken().orElseThrow().value()));
    }

    @ExceptionHandler(EidLoginRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(EidLoginRefusedException e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", e.getMessage());
        e.reason().ifPresent(r -> out.put("reason", r.name()));
        e.newDeviceChallengeId().ifPresent(c -> out.put("challenge_id", c));
        e.retryAt().ifPresent(t -> out.put("retry_at", t.toString()));
        return ResponseEntity.status(e.newDeviceChallengeId().isPresent() ? HttpStatus.ACCEPTED
                : HttpStatus.UNAUTHORIZED).body(out);
    }

    @GetMapping("/api/me")
    Map<String, Object> me(@AuthenticationPrincipal String personalNumber) {
        return Map.of("account", Masking.account(personalNumber));
    }
}
