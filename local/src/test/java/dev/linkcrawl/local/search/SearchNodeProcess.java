package dev.linkcrawl.local.search;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A child JVM for {@link InProcessOpenSearchIT}: an OpenSearch node on the data folder given as
 * argument and a free port; prints {@code READY <endpoint>} and runs until killed.
 */
public final class SearchNodeProcess {

    private SearchNodeProcess() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream console = System.out; // OpenSearch takes System.out over once it starts
        InProcessOpenSearch node = new InProcessOpenSearch(0);
        node.start(Path.of(args[0]));
        console.println("READY " + node.endpoint());
        console.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
