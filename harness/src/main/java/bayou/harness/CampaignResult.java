package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import java.nio.file.Path;
import java.util.List;

/**
 * What one campaign run found, and where its evidence is. {@code opsPerSecond} is over the
 * schedule (after the opening joins, before the final heal).
 */
public record CampaignResult(Path runDir, long seed, Validity validity,
    List<CheckResult> results, long ops, long faults, double opsPerSecond,
    double convergenceMs, Path minimal) {}
