package dev.lakehouse.materializerd.option;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ContentKeyTests {

    @Test
    void keyIsTheFirst64BitsOfSha256OverTheNormalisedParts() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("user\u001fhello world\u001f".getBytes(StandardCharsets.UTF_8));

        assertThat(ContentKey.of("User", "  Hello \n\t World ")).isEqualTo(ByteBuffer.wrap(digest).getLong());
    }

    @Test
    void nonAsciiTextIsNormalisedTheSameWay() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("grüße 😀 ok\u001f".getBytes(StandardCharsets.UTF_8));

        assertThat(ContentKey.of(" Grüße  😀 OK "))
                .isEqualTo(ByteBuffer.wrap(digest).getLong());
    }
}
