package bayou.gen;

/** Plans one kind of fault as a run of steps, when the current topology allows it. */
interface Nemesis {
  FaultKind kind();

  /** True when {@link #plan} can produce at least one valid step now. */
  boolean possible(Model model, GeneratorOptions options);

  /** Adds the fault's steps to {@code plan}; only called when {@link #possible} holds. */
  void plan(Plan plan, Dice dice, GeneratorOptions options);

  /** One nemesis per kind, in {@link FaultKind} order. */
  static Nemesis of(FaultKind kind) {
    return switch (kind) {
      case PARTITION -> new PartitionNemesis();
      case PAUSE -> new PauseNemesis();
      case RETIRE -> new RetireNemesis();
      case JOIN -> new JoinNemesis();
      case MOVE -> new MoveNemesis();
      case KILL -> new DownNemesis(FaultKind.KILL);
      case FREEZE -> new DownNemesis(FaultKind.FREEZE);
      case CLOCK -> new ClockNemesis();
      case SLOW -> new SlowNemesis();
    };
  }
}
