package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import java.nio.file.Path;
import java.util.List;

/** What one campaign run found, and where its evidence is. */
public record CampaignResult(Path runDir, long seed, Validity validity,
    List<CheckResult> results, long ops, long faults, double opsPerSecond,
    double convergenceMs, Path minimal) {}
