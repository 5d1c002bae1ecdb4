package dev.linkcrawl.backfill.prime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.backfill.BackfillJobs;
import dev.linkcrawl.backfill.BackfillLinksHandler;
import dev.linkcrawl.backfill.BackfillQueue;
import dev.linkcrawl.backfill.Backoff;
import dev.linkcrawl.backfill.ImportBookmarks;
import dev.linkcrawl.backfill.ImportKey;
import dev.linkcrawl.backfill.RecrawlLinks;
import dev.linkcrawl.backfill.S3ImportStore;
import dev.linkcrawl.backfill.Sleeper;
import dev.linkcrawl.backfill.SqsBackfillQueue;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.prime.ApiRequests;
import dev.linkcrawl.prime.CannedHttpClient;
import dev.linkcrawl.prime.CannedHttpClient.Answer;
import dev.linkcrawl.prime.CommonPaths;
import dev.linkcrawl.prime.IndexPriming;
import dev.linkcrawl.prime.SqsPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming of the backfill function: the shared paths, then this function's handler on an
 * S3 event with one upload in each bookmark format (Netscape and Pocket HTML, the JSON and CSV
 * exports, plain text) and on a scheduled re-crawl, with the bucket on an in-memory S3, the queue
 * on an in-memory SQS and the index on an in-memory OpenSearch.
 */
public final class BackfillLinksPriming implements Runnable {

    private static final String BUCKET = "linkcrawl-imports-priming";
    private static final String FOLDER = ImportKey.PREFIX + ApiRequests.CALLER + "/";

    /** One small export per format, by file name. */
    static final Map<String, String> UPLOADS =
            Map.ofEntries(
                    Map.entry(
                            "bookmarks.html",
                            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
                                    + "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
                                    + " charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n"
                                    + "<DL><p>\n<DT><H3>Reading</H3>\n<DL><p>\n"
                                    + "<DT><A HREF=\"https://example.com/articles/slow-links\""
                                    + " ADD_DATE=\"1700000000\" TAGS=\"reading,web\">Slow links &amp;"
                                    + " fast queues</A>\n<DD>A note\n"
                                    + "<DT><A HREF=\"https://bücher.example/straße\">Bücher</A>\n"
                                    + "<DT><A HREF=\"javascript:alert(1)\">bookmarklet</A>\n"
                                    + "</DL><p>\n</DL><p>\n"),
                    Map.entry(
                            "bookmarks.csv",
                            "url,title,tags\nhttps://example.com/a,\"A, quoted\",reading\nnot a url,B,\n"),
                    Map.entry(
                            "pinboard.json",
                            "[{\"href\":\"https://example.com/p\",\"description\":\"P\",\"extended\":\"\","
                                    + "\"tags\":\"reading web\",\"time\":\"2026-11-20T09:00:00Z\","
                                    + "\"toread\":\"no\"}]"),
                    Map.entry(
                            "links.txt",
                            "https://example.com/one\nhttps://example.com/two?utm_source=x\n\nftp://no\n"),
                    Map.entry(
                            "pocket.html",
                            "<!DOCTYPE html>\n<html><head><title>Pocket Export</title></head><body>\n"
                                    + "<h1>Unread</h1>\n<ul><li><a href=\"https://example.com/pocket\""
                                    + " time_added=\"1700000000\" tags=\"a,b\">Pocket</a></li></ul>\n"
                                    + "</body></html>\n"),
                    Map.entry(
                            "karakeep.json",
                            "{\"bookmarks\":[{\"createdAt\":1700000000,\"title\":\"K\","
                                    + "\"tags\":[\"a\"],\"content\":{\"type\":\"link\","
                                    + "\"url\":\"https://example.com/k\"},\"note\":\"n\"}],\"lists\":[]}"),
                    Map.entry(
                            "linkwarden.json",
                            "{\"username\":\"u\",\"collections\":[{\"name\":\"C\",\"links\":"
                                    + "[{\"name\":\"L\",\"url\":\"https://example.com/l\","
                                    + "\"description\":\"d\",\"createdAt\":\"2026-11-20T09:00:00Z\","
                                    + "\"tags\":[{\"name\":\"t\"}]}]}],\"pinnedLinks\":[]}"),
                    Map.entry(
                            "omnivore.json",
                            "[{\"id\":\"1\",\"slug\":\"o\",\"title\":\"O\","
                                    + "\"url\":\"https://example.com/o\",\"labels\":[\"a\"],"
                                    + "\"savedAt\":\"2026-11-20T09:00:00.000Z\"}]"),
                    Map.entry(
                            "firefox.json",
                            "{\"guid\":\"root________\",\"type\":\"text/x-moz-place-container\","
                                    + "\"root\":\"placesRoot\",\"children\":[{\"title\":\"F\","
                                    + "\"dateAdded\":1700000000000000,\"tags\":\"a\","
                                    + "\"type\":\"text/x-moz-place\",\"uri\":\"https://example.com/f\"}]}"),
                    Map.entry(
                            "raindrop.csv",
                            "id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n"
                                    + "1,R,n,,https://example.com/r,F,\"a, b\","
                                    + "2026-11-20T09:00:00.000Z,,,false\n"),
                    Map.entry(
                            "instapaper.csv",
                            "URL,Title,Selection,Folder,Timestamp,Tags\n"
                                    + "https://example.com/i,I,s,Unread,1700000000,\"[\"\"a\"\"]\"\n"),
                    Map.entry(
                            "pocket.csv",
                            "title,url,time_added,tags,status\n"
                                    + "P,https://example.com/pc,1700000000,a|b,unread\n"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;

    public BackfillLinksPriming(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run() {
        CommonPaths.exercise(settings.urlPolicy());
        try (SqsClient sqs = SqsPriming.client(settings);
                S3Client s3 = s3();
                OpenSearchLinkIndex index = IndexPriming.index()) {
            BackfillQueue queue = new SqsBackfillQueue(sqs, SqsPriming.QUEUE_URL);
            BackfillLinksHandler handler =
                    new BackfillLinksHandler(
                            new BackfillJobs(
                                    new ImportBookmarks(
                                            new S3ImportStore(s3),
                                            queue,
                                            settings.urlPolicy(),
                                            Clock.systemUTC()),
                                    Optional.of(
                                            new RecrawlLinks(
                                                    index,
                                                    queue,
                                                    Clock.systemUTC(),
                                                    Duration.ofDays(settings.recrawlAfterDays()),
                                                    settings.recrawlMaxPerRun(),
                                                    Backoff.DEFAULT,
                                                    Sleeper.SYSTEM))),
                            Clock.systemUTC());
            for (JsonNode imported : call(handler, uploadEvent()).path("imports")) {
                if (!"imported".equals(imported.path("outcome").asText())
                        || imported.path("accepted").asInt() < 1) {
                    throw new IllegalStateException("priming expected an import: " + imported);
                }
            }
            JsonNode recrawl =
                    call(
                            handler,
                            "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\","
                                    + "\"source\":\"aws.events\",\"time\":\"2026-11-28T00:00:00Z\","
                                    + "\"detail\":{}}");
            if (!"done".equals(recrawl.path("recrawl").asText())) {
                throw new IllegalStateException("priming expected a re-crawl: " + recrawl);
            }
        }
    }

    private static JsonNode call(BackfillLinksHandler handler, String event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
            return JSON.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An S3 notification with one {@code ObjectCreated:Put} record per upload. */
    private static String uploadEvent() {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String name : UPLOADS.keySet()) {
            ObjectNode record = records.addObject();
            record.put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put");
            ObjectNode s3 = record.putObject("s3");
            s3.putObject("bucket").put("name", BUCKET);
            s3.putObject("object")
                    .put("key", FOLDER + name)
                    .put("size", UPLOADS.get(name).length());
        }
        return event.toString();
    }

    private S3Client s3() {
        return S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(true)
                .httpClient(new CannedHttpClient(BackfillLinksPriming::s3Answer))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("priming", "priming")))
                .build();
    }

    /** S3's answers to {@code GetObject} of an upload and {@code PutObject} of its result. */
    private static Answer s3Answer(CannedHttpClient.Request request) {
        String prefix = "/" + BUCKET + "/" + FOLDER;
        String name =
                request.path().startsWith(prefix) ? request.path().substring(prefix.length()) : "";
        if (request.method() == SdkHttpMethod.PUT) {
            return new Answer(200, Map.of("ETag", "\"0123456789abcdef\""), new byte[0]);
        }
        if (request.method() == SdkHttpMethod.GET && UPLOADS.containsKey(name)) {
            return new Answer(
                    200,
                    Map.of(
                            "Content-Type",
                            "application/octet-stream",
                            "ETag",
                            "\"0123456789abcdef\"",
                            "Last-Modified",
                            "Fri, 27 Nov 2026 10:30:00 GMT"),
                    UPLOADS.get(name).getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(
                404,
                Map.of("Content-Type", "application/xml"),
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                + "<Message>The specified key does not exist.</Message></Error>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
