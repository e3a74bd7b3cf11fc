package bayou.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pictures of one run, written into its directory beside {@code results.json}:
 * {@code report.html}, {@code timeline.html}, the plots as SVG and, when a simulator left
 * {@code messages.jsonl}, {@code messages.svg}. Campaigns, {@code master --history} and
 * {@code check} call it after the verdict is written.
 */
public final class RunReport {
  public static final String REPORT = "report.html";
  public static final String TIMELINE = "timeline.html";

  private RunReport() {}

  /**
   * Writes every picture of the run in runDir and says where on err. A report is a view of the
   * evidence, never the evidence: a failure is said on err and leaves the run and its verdict
   * as they are.
   *
   * @return whether every picture was written
   */
  public static boolean writeQuietly(Path runDir, PrintStream err) {
    return writeQuietly(runDir, null, err);
  }

  /** As {@link #writeQuietly(Path, PrintStream)}, from data already read (null: read it). */
  public static boolean writeQuietly(Path runDir, RunData data, PrintStream err) {
    try {
      long start = System.nanoTime();
      write(runDir, data);
      err.printf("bayou: report %s (its pictures took %.2f s)%n", runDir.resolve(REPORT),
          (System.nanoTime() - start) / 1e9);
      return true;
    } catch (IOException | RuntimeException e) {
      err.println("bayou: could not write the pictures of " + runDir + ": " + e);
      return false;
    }
  }

  /** Writes every picture of the run in runDir; returns the files written. */
  public static List<Path> write(Path runDir) throws IOException {
    return write(runDir, null);
  }

  private static List<Path> write(Path runDir, RunData read) throws IOException {
    RunData data = read != null ? read.finish() : RunData.read(runDir);
    JsonNode results = readResults(runDir);
    List<Path> written = new ArrayList<>();
    List<String> pictures = new ArrayList<>();
    // the plots draw on a second core while the timeline's data is built
    CompletableFuture<Map<String, String>> plots = CompletableFuture.supplyAsync(
        () -> Charts.all(data));
    String name = runDir.toRealPath().getFileName().toString(); // store/latest: its target
    Path timeline = runDir.resolve(TIMELINE);
    try (Writer out = Files.newBufferedWriter(timeline, StandardCharsets.UTF_8)) {
      new TimelinePage(data, results).write(name, out);
    }
    written.add(timeline);
    for (Map.Entry<String, String> svg : plots.join().entrySet()) {
      written.add(writeString(runDir.resolve(svg.getKey()), svg.getValue()));
      pictures.add(svg.getKey());
    }
    Path messages = runDir.resolve(MessagesDiagram.INPUT);
    if (Files.isRegularFile(messages)) {
      written.add(writeString(runDir.resolve("messages.svg"),
          MessagesDiagram.render(MessagesDiagram.read(messages))));
      pictures.add("messages.svg");
    }
    written.add(writeString(runDir.resolve(REPORT), new ReportPage(runDir, results, data)
        .render(name, pictures)));
    return written;
  }

  /** results.json as a tree, or null when the run was not checked. */
  static JsonNode readResults(Path runDir) throws IOException {
    Path file = runDir.resolve("results.json");
    return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
  }

  private static Path writeString(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
