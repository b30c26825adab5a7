package dev.lakehouse.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line to completion, with a deadline, its output kept for the failure message. */
public final class Commands {

    private Commands() {
    }

    /** What a finished command printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        public Result orThrow(List<String> command) {
            if (!succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ":\n" + tail());
            }
            return this;
        }

        private String tail() {
            return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
        }
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("lakehouse-command", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Whether a program answers at all (found on PATH and exits 0 for the given arguments). */
    public static boolean works(List<String> command) {
        try {
            return run(command, Duration.ofSeconds(30)).succeeded();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
