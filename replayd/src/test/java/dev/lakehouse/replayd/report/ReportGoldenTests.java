package dev.lakehouse.replayd.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.source.ObservationFilters;
import dev.lakehouse.replayd.source.SourceSpec;
import dev.lakehouse.replayd.target.TargetSpec;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of a committed golden set of twelve results (three roles, four regressions of
 * both causes, two improvements, a result without verdicts, errors, unpriced usage) equals the
 * committed expected report, which was computed independently of this code.
 */
class ReportGoldenTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PriceTable PRICES = new PriceTable("USD", List.of(
            new ReplaydProperties.Price("openai/gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.60")),
            new ReplaydProperties.Price("ollama/*", BigDecimal.ZERO, BigDecimal.ZERO)));

    @Test
    void goldenResultsGiveTheExpectedReport() throws IOException {
        List<ReplayResult> results = results();
        ReportBuilder builder = new ReportBuilder(PRICES);

        results.forEach(builder::add);
        ReplayReport report = builder.build(context());

        assertThat(normalised(JSON.valueToTree(report))).isEqualTo(normalised(JSON.readTree(resource("report.json"))));
    }

    @Test
    void goldenReportListsTheKnownRegressionsAndImprovementsWithTheirIds() throws IOException {
        ReportBuilder builder = new ReportBuilder(PRICES);

        results().forEach(builder::add);
        ReplayReport report = builder.build(context());

        assertThat(report.regressions()).extracting(ReplayReport.Change::recordId, ReplayReport.Change::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("obs_01", "invalid"),
                        org.assertj.core.groups.Tuple.tuple("obs_03", "error"),
                        org.assertj.core.groups.Tuple.tuple("obs_08", "error"),
                        org.assertj.core.groups.Tuple.tuple("obs_11", "invalid"));
        assertThat(report.regressions().getLast().codes()).containsExactly("fill.schema.required", "fill.placeholder");
        assertThat(report.improvements()).extracting(ReplayReport.Change::recordId).containsExactly("obs_02", "obs_05");
        assertThat(report.improvements().getLast().codes()).containsExactly("no_output");
    }

    @Test
    void goldenInputAndReportAreValidLakeRecords() throws IOException {
        SchemaCatalog catalog = SchemaCatalog.standard();
        for (String line : resource("results.jsonl").lines().toList()) {
            assertThat(catalog.validate(SchemaId.parse(ReplayResult.SCHEMA), JSON.readTree(line))).isEmpty();
        }
        ReportBuilder builder = new ReportBuilder(PRICES);

        results().forEach(builder::add);
        JsonNode written = JSON.valueToTree(builder.build(context()));

        assertThat(catalog.validate(SchemaId.parse(ReplayReport.SCHEMA), written)).isEmpty();
    }

    @Test
    void withoutValidationOrPricesTheReportHasNoPassRatesAndNoCost() throws IOException {
        ReportBuilder builder = new ReportBuilder(new PriceTable("USD", List.of()));
        ReportContext context = new ReportContext("rpl_golden0001", "succeeded", true, Instant.parse("2026-11-25T12:00:00Z"),
                source(), TargetSpec.model("openai/gpt-4o-mini"), EnumSet.of(CompareMode.EXACT));

        results().forEach(builder::add);
        ReplayReport report = builder.build(context);

        assertThat(report.passRates()).isNull();
        assertThat(report.cost()).isNull();
        assertThat(report.compare()).containsExactly("exact");
    }

    private static ReportContext context() {
        return new ReportContext("rpl_golden0001", "succeeded", true, Instant.parse("2026-11-25T12:00:00Z"), source(),
                TargetSpec.model("openai/gpt-4o-mini"), EnumSet.allOf(CompareMode.class));
    }

    private static SourceSpec source() {
        return SourceSpec.of(new ObservationFilters(List.of(), LocalDate.parse("2026-11-24"), null, List.of(), List.of(),
                ObservationFilters.DEFAULT_OUTCOMES, List.of(), List.of(), false));
    }

    private static List<ReplayResult> results() throws IOException {
        return resource("results.jsonl").lines().map(line -> JSON.readValue(line, ReplayResult.class)).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportGoldenTests.class.getResourceAsStream("/golden/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Numbers compare by value (1200 equals 1200.0, 0 equals 0.000000). */
    private static JsonNode normalised(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(field -> copy.set(field.getKey(), normalised(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalised(item)));
            return copy;
        }
        if (node.isNumber()) {
            return JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
