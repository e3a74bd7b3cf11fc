package bayou.gen;

/**
 * Skews a server's clock: an offset of up to {@link #MAX_OFFSET_MS} either way (a negative
 * one puts it behind the others) and a drift of up to {@link #MAX_DRIFT_PPM}. Accept-stamps
 * then skew as on real machines; the hybrid clock must still order causally related writes.
 */
final class ClockNemesis implements Nemesis {
  static final int MAX_OFFSET_MS = 2_000;
  static final int MAX_DRIFT_PPM = 500;

  @Override public FaultKind kind() {
    return FaultKind.CLOCK;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !model.live().isEmpty();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    int server = dice.pick(plan.model().liveList());
    plan.add(new Step.SkewClock(server, dice.between(-MAX_OFFSET_MS, MAX_OFFSET_MS),
        dice.between(-MAX_DRIFT_PPM, MAX_DRIFT_PPM)));
  }
}
