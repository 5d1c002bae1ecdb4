package dev.linkcrawl.submit.prime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubmitLinkPrimingTest {

    @Test
    void samplesCoverAcceptedAndRefusedRequests() {
        assertThat(SubmitLinkPriming.SAMPLES).containsValues(202, 400, 422);
    }
}
