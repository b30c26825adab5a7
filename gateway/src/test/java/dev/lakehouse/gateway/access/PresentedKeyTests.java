package dev.lakehouse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class PresentedKeyTests {

    @Test
    void bearerSchemeIsCaseInsensitiveAndWinsOverXApiKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "BEARER  lh_abc ");
        headers.set("x-api-key", "lh_other");

        assertThat(PresentedKey.from(headers, false).secret()).isEqualTo("lh_abc");
    }

    @Test
    void basicCarriesTheKeyAsPasswordOrAsUserName() {
        HttpHeaders asPassword = basic("anyone:lh_abc");
        HttpHeaders asUser = basic("lh_abc:");

        assertThat(PresentedKey.from(asPassword, true).secret()).isEqualTo("lh_abc");
        assertThat(PresentedKey.from(asUser, true).secret()).isEqualTo("lh_abc");
        assertThat(PresentedKey.from(asPassword, false).secret()).isNull();
    }

    @Test
    void emptyOrUnknownSchemesAreProblemsNotAbsence() {
        HttpHeaders empty = new HttpHeaders();
        empty.set("Authorization", "Bearer");
        HttpHeaders digest = new HttpHeaders();
        digest.set("Authorization", "Digest abc");
        HttpHeaders badBase64 = new HttpHeaders();
        badBase64.set("Authorization", "Basic ***");

        assertThat(PresentedKey.from(empty, false).problem()).contains("no key");
        assertThat(PresentedKey.from(digest, false).problem()).contains("Bearer");
        assertThat(PresentedKey.from(badBase64, true).problem()).contains("base64");
        assertThat(PresentedKey.from(new HttpHeaders(), false).isAbsent()).isTrue();
    }

    private static HttpHeaders basic(String credentials) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
