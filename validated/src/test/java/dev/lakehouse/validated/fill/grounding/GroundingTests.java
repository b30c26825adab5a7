package dev.lakehouse.validated.fill.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.validated.output.JsonMappers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GroundingTests {

    private static final JsonMapper JSON = JsonMappers.payloads();

    @ParameterizedTest(name = "{1} is grounded in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Client: NORTHWIND   Logistics Ltd.           | '\"northwind logistics\"'",
            "Café Aurora, Málaga                          | '\"Cafe Aurora\"'",
            "12  Dock Road ;  Leeds\tLS9 0AB              | '\"12 Dock Road, Leeds LS9 0AB\"'",
            "Rate £14.50/hr                               | 14.5",
            "Total € 1.250,00                             | 1250",
            "Total $1,250.00                              | 1250.00",
            "Amount: 1 250 CHF                            | '\"1 250\"'",
            "we need twelve pickers                       | 12",
            "half a dozen cleaners                        | 6",
            "Tuesday 3 March 2026                         | '\"2026-03-03\"'",
            "on March 3rd, 2026                           | '\"2026-03-03\"'",
            "due 03/04/2026                               | '\"2026-04-03\"'",
            "due 03/04/2026                               | '\"2026-03-04\"'",
            "am 2.3.2026                                  | '\"2026-03-02\"'",
            "on Tue 3 Mar                                 | '\"2026-03-03\"'",
            "from 7am                                     | '\"07:00\"'",
            "until 3:30 p.m.                              | '\"15:30\"'",
            "ab 19h30                                     | '\"19:30\"'",
            "at noon                                      | '\"12:00\"'",
            "2pm on 5 March 2026                          | '\"2026-03-05T14:00:00+01:00\"'",
            "Ref INV-2026-0142                            | '\"INV-2026-0142\"'",
            "write to ana.lopez@northwind.example         | '\"ana.lopez@northwind.example\"'"})
    void valuesAreFoundAfterNormalisingNotation(String source, String value) {
        assertThat(Grounding.supported(JSON.readTree(value), new SourceText(source))).isTrue();
    }

    @ParameterizedTest(name = "{1} is not grounded in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Client: Northwind                            | '\"Southwind\"'",
            "Northwind Logistics                          | '\"Northwind Log\"'",
            "Rate £14.50/hr                               | 15.5",
            "Rate £14.50/hr                               | 1450",
            "Total 1,250.00                               | '\"1,250.50\"'",
            "Item 3.3.2026                                | 3.3",
            "Tuesday 3 March 2026                         | '\"2026-03-04\"'",
            "Tuesday 3 March 2025                         | '\"2026-03-03\"'",
            "from 7am                                     | '\"19:00\"'",
            "2pm on 5 March 2026                          | '\"2026-03-05T15:00:00+01:00\"'",
            "2pm on 5 March 2026                          | '\"2026-03-06T14:00:00+01:00\"'"})
    void valuesAbsentFromTheSourceAreNot(String source, String value) {
        assertThat(Grounding.supported(JSON.readTree(value), new SourceText(source))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true", "null"})
    void booleansAndNullsCannotBeGroundedAndPass(String value) {
        JsonNode node = JSON.readTree(value);

        assertThat(Grounding.supported(node, new SourceText("nothing"))).isTrue();
    }
}
