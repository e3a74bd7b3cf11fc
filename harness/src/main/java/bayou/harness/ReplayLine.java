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

  /** For example {@code rm -rf D/replay && bin/bayou master --bug skip-mw --history ...}. */
  public static String of(Path runDir, String bug) {
    String replay = runDir.resolve(REPLAY_DIR).toString();
    return "rm -rf " + replay + " && bin/bayou master"
        + (bug == null || bug.isEmpty() ? "" : " --bug " + bug)
        + " --history " + replay + " < " + runDir.resolve("minimal.test")
        + " && bin/bayou check " + replay;
  }
}
