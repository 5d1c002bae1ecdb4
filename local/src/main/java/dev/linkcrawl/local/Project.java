package dev.linkcrawl.local;

import java.nio.file.Path;

/**
 * The checkout the runner works on: {@code template.yaml} at its root and the state folder, {@code
 * .linkcrawl/} beside it. The {@code linkcrawl} script passes the root as {@code -Dlinkcrawl.home}
 * (default: the working directory); {@code -Dlinkcrawl.state} moves the state folder elsewhere
 * (tests, or a second independent setup).
 */
record Project(Path root, Path stateFolder) {

    static Project current() {
        Path root = Path.of(System.getProperty("linkcrawl.home", ".")).toAbsolutePath().normalize();
        String state = System.getProperty("linkcrawl.state");
        return new Project(
                root,
                state == null
                        ? root.resolve(".linkcrawl")
                        : Path.of(state).toAbsolutePath().normalize());
    }

    Path template() {
        return root.resolve("template.yaml");
    }
}
