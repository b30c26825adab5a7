package dev.lakehouse.bench.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, as the kernel counts it (heap, off-heap, and mapped index pages touched). */
final class Memory {

    private Memory() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%s (heap used %.0f MiB of %.0f MiB max)", status("VmRSS"),
                (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.maxMemory() / 1048576.0);
    }

    static String status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
