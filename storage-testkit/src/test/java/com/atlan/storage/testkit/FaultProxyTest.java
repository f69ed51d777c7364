package com.atlan.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault, as a real HTTP client (the JDK's) or a raw socket sees it through the proxy, in front of a tiny server. */
class FaultProxyTest {

    private OriginServer origin;
    private HttpClient client;
    private final List<FaultProxy> proxies = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        origin = new OriginServer();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void tearDown() {
        proxies.forEach(FaultProxy::close);
        client.close();
        origin.close();
    }

    private FaultProxy proxy(FaultPlan plan) throws IOException {
        FaultProxy p = FaultProxy.start(origin.uri(), plan);
        proxies.add(p);
        return p;
    }

    /** Every request faulted, always with {@code fault}. */
    private FaultProxy always(Fault fault) throws IOException {
        return proxy(FaultPlan.builder().seed(1).probability(1).faults(fault).build());
    }

    private HttpResponse<byte[]> send(FaultProxy p, String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(p.uri().resolve(path))
                .method(method, body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(FaultProxy p, String path) throws IOException, InterruptedException {
        return send(p, "GET", path, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<byte[]> put(FaultProxy p, byte[] body) throws IOException, InterruptedException {
        return send(p, "PUT", "/bucket/key", HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int differingBytes(byte[] a, byte[] b) {
        assertThat(a).hasSameSizeAs(b);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    private static List<Fault> faults(FaultProxy p) {
        return p.injected().stream().map(InjectedFault::fault).toList();
    }

    @Test
    void forwardsEveryKindOfMessageUntouchedWhenNothingIsPlanned() throws Exception {
        FaultProxy p = proxy(FaultPlan.none());
        byte[] big = OriginServer.content(2 << 20);

        assertThat(get(p, "/fixed/100000").body()).isEqualTo(OriginServer.content(100000));
        assertThat(get(p, "/chunked/5000").body()).isEqualTo(OriginServer.content(5000));
        assertThat(get(p, "/bucket?list-type=2&prefix=a/").body())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(OriginServer.LISTING);
        HttpResponse<byte[]> head = send(p, "HEAD", "/fixed/10", HttpRequest.BodyPublishers.noBody());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(put(p, big).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> chunkedUpload = send(
                p,
                "PUT",
                "/bucket/streamed",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(chunkedUpload.statusCode()).isEqualTo(200);
        HttpRequest expecting = HttpRequest.newBuilder(p.uri().resolve("/bucket/expecting"))
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(big))
                .build();
        assertThat(client.send(expecting, HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo(String.valueOf(big.length));

        assertThat(origin.uploads()).hasSize(3).allSatisfy(u -> assertThat(u).isEqualTo(big));
        assertThat(p.injected()).isEmpty();
        assertThat(p.requests(RequestKind.GET)).isEqualTo(2);
        assertThat(p.requests(RequestKind.LIST)).isEqualTo(1);
        assertThat(p.requests(RequestKind.HEAD)).isEqualTo(1);
        assertThat(p.requests(RequestKind.PUT)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"SLOW_DOWN_503", "INTERNAL_ERROR_500", "TOO_MANY_REQUESTS_429"})
    void answersAnInjectedErrorItselfWithoutForwarding(Fault fault) throws Exception {
        FaultProxy p = always(fault);

        HttpResponse<byte[]> response = get(p, "/fixed/10");
        HttpResponse<byte[]> afterUpload = put(p, new byte[300_000]);

        assertThat(response.statusCode()).isEqualTo(fault.status());
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("<Code>"
                        + switch (fault) {
                            case SLOW_DOWN_503 -> "SlowDown";
                            case TOO_MANY_REQUESTS_429 -> "TooManyRequests";
                            default -> "InternalError";
                        });
        assertThat(response.headers().firstValue("Retry-After"))
                .isEqualTo(fault == Fault.INTERNAL_ERROR_500 ? java.util.Optional.empty() : java.util.Optional.of("1"));
        assertThat(afterUpload.statusCode()).isEqualTo(fault.status());
        assertThat(origin.requests()).isZero();
        assertThat(faults(p)).containsExactly(fault, fault);
    }

    @Test
    void resetBeforeForwardingNeverReachesTheServer() throws Exception {
        FaultProxy p = always(Fault.RESET_BEFORE);

        assertThatThrownBy(() -> get(p, "/fixed/10")).isInstanceOf(IOException.class);

        assertThat(origin.requests()).isZero();
        // the JDK client re-sends an idempotent request once after a reset: both attempts were reset
        assertThat(faults(p)).isNotEmpty().containsOnly(Fault.RESET_BEFORE);
    }

    @Test
    void resetMidRequestBodyBreaksTheUploadAtTheServer() throws Exception {
        FaultProxy p = always(Fault.RESET_MID_REQUEST);

        assertThatThrownBy(() -> put(p, new byte[1 << 20])).isInstanceOf(IOException.class);

        await(() -> origin.brokenUploads() == 1);
        assertThat(origin.brokenUploads()).isEqualTo(1);
        assertThat(origin.uploads()).isEmpty();
        assertThat(faults(p)).containsExactly(Fault.RESET_MID_REQUEST);
    }

    @Test
    void resetMidResponseBodyBreaksTheDownload() throws Exception {
        FaultProxy p = always(Fault.RESET_MID_RESPONSE);

        RawExchange raw = RawExchange.get(p.port(), "/fixed/200000", 20_000);

        assertThat(raw.declaredLength()).isEqualTo(200000);
        assertThat(raw.ending()).isEqualTo(RawExchange.Ending.RESET);
        assertThat(raw.body().length).isLessThan(200000);
        assertThatThrownBy(() -> get(p, "/fixed/200000")).isInstanceOf(IOException.class);
        assertThat(faults(p)).containsExactly(Fault.RESET_MID_RESPONSE, Fault.RESET_MID_RESPONSE);
    }

    @Test
    void truncatedResponseKeepsItsContentLengthAndEndsCleanlyBeforeIt() throws Exception {
        FaultProxy p = always(Fault.TRUNCATE_RESPONSE);

        RawExchange raw = RawExchange.get(p.port(), "/fixed/200000", 20_000);

        assertThat(raw.declaredLength()).isEqualTo(200000);
        assertThat(raw.ending()).isEqualTo(RawExchange.Ending.END_OF_STREAM);
        assertThat(raw.body().length).isLessThan(200000);
        byte[] prefix = java.util.Arrays.copyOf(OriginServer.content(200000), raw.body().length);
        assertThat(raw.body()).isEqualTo(prefix);
        assertThatThrownBy(() -> get(p, "/chunked/5000")).isInstanceOf(IOException.class);
        assertThat(faults(p)).containsExactly(Fault.TRUNCATE_RESPONSE, Fault.TRUNCATE_RESPONSE);
    }

    @Test
    void stallHoldsTheResponseMidBodyThenDeliversItWhole() throws Exception {
        FaultProxy held = proxy(FaultPlan.builder()
                .seed(3)
                .probability(1)
                .faults(Fault.STALL)
                .stall(Duration.ofSeconds(30))
                .build());
        RawExchange stalled = RawExchange.get(held.port(), "/fixed/200000", 300);
        assertThat(stalled.ending()).isEqualTo(RawExchange.Ending.TIMED_OUT);
        assertThat(stalled.body().length).isLessThan(200000);

        FaultProxy brief = proxy(FaultPlan.builder()
                .seed(3)
                .probability(1)
                .faults(Fault.STALL)
                .stall(Duration.ofMillis(50))
                .build());
        assertThat(get(brief, "/fixed/200000").body()).isEqualTo(OriginServer.content(200000));
        assertThat(faults(brief)).containsExactly(Fault.STALL);
    }

    @Test
    void flippedResponseByteChangesExactlyOneByteAndNotTheLength() throws Exception {
        FaultProxy p = always(Fault.FLIP_RESPONSE_BYTE);

        byte[] fixed = get(p, "/fixed/65536").body();
        byte[] chunked = get(p, "/chunked/5000").body();

        assertThat(differingBytes(fixed, OriginServer.content(65536))).isEqualTo(1);
        assertThat(differingBytes(chunked, OriginServer.content(5000))).isEqualTo(1);
        assertThat(faults(p)).containsExactly(Fault.FLIP_RESPONSE_BYTE, Fault.FLIP_RESPONSE_BYTE);
    }

    @Test
    void flippedRequestByteReachesTheServerChanged() throws Exception {
        FaultProxy p = always(Fault.FLIP_REQUEST_BYTE);
        byte[] sent = OriginServer.content(100_000);

        assertThat(put(p, sent).statusCode()).isEqualTo(200);

        assertThat(origin.uploads()).hasSize(1);
        assertThat(differingBytes(origin.uploads().getFirst(), sent)).isEqualTo(1);
    }

    @Test
    void aResponseFaultMeetingAnEmptyBodyIsCountedNotInjected() throws Exception {
        FaultProxy p = always(Fault.TRUNCATE_RESPONSE);

        HttpResponse<byte[]> empty = get(p, "/fixed/0");

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(p.injected()).isEmpty();
        assertThat(p.stats().notApplicable()).isEqualTo(1);
    }

    @Test
    void latencyHoldsEachRequestBeforeItIsForwarded() throws Exception {
        FaultProxy far = proxy(FaultPlan.latency(Duration.ofSeconds(30)));
        RawExchange waiting = RawExchange.get(far.port(), "/fixed/10", 300);
        assertThat(waiting.ending()).isEqualTo(RawExchange.Ending.TIMED_OUT);
        assertThat(waiting.head()).isEmpty();
        assertThat(origin.requests()).isZero();

        FaultProxy near = proxy(FaultPlan.latency(Duration.ofMillis(20)));
        assertThat(get(near, "/fixed/10").body()).isEqualTo(OriginServer.content(10));
        assertThat(near.injected()).isEmpty();
    }

    @Test
    void throttlingAnswersSlowDownAboveTheRate() throws Exception {
        // one token every 1,000 s: the three in the bucket are all this test can spend
        FaultProxy p = proxy(FaultPlan.throttled(0.001, 3));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(get(p, "/fixed/10").statusCode());
        }
        HttpResponse<byte[]> throttled = get(p, "/fixed/10");

        assertThat(statuses).containsExactly(200, 200, 200, 503, 503);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(new String(throttled.body(), StandardCharsets.UTF_8)).contains("<Code>SlowDown</Code>");
        assertThat(origin.requests()).isEqualTo(3);
        assertThat(p.injected())
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.throttled()).isTrue());
        assertThat(p.stats().throttled()).isEqualTo(3);
    }

    @Test
    void theSameSeedFaultsTheSameRequestsWhateverTheirOrder() throws Exception {
        FaultPlan.Builder plan = FaultPlan.builder()
                .probability(0.3)
                .faults(Fault.SLOW_DOWN_503, Fault.INTERNAL_ERROR_500, Fault.TOO_MANY_REQUESTS_429);
        FaultProxy forward = proxy(plan.seed(42).build());
        FaultProxy backward = proxy(plan.seed(42).build());
        FaultProxy otherSeed = proxy(plan.seed(43).build());
        for (int i = 1; i <= 100; i++) {
            get(forward, "/fixed/" + i);
            get(otherSeed, "/fixed/" + i);
            get(backward, "/fixed/" + (101 - i));
        }
        get(forward, "/fixed/1"); // a second occurrence of one request draws afresh
        get(backward, "/fixed/1");

        assertThat(faultedRequests(forward))
                .hasSizeBetween(15, 45)
                .containsExactlyInAnyOrderElementsOf(faultedRequests(backward))
                .isNotEqualTo(faultedRequests(otherSeed));
    }

    private static List<String> faultedRequests(FaultProxy p) {
        return p.injected().stream()
                .map(f -> f.target() + "#" + f.occurrence() + " " + f.fault())
                .sorted()
                .toList();
    }

    @Test
    void eachKindOfRequestIsFaultedWithItsOwnProbability() throws Exception {
        FaultProxy p = proxy(FaultPlan.builder()
                .seed(5)
                .probability(RequestKind.LIST, 1)
                .probability(RequestKind.GET, 0.2)
                .faults(Fault.SLOW_DOWN_503)
                .build());

        int listingsFaulted = 0;
        int getsFaulted = 0;
        for (int i = 0; i < 500; i++) {
            listingsFaulted += get(p, "/bucket?list-type=2&start-after=" + i).statusCode() == 503 ? 1 : 0;
            getsFaulted += get(p, "/fixed/" + i).statusCode() == 503 ? 1 : 0;
        }

        assertThat(listingsFaulted).isEqualTo(500);
        assertThat(getsFaulted).isBetween(70, 130); // 20% of 500, drawn from a fixed seed
        assertThat(p.injected()).hasSize(500 + getsFaulted);
    }

    @Test
    void statisticsEndpointReportsTheCountersAsJson() throws Exception {
        FaultProxy p = always(Fault.SLOW_DOWN_503);
        get(p, "/fixed/1");
        get(p, "/bucket?list-type=2");

        String json = new String(get(p, FaultProxy.STATS_PATH).body(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"GET\":1", "\"LIST\":1", "\"503\":2", "\"total_requests\":2", "\"total_faults\":2");
    }

    @Test
    void refusesATargetThatIsNotPlainHttp() {
        assertThatThrownBy(() -> FaultProxy.start(URI.create("https://127.0.0.1:1"), FaultPlan.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
    }
}
