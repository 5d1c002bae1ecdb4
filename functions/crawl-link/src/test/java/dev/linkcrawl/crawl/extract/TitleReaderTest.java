package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleReaderTest {

    @Test
    void trimsTheSiteNameAfterASeparator() {
        assertThat(
                        TitleReader.trimSiteName(
                                "Why one slow link froze every visitor | Example Engineering",
                                "Example Engineering",
                                "https://engineering.example.com/slow-links"))
                .isEqualTo("Why one slow link froze every visitor");
    }

    @Test
    void trimsTheSiteNameBeforeASeparator() {
        assertThat(
                        TitleReader.trimSiteName(
                                "Example Engineering - Why one slow link froze every visitor",
                                "Example Engineering",
                                "https://engineering.example.com/slow-links"))
                .isEqualTo("Why one slow link froze every visitor");
    }

    @Test
    void keepsATitleWhoseSeparatorIsPartOfIt() {
        assertThat(
                        TitleReader.trimSiteName(
                                "Queues - a practical guide",
                                "Example Engineering",
                                "https://engineering.example.com/queues"))
                .isEqualTo("Queues - a practical guide");
    }
}
