package dev.linkcrawl.bench;

import dev.linkcrawl.bench.probe.ColdStartProbe;

/**
 * One probe's times in milliseconds (see {@link ColdStartProbe}); {@code primeMs} is -1 when the
 * probe ran without priming. {@code response} is the handler's answer as JSON text.
 */
record ProbeResult(
        double jvmStartMs,
        double initMs,
        double primeMs,
        double eventMs,
        double firstInvokeMs,
        double secondInvokeMs,
        String response) {}
