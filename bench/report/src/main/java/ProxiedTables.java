import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tables of the far and throttled scenarios (issue 11), where every request passes a fault proxy: besides
 * time, what the server answered (503s) and how many objects a tool failed, since on a throttling server a fast
 * run that fails objects is no success.
 */
final class ProxiedTables {

    private ProxiedTables() {}

    static String table(String scenario, List<Report.Cell> rows, JsonNode settings) {
        StringBuilder md = new StringBuilder();
        md.append(scenario.equals("far")
                ? "Every request, ours and rclone's alike, waits in a proxy before it is forwarded (" + settings.path("far").asText()
                        + "): the latency of a server across a continent. Both tools stream between two remotes. "
                        + "\"atlan-storage\" is our tool with no flags (its default concurrency). Requests are the "
                        + "proxy's count.\n\n"
                : "S3Proxy behind a proxy that answers " + settings.path("throttled").asText()
                        + ". A run that failed objects (\"incomplete\") enters the time medians, though its time is not "
                        + "comparable with a complete run's; one that gave up (\"stopped\", exit 2) does not, but its "
                        + "unmigrated objects count as failed. 503s answered and requests are the proxy's counts.\n\n");
        md.append("| data set | tool | runs ok / incomplete / stopped / all | wall s | objects/s | failed objects | 503s answered ")
                .append("| requests | tool CPU s | server + proxy CPU s | other load % |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Report.Cell c : rows) {
            md.append("| ").append(c.dataset()).append(" | ").append(Report.name(c.tool())).append(" | ");
            long ok = c.runs().stream().filter(r -> "ok".equals(r.path("status").asText())).count();
            long incomplete = c.runs().stream().filter(r -> "incomplete".equals(r.path("status").asText())).count();
            long stopped = c.runs().stream().filter(r -> "stopped".equals(r.path("status").asText())).count();
            md.append(ok).append(" / ").append(incomplete).append(" / ").append(stopped).append(" / ")
                    .append(c.runs().size()).append(" | ");
            if (!c.measured()) {
                md.append(c.state()).append(": ").append(Report.note(c)).append(" | | | | | | | |\n");
                continue;
            }
            md.append(Report.fmt(c.wall(), 2)).append(" | ").append(Report.fmt(c.objectsPerSecond(), 0)).append(" | ")
                    .append(Report.fmt(c.failedObjects(), 0)).append(" | ")
                    .append(Report.fmt(c.throttledResponses(), 0)).append(" | ")
                    .append(Report.fmt(c.proxyRequests(), 0)).append(" | ")
                    .append(Report.fmt(c.cpuSeconds(), 1)).append(" | ").append(Report.fmt(c.serverCpuSeconds(), 1))
                    .append(" | ").append(Report.fmt(c.foreignCpuPct(), 0)).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** The fastest of ours at a fixed concurrency in {@code ours}'s group that failed no object, if any. */
    static Optional<Report.Cell> bestFixed(List<Report.Cell> cells, Report.Cell ours) {
        if (!Report.PROXIED.contains(ours.scenario())) return Optional.empty();
        return cells.stream()
                .filter(c -> c.group().equals(ours.group()) && c.tool().startsWith("ours-c") && c.measured())
                .filter(c -> c.failedObjects() == null || c.failedObjects() == 0)
                .min(Comparator.comparingDouble(Report.Cell::wall));
    }
}
