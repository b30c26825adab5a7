package dev.lakehouse.chatd.provider.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestHashTests {

    @Test
    void caseWhitespaceAndUnicodeFormsDoNotChangeTheHash() {
        String plain = new RequestHash().add("system", "Be brief.").add("user", "Capital of  France?").hex();
        String noisy = new RequestHash().add("system", "  BE brief.\n").add("user", "capital\tof France?").hex();
        String fullWidth = new RequestHash().add("system", "Be brief.").add("user", "Capital of France？").hex();

        assertThat(noisy).isEqualTo(plain);
        assertThat(fullWidth).isEqualTo(new RequestHash().add("system", "Be brief.").add("user", "Capital of France?").hex());
    }

    @Test
    void rolesAndMessageBoundariesChangeTheHash() {
        String base = new RequestHash().add("user", "a b").hex();

        assertThat(new RequestHash().add("assistant", "a b").hex()).isNotEqualTo(base);
        assertThat(new RequestHash().add("user", "a").add("user", "b").hex()).isNotEqualTo(base);
        assertThat(new RequestHash().add("user", "a c").hex()).isNotEqualTo(base);
    }
}
