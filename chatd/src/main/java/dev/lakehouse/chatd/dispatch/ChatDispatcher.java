package dev.lakehouse.chatd.dispatch;

import dev.lakehouse.chatd.chat.ChatCall;
import dev.lakehouse.chatd.chat.ChatException;
import dev.lakehouse.chatd.chat.Message;
import dev.lakehouse.chatd.gate.BleedDetector;
import dev.lakehouse.chatd.provider.ProviderException;
import dev.lakehouse.chatd.provider.ProviderRegistry;
import dev.lakehouse.chatd.provider.ProviderReply;
import dev.lakehouse.chatd.role.Contract;
import dev.lakehouse.chatd.role.InvalidPolicy;
import dev.lakehouse.chatd.role.Role;
import dev.lakehouse.chatd.validation.ContractValidator;
import dev.lakehouse.schemas.observation.AttemptStatus;
import dev.lakehouse.schemas.observation.Outcome;
import dev.lakehouse.schemas.observation.Output;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Walks a call's chain (DESIGN 7): per provider, retries under its Resilience4j guard, fails over
 * on provider faults, returns the request's own 4xx, judges every answer (bleed, contract) and
 * applies the role's on-invalid policy within the role's attempt limit. Every try is recorded in
 * the {@link CallTrace}.
 */
public final class ChatDispatcher {

    private final AttemptRunner attempts;
    private final BleedDetector bleed;
    private final ContractValidator validator;

    public ChatDispatcher(ProviderRegistry providers, ProviderGuards guards, BleedDetector bleed,
            ContractValidator validator) {
        this.attempts = new AttemptRunner(providers, guards);
        this.bleed = bleed;
        this.validator = validator;
    }

    /** A complete answer: non-streamed calls, and streams of roles whose contract must be checked before sending. */
    public Answer answer(CallTrace trace, List<Candidate> candidates) {
        Judgement lastRejection = null;
        String lastRejected = null;
        for (Candidate candidate : candidates) {
            List<Message> conversation = new ArrayList<>(conversation(trace.role(), trace.call()));
            boolean reask = false;
            while (true) {
                AttemptRunner.Attempted attempted;
                try {
                    attempted = attempts.complete(trace, candidate, conversation, reask);
                } catch (AttemptsExhausted e) {
                    throw ended(trace, lastRejection, lastRejected);
                } catch (ProviderException e) {
                    if (e.returnedToClient() && (candidate.explicit() || !Integer.valueOf(404).equals(e.httpStatus()))) {
                        throw Failures.clientError(e);
                    }
                    break;
                }
                ProviderReply reply = attempted.reply();
                Judgement judgement = judge(trace, reply.content());
                trace.answeredAttempt(candidate, attempted.startedAt(), attempted.latencyMs(), null,
                        status(judgement), reply.httpStatus(), reask, reply.content(), reply.usage(),
                        judgement.violations(), null);
                if (judgement.valid()) {
                    return served(trace, candidate, reply, judgement, Outcome.OK);
                }
                if (judgement.validationUnavailable()) {
                    trace.judged(judgement);
                    throw Failures.validationUnavailable(trace.role().contract().id(), judgement.errors());
                }
                InvalidPolicy policy = trace.role().onInvalid();
                if (policy == InvalidPolicy.FLAG) {
                    return served(trace, candidate, reply, judgement, Outcome.FLAGGED);
                }
                lastRejection = judgement;
                lastRejected = candidate.ref().toString();
                trace.judged(judgement);
                if (policy == InvalidPolicy.REJECT) {
                    throw Failures.rejected(lastRejected, trace.role().contract().id(), judgement.errors());
                }
                if (policy == InvalidPolicy.FALLBACK || !trace.attemptsLeft()) {
                    break;
                }
                conversation.add(new Message(Message.ASSISTANT, reply.content(), null, null, reply.toolCalls()));
                conversation.add(Message.of(Message.USER, Reask.feedback(trace.role(), judgement.errors())));
                reask = true;
            }
        }
        throw ended(trace, lastRejection, lastRejected);
    }

    /**
     * Opens a stream and reads it up to its first piece of content, retrying and failing over
     * until then: nothing has reached the client yet. From the returned stream on, there is no
     * going back.
     */
    public LiveStream openLive(CallTrace trace, List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            try {
                return attempts.stream(this, trace, candidate);
            } catch (AttemptsExhausted e) {
                break;
            } catch (ProviderException e) {
                if (e.returnedToClient() && (candidate.explicit() || !Integer.valueOf(404).equals(e.httpStatus()))) {
                    throw Failures.clientError(e);
                }
            }
        }
        throw ended(trace, null, null);
    }

    /** Judges an output: bleed, then the contract (validated's time counts as upstream, not overhead). */
    Judgement judge(CallTrace trace, String content) {
        Role role = trace.role();
        List<Violation> bleeding = bleed.inspect(role, content);
        long start = System.nanoTime();
        ValidationVerdict verdict = validator.validate(role, content, userText(trace.call()));
        if (role.contract().kind() != Contract.Kind.TEXT) {
            trace.addUpstream(System.nanoTime() - start);
        }
        return new Judgement(bleeding, verdict);
    }

    /** What the user wrote, the source a fill is grounded in. */
    private static String userText(ChatCall call) {
        StringBuilder text = new StringBuilder();
        for (Message message : call.messages()) {
            if (Message.USER.equals(message.role())) {
                text.append(text.isEmpty() ? "" : "\n").append(message.content());
            }
        }
        return text.toString();
    }

    static AttemptStatus status(Judgement judgement) {
        if (!judgement.bleed().isEmpty()) {
            return AttemptStatus.BLEED;
        }
        return judgement.verdict().valid() ? AttemptStatus.OK : AttemptStatus.INVALID;
    }

    static List<Message> conversation(Role role, ChatCall call) {
        List<Message> messages = new ArrayList<>(call.messages().size() + 1);
        if (role.systemPrompt() != null) {
            messages.add(Message.of(Message.SYSTEM, role.systemPrompt()));
        }
        messages.addAll(call.messages());
        return messages;
    }

    private Answer served(CallTrace trace, Candidate candidate, ProviderReply reply, Judgement judgement,
            Outcome outcome) {
        trace.served(candidate, new Output(reply.content(), reply.finishReason(), toolCalls(reply.toolCalls())),
                outcome, judgement);
        return new Answer(reply, candidate, judgement, outcome);
    }

    static @Nullable List<JsonNode> toolCalls(@Nullable JsonNode calls) {
        if (calls == null) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        calls.forEach(list::add);
        return list;
    }

    private ChatException ended(CallTrace trace, @Nullable Judgement rejection, @Nullable String rejected) {
        if (rejection != null) {
            return Failures.rejected(rejected, trace.role().contract().id(), rejection.errors());
        }
        return Failures.exhausted(trace.lastFailure(), trace.attempts(), "");
    }

}
