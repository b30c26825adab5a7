package dev.lakehouse.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One suite for all end-to-end test classes of a run: starting seven JVMs on two cores
 * takes half a minute, so tests share it, and a test that kills a daemon restarts it.
 */
public final class SharedSuite {

    private static Suite suite;
    private static FakeChatProvider chatProvider;

    private SharedSuite() {
    }

    public static synchronized Suite get() {
        if (suite == null) {
            try {
                Path dataDir = Files.createTempDirectory("lakehouse-e2e-");
                chatProvider = FakeChatProvider.start();
                Map<String, String> env = new HashMap<>();
                // Unbuffered access logs: tests read them right after a request.
                env.put("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false");
                // chatd's one provider is a local fake speaking OpenAI's wire format.
                env.put("OPENAI_API_KEY", FakeChatProvider.API_KEY);
                env.put("OPENAI_BASE_URL", chatProvider.baseUrl());
                // The replay provider indexes new observations every second instead of every minute.
                env.put("LAKEHOUSE_CHATD_REPLAY_REFRESHINTERVAL", "1s");
                suite = Suite.start(dataDir, env);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Suite started = suite;
            FakeChatProvider provider = chatProvider;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                provider.close();
                TempDirs.deleteQuietly(started.dataDir());
            }));
        }
        return suite;
    }

    /** The fake OpenAI chatd talks to in the shared suite. */
    public static synchronized FakeChatProvider chatProvider() {
        get();
        return chatProvider;
    }
}
