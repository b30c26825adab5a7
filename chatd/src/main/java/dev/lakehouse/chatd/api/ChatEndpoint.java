package dev.lakehouse.chatd.api;

import dev.lakehouse.chatd.chat.Caller;
import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatError;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.dispatch.Answer;
import dev.lakehouse.chatd.dispatch.CallTrace;
import dev.lakehouse.chatd.dispatch.Candidate;
import dev.lakehouse.chatd.dispatch.ChatDispatcher;
import dev.lakehouse.chatd.dispatch.StreamSink;
import dev.lakehouse.chatd.gate.RoleGate;
import dev.lakehouse.chatd.model.ModelCatalog;
import dev.lakehouse.chatd.observation.ObservationRecorder;
import dev.lakehouse.chatd.provider.StreamEvent;
import dev.lakehouse.chatd.role.Contract;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.chatd.role.RoleRegistry;
import dev.lakehouse.schemas.observation.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chat call, whatever the surface: resolve the role, the gate, the chain; dispatch; answer
 * (JSON, live stream for text roles, buffered stream for roles whose contract is checked first);
 * then, after the response, one observation.
 */
public final class ChatEndpoint {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoleRegistry roles;
    private final ModelCatalog catalog;
    private final ChatDispatcher dispatcher;
    private final ObservationRecorder recorder;
    private final JsonMapper json;

    public ChatEndpoint(RoleRegistry roles, ModelCatalog catalog, ChatDispatcher dispatcher,
            ObservationRecorder recorder, JsonMapper json) {
        this.roles = roles;
        this.catalog = catalog;
        this.dispatcher = dispatcher;
        this.recorder = recorder;
        this.json = json;
    }

    public void handle(SurfaceCodec codec, JsonNode body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Caller caller = Callers.from(request);
        ChatCall call = codec.parse(body, request.getHeader(ChatHeaders.ROLE));
        Role role = roles.find(call.role()).orElseThrow(() -> ChatException.invalid("unknown role '" + call.role()
                + "'; roles: " + String.join(", ", roles.names()), "lakehouse.role"));
        if (call.contract() != null && !call.contract().equals(role.contract().id())) {
            throw ChatException.invalid("role '" + role.name() + "' has contract " + role.contract() + ", not "
                    + call.contract() + "; the contract comes from the role", "lakehouse.contract");
        }
        CallTrace trace = new CallTrace(caller, call, role);
        String responseId = responseId();
        try {
            serve(codec, call, role, trace, response, responseId);
        } catch (ChatException e) {
            if (e.error().type() == ChatError.Type.PERMISSION) {
                trace.denied(e.error());
            } else {
                trace.failed(e.error().type() == ChatError.Type.INVALID_OUTPUT ? Outcome.REJECTED : Outcome.FAILED,
                        e.error());
            }
            if (!response.isCommitted()) {
                writeJson(response, codec.error(e.error()), trace);
            }
        } catch (IOException clientGone) {
            trace.cancelled();
        } catch (RuntimeException e) {
            trace.failed(Outcome.FAILED, new ChatError(HttpStatus.INTERNAL_SERVER_ERROR, ChatError.Type.INTERNAL,
                    "chatd failed unexpectedly", null, "internal_error", null));
            throw e;
        } finally {
            recorder.record(trace);
        }
    }

    private void serve(SurfaceCodec codec, ChatCall call, Role role, CallTrace trace, HttpServletResponse response,
            String responseId) throws IOException {
        String refusal = RoleGate.refusal(trace.caller(), role);
        if (refusal != null) {
            throw ChatException.forbidden("role_not_allowed", refusal);
        }
        List<Candidate> candidates = catalog.candidates(role, call.model());
        if (!call.stream()) {
            Answer answer = dispatcher.answer(trace, candidates);
            ChatHeaders.flagged(response, answer.outcome() == Outcome.FLAGGED ? answer.judgement().violations() : List.of());
            writeJson(response, ResponseEntity.ok(codec.answer(call, answer, responseId)), trace);
        } else if (role.contract().kind() == Contract.Kind.TEXT) {
            dispatcher.openLive(trace, candidates).relay(codec.streamSink(call, response, responseId));
        } else {
            // The contract is checked before anything is sent: the whole answer first, then as a stream.
            Answer answer = dispatcher.answer(trace, candidates);
            ChatHeaders.flagged(response, answer.outcome() == Outcome.FLAGGED ? answer.judgement().violations() : List.of());
            StreamSink sink = codec.streamSink(call, response, responseId);
            sink.open(answer.servedBy(), trace);
            sink.event(new StreamEvent(answer.reply().content(), answer.reply().toolCalls(), null, null));
            sink.finish(answer.reply().finishReason(), answer.reply().usage());
        }
    }

    private void writeJson(HttpServletResponse response, ResponseEntity<JsonNode> entity, CallTrace trace)
            throws IOException {
        byte[] bytes = json.writeValueAsBytes(entity.getBody());
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        ChatHeaders.apply(response, trace, null);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        OutputStream out = response.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private static String responseId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
