package dev.linkcrawl.url;

import java.util.ArrayDeque;
import java.util.Deque;

/** The path of an accepted URL in normal form. */
final class UrlPath {

    private UrlPath() {}

    /**
     * Normalises the percent-encoding, then removes dot segments (RFC 3986 §5.2.4), so {@code
     * /a/%2e%2E/b} and {@code /b} are one path; an empty path becomes {@code /}.
     *
     * @param raw the path as written after the authority: empty or starting with {@code /}
     */
    static String normalise(String raw) {
        if (raw.isEmpty()) {
            return "/";
        }
        return withoutDotSegments(PercentEncoding.PATH.normalise(raw));
    }

    private static String withoutDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            switch (segments[i]) {
                case "." -> {
                    if (last) {
                        kept.addLast("");
                    }
                }
                case ".." -> {
                    kept.pollLast();
                    if (last) {
                        kept.addLast("");
                    }
                }
                default -> kept.addLast(segments[i]);
            }
        }
        return "/" + String.join("/", kept);
    }
}
