package dev.linkcrawl.backfill.format;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Netscape bookmark HTML, as browsers (Firefox, Chrome, Safari, Edge), Pinboard and Delicious
 * export it:
 *
 * <pre>{@code
 * <DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
 * <DL><p>
 *     <DT><A HREF="https://example.com/" ADD_DATE="1700000000" TAGS="a,b">Title</A>
 *     <DD>a note
 * </DL><p>
 * }</pre>
 *
 * Read as a stream of tags (never parsed into a tree), so the file can be of any size and need not
 * be well formed. Each {@code <A>} is a bookmark: its {@code TAGS} (comma-separated) come first,
 * then the names of the folders it sits in, outermost first, except the browsers' own root folders
 * (marked {@code PERSONAL_TOOLBAR_FOLDER} or {@code UNFILED_BOOKMARKS_FOLDER}); the {@code <DD>}
 * that follows it is its note.
 *
 * <p>Pocket's HTML export ({@code ril_export.html}) is read the same way: its {@code <a href="…"
 * time_added="…" tags="a,b">} items in lists under {@code <h1>Unread</h1>} and {@code <h1>Read
 * Archive</h1>} (headings that are no folders), {@code TIME_ADDED} standing for {@code ADD_DATE}.
 */
final class NetscapeBookmarkReader implements BookmarkReader {

    /** Folders deeper than this are still tracked, but their names are not kept: 64. */
    static final int MAX_FOLDER_DEPTH = 64;

    private static final Set<String> KEPT_ATTRIBUTES =
            Set.of(
                    "HREF",
                    "TAGS",
                    "ADD_DATE",
                    "TIME_ADDED",
                    "PERSONAL_TOOLBAR_FOLDER",
                    "UNFILED_BOOKMARKS_FOLDER");

    /** Tags that end a bookmark's title or note. */
    private static final Set<String> STRUCTURE =
            Set.of("A", "DT", "DD", "DL", "H1", "H2", "H3", "HR");

    private enum State {
        OUTSIDE,
        IN_ANCHOR,
        AFTER_ANCHOR,
        IN_NOTE
    }

    private final HtmlTokenizer tokens;
    private final ImportFormat format;
    private final Deque<String> folders = new ArrayDeque<>();
    private int foldersNotKept;
    private HtmlTokenizer.Token lookahead;

    private State state = State.OUTSIDE;
    private int anchorLine;
    private String href;
    private List<String> anchorTags;
    private Instant addedAt;
    private final StringBuilder title = new StringBuilder();
    private final StringBuilder note = new StringBuilder();

    private boolean inFolderName;
    private boolean folderIsRoot;
    private boolean folderNamed;
    private final StringBuilder folderName = new StringBuilder();

    /**
     * @param format what the file was recognised as: {@link ImportFormat#NETSCAPE_HTML} or {@link
     *     ImportFormat#POCKET_HTML}
     */
    NetscapeBookmarkReader(LineCountingReader source, ImportFormat format) {
        this.tokens = new HtmlTokenizer(source, KEPT_ATTRIBUTES);
        this.format = format;
    }

    @Override
    public ImportFormat format() {
        return format;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        while (true) {
            HtmlTokenizer.Token token;
            if (lookahead != null) {
                token = lookahead;
                lookahead = null;
            } else {
                Optional<HtmlTokenizer.Token> read = tokens.next();
                if (read.isEmpty()) {
                    return state == State.OUTSIDE ? Optional.empty() : Optional.of(finish());
                }
                token = read.get();
            }
            if (state != State.OUTSIDE && endsBookmark(token)) {
                lookahead = token;
                return Optional.of(finish());
            }
            switch (token) {
                case HtmlTokenizer.StartTag start -> startTag(start);
                case HtmlTokenizer.EndTag end -> endTag(end);
                case HtmlTokenizer.Text text -> text(text.text());
            }
        }
    }

    private boolean endsBookmark(HtmlTokenizer.Token token) {
        return switch (token) {
            case HtmlTokenizer.StartTag start ->
                    STRUCTURE.contains(start.name())
                            && !(start.name().equals("DD") && state == State.AFTER_ANCHOR);
            case HtmlTokenizer.EndTag end -> end.name().equals("DL") || end.name().equals("H3");
            case HtmlTokenizer.Text text -> false;
        };
    }

    private void startTag(HtmlTokenizer.StartTag tag) {
        switch (tag.name()) {
            case "A" -> {
                state = State.IN_ANCHOR;
                anchorLine = tag.line();
                href = tag.attributes().get("HREF");
                addedAt =
                        ExportTimestamps.fromEpoch(
                                tag.attributes()
                                        .getOrDefault(
                                                "ADD_DATE", tag.attributes().get("TIME_ADDED")));
                anchorTags = new ArrayList<>();
                String tags = tag.attributes().get("TAGS");
                if (tags != null) {
                    anchorTags.addAll(List.of(tags.split(",")));
                }
                for (var folder = folders.descendingIterator(); folder.hasNext(); ) {
                    String name = folder.next();
                    if (!name.isEmpty()) {
                        anchorTags.add(name);
                    }
                }
                title.setLength(0);
                note.setLength(0);
            }
            case "DD" -> {
                if (state == State.AFTER_ANCHOR) {
                    state = State.IN_NOTE;
                }
            }
            case "H3" -> {
                inFolderName = true;
                folderName.setLength(0);
                folderIsRoot =
                        tag.attributes().containsKey("PERSONAL_TOOLBAR_FOLDER")
                                || tag.attributes().containsKey("UNFILED_BOOKMARKS_FOLDER");
            }
            case "DL" -> {
                String name = folderNamed && !folderIsRoot ? collapse(folderName.toString()) : "";
                folderNamed = false;
                if (folders.size() < MAX_FOLDER_DEPTH) {
                    folders.push(name);
                } else {
                    foldersNotKept++;
                }
            }
            default -> {}
        }
    }

    private void endTag(HtmlTokenizer.EndTag tag) {
        switch (tag.name()) {
            case "A" -> {
                if (state == State.IN_ANCHOR) {
                    state = State.AFTER_ANCHOR;
                }
            }
            case "H3" -> {
                if (inFolderName) {
                    inFolderName = false;
                    folderNamed = true;
                }
            }
            case "DL" -> {
                if (foldersNotKept > 0) {
                    foldersNotKept--;
                } else if (!folders.isEmpty()) {
                    folders.pop();
                }
            }
            default -> {}
        }
    }

    private void text(String text) {
        switch (state) {
            case IN_ANCHOR -> append(title, text, ImportEntry.Bookmark.MAX_TITLE_CHARS);
            case IN_NOTE -> append(note, text, ImportEntry.Bookmark.MAX_NOTE_CHARS);
            default -> {
                if (inFolderName) {
                    append(folderName, text, ImportEntry.Bookmark.MAX_TAG_CHARS + 1);
                }
            }
        }
    }

    private ImportEntry finish() {
        state = State.OUTSIDE;
        if (href == null || href.isBlank()) {
            return new ImportEntry.Malformed(anchorLine, ParseProblem.MISSING_URL);
        }
        return new ImportEntry.Bookmark(
                anchorLine,
                href.strip(),
                collapse(title.toString()),
                anchorTags,
                note.isEmpty() ? null : note.toString(),
                addedAt);
    }

    /**
     * Appends a piece of text; pieces split by inline tags ({@code <b>}, {@code <br>}) get a space.
     */
    private static void append(StringBuilder to, String text, int max) {
        if (!to.isEmpty() && to.length() < max) {
            to.append(' ');
        }
        if (to.length() < max) {
            to.append(text, 0, Math.min(text.length(), max - to.length()));
        }
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
