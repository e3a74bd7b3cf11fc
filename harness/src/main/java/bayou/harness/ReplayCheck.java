package bayou.harness;

import bayou.checker.CheckResult;
import bayou.gen.Step;
import java.util.List;

/** What shrinking needs of a replay ({@link Replay}); tests give their own. */
interface ReplayCheck {
  /** The checkers' results of replaying {@code steps}. */
  List<CheckResult> check(List<Step> steps);

  /** Whether the same script always gives the same verdict (simulation), or only usually. */
  boolean exact();
}
