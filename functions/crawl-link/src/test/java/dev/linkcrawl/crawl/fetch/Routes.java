package dev.linkcrawl.crawl.fetch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A MockWebServer dispatcher that answers by path; unknown paths get a 404. */
final class Routes extends Dispatcher {

    private final Map<String, Function<RecordedRequest, MockResponse>> byPath =
            new ConcurrentHashMap<>();

    Routes on(String path, MockResponse response) {
        return on(path, request -> response);
    }

    Routes on(String path, Function<RecordedRequest, MockResponse> response) {
        byPath.put(path, response);
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        Function<RecordedRequest, MockResponse> response = byPath.get(path);
        return response == null
                ? new MockResponse.Builder().code(404).build()
                : response.apply(request);
    }

    static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder().code(status).setHeader("Location", location).build();
    }

    static MockResponse html(String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body(body)
                .build();
    }
}
