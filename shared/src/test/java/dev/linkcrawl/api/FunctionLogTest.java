package dev.linkcrawl.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLogTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void writesToTheInvocationsLogger() {
        FunctionLog.log(context(), "queued id=1");
        FunctionLog.logOrStandardError(context(), "crawl id=2");

        assertThat(lines).containsExactly("queued id=1", "crawl id=2");
    }

    @Test
    void withoutAContextALineIsDroppedOrGoesToStandardError() {
        assertThatCode(() -> FunctionLog.log(null, "dropped")).doesNotThrowAnyException();
        assertThatCode(() -> FunctionLog.logOrStandardError(null, "to standard error"))
                .doesNotThrowAnyException();
    }

    private Context context() {
        LambdaLogger logger =
                new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        lines.add(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        lines.add(new String(message, StandardCharsets.UTF_8));
                    }
                };
        return (Context)
                Proxy.newProxyInstance(
                        Context.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) ->
                                method.getName().equals("getLogger") ? logger : null);
    }
}
