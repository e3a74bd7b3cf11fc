package bayou.harness;

import bayou.checker.CheckRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * What a campaign prints for one run on stdout: the counts, a few explanations, the verdict
 * table, then where the run is, its size and, when invalid, the minimal script and the exact
 * command that replays it and shows the failure again.
 */
public final class RunReport {
  /** A minimal script up to this long is printed; a longer one is only named. */
  static final int MINIMAL_PRINTED_MAX_STEPS = 10;

  private RunReport() {}

  public static void print(CampaignResult result, CampaignOptions options, PrintStream out) {
    out.printf("seed %d: %s  ops %d (%.0f/s), faults %d, convergence %.0f ms%s%n",
        result.seed(), result.validity().name().toLowerCase(), result.ops(),
        result.opsPerSecond(), result.faults(), result.convergenceMs(),
        Double.isNaN(result.checkMs()) ? "" : String.format(java.util.Locale.ROOT,
            ", check %.1f s", result.checkMs() / 1e3));
    if (result.historyDigest() != null) {
      out.println("history digest: " + result.historyDigest());
    }
    out.print(CheckRun.summary(result.results(), result.runDir().resolve(CheckRun.RESULTS_FILE)));
    out.println("run: " + result.runDir() + " ("
        + DiskUsage.words(DiskUsage.bytes(result.runDir())) + ")");
    if (result.minimal() != null) {
      printMinimal(result, out);
      out.println("replay it (shows the failure again): "
          + ReplayLine.of(result.runDir(), options, result.seed()));
      if (result.minimalOnProcesses() != null) {
        out.println("on real processes, minimal.test " + (result.minimalOnProcesses()
            ? "fails the same way: "
                + ReplayLine.confirmingOnProcesses(result.runDir(), options.bug())
            : "passes: a failure found only in simulation"));
      }
    }
    out.flush();
  }

  private static void printMinimal(CampaignResult result, PrintStream out) {
    try {
      List<String> lines = Files.readAllLines(result.minimal());
      String took = Double.isNaN(result.shrinkMs()) ? ""
          : String.format(java.util.Locale.ROOT, ", shrunk in %.1f s", result.shrinkMs() / 1e3);
      out.println("minimal script: " + result.minimal() + " (" + lines.size() + " steps" + took
          + ")" + (lines.size() <= MINIMAL_PRINTED_MAX_STEPS ? ":" : ""));
      if (lines.size() <= MINIMAL_PRINTED_MAX_STEPS) {
        lines.forEach(line -> out.println("  " + line));
      }
    } catch (IOException e) {
      out.println("minimal script: " + result.minimal() + " (unreadable: " + e.getMessage()
          + ")");
    }
  }
}
