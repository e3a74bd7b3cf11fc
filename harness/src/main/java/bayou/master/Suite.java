package bayou.master;

import bayou.cluster.NodeCluster;
import bayou.cluster.NodePool;
import bayou.cluster.SimCluster;
import bayou.gen.Script;
import bayou.gen.Step;
import bayou.sim.NetworkOptions;
import bayou.cluster.ProcessCluster;
import bayou.cluster.RecordingCluster;
import bayou.history.ChronicleHistory;
import bayou.history.HistorySink;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs course-format cases ({@code DIR/tests/NAME.test} against {@code DIR/solutions/NAME.sol})
 * through the master, each on a fresh cluster of real processes. One warm {@link NodePool} serves
 * all cases, so a case does not wait for JVMs to boot.
 */
public final class Suite {
  /** How the output is compared with the expected solution. */
  public enum Rule {
    /** Exactly equal. */
    STRICT,
    /** The course grader's rule: exactly equal, or else the same set of stripped lines. */
    GRADER
  }

  /** One case's outcome. */
  public record Result(String name, boolean passed, double seconds, String actual,
      String expected, String stderr) {}

  private final NodePool pool; // null: in the simulator
  private final String bugs;
  private final long simSeed;
  /** For each planned case, how many processes the case after it needs. */
  private final Map<String, Integer> neededNext = new HashMap<>();

  public Suite(NodePool pool, String bugs) {
    this.pool = pool;
    this.bugs = bugs;
    this.simSeed = 0;
  }

  private Suite(String bugs, long simSeed) {
    this.pool = null;
    this.bugs = bugs;
    this.simSeed = simSeed;
  }

  /** Cases run in the simulator, on a reliable network with synchronized clocks. */
  public static Suite simulated(String bugs, long seed) {
    return new Suite(bugs, seed);
  }

  /**
   * Says in which order cases of {@code dir} will run, so that while one runs, the processes of
   * the next boot beside it and no case waits for its JVMs.
   */
  public void plan(Path dir, List<String> names) throws IOException {
    for (int i = 0; i + 1 < names.size(); i++) {
      List<String> nextScript = Files.readAllLines(scriptOf(dir, names.get(i + 1)));
      neededNext.put(names.get(i), nodesNeeded(nextScript));
    }
  }

  private static Path scriptOf(Path dir, String name) {
    return dir.resolve("tests").resolve(name + ".test");
  }

  /** The case names of a suite directory, sorted. */
  public static List<String> caseNames(Path dir) {
    Path tests = dir.resolve("tests");
    if (!Files.isDirectory(tests)) {
      throw new IllegalArgumentException("no tests/ directory in " + dir);
    }
    try (Stream<Path> files = Files.list(tests)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".test"))
          .map(n -> n.substring(0, n.length() - ".test".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one case of {@code dir}. */
  public Result run(Path dir, String name, Rule rule) throws IOException {
    return run(dir, name, rule, null);
  }

  /**
   * Runs one case of {@code dir}; with a {@code historyDir}, records it there as
   * {@code bin/bayou master --history} would (ending with a heal, a stabilize and snapshots).
   */
  public Result run(Path dir, String name, Rule rule, Path historyDir) throws IOException {
    Path solution = dir.resolve("solutions").resolve(name + ".sol");
    String expected = Files.exists(solution) ? Files.readString(solution) : null;
    Path script = scriptOf(dir, name);
    if (pool != null) {
      pool.prepare(nodesNeeded(Files.readAllLines(script)) + neededNext.getOrDefault(name, 0));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    try (NodeCluster cluster = pool == null
            ? new SimCluster(simSeed, NetworkOptions.reliable(), bugs)
            : new ProcessCluster(pool, bugs);
        HistorySink sink = historyDir == null ? HistorySink.none()
            : ChronicleHistory.create(historyDir, cluster.historyClock());
        BufferedReader in = Files.newBufferedReader(script);
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      if (historyDir == null) {
        new Master(cluster, outStream, errStream).run(in);
      } else {
        RecordingCluster recording = new RecordingCluster(cluster, sink);
        new Master(recording, outStream, errStream).run(in);
        recording.finish(true);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String actual = out.toString(StandardCharsets.UTF_8);
    boolean passed = expected != null && matches(actual, expected, rule);
    return new Result(name, passed, seconds, actual, expected,
        err.toString(StandardCharsets.UTF_8));
  }

  /** How many processes a script starts: one per joinServer, one per new client. */
  public static int nodesNeeded(List<String> lines) {
    Set<Integer> ids = new HashSet<>();
    for (String line : lines) {
      Step step;
      try {
        step = line.isBlank() ? null : Script.parseLine(line);
      } catch (IllegalArgumentException e) {
        continue; // the master will reject it; it starts nothing
      }
      if (step instanceof Step.JoinServer join) {
        ids.add(join.id());
      } else if (step instanceof Step.JoinClient join) {
        ids.add(join.client());
      }
    }
    return ids.size();
  }

  static boolean matches(String actual, String expected, Rule rule) {
    if (actual.equals(expected)) {
      return true;
    }
    if (rule == Rule.STRICT) {
      return false;
    }
    return new HashSet<>(strippedLines(actual)).equals(new HashSet<>(strippedLines(expected)));
  }

  private static List<String> strippedLines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
