package bayou.harness;

import bayou.cluster.Cluster;
import bayou.gen.Step;
import bayou.wire.Msg;

/**
 * The one interpreter of course commands: carries out a step on a cluster, for the master, the
 * suite, campaigns, replays and the simulator alike. What a step returns goes to
 * {@link Results}: the master prints it, the others let the recorder keep it.
 */
public final class StepRunner {
  private StepRunner() {}

  /** What steps answered, for whoever shows it. */
  public interface Results {
    Results NONE = new Results() {};

    default void read(Step.Get step, Msg.OpOutcome outcome) {}

    default void written(Step step, Msg.OpOutcome outcome) {}

    default void log(Step.PrintLog step, Msg.LogDump log) {}
  }

  static void run(Cluster cluster, Step step) {
    run(cluster, step, Results.NONE);
  }

  /** Carries out one step; a cluster that cannot throws {@code ClusterException}. */
  public static void run(Cluster cluster, Step step, Results results) {
    if (step instanceof Step.Put s) {
      results.written(s, cluster.put(s.client(), s.key(), s.value()));
    } else if (step instanceof Step.Get s) {
      results.read(s, cluster.get(s.client(), s.key()));
    } else if (step instanceof Step.Delete s) {
      results.written(s, cluster.delete(s.client(), s.key()));
    } else if (step instanceof Step.JoinServer s) {
      cluster.joinServer(s.id());
    } else if (step instanceof Step.RetireServer s) {
      cluster.retireServer(s.id());
    } else if (step instanceof Step.JoinClient s) {
      cluster.joinClient(s.client(), s.server());
    } else if (step instanceof Step.BreakConnection s) {
      cluster.breakConnection(s.a(), s.b());
    } else if (step instanceof Step.RestoreConnection s) {
      cluster.restoreConnection(s.a(), s.b());
    } else if (step instanceof Step.Slow s) {
      cluster.slow(s.a(), s.b(), true);
    } else if (step instanceof Step.Fast s) {
      cluster.slow(s.a(), s.b(), false);
    } else if (step instanceof Step.Pause) {
      cluster.pause();
    } else if (step instanceof Step.Start) {
      cluster.start();
    } else if (step instanceof Step.Stabilize) {
      cluster.stabilize();
    } else if (step instanceof Step.PrintLog s) {
      results.log(s, cluster.log(s.id()));
    } else if (step instanceof Step.KillServer s) {
      cluster.killServer(s.id());
    } else if (step instanceof Step.RestartServer s) {
      cluster.restartServer(s.id());
    } else if (step instanceof Step.FreezeServer s) {
      cluster.freezeServer(s.id());
    } else if (step instanceof Step.ThawServer s) {
      cluster.thawServer(s.id());
    } else if (step instanceof Step.SkewClock s) {
      cluster.skewClock(s.id(), s.millis(), s.driftPpm());
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
  }

  /** A client operation as the cluster is asked for it: who, what, on which key, with what. */
  record ClientOp(int client, String f, String key, String value) {}

  /** The client operation a step is, or null for faults and control steps. */
  static ClientOp clientOp(Step step) {
    if (step instanceof Step.Put s) {
      return new ClientOp(s.client(), "put", s.key(), s.value());
    } else if (step instanceof Step.Get s) {
      return new ClientOp(s.client(), "get", s.key(), null);
    } else if (step instanceof Step.Delete s) {
      return new ClientOp(s.client(), "delete", s.key(), null);
    }
    return null;
  }

  /** The client a client operation belongs to, or -1 for other steps. */
  static int clientOf(Step step) {
    ClientOp op = clientOp(step);
    return op == null ? -1 : op.client();
  }
}
