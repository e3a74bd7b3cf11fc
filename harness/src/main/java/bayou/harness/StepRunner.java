package bayou.harness;

import bayou.cluster.Cluster;
import bayou.gen.Step;

/** Carries out one schedule step on a cluster; what the course master would do for its line. */
final class StepRunner {
  private StepRunner() {}

  static void run(Cluster cluster, Step step) {
    if (step instanceof Step.Put s) {
      cluster.put(s.client(), s.key(), s.value());
    } else if (step instanceof Step.Get s) {
      cluster.get(s.client(), s.key());
    } else if (step instanceof Step.Delete s) {
      cluster.delete(s.client(), s.key());
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
    } else if (step instanceof Step.Pause) {
      cluster.pause();
    } else if (step instanceof Step.Start) {
      cluster.start();
    } else if (step instanceof Step.Stabilize) {
      cluster.stabilize();
    } else if (step instanceof Step.PrintLog s) {
      cluster.log(s.id());
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
  }

  /** The key of a client operation. */
  static String keyOf(Step step) {
    if (step instanceof Step.Put s) {
      return s.key();
    } else if (step instanceof Step.Get s) {
      return s.key();
    } else if (step instanceof Step.Delete s) {
      return s.key();
    }
    throw new IllegalArgumentException("not a client operation: " + step);
  }

  /** The client a client operation belongs to, or -1 for other steps. */
  static int clientOf(Step step) {
    if (step instanceof Step.Put s) {
      return s.client();
    } else if (step instanceof Step.Get s) {
      return s.client();
    } else if (step instanceof Step.Delete s) {
      return s.client();
    }
    return -1;
  }
}
