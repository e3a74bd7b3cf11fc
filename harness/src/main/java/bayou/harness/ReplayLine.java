package bayou.harness;

import java.nio.file.Path;

/**
 * The shell command that replays an invalid run's {@code minimal.test} through the course master
 * and checks it, so that the failure shows again. It passes {@code --bug} when the run injected a
 * defect: without it the replay is a correct system and checks valid.
 */
public final class ReplayLine {
  /** Where the replay records, inside the run directory; removed first so it can be rerun. */
  static final String REPLAY_DIR = "replay";

  private ReplayLine() {}

  /**
   * The replay on processes that confirmed a simulated run's minimal script, quiet as that one
   * was, for example {@code rm -rf D/replay && bin/bayou master --quiet-replay --bug skip-mw
   * --history ...}.
   */
  public static String confirmingOnProcesses(Path runDir, String bug) {
    return of(runDir, bug, " --quiet-replay");
  }

  /**
   * The replay of a simulated run: in the simulator, from the seed and network its shrinking
   * replayed with, so the failure shows again exactly as it did there.
   */
  public static String of(Path runDir, CampaignOptions options, long seed) {
    return of(runDir, options.bug(), options.simulated() ? " --sim --seed "
        + CampaignRunner.simSeed(seed) + " " + options.sim().toArgs() : "");
  }

  private static String of(Path runDir, String bug, String masterOptions) {
    String replay = runDir.resolve(REPLAY_DIR).toString();
    return "rm -rf " + replay + " && bin/bayou master" + masterOptions
        + (bug == null || bug.isEmpty() ? "" : " --bug " + bug)
        + " --history " + replay + " < " + runDir.resolve("minimal.test")
        + " && bin/bayou check " + replay;
  }
}
