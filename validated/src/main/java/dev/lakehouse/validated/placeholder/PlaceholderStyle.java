package dev.lakehouse.validated.placeholder;

/** The forms an unfilled slot or filler value takes in model output. */
public enum PlaceholderStyle {
    /** {@code {{name}}}, {@code {name}} or {@code ${name}}: template variables. */
    BRACES("template variable"),
    /** {@code [Name]}, {@code [insert date]}. */
    SQUARE_BRACKETS("bracketed placeholder"),
    /** {@code <info>}, {@code <your name>}; HTML tags and addresses are not placeholders. */
    ANGLE_BRACKETS("angle-bracket placeholder"),
    /** {@code ((name))}. */
    DOUBLE_PARENTHESES("double-parenthesis placeholder"),
    /** {@code TBD}, {@code TBA}, {@code TBC}, {@code TODO}, {@code FIXME}. */
    TO_BE_DECIDED("to-be-decided marker"),
    /** {@code N/A}: a filler wherever the contract does not allow it. */
    NOT_APPLICABLE("not-applicable filler"),
    /** {@code XXX}, {@code xxxx}: masked or missing values. */
    CROSSES("XXX filler"),
    /** {@code lorem ipsum} dummy text. */
    LOREM_IPSUM("lorem ipsum filler");

    private final String description;

    PlaceholderStyle(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
