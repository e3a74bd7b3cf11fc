package bayou.cli;

import bayou.checker.Checkers;
import bayou.checker.History;
import bayou.harness.FileTrees;
import bayou.history.ChronicleHistory;
import bayou.history.HistoryReader;
import bayou.history.NemesisEvent;
import bayou.node.WarmUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A short run that loads the classes a master uses, so that {@code bin/bayou} can archive them
 * (AppCDS) and every later command starts faster; nodes have their own archive
 * ({@link bayou.node.NodeTraining}). Prints nothing; never used otherwise.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws Exception {
    WarmUp.run();
    for (String name : List.of("bayou.cluster.ProcessCluster", "bayou.cluster.NodePool",
        "bayou.master.Master", "bayou.master.Suite")) {
      Class.forName(name);
    }
    new picocli.CommandLine(new Main()).getUsageMessage();
    recordAndCheck();
    simulatedCampaign();
    System.exit(0);
  }

  /**
   * A short simulated campaign, stored with its results and pictures: the simulator, the
   * generators, Jackson, and the charts with the JDK's drawing classes are some 1,500 classes
   * that a campaign otherwise loads and verifies from jars in every fresh JVM.
   */
  private static void simulatedCampaign() throws Exception {
    Path store = Files.createTempDirectory("bayou-training-store");
    try {
      Main.commandLine().execute("campaign", "--sim", "--seed", "1", "--ops", "300",
          "--shrink-time", "0", "--store", store.toString());
    } finally {
      FileTrees.deleteQuietly(store);
    }
  }

  /**
   * A tiny history written, read back and checked: Chronicle Queue loads and initializes
   * hundreds of classes, about half a second of CPU in every recording command otherwise.
   */
  private static void recordAndCheck() throws Exception {
    Path dir = Files.createTempDirectory("bayou-training");
    try {
      try (ChronicleHistory history = ChronicleHistory.create(dir)) {
        history.record(NemesisEvent.of("stabilizeBegin", -1, -1, null, null));
        history.record(NemesisEvent.of("stabilizeEnd", -1, -1, null, null));
      }
      History.Builder builder = History.builder();
      HistoryReader.forEach(dir, builder::add);
      Checkers.checkAll(builder.build());
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }
}
