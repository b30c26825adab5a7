package dev.lakehouse.materializerd.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input is a 400 problem saying why; unknown ids are 404 problems; never a 500. */
class MaterializationErrorsTests extends MaterializerdTestBase {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"x"}                                                                 | recipe is required
            {"recipe":"dpo","name":"x"}                                                  | unknown recipe 'dpo'
            {"recipe":"sft"}                                                             | name is required
            {"recipe":"sft","name":"../etc"}                                             | name is required and must match
            {"recipe":"sft","name":"Upper"}                                              | name is required and must match
            {"recipe":"sft","name":"x","filters":{"from":"2026-11-25","to":"2026-11-24"}} | is after filters.to
            {"recipe":"sft","name":"x","filters":{"minTokens":10,"maxTokens":5}}          | minTokens is greater
            {"recipe":"sft","name":"x","options":{"evalRatio":1.0}}                        | options.evalRatio must be in [0, 1)
            {"recipe":"sft","name":"x","options":{"sampleRate":0}}                         | options.sampleRate must be in (0, 1]
            {"recipe":"sft","name":"x","options":{"maxRecords":0}}                         | options.maxRecords must be 1..
            {"recipe":"sft","name":"x","options":{"format":"trl"}}                         | applies only to the preference recipe
            {"recipe":"sft","name":"x","options":{"chunkSize":100}}                        | applies only to the rag recipe
            {"recipe":"preference","name":"x","options":{"format":"dpo"}}                  | options.format must be openai or trl
            {"recipe":"rag","name":"x","options":{"chunkSize":10}}                         | options.chunkSize must be
            {"recipe":"rag","name":"x","options":{"chunkSize":100,"chunkOverlap":60}}      | options.chunkOverlap must be
            {"recipe":"rag","name":"x","options":{"push":{"collection":"bad name"}}}       | options.push.collection must match
            {"recipe":"sft","name":"x","documents":[{"id":"d","text":"t"}]}                | only with the rag recipe
            {"recipe":"rag","name":"x","documents":[{"id":"d","text":" "}]}                | documents[0].text is required
            {"recipe":"rag","name":"x","documents":[{"id":"d","text":"a"},{"id":"d","text":"b"}]} | documents[1].id 'd' is repeated
            {"recipe":"rag","name":"x","documents":[{"id":"d","text":"a","metadata":{"source":"s"}}]} | not be 'source' or 'chunk'
            {"recipe":"rag","name":"x","documents":[{"id":"d","text":"a","metadata":{"tags":["a"]}}]} | must be a string, number or boolean
            """)
    void badRequestIsA400ProblemThatSaysWhy(String body, String reason) {
        HttpResponse<String> response = post("/v1/materializations", body);

        JsonNode problem = problem(response, 400);
        assertThat(problem.path("detail").asString()).contains(reason);
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        HttpResponse<String> response = post("/v1/materializations", """
                {"recipe":"sft","name":"x","options":{"dedup":false}}""");

        assertThat(problem(response, 400).path("detail").asString()).contains("dedup");
    }

    @Test
    void aNameBelongsToOneRecipe() {
        materialize("""
                {"recipe":"sft","name":"taken"}""");

        HttpResponse<String> response = post("/v1/materializations", """
                {"recipe":"preference","name":"taken"}""");

        assertThat(problem(response, 409).path("detail").asString()).contains("already exists with recipe sft");
    }

    @Test
    void unknownJobIsA404Problem() {
        problem(get("/v1/materializations/mat_nope"), 404);
        problem(delete("/v1/materializations/mat_nope"), 404);
    }

    @Test
    void unknownDatasetVersionOrFileIsA404Problem() {
        materialize("""
                {"recipe":"sft","name":"known"}""");

        problem(get("/v1/datasets/unknown/1"), 404);
        problem(get("/v1/datasets/known/7"), 404);
        problem(get("/v1/datasets/known/1/files/manifest.json"), 404);
        problem(get("/v1/datasets/known/1/files/part-99999.jsonl"), 404);
        problem(get("/v1/datasets/known/latest"), 400);
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        return json(response);
    }
}
