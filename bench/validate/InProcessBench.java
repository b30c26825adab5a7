import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.validated.ValidatedProperties;
import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractLoader;
import dev.lakehouse.validated.contract.ContractRegistry;
import dev.lakehouse.validated.email.EmailAddressParser;
import dev.lakehouse.validated.email.EmailContractReader;
import dev.lakehouse.validated.email.EmailValidator;
import dev.lakehouse.validated.fill.FillContractReader;
import dev.lakehouse.validated.fill.FillSchemas;
import dev.lakehouse.validated.fill.FillValidator;
import dev.lakehouse.validated.output.JsonMappers;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.sensitive.SensitiveDataDetector;
import dev.lakehouse.validated.text.TextContract;
import dev.lakehouse.validated.text.TextValidator;
import dev.lakehouse.validated.validation.ValidationRequest;
import dev.lakehouse.validated.validation.ValidationService;
import dev.lakehouse.validated.validation.ValidatorVersion;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * In-process throughput of validated's validators on ONE thread (run it pinned to one core with
 * taskset): a typical email draft and a typical shift fill, both as raw model output strings,
 * the way chatd sends them. Plain harness: warm-up, then timed rounds; prints validations/s.
 */
public final class InProcessBench {

    public static void main(String[] args) throws Exception {
        Path payloads = Path.of(args.length > 0 ? args[0] : "bench/validate/payloads");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        JsonMapper json = JsonMappers.payloads();
        var nationalIds = ValidatedProperties.Sensitive.DEFAULT_NATIONAL_IDS;
        ContractRegistry registry = new ContractLoader(List.of(new FillContractReader(new FillSchemas(new EmailAddressParser())),
                new EmailContractReader(JsonMappers.contracts(), nationalIds)), JsonMappers.contracts())
                .load(List.of(TextContract.INSTANCE), List.of(ContractLoader.FILL_CONTRACTS, ContractLoader.EMAIL_RULESETS), null);
        PlaceholderDetector placeholders = new PlaceholderDetector();
        ValidationService service = new ValidationService(new TextValidator(),
                new EmailValidator(json, placeholders, new SensitiveDataDetector(nationalIds)), new FillValidator(json, placeholders),
                new ValidatorVersion("bench"), 200);

        JsonNode email = json.readTree(Files.readString(payloads.resolve("email.json")));
        JsonNode fill = json.readTree(Files.readString(payloads.resolve("fill.json")));
        ValidationRequest emailRequest = request(registry, email, json);
        ValidationRequest fillRequest = request(registry, fill, json);
        check(service.validate(emailRequest));
        check(service.validate(fillRequest));

        for (String phase : List.of("warm-up", "measure")) {
            for (int round = 1; round <= (phase.equals("warm-up") ? 1 : 3); round++) {
                report(phase, round, "email", run(service, emailRequest, seconds));
                report(phase, round, "fill ", run(service, fillRequest, seconds));
            }
        }
    }

    private static ValidationRequest request(ContractRegistry registry, JsonNode request, JsonMapper json) {
        Contract contract = registry.find(request.get("contract") != null ? request.get("contract").asString() : "email").orElseThrow();
        JsonNode context = request.path("context");
        ValidationContext ctx = context.isObject() ? new ValidationContext(context.path("source").asString(null), null, List.of(),
                List.of(), List.of(), List.of(), null, null, null, List.of()) : ValidationContext.EMPTY;
        return new ValidationRequest(contract, StringNode.valueOf(request.get("payload").asString()), ctx);
    }

    private static void check(ValidationVerdict verdict) {
        if (!verdict.valid() || !verdict.violations().isEmpty()) {
            throw new IllegalStateException("the benchmark payload must be valid without violations: " + verdict);
        }
    }

    private static double run(ValidationService service, ValidationRequest request, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 256; i++) {
                sink += service.validate(request).violations().size();
            }
            count += 256;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (sink < 0) {
            System.out.println(sink);
        }
        return count / elapsed;
    }

    private static void report(String phase, int round, String what, double perSecond) {
        System.out.printf("%-8s round %d  %s  %,12.0f validations/s  (%.2f us each)%n", phase, round, what, perSecond, 1e6 / perSecond);
    }
}
