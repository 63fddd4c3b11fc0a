package io.github.eidvn.examples.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.eidvn.verifier.hospital.CheckInDecision;
import io.github.eidvn.verifier.hospital.HospitalCheckIn;

/** Hospital reception: the text a scanner typed (a signed QR, a plain JWS, a legacy chip-card QR) to a decision. */
@RestController
class CheckInController {

    private final HospitalCheckIn desk;

    CheckInController(HospitalCheckIn desk) {
        this.desk = desk;
    }

    @PostMapping(path = "/api/checkin", consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> checkIn(@RequestBody String scanned) {
        CheckInDecision d = desk.check(scanned);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", d.decision().name());
        out.put("status", d.status().name());
        out.put("message_vi", d.vietnamese());
        out.put("message_en", d.english());
        d.reasonCode().ifPresent(r -> out.put("reason", r));
        return out;
    }
}
