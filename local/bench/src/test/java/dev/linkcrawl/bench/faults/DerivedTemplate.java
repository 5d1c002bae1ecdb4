package dev.linkcrawl.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of the project's {@code template.yaml} in a folder of the test's, with one function's
 * {@code Timeout} changed and every {@code CodeUri} made absolute (so the jars are found from
 * there): what a developer trying a shorter timeout would deploy. The runner has no command-line
 * override for a function's timeout. Fails loudly if the template no longer reads as expected.
 */
final class DerivedTemplate {

    private DerivedTemplate() {}

    /**
     * Writes {@code home/template.yaml}.
     *
     * @return {@code home}, to pass as the runner's {@code linkcrawl.home}
     */
    static Path withTimeout(Path home, String function, int seconds) throws IOException {
        String template = Files.readString(DevProcess.ROOT.resolve("template.yaml"));
        Matcher resource =
                Pattern.compile("(?m)^  " + Pattern.quote(function) + ":\\n").matcher(template);
        if (!resource.find()) {
            throw new IllegalStateException("template.yaml has no resource " + function);
        }
        int next = nextResource(template, resource.end());
        String block = template.substring(resource.end(), next);
        Matcher timeout = Pattern.compile("(?m)^      Timeout: \\d+$").matcher(block);
        if (!timeout.find()) {
            throw new IllegalStateException(function + " declares no Timeout of its own");
        }
        String changed =
                template.substring(0, resource.end())
                        + timeout.replaceFirst("      Timeout: " + seconds)
                        + template.substring(next);
        String codeUri = "CodeUri: functions/";
        if (!changed.contains(codeUri)) {
            throw new IllegalStateException("template.yaml has no CodeUri under functions/");
        }
        changed =
                changed.replace(codeUri, "CodeUri: " + DevProcess.ROOT.resolve("functions") + "/");
        Files.createDirectories(home);
        Files.writeString(home.resolve("template.yaml"), changed);
        return home;
    }

    /** Where the resource after the one whose body starts at {@code from} begins. */
    private static int nextResource(String template, int from) {
        Matcher next = Pattern.compile("(?m)^(  \\S|\\S)").matcher(template);
        return next.find(from) ? next.start() : template.length();
    }
}
