package dev.lakehouse.validated.api;

import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractIds;
import dev.lakehouse.validated.contract.ContractKind;
import dev.lakehouse.validated.contract.ContractRegistry;
import dev.lakehouse.validated.validation.ValidationRequest;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code {kind?, contract?, payload, context?}}. Strict: an unknown member, a wrong type
 * or an inconsistent kind is a 400 naming the member; a well-formed but unknown contract a 404.
 * {@code kind} alone picks the default contract ({@code text} or {@code email}); {@code contract}
 * alone implies its kind.
 */
final class ValidationRequestReader {

    private static final Set<String> MEMBERS = Set.of("kind", "contract", "payload", "context");

    private final ContractRegistry contracts;
    private final ValidationContextReader contexts;
    private final int maxPayloadChars;

    ValidationRequestReader(ContractRegistry contracts, int maxPayloadChars) {
        this.contracts = contracts;
        this.contexts = new ValidationContextReader(maxPayloadChars);
        this.maxPayloadChars = maxPayloadChars;
    }

    ValidationRequest read(JsonNode body, String at) {
        if (!body.isObject()) {
            throw InvalidRequestException.at(at, "must be an object {kind, contract, payload, context}");
        }
        for (String name : body.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw InvalidRequestException.at(at + "/" + name, "unknown member; a request has kind, contract, payload, context");
            }
        }
        Contract contract = contract(body, at);
        JsonNode payload = body.get("payload");
        if (payload == null || payload.isNull()) {
            throw InvalidRequestException.at(at + "/payload", "is required: the output to validate, as JSON or as a string");
        }
        if (payload.isString() && payload.asString().length() > maxPayloadChars) {
            throw LimitExceededException.textTooLong(at + "/payload", payload.asString().length(), maxPayloadChars);
        }
        if (contract.kind() == ContractKind.TEXT && !payload.isString()) {
            throw InvalidRequestException.at(at + "/payload", "must be a string for a text contract");
        }
        ValidationContext context = contexts.read(body.get("context"), at + "/context");
        return new ValidationRequest(contract, payload, context);
    }

    private Contract contract(JsonNode body, String at) {
        ContractKind kind = kind(body.get("kind"), at + "/kind");
        JsonNode contractNode = body.get("contract");
        if (contractNode == null || contractNode.isNull()) {
            if (kind == null) {
                throw InvalidRequestException.at(at, "needs a kind (text, email, fill) or a contract");
            }
            if (kind == ContractKind.FILL) {
                throw InvalidRequestException.at(at + "/contract", "is required for kind fill: fill:lakehouse.contract.<name>/v<N>");
            }
            return find(kind == ContractKind.TEXT ? ContractIds.TEXT : ContractIds.EMAIL, at + "/contract");
        }
        if (!contractNode.isString()) {
            throw InvalidRequestException.at(at + "/contract", "must be a string: " + ContractIds.describeSyntax());
        }
        String id = contractNode.asString();
        ContractKind implied = ContractIds.kindOf(id).orElseThrow(() -> InvalidRequestException.at(at + "/contract",
                "'" + abbreviate(id) + "' is not a contract id; expected " + ContractIds.describeSyntax()));
        if (kind != null && kind != implied) {
            throw InvalidRequestException.at(at + "/kind", "is " + kind.wireName() + " but contract " + id + " is of kind "
                    + implied.wireName());
        }
        return find(id, at + "/contract");
    }

    private static @Nullable ContractKind kind(@Nullable JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return null;
        }
        return ContractKind.fromWireName(node.isString() ? node.asString() : "")
                .orElseThrow(() -> InvalidRequestException.at(pointer, "must be text, email or fill"));
    }

    private Contract find(String id, String pointer) {
        return contracts.find(id).orElseThrow(() -> UnknownContractException.of(pointer, id,
                contracts.all().stream().map(Contract::id).toList()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
