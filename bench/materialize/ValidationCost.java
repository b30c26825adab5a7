import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.schemas.SchemaCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single-thread cost per record of reading the lake three ways: parsing only; parsing and the
 * reader's validation (fast path for observation/v1, full JSON Schema validation on doubt);
 * parsing and the full JSON Schema validation of every record.
 *
 * Usage: java -cp <chassis classpath> ValidationCost.java <lake-dir>
 */
public class ValidationCost {

    public static void main(String[] args) throws Exception {
        Path lake = Path.of(args[0]);
        JsonMapper json = JsonMapper.builder().build();
        SchemaCatalog catalog = SchemaCatalog.standard();
        LakeReader parseOnly = new LakeReader(lake, json, null);
        LakeReader validating = new LakeReader(lake, json, catalog);
        List<Segment> segments = parseOnly.segments("observations", null, null);
        for (int round = 1; round <= 3; round++) {
            long records = 0;
            long t0 = System.nanoTime();
            for (Segment s : segments) {
                records += parseOnly.read(s, line -> { }).records();
            }
            long t1 = System.nanoTime();
            long invalid = 0;
            for (Segment s : segments) {
                invalid += validating.read(s, line -> { }).invalid().size();
            }
            long t2 = System.nanoTime();
            LongAdder violations = new LongAdder();
            for (Segment s : segments) {
                parseOnly.read(s, line -> violations.add(catalog.validate(line.record()).size()));
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: %d records; parse only %.2f us/record; parse + reader validation (fast path) %.2f us/record"
                    + " (%d invalid); parse + full JSON Schema validation %.2f us/record (%d violations)%n", round, records,
                    (t1 - t0) / 1e3 / records, (t2 - t1) / 1e3 / records, invalid, (t3 - t2) / 1e3 / records, violations.sum());
        }
    }
}
