package dev.linkcrawl.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the JVM's {@link EmbeddedOpenSearch}, started: declare a constructor or method
 * parameter of that type. The node is started before the class's tests, and again before each test
 * if an earlier test stopped it; it is stopped when the JVM exits.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedOpenSearchExtension.class)
 * class SomethingIT {
 *     SomethingIT(EmbeddedOpenSearch openSearch) { endpoint = openSearch.endpoint(); }
 * }
 * }</pre>
 */
public final class EmbeddedOpenSearchExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedOpenSearch.shared().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EmbeddedOpenSearch.shared().start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedOpenSearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedOpenSearch openSearch = EmbeddedOpenSearch.shared();
        openSearch.start();
        return openSearch;
    }
}
