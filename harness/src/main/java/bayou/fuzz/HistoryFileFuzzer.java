package bayou.fuzz;

import bayou.history.ChronicleFlags;
import bayou.history.HistoryJson;
import bayou.master.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * History files: truncated, bit-flipped and foreign queue directories given to {@code history
 * export} and {@code check}, malformed JSON lines given to {@code history import}, each in a
 * {@code bin/bayou} process of its own. Required: the process ends within a bound with exit 0,
 * 1 or 2 (the input was still readable), or 254 with exactly one stderr line; never a stack
 * trace, never a crash. A case is one command on one damaged input.
 */
final class HistoryFileFuzzer implements Fuzzer {
  /** One command on one input; a JVM start and a small queue take about a second. */
  static final long CASE_TIMEOUT_MS = 60_000;
  static final int BAD_INPUT = 254;

  @Override
  public String name() {
    return "history";
  }

  @Override
  public String description() {
    return "damaged queue directories and JSON lines to history import/export and check: one"
        + " line and exit 254, no stack trace, no hang";
  }

  @Override
  public FuzzReport run(long seed, int cases, PrintStream err) throws Exception {
    FuzzReport report = new FuzzReport(name(), seed);
    Path scratch = Files.createTempDirectory("bayou-fuzz-history-");
    try {
      Path base = scratch.resolve("base");
      CourseCase course = CourseCase.load();
      Path suiteDir = Path.of(System.getProperty("bayou.root", ".")).toAbsolutePath()
          .normalize().resolve("../shared/course-suite").normalize();
      if (!Files.isDirectory(suiteDir.resolve("tests"))) {
        suiteDir = Path.of(System.getProperty("bayou.root", ".")).toAbsolutePath().normalize();
      }
      Suite.simulated("", seed).run(suiteDir, course.name(), Suite.Rule.STRICT, base);
      Path jsonl = scratch.resolve("base.jsonl");
      try (OutputStream out = Files.newOutputStream(jsonl)) {
        HistoryJson.export(base, out);
      }
      report.inRuns(cases, 1, (random, one) -> {
        Path work = Files.createTempDirectory(scratch, "case-");
        oneCase(random, base, jsonl, work, report);
        deleteTree(work);
      }, err);
    } finally {
      deleteTree(scratch);
    }
    return report;
  }

  private static void oneCase(SplittableRandom random, Path base, Path jsonl, Path work,
      FuzzReport report) throws Exception {
    HistoryDamage damage = new HistoryDamage(random);
    List<String> args;
    String what;
    if (random.nextInt(3) == 0) {
      Path file = work.resolve("damaged.jsonl");
      what = damage.jsonl(jsonl, file);
      args = List.of("history", "import", file.toString(), work.resolve("imported").toString());
    } else {
      Path dir = work.resolve("queue");
      what = damage.queue(base, dir);
      args = random.nextBoolean() ? List.of("history", "export", dir.toString())
          : List.of("check", dir.toString());
    }
    judge(String.join(" ", args.subList(0, args.size() - 1)) + " on " + what,
        runCli(args), report);
  }

  private static void judge(String what, CliRun run, FuzzReport report) {
    if (run == null) {
      report.hang(what + ": no exit within " + CASE_TIMEOUT_MS + " ms");
      return;
    }
    long lines = run.stderr.chars().filter(c -> c == '\n').count();
    if (run.stderr.contains("\tat ") || run.stderr.contains("Exception in thread")) {
      report.crash(what + ": a stack trace: " + firstLine(run.stderr));
    } else if (run.exitCode == BAD_INPUT && lines != 1) {
      report.crash(what + ": exit 254 with " + lines + " stderr lines: "
          + run.stderr.replace('\n', '|'));
    } else if (run.exitCode != 0 && run.exitCode != 1 && run.exitCode != 2
        && run.exitCode != BAD_INPUT) {
      report.crash(what + ": exit " + run.exitCode + ": " + firstLine(run.stderr));
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** A finished command line run: its exit code and stderr. */
  private record CliRun(int exitCode, String stderr) {}

  /** Runs {@code bin/bayou ARGS} as a process; null when it does not end in time. */
  private static CliRun runCli(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ChronicleFlags.jvmFlags());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("bayou.cli.Main");
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread pump = new Thread(() -> copy(process.getErrorStream(), stderr), "fuzz-stderr");
    pump.setDaemon(true);
    pump.start();
    process.getOutputStream().close();
    if (!process.waitFor(CASE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(CASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return null;
    }
    pump.join(CASE_TIMEOUT_MS);
    return new CliRun(process.exitValue(), stderr.toString(StandardCharsets.UTF_8));
  }

  private static void copy(InputStream from, OutputStream to) {
    try {
      from.transferTo(to);
    } catch (IOException ignored) {
      // the process ended
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
