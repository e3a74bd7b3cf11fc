package bayou.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The master's standard input. Each run is a real master process fed garbage lines, then a
 * well-formed script, then garbage on retired and unknown nodes. Required: the master exits 0 at
 * EOF within its bounded waits, prints exactly one stderr line per rejected line, prints the
 * script's exact output, and leaves no node process behind. A case is one garbage line.
 */
final class MasterInputFuzzer implements Fuzzer {
  /** Garbage lines a master run gets, before and after the script. */
  static final int LINES_PER_RUN = 60;
  /** A master run is a few seconds; past this it hangs. */
  static final long RUN_TIMEOUT_MS = 120_000;
  /** How long a node may take to exit after its master did. */
  static final long NODE_EXIT_TIMEOUT_MS = 10_000;
  static final long WATCH_INTERVAL_MS = 50;
  static final List<String> SCRIPT = List.of("joinServer 0", "joinServer 1", "joinServer 2",
      "joinClient 3 0", "put 3 song url", "retireServer 2", "stabilize", "get 3 song",
      "printLog 1");
  static final String EXPECTED = "song:url\nPUT:(song, url):TRUE\n";

  @Override
  public String name() {
    return "master";
  }

  @Override
  public String description() {
    return "garbage on a master's stdin around a script: exit 0, one stderr line per rejected"
        + " line, exact output, no orphans";
  }

  @Override
  public FuzzReport run(long seed, int cases, PrintStream err) throws Exception {
    FuzzReport report = new FuzzReport(name(), seed);
    report.inRuns(cases, LINES_PER_RUN, (random, lines) -> runOnce(random, lines, report), err);
    return report;
  }

  private void runOnce(SplittableRandom random, int lines, FuzzReport report) throws Exception {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    int before = lines / 2;
    int rejected = garbage(new MasterGarbage(random, List.of(0, 1, 2, 3, 4, 77, 999_999_999)),
        before, input);
    for (String line : SCRIPT) {
      input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    rejected += garbage(new MasterGarbage(random, List.of(2, 4, 5, 77, 999_999_999)),
        lines - before, input);
    Run run = Run.start(input.toByteArray());
    if (!run.finished) {
      report.hang("a master did not exit within " + RUN_TIMEOUT_MS + " ms");
    } else {
      judge(run, rejected, report);
    }
    for (long pid : run.nodes) {
      if (!Run.exited(pid)) {
        report.orphan("node " + pid + " outlived its master " + run.pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static void judge(Run run, int rejected, FuzzReport report) {
    String stderr = run.stderr.toString(StandardCharsets.UTF_8);
    long stderrLines = stderr.chars().filter(c -> c == '\n').count();
    if (run.exitCode != 0) {
      report.crash("the master exited " + run.exitCode + ": " + firstLine(stderr));
    } else if (!run.stdout.toString(StandardCharsets.UTF_8).equals(EXPECTED)) {
      report.crash("the script's output differs: "
          + run.stdout.toString(StandardCharsets.UTF_8).replace('\n', '|'));
    } else if (stderrLines != rejected) {
      report.crash(rejected + " lines rejected but " + stderrLines + " stderr lines");
    } else if (stderr.contains("\tat ") || stderr.contains("Exception in")) {
      report.crash("a stack trace: " + firstLine(stderr));
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** Writes garbage lines; returns how many the master must reject (blank ones are skipped). */
  private static int garbage(MasterGarbage garbage, int lines, OutputStream out)
      throws IOException {
    for (int i = 0; i < lines; i++) {
      out.write(garbage.next());
      out.write('\n');
    }
    return lines;
  }

  /** One master process, fed and watched: its output, exit code and every node it started. */
  private static final class Run {
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final Set<Long> nodes = ConcurrentHashMap.newKeySet();
    boolean finished;
    int exitCode;
    long pid;

    static Run start(byte[] input) throws Exception {
      Run run = new Run();
      String java = ProcessHandle.current().info().command().orElse("java");
      Process master = new ProcessBuilder(java, "-Xshare:auto", "-cp",
          System.getProperty("java.class.path"), "bayou.cli.Main", "master").start();
      run.pid = master.pid();
      Thread out = pump(master.getInputStream(), run.stdout);
      Thread err = pump(master.getErrorStream(), run.stderr);
      Thread watcher = new Thread(() -> run.watch(master), "fuzz-watch");
      watcher.setDaemon(true);
      watcher.start();
      try (OutputStream in = master.getOutputStream()) {
        in.write(input);
      } catch (IOException e) {
        // the master stopped reading: judged by its exit below
      }
      run.finished = master.waitFor(RUN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (!run.finished) {
        master.descendants().forEach(p -> run.nodes.add(p.pid()));
        master.destroyForcibly();
        master.waitFor(NODE_EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } else {
        run.exitCode = master.exitValue();
      }
      out.join(NODE_EXIT_TIMEOUT_MS);
      err.join(NODE_EXIT_TIMEOUT_MS);
      watcher.join(NODE_EXIT_TIMEOUT_MS);
      return run;
    }

    /** Records every process the master starts while it lives. */
    private void watch(Process master) {
      while (master.isAlive()) {
        master.descendants().forEach(p -> nodes.add(p.pid()));
        try {
          master.waitFor(WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    static boolean exited(long pid) {
      return ProcessHandle.of(pid).map(p -> {
        try {
          p.onExit().get(NODE_EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
          return true;
        } catch (Exception e) {
          return !p.isAlive();
        }
      }).orElse(true);
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
      Thread pump = new Thread(() -> {
        try {
          from.transferTo(to);
        } catch (IOException ignored) {
          // the process ended
        }
      }, "fuzz-pump");
      pump.setDaemon(true);
      pump.start();
      return pump;
    }
  }
}
