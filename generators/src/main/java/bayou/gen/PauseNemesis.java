package bayou.gen;

/** Pauses anti-entropy; the generator starts it again after a few steps. */
final class PauseNemesis implements Nemesis {
  @Override public FaultKind kind() {
    return FaultKind.PAUSE;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !model.paused();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    plan.add(new Step.Pause());
  }
}
