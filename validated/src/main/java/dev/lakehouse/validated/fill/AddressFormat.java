package dev.lakehouse.validated.fill;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import dev.lakehouse.validated.email.EmailAddressParser;

/**
 * The {@code email} and {@code idn-email} formats of fill contracts, checked by the same parser
 * as email recipients, so "a valid address" means one thing across the platform. Both accept
 * internationalised addresses: a model filling a form copies what the source says.
 */
final class AddressFormat implements Format {

    private final String name;
    private final EmailAddressParser parser;

    AddressFormat(String name, EmailAddressParser parser) {
        this.name = name;
        this.parser = parser;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return parser.isValid(value);
    }
}
