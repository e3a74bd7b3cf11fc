package bayou.master;

import bayou.cluster.Cluster;
import bayou.cluster.ClusterException;
import bayou.gen.Script;
import bayou.gen.Step;
import bayou.harness.StepRunner;
import bayou.replica.Write;
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
    int problems = 0;
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        StepRunner.run(cluster, Script.parseLine(line), this);
      } catch (IllegalArgumentException | ClusterException e) {
        problems++;
        err.println("bayou master: line " + number + " ignored (" + line.trim() + "): "
            + e.getMessage());
      }
      out.flush();
    }
    return problems;
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
