package bayou.fuzz;

import bayou.cluster.ClusterException;
import bayou.cluster.SimCluster;
import bayou.master.Master;
import bayou.sim.NetworkOptions;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Protocol messages in the simulator, many cases cheaply: between a course case's joins and
 * the rest of it, its nodes get forged messages that are valid as messages (see
 * {@link ForgedMessages}) and lines that are not (each must be rejected by the decoder, as a
 * node's reader does). Required: nothing escapes a node's per-message guard, every server still
 * answers, and the case runs to its end. A forged write may change the case's output here: only
 * the run's secret keeps forgeries out of real nodes (the wire fuzzer checks that). A case is
 * one message.
 */
final class SimMessageFuzzer implements Fuzzer {
  static final int MESSAGES_PER_RUN = 500;
  /** Virtual time the system runs after each batch of forged messages. */
  static final long SETTLE_MICROS = 50_000;

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public String description() {
    return "forged and nonsense protocol messages in the simulator: nodes survive, the case"
        + " runs to its end";
  }

  @Override
  public FuzzReport run(long seed, int cases, PrintStream err) throws Exception {
    FuzzReport report = new FuzzReport(name(), seed);
    CourseCase course = CourseCase.load();
    long[] counts = new long[3]; // injected, rejected by the decoder, invariant reports
    report.inRuns(cases, MESSAGES_PER_RUN, (random, messages) -> {
      try {
        runOnce(course, random, messages, report, counts);
      } catch (RuntimeException e) {
        report.crash(course.name() + ": " + e);
      }
    }, err);
    err.printf("fuzz sim: %d messages injected, %d lines rejected by the decoder, %d invariant"
        + " violations reported%n", counts[0], counts[1], counts[2]);
    return report;
  }

  private static void runOnce(CourseCase course, SplittableRandom random, int messages,
      FuzzReport report, long[] counts) throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SimCluster cluster = new SimCluster(random.nextLong(), NetworkOptions.reliable(), "")) {
      Master master = new Master(cluster, new PrintStream(out, true, StandardCharsets.UTF_8),
          quiet);
      master.run(new BufferedReader(new StringReader(CourseCase.script(course.joins()))));
      List<String> names = new ArrayList<>(List.of("R"));
      cluster.logs().values().forEach(log -> names.add(log.name()));
      ForgedMessages forged = new ForgedMessages(random, names);
      Frames frames = new Frames(random);
      List<Integer> ids = course.nodeIds();
      for (int i = 0; i < messages; i++) {
        int to = cluster.portOf(ids.get(random.nextInt(ids.size())));
        int from = random.nextBoolean() ? ids.get(random.nextInt(ids.size()))
            : random.nextInt(-3, 100);
        if (random.nextInt(4) == 0) {
          String line = random.nextBoolean() ? frames.nonsense()
              : frames.mutated(Wire.encode(from, forged.next()));
          if (Frames.decodes(line)) {
            cluster.simulation().inject(to, from, Wire.decode(line).msg());
            counts[0]++;
          } else {
            counts[1]++;
          }
        } else {
          cluster.simulation().inject(to, from, forged.next());
          counts[0]++;
        }
        if (i % 50 == 49) {
          cluster.advance(SETTLE_MICROS);
        }
      }
      master.run(new BufferedReader(new StringReader(CourseCase.script(course.rest()))));
      requireAnswers(cluster, course, report);
      counts[2] += cluster.drainViolations().size();
    }
  }

  /** Every server the case still has answers a request for its log. */
  private static void requireAnswers(SimCluster cluster, CourseCase course, FuzzReport report) {
    for (int id : cluster.servers()) {
      try {
        Msg.LogDump log = cluster.log(id);
        if (log == null) {
          report.crash(course.name() + ": server " + id + " has no log");
        }
      } catch (ClusterException e) {
        report.crash(course.name() + ": server " + id + " does not answer: " + e.getMessage());
      }
    }
  }
}
