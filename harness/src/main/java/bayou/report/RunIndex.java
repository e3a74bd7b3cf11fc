package bayou.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs of a store, one row per directory holding a {@code results.json}, for the table of
 * {@code bayou serve}: filtered by verdict and sorted by any column.
 */
final class RunIndex {
  /** store/campaign/run: deeper directories are a run's own (queue/, shrink/). */
  static final int DEPTH_MAX = 3;
  static final List<String> COLUMNS = List.of("time", "name", "seed", "verdict", "ops",
      "faults", "bug");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  /** One run; path is relative to the store, with '/' between names. */
  record Row(String path, String time, String name, String seed, String verdict, long ops,
      long faults, String bug) {
    String get(String column) {
      return switch (column) {
        case "name" -> name;
        case "seed" -> seed;
        case "verdict" -> verdict;
        case "bug" -> bug;
        default -> time;
      };
    }
  }

  private RunIndex() {}

  /** The runs, filtered by verdict ("" for all) and sorted by column, descending if asked. */
  static List<Row> rows(Path store, String verdict, String column, boolean descending) {
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(store, DEPTH_MAX)) { // does not follow store/latest
      files.filter(f -> f.getFileName().toString().equals("results.json"))
          .forEach(f -> rows.add(row(store, f.getParent())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the runs in " + store, e);
    }
    Comparator<Row> order = switch (column) {
      case "ops" -> Comparator.comparingLong(Row::ops);
      case "faults" -> Comparator.comparingLong(Row::faults);
      default -> Comparator.comparing((Row r) -> r.get(column));
    };
    order = order.thenComparing(Row::path);
    return rows.stream().filter(r -> verdict.isEmpty() || r.verdict().equals(verdict))
        .sorted(descending ? order.reversed() : order).toList();
  }

  private static Row row(Path store, Path run) {
    String path = store.relativize(run).toString().replace('\\', '/');
    Path parent = store.relativize(run).getParent();
    String name = parent == null ? run.getFileName().toString() : parent.toString();
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(run.resolve("results.json").toFile());
    } catch (IOException e) {
      return new Row(path, time(run), name, "-", "unreadable", 0, 0, "");
    }
    JsonNode counts = json.path("counts");
    long ops = counts.has("ops") ? counts.path("ops").asLong()
        : json.path("checkers").path("well-formed").path("counts").path("ops").asLong();
    return new Row(path, time(run), name, json.path("seed").asText("-"),
        ReportPage.word(json.path("valid")), ops, counts.path("faults").asLong(-1),
        json.path("options").path("bug").asText(""));
  }

  private static String time(Path run) {
    try {
      return TIME.format(Files.getLastModifiedTime(run.resolve("results.json")).toInstant());
    } catch (IOException e) {
      return TIME.format(Instant.EPOCH);
    }
  }

  /** The table as a page: filter links, sortable headers, one link per run. */
  static String page(List<Row> rows, String verdict, String column, boolean descending) {
    StringBuilder html = new StringBuilder(Html.head("bayou runs"));
    html.append("<body>\n<h1>Runs</h1>\n<p id=\"filters\">verdict:");
    for (String v : List.of("", "valid", "invalid", "unknown")) {
      html.append(' ').append(v.equals(verdict) ? "<b>" : "").append("<a href=\"?verdict=")
          .append(v).append("&amp;sort=").append(column).append("&amp;order=")
          .append(descending ? "desc" : "asc").append("\">")
          .append(v.isEmpty() ? "all" : v).append("</a>").append(v.equals(verdict) ? "</b>" : "");
    }
    html.append(" &middot; ").append(rows.size()).append(" runs</p>\n<table id=\"runs\"><tr>");
    for (String c : COLUMNS) {
      boolean flip = c.equals(column) && !descending;
      html.append("<th><a href=\"?verdict=").append(Html.escape(verdict)).append("&amp;sort=")
          .append(c).append("&amp;order=").append(flip ? "desc" : "asc").append("\">").append(c)
          .append(c.equals(column) ? (descending ? " &#9660;" : " &#9650;") : "")
          .append("</a></th>");
    }
    html.append("</tr>\n");
    for (Row r : rows) {
      String link = "/run/" + Html.escape(urlPath(r.path())) + "/report.html";
      html.append("<tr class=\"run ").append(Html.escape(r.verdict())).append("\"><td><a href=\"")
          .append(link).append("\">").append(Html.escape(r.time())).append("</a></td>");
      for (Object cell : List.of(r.name(), r.seed(), r.verdict(), r.ops(),
          r.faults() < 0 ? "-" : r.faults(), r.bug())) { // a run checked alone counts none
        html.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  /** Each name of a relative path URL-encoded, the slashes kept. */
  static String urlPath(String path) {
    StringBuilder url = new StringBuilder();
    for (String part : path.split("/")) {
      url.append(url.length() == 0 ? "" : "/")
          .append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  static Map<String, String> defaults() {
    return Map.of("verdict", "", "sort", "time", "order", "desc");
  }
}
