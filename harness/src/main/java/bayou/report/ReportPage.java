package bayou.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one page for a run. The verdicts with their explanations and the
 * operations they name (each linked to its place in the timeline), how to repeat the run, its
 * numbers, and links to its scripts, history and pictures. Every value is escaped.
 */
final class ReportPage {
  /** Operations listed under one violation; the explanation names the ones that matter. */
  static final int OPS_PER_VIOLATION_MAX = 8;
  /** How far around a finding's operations its faults are listed. */
  static final long AROUND_NANOS = 1_000_000_000L;
  static final int FAULTS_AROUND_MAX = 12;

  private final Path runDir;
  private final JsonNode results; // null when the run was never checked
  private final RunData data;
  private final StringBuilder html = new StringBuilder(1 << 14);

  ReportPage(Path runDir, JsonNode results, RunData data) {
    this.runDir = runDir;
    this.results = results;
    this.data = data;
  }

  String render(String name, List<String> pictures) {
    html.append(Html.head("bayou run " + name)).append("<body>\n<h1>Run ")
        .append(Html.escape(name)).append("</h1>\n");
    verdict();
    html.append("<p><a id=\"timeline-link\" href=\"timeline.html\">timeline</a> &middot; "
        + "<a href=\"#findings\">findings</a> &middot; <a href=\"#pictures\">plots</a></p>\n");
    repeat();
    numbers();
    checkers();
    files();
    html.append("<h2 id=\"pictures\">Pictures</h2>\n<p><a href=\"timeline.html\">"
        + "timeline.html</a>: every operation per client over time, faults shaded.</p>\n");
    for (String picture : pictures) {
      html.append("<p><a href=\"").append(picture).append("\"><img src=\"").append(picture)
          .append("\" alt=\"").append(picture).append("\"></a></p>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private void verdict() {
    String valid = results == null ? "unchecked" : word(results.path("valid"));
    html.append("<p>Verdict: <span id=\"verdict\" class=\"").append(Html.escape(valid))
        .append("\">").append(Html.escape(valid)).append("</span>");
    if (results == null) {
      html.append(" (no results.json: <code>bin/bayou check DIR</code> checks it)");
    }
    html.append("</p>\n");
  }

  private void repeat() {
    JsonNode repeat = results == null ? null : results.get("repeat");
    String command = repeat != null && repeat.isTextual() ? repeat.asText()
        : "bin/bayou master --history NEW_DIR < campaign.test";
    html.append("<p>Seed: <code>").append(results == null ? "-"
        : Html.escape(results.path("seed").asText("-"))).append("</code>. Repeat: <code>")
        .append(Html.escape(command)).append("</code></p>\n");
  }

  private void numbers() {
    html.append("<h2>Numbers</h2>\n<table>\n");
    JsonNode counts = results == null ? null : results.get("counts");
    if (counts != null) {
      counts.fields().forEachRemaining(e -> row(e.getKey(), e.getValue().asText()));
    }
    row("operations in the history", String.valueOf(data.spans.size()));
    row("length of the history (s)", String.format("%.1f", RunData.seconds(data.endNanos)));
    for (Map.Entry<String, Integer> e : Fault.counts(data.faults).entrySet()) {
      row("faults: " + e.getKey(), String.valueOf(e.getValue()));
    }
    html.append("</table>\n");
    JsonNode options = results == null ? null : results.get("options");
    if (options != null && options.isObject()) {
      html.append("<h2>Options</h2>\n<table>\n");
      options.fields().forEachRemaining(e -> row(e.getKey(), e.getValue().asText()));
      html.append("</table>\n");
    }
  }

  private void row(String name, String value) {
    html.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
        .append(Html.escape(value)).append("</td></tr>\n");
  }

  private void checkers() {
    JsonNode checkers = results == null ? null : results.get("checkers");
    if (checkers == null || !checkers.isObject()) {
      return;
    }
    html.append("<h2>Checkers</h2>\n<table id=\"checkers\"><tr><th>checker</th><th>verdict</th>"
        + "<th>counts</th></tr>\n");
    checkers.fields().forEachRemaining(e -> {
      String word = word(e.getValue().path("valid"));
      html.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"")
          .append(Html.escape(word)).append("\">").append(Html.escape(word)).append("</td><td>")
          .append(Html.escape(e.getValue().path("counts").toString())).append("</td></tr>\n");
    });
    html.append("</table>\n<h2 id=\"findings\">Findings</h2>\n");
    int[] n = {0};
    checkers.fields().forEachRemaining(e -> {
      for (JsonNode violation : e.getValue().path("violations")) {
        violation(e.getKey(), violation, n[0]++);
      }
    });
    if (n[0] == 0) {
      html.append("<p>None.</p>\n");
    }
  }

  private void violation(String checker, JsonNode violation, int n) {
    html.append("<div class=\"violation\" id=\"finding-").append(n).append("\"><h3>")
        .append(Html.escape(checker)).append(" / ")
        .append(Html.escape(violation.path("kind").asText()))
        .append("</h3>\n<p class=\"explanation\">")
        .append(Html.escape(violation.path("explanation").asText())).append("</p>\n<ul>\n");
    int listed = 0;
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (JsonNode event : violation.path("events")) {
      RunData.Span named = data.spanOf(event.asLong());
      if (named != null) {
        from = Math.min(from, named.startNanos());
        to = Math.max(to, named.endNanos());
      }
      if (listed++ == OPS_PER_VIOLATION_MAX) {
        html.append("<li>... and ").append(violation.path("events").size() - OPS_PER_VIOLATION_MAX)
            .append(" more</li>\n");
        break;
      }
      long index = event.asLong();
      RunData.Span span = data.spanOf(index);
      html.append("<li><a class=\"op-link\" href=\"timeline.html#ev=").append(index)
          .append("\">event ").append(index).append("</a> ")
          .append(span == null ? "(not an operation: a snapshot or a fault)"
              : Html.escape(opLine(span)))
          .append("</li>\n");
    }
    html.append("</ul>\n");
    faultsAround(from - AROUND_NANOS, to + AROUND_NANOS);
    html.append("</div>\n");
  }

  /**
   * The faults that overlap a window of time, what the system went through meanwhile: those
   * that began or ended in it first, then those that lasted through it.
   */
  private void faultsAround(long fromNanos, long toNanos) {
    if (fromNanos > toNanos) {
      return; // the finding names no operation
    }
    List<String> around = data.faults.stream()
        .filter(f -> !f.kind().equals("stabilize") && f.startNanos() <= toNanos
            && f.endNanos() >= fromNanos)
        // what began or ended in the window first, then what lasted through all of it
        .sorted(java.util.Comparator.comparing((Fault f) -> f.startNanos() < fromNanos
            && f.endNanos() > toNanos))
        .map(f -> f.instant() ? String.format("%s (%.3f s)", f.label(),
            RunData.seconds(f.startNanos())) : String.format("%s (%.3f-%.3f s)", f.label(),
            RunData.seconds(f.startNanos()), RunData.seconds(f.endNanos())))
        .toList();
    html.append("<p class=\"faults-around\">Faults from 1 s before to 1 s after: ")
        .append(around.isEmpty() ? "none" : Html.escape(String.join(", ",
            around.subList(0, Math.min(around.size(), FAULTS_AROUND_MAX)))))
        .append(around.size() > FAULTS_AROUND_MAX ? ", and " + (around.size()
            - FAULTS_AROUND_MAX) + " more" : "").append(".</p>\n");
  }

  /** valid, invalid or unknown, from a campaign's words or from Jepsen's true / false. */
  static String word(JsonNode valid) {
    String text = valid.asText("unknown");
    return text.equals("true") ? "valid" : text.equals("false") ? "invalid"
        : text.isEmpty() ? "unknown" : text;
  }

  static String opLine(RunData.Span span) {
    return String.format("at %.3f s, process %d: %s, %s at server %s", RunData.seconds(
        span.startNanos()), span.invoke().process(), span.describe(), span.outcome(),
        span.completion() == null ? "?" : span.completion().server() + " ("
            + span.completion().serverName() + ")");
  }

  private void files() {
    html.append("<h2>Files</h2>\n<ul>\n");
    for (String file : List.of("results.json", "campaign.test", "minimal.test", "history.txt",
        "messages.jsonl")) {
      if (Files.exists(runDir.resolve(file))) {
        html.append("<li><a href=\"").append(file).append("\">").append(file).append("</a></li>\n");
      }
    }
    html.append("<li>the history as JSON lines: <code>bin/bayou history export DIR</code>"
        + " (<a href=\"history.jsonl\">history.jsonl</a> under <code>bin/bayou serve</code>)"
        + "</li>\n</ul>\n");
  }
}
