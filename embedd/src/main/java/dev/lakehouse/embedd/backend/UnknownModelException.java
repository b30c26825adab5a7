package dev.lakehouse.embedd.backend;

/** A backend does not know the model; the registry turns it into a 404 that lists the models that exist. */
public class UnknownModelException extends RuntimeException {

    private final String model;

    public UnknownModelException(String model, String reason) {
        super(reason);
        this.model = model;
    }

    public String model() {
        return model;
    }
}
