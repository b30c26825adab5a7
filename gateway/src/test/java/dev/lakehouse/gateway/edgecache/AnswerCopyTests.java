package dev.lakehouse.gateway.edgecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class AnswerCopyTests {

    private final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    @Test
    void buffersAreCopiedInOrderAndLeftUnreadForTheClient() {
        AnswerCopy copy = new AnswerCopy(1 << 20);
        DataBuffer first = buffer("{\"data\":");
        DataBuffer second = buffer("[1,2,3]}");

        copy.append(first);
        copy.append(second);

        assertThat(new String(copy.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":[1,2,3]}");
        assertThat(first.readableByteCount()).isEqualTo(8);
        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("{\"data\":");
    }

    @Test
    void anAnswerBeyondTheLimitIsNotKept() {
        AnswerCopy copy = new AnswerCopy(10);

        copy.append(buffer("0123456"));
        copy.append(buffer("789ab"));
        copy.append(buffer("c"));

        assertThat(copy.bytes()).isNull();
    }

    @Test
    void anAnswerLargerThanTheFirstAllocationGrowsToFit() {
        AnswerCopy copy = new AnswerCopy(1 << 20);
        String chunk = "x".repeat(5000);

        for (int i = 0; i < 10; i++) {
            copy.append(buffer(chunk));
        }

        assertThat(copy.bytes()).hasSize(50_000);
    }

    private DataBuffer buffer(String text) {
        return buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
