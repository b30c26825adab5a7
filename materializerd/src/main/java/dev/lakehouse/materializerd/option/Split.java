package dev.lakehouse.materializerd.option;

/** Which data file a kept record goes to. */
public enum Split {
    /** No split was asked for. */
    ALL,
    TRAIN,
    EVAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
