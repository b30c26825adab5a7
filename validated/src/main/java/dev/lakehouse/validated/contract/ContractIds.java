package dev.lakehouse.validated.contract;

import dev.lakehouse.schemas.SchemaId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of contract ids: {@code text}, {@code email}, {@code email:<name>} and
 * {@code fill:lakehouse.contract.<name>/v<N>}.
 */
public final class ContractIds {

    public static final String TEXT = "text";
    public static final String EMAIL = "email";
    private static final Pattern EMAIL_NAMED = Pattern.compile("email:[a-z][a-z0-9-]{0,62}");
    private static final String FILL_PREFIX = "fill:";
    private static final String CONTRACT_TYPE_PREFIX = "contract.";

    private ContractIds() {
    }

    /** The kind the id names, or empty when it is not a well-formed contract id. */
    public static Optional<ContractKind> kindOf(String id) {
        if (TEXT.equals(id)) {
            return Optional.of(ContractKind.TEXT);
        }
        if (EMAIL.equals(id) || EMAIL_NAMED.matcher(id).matches()) {
            return Optional.of(ContractKind.EMAIL);
        }
        if (id.startsWith(FILL_PREFIX) && fillSchemaId(id).isPresent()) {
            return Optional.of(ContractKind.FILL);
        }
        return Optional.empty();
    }

    /** The schema id of a fill contract id ({@code fill:lakehouse.contract.x/v1}). */
    public static Optional<SchemaId> fillSchemaId(String id) {
        try {
            SchemaId schemaId = SchemaId.parse(id.substring(FILL_PREFIX.length()));
            return schemaId.type().startsWith(CONTRACT_TYPE_PREFIX) ? Optional.of(schemaId) : Optional.empty();
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public static String fill(SchemaId schemaId) {
        return FILL_PREFIX + schemaId;
    }

    public static String describeSyntax() {
        return "text, email, email:<name> or fill:lakehouse.contract.<name>/v<N>";
    }
}
