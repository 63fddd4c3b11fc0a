package io.github.eidvn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PublicServiceFormExampleTest {

    @Test
    void run_fillsTheResidenceFormFromConsentedData_citizenTypesOnlyWhatTheRegistryLacks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PublicServiceFormExample.Outcome o = PublicServiceFormExample.run(new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        assertThat(o.typed()).containsExactly("Số hộ chiếu", "Số điện thoại", "Thư điện tử", "Nghề nghiệp",
                "Nơi làm việc");
        assertThat(o.autoFilled()).hasSize(17);
        assertThat(o.form()).containsEntry("Họ, chữ đệm và tên", "Nguyễn Thị Minh Khai")
                .containsEntry("Ngày, tháng, năm sinh", "17/05/2003").containsEntry("Giới tính", "Nữ")
                .containsEntry("Số định danh cá nhân của chủ hộ", "079070001234")
                .containsEntry("Tình trạng hôn nhân", "Chưa kết hôn").containsEntry("Số hộ chiếu", "C1234567");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ").contains("[CSDL dân cư / registry]")
                .contains("[công dân nhập / typed]").contains("once-only");
    }
}
