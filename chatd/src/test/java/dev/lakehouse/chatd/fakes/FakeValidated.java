package dev.lakehouse.chatd.fakes;

import dev.lakehouse.chatd.fakes.FakeServer.Reply;

/**
 * A local stand-in for validated speaking its verdict contract (DESIGN 6, {@code POST /v1/validate}),
 * used until the real validated ships: a payload containing {@code INVALID} gets an error violation.
 */
public final class FakeValidated {

    private FakeValidated() {
    }

    public static Reply judge(FakeServer.Recorded request) {
        if (!"/v1/validate".equals(request.path())) {
            return Reply.json(404, "{\"status\":404}");
        }
        var body = request.json();
        String contract = body.path("contract").asString();
        boolean invalid = body.path("payload").asString("").contains("INVALID");
        return verdict(contract, !invalid);
    }

    public static Reply verdict(String contract, boolean valid) {
        String violations = valid ? "[]"
                : "[{\"code\":\"email.address.invalid\",\"path\":\"/to/0\",\"message\":\"'bob@' has no domain\",\"severity\":\"error\"}]";
        return Reply.json(200, """
                {"schema":"lakehouse.validation-verdict/v1","valid":%s,"contract":"%s","validatorVersion":"stand-in/1",
                 "durationMicros":42,"violations":%s}""".formatted(valid, contract, violations));
    }
}
