package bayou.harness;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What Ctrl-C (SIGINT, or SIGTERM) does to a running campaign: stop the node processes (which
 * also removes the campaign's pid file), say so, and mark each run directory this campaign
 * started and did not finish with an {@value #MARKER} file, so a half-written run is never
 * mistaken for a finished one. Closing it (a normal end) withdraws the hook.
 */
public final class CampaignInterrupt implements AutoCloseable {
  /** The file that marks an interrupted run directory; it says what the run lacks. */
  public static final String MARKER = "INTERRUPTED";

  private final Path campaignDir;
  private final AutoCloseable processes;
  private final PrintStream err;
  private final Set<Path> before;
  private final Thread hook;
  private volatile boolean interrupted;
  private final PrintStream quiet;

  public CampaignInterrupt(Path campaignDir, AutoCloseable processes, PrintStream err) {
    this.campaignDir = campaignDir;
    this.processes = processes;
    this.err = err;
    this.before = Set.copyOf(runDirs());
    this.quiet = new PrintStream(new FilterOutputStream(err) {
      @Override
      public void write(int b) throws IOException {
        if (!interrupted) {
          out.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (!interrupted) {
          out.write(b, off, len);
        }
      }
    }, true);
    this.hook = new Thread(this::interrupted, "campaign-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The campaign's stderr, silent once interrupted: the steps still under way fail one by one
   * as their processes stop, and a screen of those failures would bury what the hook says.
   */
  public PrintStream err() {
    return quiet;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs
    }
  }

  /** The hook: package-private so a test can run it without a signal. */
  void interrupted() {
    interrupted = true;
    err.println();
    err.println("bayou campaign: interrupted; stopping the node processes");
    try {
      processes.close();
    } catch (Exception e) {
      err.println("bayou campaign: stopping the node processes failed: " + e.getMessage());
    }
    for (Path run : runDirs()) {
      if (!before.contains(run) && !Files.exists(run.resolve("results.json"))) {
        mark(run);
      }
    }
    err.println("bayou campaign: stopped");
    err.flush();
  }

  private void mark(Path run) {
    try {
      Files.writeString(run.resolve(MARKER), "This run was interrupted before it was checked: "
          + "no results.json; queue/ holds what was recorded until then.\n");
      err.println("bayou campaign: " + run + " is incomplete; marked it " + MARKER);
    } catch (IOException e) {
      err.println("bayou campaign: cannot mark " + run + " interrupted: " + e.getMessage());
    }
  }

  private List<Path> runDirs() {
    if (!Files.isDirectory(campaignDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(campaignDir)) {
      return dirs.filter(Files::isDirectory).collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }
}
