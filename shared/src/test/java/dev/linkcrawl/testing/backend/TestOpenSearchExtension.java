package dev.linkcrawl.testing.backend;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the JVM's {@link TestOpenSearch} of the {@linkplain TestBackend#selected()
 * selected backend}, started: declare a constructor or method parameter of that type. It is started
 * before the class's tests, and again before each test if an earlier test stopped it.
 *
 * <pre>{@code
 * @ExtendWith(TestOpenSearchExtension.class)
 * class SomethingIT {
 *     SomethingIT(TestOpenSearch openSearch) { endpoint = openSearch.endpoint(); }
 * }
 * }</pre>
 */
public final class TestOpenSearchExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestBackend.selected().openSearch();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestBackend.selected().openSearch().start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestOpenSearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestBackend.selected().openSearch();
    }
}
