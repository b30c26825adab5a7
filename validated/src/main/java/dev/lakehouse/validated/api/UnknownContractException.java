package dev.lakehouse.validated.api;

import dev.lakehouse.chassis.problem.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed contract id that no loaded contract has: 404, listing the known ones. */
public final class UnknownContractException extends ErrorResponseException {

    private UnknownContractException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    public static UnknownContractException of(String pointer, String id, List<String> known) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown_contract", "Unknown contract",
                "no contract " + id + " is loaded; GET /v1/validators lists them");
        problem.setProperty("contract", id);
        problem.setProperty("pointer", pointer);
        problem.setProperty("knownContracts", known);
        return new UnknownContractException(problem);
    }
}
