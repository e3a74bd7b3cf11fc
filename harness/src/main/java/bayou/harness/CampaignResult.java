package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import java.nio.file.Path;
import java.util.List;

/**
 * What one campaign run found, and where its evidence is. {@code opsPerSecond} is over the
 * schedule (after the opening joins, before the final heal), in virtual time when simulated.
 * {@code historyDigest} is the SHA-256 of the recorded history (null if nothing was
 * recorded); {@code minimalOnProcesses} says whether a minimal script found in simulation also
 * fails on real processes (null when not tried). {@code checkMs} is the wall time spent
 * reading the history back and running every checker (NaN when nothing was checked);
 * {@code shrinkMs} the wall time shrinking took to the minimal script, its replay on real
 * processes not counted (NaN when there was no shrinking, or it found no script).
 */
public record CampaignResult(Path runDir, long seed, Validity validity,
    List<CheckResult> results, long ops, long faults, double opsPerSecond,
    double convergenceMs, double checkMs, Path minimal, double shrinkMs, String historyDigest,
    Boolean minimalOnProcesses) {
  /** A result without a check time, a history digest or a cross-check on processes. */
  public CampaignResult(Path runDir, long seed, Validity validity, List<CheckResult> results,
      long ops, long faults, double opsPerSecond, double convergenceMs, Path minimal) {
    this(runDir, seed, validity, results, ops, faults, opsPerSecond, convergenceMs, Double.NaN,
        minimal, Double.NaN, null, null);
  }
}
