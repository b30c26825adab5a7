package dev.lakehouse.bench.vector;

import dev.lakehouse.vectord.collection.Quantization;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of bench/vector (see run.sh):
 * <pre>
 * generate OUT NAME N QUERIES DIMENSION
 * engine   SETS NAME DATA COLLECTION QUANTIZATION SWEEP(comma-separated) SECONDS KEEP(true|false)
 * bare     SETS NAME INDEX_DIR SWEEP SECONDS
 * lua      SETS NAME SCRIPT COLLECTION TOKEN COUNT NUM_CANDIDATES
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> Generate.run(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            case "engine" -> EngineBench.run(Path.of(args[1]), args[2], Path.of(args[3]), args[4],
                    Quantization.parse(args[5]), Arrays.stream(args[6].split(",")).mapToInt(Integer::parseInt).toArray(),
                    Double.parseDouble(args[7]), Boolean.parseBoolean(args[8]));
            case "bare" -> BareLucene.run(Path.of(args[1]), args[2], Path.of(args[3]),
                    Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray(), Double.parseDouble(args[5]));
            case "lua" -> LuaScript.write(Path.of(args[1]), args[2], Path.of(args[3]), args[4], args[5],
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }
}
