package dev.linkcrawl.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Optional;

/** Who is calling the API: the {@code sub} claim that API Gateway's JWT authorizer verified. */
public final class Caller {

    private Caller() {}

    /** The caller's user id, or empty when the request carries no identity (answer 401). */
    public static Optional<String> of(APIGatewayV2HTTPEvent event) {
        if (event == null
                || event.getRequestContext() == null
                || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Optional.empty();
        }
        String sub = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        return sub == null || sub.isBlank() ? Optional.empty() : Optional.of(sub);
    }
}
