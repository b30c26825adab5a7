package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.List;

/** The message that feeds violations back to the model under the {@code reask} policy. */
final class Reask {

    private Reask() {
    }

    static String feedback(Role role, List<Violation> violations) {
        StringBuilder text = new StringBuilder("Your previous answer was rejected: it breaks the ")
                .append(role.contract()).append(" contract of this task.\n");
        for (Violation violation : violations) {
            text.append("- ").append(violation.code());
            if (!violation.path().isEmpty()) {
                text.append(" at ").append(violation.path());
            }
            text.append(": ").append(violation.message()).append('\n');
        }
        return text.append("Answer again, fixing every point above, and reply with the corrected answer only.").toString();
    }
}
