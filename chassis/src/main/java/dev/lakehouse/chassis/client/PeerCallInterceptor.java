package dev.lakehouse.chassis.client;

import dev.lakehouse.chassis.LakehouseHeaders;
import dev.lakehouse.chassis.requestid.RequestIds;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the internal token and the current request id on a call to a peer daemon. Only
 * ever installed on clients of peers: a provider such as OpenAI must never see the token.
 */
public class PeerCallInterceptor implements ClientHttpRequestInterceptor {

    private final String token;

    public PeerCallInterceptor(String token) {
        this.token = token;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().set(LakehouseHeaders.INTERNAL_TOKEN, token);
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null && !request.getHeaders().containsHeader(LakehouseHeaders.REQUEST_ID)) {
            request.getHeaders().set(LakehouseHeaders.REQUEST_ID, requestId);
        }
        return execution.execute(request, body);
    }
}
