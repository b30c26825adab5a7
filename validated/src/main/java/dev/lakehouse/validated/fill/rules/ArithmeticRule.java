package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.Located;
import dev.lakehouse.validated.verdict.PointerPattern;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type": "sum", "of": ["/lineItems/*}{@code /amount"], "equals": "/subtotal", "tolerance": 0.01}}
 * and {@code "type": "product"}: the total or product of the values must equal the target within
 * the tolerance (default 0: exact decimal arithmetic, no binary rounding). Codes
 * {@code fill.rule.sum} and {@code fill.rule.product}.
 */
public record ArithmeticRule(String id, @Nullable PointerPattern each, @Nullable Condition when, @Nullable String message,
        boolean product, List<PointerPattern> of, PointerPattern equalsPath, BigDecimal tolerance) implements FillRule {

    @Override
    public void check(JsonNode scope, String base, Findings findings) {
        BigDecimal expected = Values.decimal(equalsPath.at(scope));
        if (expected == null) {
            return;
        }
        BigDecimal computed = product ? BigDecimal.ONE : BigDecimal.ZERO;
        for (PointerPattern pattern : of) {
            List<Located> values = pattern.resolve(scope);
            if (values.isEmpty() && !pattern.hasWildcard()) {
                return;
            }
            for (Located value : values) {
                BigDecimal number = Values.decimal(value.node());
                if (number == null) {
                    return;
                }
                computed = product ? computed.multiply(number) : computed.add(number);
            }
        }
        if (computed.subtract(expected).abs().compareTo(tolerance) > 0) {
            String operation = (product ? "product of " : "sum of ") + of;
            findings.error(product ? "fill.rule.product" : "fill.rule.sum", base + equalsPath, explain(operation + " is "
                    + computed.toPlainString() + " but " + equalsPath + " is " + expected.toPlainString()));
        }
    }
}
