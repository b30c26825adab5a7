package dev.lakehouse.replayd.compare;

import dev.lakehouse.replayd.peer.PeerErrors;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.peer.ValidateRequest;
import dev.lakehouse.replayd.peer.ValidatedClient;
import dev.lakehouse.schemas.replay.ReplayError;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an output with validated against a contract. A 4xx (an unknown contract, a payload
 * over validated's limit) leaves that output without a verdict, said in its error; a validated
 * that cannot answer through every retry stops the run.
 */
public final class Verdicts {

    private final ValidatedClient validated;
    private final Retry retry;
    private final JsonMapper json;

    public Verdicts(ValidatedClient validated, PeerRetries retries, JsonMapper json) {
        this.validated = validated;
        this.retry = retries.peer("validated");
        this.json = json;
    }

    public SideVerdict judge(String contract, @Nullable String output, @Nullable String systemPrompt) {
        if (output == null) {
            return SideVerdict.NO_OUTPUT;
        }
        ValidateRequest request = new ValidateRequest(contract, output,
                systemPrompt == null ? null : new ValidateRequest.Context(systemPrompt));
        try {
            ValidationVerdict verdict = retry.executeSupplier(() -> validated.validate(request));
            if (verdict == null) {
                return new SideVerdict(null, null, new ReplayError(null, "no_verdict", "validated answered without a verdict"));
            }
            return new SideVerdict(verdict.valid(), verdict, null);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                ReplayError error = PeerErrors.of(e, json);
                return new SideVerdict(null, null, new ReplayError(error.status(), error.code(),
                        "validated refused to judge the output: " + error.message()));
            }
            throw new PeerUnavailableException("validated kept failing (status " + e.getStatusCode().value() + ")", e);
        } catch (RestClientException e) {
            throw new PeerUnavailableException("validated cannot be reached (LAKEHOUSE_VALIDATED_URL): " + e.getMessage(), e);
        }
    }
}
