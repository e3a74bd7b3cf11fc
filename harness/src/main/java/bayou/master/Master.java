package bayou.master;

import bayou.cluster.Cluster;
import bayou.cluster.ClusterException;
import bayou.gen.Script;
import bayou.gen.Step;
import bayou.harness.StepRunner;
import bayou.replica.Write;
import bayou.wire.LineReader;
import bayou.wire.Msg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.stream.Stream;

/**
 * The course master: reads commands from a reader until EOF, drives a {@link Cluster} through the
 * one parser ({@link Script#parseLine}) and the one interpreter ({@link StepRunner}), and prints
 * exactly the course's results on {@code out}. Problems go to {@code err} as one line each and
 * the master carries on.
 */
public final class Master implements StepRunner.Results {
  /** The longest command line read; a course command is a few dozen bytes. */
  public static final int LINE_BYTES_MAX = 64 * 1024;
  /** Stands for a line longer than {@link #LINE_BYTES_MAX}. */
  private static final String TOO_LONG = new String("(a line too long)");

  private final Cluster cluster;
  private final PrintStream out;
  private final PrintStream err;

  public Master(Cluster cluster, PrintStream out, PrintStream err) {
    this.cluster = cluster;
    this.out = out;
    this.err = err;
  }

  /** Runs every line; returns the number of lines that were rejected or failed. */
  public int run(BufferedReader in) throws IOException {
    return run(in::readLine);
  }

  /** Runs every line of standard input, read with a bounded line length. */
  public int run(java.io.InputStream in) throws IOException {
    LineReader reader = new LineReader(in, LINE_BYTES_MAX);
    return run(() -> {
      try {
        return reader.readLine();
      } catch (LineReader.LineTooLongException e) {
        return TOO_LONG;
      }
    });
  }

  /** A source of lines; null at the end. */
  private interface Lines {
    String next() throws IOException;
  }

  private int run(Lines in) throws IOException {
    int problems = 0;
    String line;
    int number = 0;
    while ((line = in.next()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        if (line == TOO_LONG) {
          throw new IllegalArgumentException("longer than " + LINE_BYTES_MAX + " bytes");
        }
        StepRunner.run(cluster, Script.parseLine(line), this);
      } catch (IllegalArgumentException | ClusterException e) {
        problems++;
        err.println("bayou master: line " + number + " ignored (" + clip(line.trim()) + "): "
            + clip(e.getMessage()));
      }
      out.flush();
    }
    return problems;
  }

  /** A line quoted in a diagnostic: one short line, whatever bytes it held. */
  static String clip(String text) {
    String printable = String.valueOf(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
  }

  @Override
  public void log(Step.PrintLog step, Msg.LogDump log) {
    Stream.concat(log.committed().stream(), log.tentative().stream())
        .filter(w -> w.op().equals(Write.PUT) || w.op().equals(Write.DELETE))
        .forEach(w -> out.println(w.courseLine()));
  }

  /** A dropped write prints nothing (the course's rule); an unknown outcome says so on stderr. */
  @Override
  public void written(Step step, Msg.OpOutcome outcome) {
    if (outcome.status().equals("info") || "no-server".equals(outcome.error())) {
      err.println("bayou master: " + step.toLine() + ": " + outcome.error());
    }
  }

  @Override
  public void read(Step.Get step, Msg.OpOutcome outcome) {
    String key = step.key();
    if (outcome.status().equals("ok") || "ERR_DEP".equals(outcome.error())) {
      out.println(key + ":" + (outcome.value() != null ? outcome.value() : outcome.error()));
    } else {
      err.println("bayou master: get " + key + ": " + outcome.error());
    }
  }
}
