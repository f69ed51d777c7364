import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns the run log of bench/run into medians, ratios, a results JSON, the markdown report
 * and PNG charts. Only runs whose destination was checked ("ok") enter a median.
 *
 * <p>usage: Report META_JSON RUNS_NDJSON OUT_JSON OUT_MD OUT_DIR
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> TOOL_ORDER = List.of("ours", "ours-sdk", "rclone", "aws", "ceiling");
    /** Scenarios through the fault proxy, where a run with failed objects is a measured outcome. */
    static final List<String> PROXIED = List.of("far", "throttled");
    private static final List<String> PEERS = List.of("ours-sdk", "rclone", "aws", "ceiling");
    private static final double MIB = 1 << 20;

    private static final Map<String, String> SCENARIO_TITLES = Map.ofEntries(
            Map.entry("s3-cross", "1. S3 -> S3 across two remotes (bytes stream through the client; aws copies server side)"),
            Map.entry("s3-same", "2. S3 -> S3 within one endpoint (server-side copy)"),
            Map.entry("noop", "3. No-op re-run over a complete destination"),
            Map.entry("upload", "4. Local folder -> S3 upload"),
            Map.entry("scale", "6. Scale: synthetic objects (1,000,000 in a full run) into a discarding destination"),
            Map.entry("sdk", "7. Our two S3 paths, S3 -> S3 across two remotes: the lean HTTP path and the AWS SDK (ours-sdk)"),
            Map.entry("azure", "8. S3 -> Azure Blob (Azurite) and back"),
            Map.entry("gcs", "9. S3 -> GCS (the in-repo JSON-API fake) and back"),
            Map.entry("far", "10. Far server: S3 -> S3 with a fixed delay added to every request"),
            Map.entry("throttled", "11. Throttling server: S3 -> S3 against 503 SlowDown above a request rate"));
    private static final List<String> SCENARIO_ORDER =
            List.of("s3-cross", "s3-same", "noop", "upload", "scale", "sdk", "azure", "gcs", "far", "throttled");

    /** One (scenario, data set, tool) cell: its runs and, if any run is valid, its medians. */
    record Cell(String scenario, String dataset, String tool, List<JsonNode> runs) {
        /** Runs that enter the medians: checked ones, and in the proxied scenarios those that failed objects. */
        List<JsonNode> valid() {
            return runs.stream().filter(r -> "ok".equals(r.path("status").asText())
                    || PROXIED.contains(scenario) && "incomplete".equals(r.path("status").asText())).toList();
        }

        boolean measured() {
            return !valid().isEmpty();
        }

        String state() {
            if (measured()) return "ok";
            return runs.stream().map(r -> r.path("status").asText()).filter(s -> !s.equals("ok"))
                    .findFirst().orElse("none");
        }

        Double median(ToDoubleFunction<JsonNode> f) {
            double[] v = valid().stream().filter(r -> !Double.isNaN(f.applyAsDouble(r)))
                    .mapToDouble(f).sorted().toArray();
            if (v.length == 0) return null;
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        Double wall() { return median(r -> r.path("wall_s").asDouble()); }
        Double rssMiB() { return median(r -> num(r, "rss_kb") / 1024); }
        Double heapMiB() { return median(r -> num(r, "heap_bytes") / MIB); }
        Double cpuSeconds() { return median(r -> num(r, "tool_cpu_s")); }
        /** S3Proxy's CPU during the run; null for result files from before it was recorded. */
        Double serverCpuSeconds() { return median(r -> num(r, "server_cpu_s")); }
        Double foreignCpuPct() { return median(r -> num(r, "foreign_cpu_pct")); }
        /** Failed objects over every run with an outcome, a stopped one included (its unmigrated objects). */
        Double failedObjects() {
            double[] v = runs.stream().filter(r -> List.of("ok", "incomplete", "stopped").contains(r.path("status").asText()))
                    .mapToDouble(r -> num(r, "failed_objects")).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) return null;
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        Double throttledResponses() { return median(r -> num(r, "throttled_responses")); }
        Double proxyRequests() { return median(r -> num(r, "proxy_requests")); }
        long objects() { return valid().getFirst().path("objects").asLong(); }
        long bytes() { return valid().getFirst().path("bytes").asLong(); }
        Double objectsPerSecond() { return wall() == null ? null : objects() / wall(); }
        Double mibPerSecond() { return wall() == null ? null : bytes() / MIB / wall(); }
        String group() { return scenario + "/" + dataset; }

        private static double num(JsonNode r, String field) {
            JsonNode n = r.path(field);
            return n.isNumber() ? n.asDouble() : Double.NaN;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: Report META_JSON RUNS_NDJSON OUT_JSON OUT_MD OUT_DIR");
            System.exit(2);
        }
        JsonNode meta = JSON.readTree(Path.of(args[0]).toFile());
        List<JsonNode> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) runs.add(JSON.readTree(line));
        }
        List<Cell> cells = cells(runs);
        Path outDir = Path.of(args[4]);
        Files.createDirectories(outDir);

        List<Ratio> vsPeers = ratiosOursVsPeers(cells);
        List<Ratio> vsCeiling = ratiosVsCeiling(cells);
        String peersChart = vsPeers.isEmpty() ? null : chart(vsPeers, outDir.resolve("benchmarks-vs-peers.png"),
                "atlan-storage speed-up over each peer (peer time / our time; > 1 = we are faster)", "speed-up");
        String ceilingChart = vsCeiling.isEmpty() ? null : chart(vsCeiling, outDir.resolve("benchmarks-vs-ceiling.png"),
                "Throughput as a fraction of the bare-client ceiling (1.0 = as fast as raw GET/PUT)", "fraction of ceiling");

        writeResults(Path.of(args[2]), meta, runs, cells, vsPeers, vsCeiling);
        Files.writeString(Path.of(args[3]),
                markdown(meta, cells, vsPeers, vsCeiling, peersChart, ceilingChart, Path.of(args[2]).getFileName().toString()));
    }

    private static List<Cell> cells(List<JsonNode> runs) {
        Map<String, Cell> byKey = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            String s = r.path("scenario").asText(), d = r.path("dataset").asText(), t = r.path("tool").asText();
            byKey.computeIfAbsent(s + "\0" + d + "\0" + t, k -> new Cell(s, d, t, new ArrayList<>())).runs().add(r);
        }
        List<Cell> cells = new ArrayList<>(byKey.values());
        cells.sort(Comparator.comparingInt((Cell c) -> SCENARIO_ORDER.indexOf(c.scenario()))
                .thenComparing(c -> datasetRank(c.dataset()))
                .thenComparingInt(c -> toolRank(c.tool())));
        return cells;
    }

    /** ours, then ours at fixed concurrencies in increasing order, then the peers. */
    private static int toolRank(String tool) {
        if (tool.startsWith("ours-c")) return 1 + Integer.parseInt(tool.substring("ours-c".length()));
        int i = TOOL_ORDER.indexOf(tool);
        return i <= 0 ? 0 : 100_000 + i;
    }

    private static int datasetRank(String d) {
        int i = List.of("small", "large", "mixed").indexOf(d);
        return i < 0 ? 99 : i;
    }

    record Ratio(String group, String series, double value) {}

    /** peer median wall / our median wall, for every group where both were measured. */
    private static List<Ratio> ratiosOursVsPeers(List<Cell> cells) {
        List<Ratio> out = new ArrayList<>();
        for (Cell ours : cells) {
            if (!ours.tool().equals("ours") || !ours.measured()) continue;
            // On a throttling server a run that failed objects is no success, however fast: no speed-up for it.
            if (PROXIED.contains(ours.scenario()) && ours.failedObjects() != null && ours.failedObjects() > 0) continue;
            for (Cell peer : cells) {
                if (peer.group().equals(ours.group()) && PEERS.contains(peer.tool()) && peer.measured()) {
                    out.add(new Ratio(ours.group(), "vs " + peer.tool(), peer.wall() / ours.wall()));
                }
            }
            ProxiedTables.bestFixed(cells, ours).ifPresent(best -> out.add(new Ratio(ours.group(),
                    "vs best fixed (" + name(best.tool()) + ")", best.wall() / ours.wall())));
        }
        return out;
    }

    /** ceiling median wall / tool median wall: the share of the raw request rate a tool reaches. */
    private static List<Ratio> ratiosVsCeiling(List<Cell> cells) {
        List<Ratio> out = new ArrayList<>();
        for (Cell ceiling : cells) {
            if (!ceiling.tool().equals("ceiling") || !ceiling.measured()) continue;
            for (Cell c : cells) {
                if (c.group().equals(ceiling.group()) && !c.tool().equals("ceiling") && c.measured()) {
                    out.add(new Ratio(c.group(), name(c.tool()), ceiling.wall() / c.wall()));
                }
            }
        }
        return out;
    }

    private static String chart(List<Ratio> ratios, Path png, String title, String yTitle) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title(title)
                .xAxisTitle("scenario / data set").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        List<String> groups = ratios.stream().map(Ratio::group).distinct().toList();
        for (String series : ratios.stream().map(Ratio::series).distinct().toList()) {
            List<Double> ys = groups.stream().map(g -> ratios.stream()
                    .filter(r -> r.group().equals(g) && r.series().equals(series))
                    .map(Ratio::value).findFirst().orElse(0.0)).toList();
            chart.addSeries(series, groups, ys);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return png.getFileName().toString();
    }

    private static void writeResults(Path out, JsonNode meta, List<JsonNode> runs, List<Cell> cells,
                                     List<Ratio> vsPeers, List<Ratio> vsCeiling) throws IOException {
        ObjectNode root = ((ObjectNode) meta.deepCopy());
        ArrayNode medians = root.putArray("medians");
        for (Cell c : cells) {
            ObjectNode m = medians.addObject();
            m.put("scenario", c.scenario()).put("dataset", c.dataset()).put("tool", c.tool())
                    .put("state", c.state()).put("valid_runs", c.valid().size()).put("runs", c.runs().size());
            if (c.measured()) {
                m.put("wall_s", c.wall()).put("objects", c.objects()).put("bytes", c.bytes())
                        .put("objects_per_s", c.objectsPerSecond()).put("mib_per_s", c.mibPerSecond())
                        .put("peak_rss_mib", c.rssMiB());
                m.put("heap_mib", c.heapMiB()).put("tool_cpu_s", c.cpuSeconds())
                        .put("server_cpu_s", c.serverCpuSeconds()).put("foreign_cpu_pct", c.foreignCpuPct());
                if (PROXIED.contains(c.scenario())) {
                    m.put("failed_objects", c.failedObjects()).put("throttled_responses", c.throttledResponses())
                            .put("proxy_requests", c.proxyRequests());
                }
            }
        }
        ArrayNode peers = root.putArray("ratios_ours_vs_peers");
        vsPeers.forEach(r -> peers.addObject().put("group", r.group()).put("peer", r.series().substring(3))
                .put("speedup", r.value()));
        ArrayNode ceiling = root.putArray("fraction_of_ceiling");
        vsCeiling.forEach(r -> ceiling.addObject().put("group", r.group()).put("tool", r.series())
                .put("fraction", r.value()));
        ArrayNode raw = root.putArray("runs");
        runs.forEach(raw::add);
        JSON.writeValue(out.toFile(), root);
    }

    private static String markdown(JsonNode meta, List<Cell> cells, List<Ratio> vsPeers, List<Ratio> vsCeiling,
                                   String peersChart, String ceilingChart, String resultsFile) {
        StringBuilder md = new StringBuilder();
        JsonNode m = meta.path("machine"), v = meta.path("versions"), s = meta.path("settings");
        md.append("# Benchmarks\n\n")
                .append("Generated by `bench/run` (see `bench/README.md`); do not edit by hand. Raw numbers: `bench/results/")
                .append(resultsFile).append("`. Targets, tuning history (before/after) and what limits each number:")
                .append(" [performance.md](performance.md).\n\n")
                .append("Run ").append(meta.path("date").asText()).append(", ").append(meta.path("reps").asInt())
                .append(" repetition(s) per case, medians shown; suite time ").append(meta.path("suite_seconds").asInt())
                .append(" s").append(meta.path("smoke").asBoolean() ? " (**smoke run: tiny data, not a measurement**)" : "")
                .append(".\n\n")
                .append("* Machine: ").append(m.path("nproc").asInt()).append(" cores (").append(m.path("cpu").asText())
                .append("), ").append(m.path("memory").asText()).append(", kernel ").append(m.path("kernel").asText()).append('\n')
                .append("* Versions: ").append(v.path("rclone").asText()).append("; ").append(v.path("aws").asText())
                .append("; ").append(v.path("java").asText()).append("; S3Proxy ").append(v.path("s3proxy").asText())
                .append("; atlan-storage ").append(v.path("atlan_storage").isNull() ? "not available" : v.path("atlan_storage").asText())
                .append('\n')
                .append("* Server: S3Proxy ").append(s.path("s3proxy").asText()).append(", peak RSS ")
                .append(fmt(s.path("s3proxy_peak_rss_kb").asDouble() / 1024, 0)).append(" MiB. It shares the ")
                .append(m.path("nproc").asInt()).append(" cores with the client, so absolute numbers are low and vary by about ±30 %; compare tools, not machines.\n")
                .append("* Settings: concurrency ").append(s.path("concurrency").asInt()).append("; rclone `")
                .append(s.path("rclone_flags").asText()).append("`; aws-cli `max_concurrent_requests = ")
                .append(s.path("concurrency").asInt()).append("`, multipart threshold 16 MB, chunk 8 MB; ceiling: ")
                .append(s.path("ceiling").asText()).append(".\n")
                .append("* Every run starts with a fresh, empty destination bucket (except no-op) and is checked afterwards: ")
                .append("the destination's listing must hold every object and byte, and in repetition 1 `rclone check --size-only` ")
                .append("must match key by key. Failed or incomplete runs are excluded from medians and shown as such.\n")
                .append("* Data is in the page cache (24 GiB RAM); `sync` runs before every timed run, so no run pays for an ")
                .append("earlier one's writeback. Peak RSS and tool CPU s (user + system) are the tool process's, from ")
                .append("`/usr/bin/time -v`; server CPU s is S3Proxy's during the run, from `/proc`.\n")
                .append("* Tool order changes with the repetition so that no tool always runs first or always right after ")
                .append("the same tool (a balanced, Williams-design order; see `bench/lib/scenarios.sh`).\n")
                .append("* \"other load %\": the share of the machine's CPU used during the run by processes other than the tool and ")
                .append("S3Proxy (this machine is shared). Medians from runs with high other load understate every tool.\n\n")
                .append(cpuParagraph(m.path("nproc").asInt()));

        for (String scenario : SCENARIO_ORDER) {
            List<Cell> rows = cells.stream().filter(c -> c.scenario().equals(scenario)).toList();
            if (rows.isEmpty()) continue;
            md.append("## ").append(SCENARIO_TITLES.get(scenario)).append("\n\n");
            if (PROXIED.contains(scenario)) {
                md.append(ProxiedTables.table(scenario, rows, meta.path("settings")));
                continue;
            }
            md.append(switch (scenario) {
                case "s3-cross" -> "rclone copies between two remotes (`SRC:` and `DST:` on the same endpoint), so every byte "
                        + "passes through it. aws-cli cannot be told two endpoints are different: `aws s3 sync s3://a s3://b` "
                        + "is always server-side CopyObject / UploadPartCopy, so its numbers here are a server-side copy. "
                        + "Our tool gets a destination component whose endpoint says `localhost` so it, too, must stream.\n\n";
                case "s3-same" -> "rclone with both paths on one remote uses server-side copy.\n\n";
                case "noop" -> "The destination already holds every object (made once, then settled by one untimed rclone "
                        + "pass so rclone's modification times match). This measures listing and comparison only.\n\n";
                case "upload" -> "The mixed data set from a local folder into a fresh bucket.\n\n";
                case "azure", "gcs" -> "Our tool only, into a fresh container or bucket of the emulator the tests use and back"
                        + " into a fresh S3 bucket; every run is checked with `verify`. Server CPU is S3Proxy's; the"
                        + " emulator's counts as other load.\n\n";
                default -> "";
            });
            md.append("| data set | tool | valid runs | wall s | objects/s | MiB/s | peak RSS MiB | heap MiB | tool CPU s ")
                    .append("| server CPU s | vs ceiling | other load % |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Cell c : rows) {
                md.append("| ").append(c.dataset()).append(" | ").append(name(c.tool())).append(" | ");
                if (!c.measured()) {
                    md.append(c.state()).append(" | ").append(note(c)).append(" | | | | | | | | |\n");
                    continue;
                }
                Double ceiling = vsCeiling.stream().filter(r -> r.group().equals(c.group()) && r.series().equals(name(c.tool())))
                        .map(Ratio::value).findFirst().orElse(null);
                md.append(c.valid().size()).append('/').append(c.runs().size()).append(" | ")
                        .append(fmt(c.wall(), 2)).append(" | ")
                        .append(fmt(c.objectsPerSecond(), c.objectsPerSecond() < 10 ? 2 : 0)).append(" | ")
                        .append(fmt(c.mibPerSecond(), 1)).append(" | ").append(fmt(c.rssMiB(), 0)).append(" | ")
                        .append(c.heapMiB() == null ? "–" : fmt(c.heapMiB(), 0)).append(" | ")
                        .append(fmt(c.cpuSeconds(), 1)).append(" | ").append(fmt(c.serverCpuSeconds(), 1)).append(" | ")
                        .append(c.tool().equals("ceiling") ? "1.00" : ceiling == null ? "–" : fmt(ceiling, 2)).append(" | ")
                        .append(fmt(c.foreignCpuPct(), 0)).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## atlan-storage against its peers\n\n");
        if (vsPeers.isEmpty()) {
            md.append("atlan-storage was not available in this run (`bin/atlan-storage` missing), so there are no ratios yet. ")
                    .append("They appear here, and in `benchmarks-vs-peers.png`, as soon as the launcher exists.\n\n");
        } else {
            md.append("Speed-up = peer's median wall time / ours (> 1 means atlan-storage is faster).\n\n")
                    .append("| scenario / data set | peer | speed-up |\n|---|---|---|\n");
            vsPeers.forEach(r -> md.append("| ").append(r.group()).append(" | ").append(r.series().substring(3))
                    .append(" | ").append(fmt(r.value(), 2)).append(" |\n"));
            md.append("\n![speed-up of atlan-storage over peers](").append(peersChart).append(")\n\n");
        }
        if (ceilingChart != null) {
            md.append("## Share of the ceiling\n\nThe ceiling is the same GETs and PUTs from a bare 32-way client with no ")
                    .append("migration logic (`bench/ceiling/`). A value near 1 means a tool is limited by the server and ")
                    .append("machine, not by itself. aws-cli's s3-cross value is a server-side copy and can exceed 1. ")
                    .append("The ceiling is a Java SDK v2 client with default JVM flags, so it is not the server's limit: ")
                    .append("where a Go tool (rclone) exceeds 1, the SDK's per-request CPU (and JIT warm-up on 2 shared cores) ")
                    .append("is what holds the ceiling back. Read it as the bar a Java tool on the same SDK must reach.\n\n")
                    .append("![throughput as a fraction of the ceiling](").append(ceilingChart).append(")\n");
        }
        return md.toString();
    }

    /** Why the two CPU columns matter: on a CPU-bound machine they bound, and explain, the wall time. */
    private static String cpuParagraph(int nproc) {
        return "Client and S3Proxy share the machine's " + nproc + " cores, so (tool CPU s + server CPU s) / " + nproc
                + " is a floor on a run's wall time: a tool is fast only if it costs little CPU on both sides. "
                + "Server CPU s shows what a tool costs the server per object: rclone, for example, HEADs every "
                + "object after uploading it, which S3Proxy pays for. Runs from before server CPU was recorded show –.\n\n";
    }

    static String note(Cell c) {
        return c.runs().stream().map(r -> r.path("note").asText("")).filter(n -> !n.isBlank())
                .findFirst().orElse("").replace("|", "\\|");
    }

    static String name(String tool) {
        if (tool.startsWith("ours-c")) return "atlan-storage --concurrency " + tool.substring("ours-c".length());
        return switch (tool) {
            case "ours" -> "atlan-storage";
            case "ours-sdk" -> "atlan-storage (SDK path)";
            default -> tool;
        };
    }

    static String fmt(Double d, int decimals) {
        return Objects.isNull(d) || d.isNaN() ? "–" : String.format("%,." + decimals + "f", d);
    }
}
