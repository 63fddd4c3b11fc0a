package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eidvn.verifier.sharing.OpenReason;
import io.github.eidvn.verifier.sharing.OpenRejected;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class RejectedTest {

    @Test
    void rejected_isARefusal_withTheReasonsMessages() {
        Rejected r = new Rejected(Reason.MALFORMED, "three parts expected");

        assertThat(r.message(Locale.forLanguageTag("vi"))).isEqualTo("Mã không đúng định dạng.");
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("The code is not in a valid format.");
        assertThat(r.describe()).isEqualTo("MALFORMED: three parts expected");
    }

    @Test
    void openRejected_isARefusal_withTheReasonsMessages() {
        OpenReason reason = OpenReason.values()[0];
        OpenRejected r = new OpenRejected(reason, "detail");

        assertThat(r.message(Locale.forLanguageTag("vi"))).isEqualTo(reason.vietnamese());
        assertThat(r.message(Locale.ENGLISH)).isEqualTo(reason.english());
        assertThat(r.describe()).isEqualTo(reason.name() + ": detail");
    }

    @Test
    void rejected_withoutReasonOrDetail_throwsNamingIt() {
        assertThatThrownBy(() -> new Rejected(null, "d")).isInstanceOf(NullPointerException.class).hasMessage("reason");
        assertThatThrownBy(() -> new OpenRejected(OpenReason.values()[0], null))
                .isInstanceOf(NullPointerException.class).hasMessage("detail");
    }
}
