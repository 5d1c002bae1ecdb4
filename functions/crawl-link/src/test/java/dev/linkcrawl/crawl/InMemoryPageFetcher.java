package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.crawl.fetch.PageFetcher;
import dev.linkcrawl.url.LinkUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A fetcher that answers from a script and records what it was asked. */
final class InMemoryPageFetcher implements PageFetcher {
    final List<LinkUrl> fetched = new ArrayList<>();
    private final Function<LinkUrl, FetchOutcome> script;

    InMemoryPageFetcher(Function<LinkUrl, FetchOutcome> script) {
        this.script = script;
    }

    @Override
    public FetchOutcome fetch(LinkUrl url, Instant deadline) {
        fetched.add(url);
        return script.apply(url);
    }
}
