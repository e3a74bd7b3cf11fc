package bayou.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An endless, seeded schedule of client operations and faults, each valid for the topology
 * the previous steps built: the workload and the nemesis of a campaign from one seed.
 *
 * <p>Use: {@link #setup()} for the opening steps, then {@link #next()} as long as the run lasts,
 * then {@link #finale()} for the closing steps. Calling {@code next()} first also works: it
 * yields the opening steps before the mix. The same options and seed give the same steps.
 *
 * <p>Methods are synchronized so that a progress display may call {@link #view()} from another
 * thread; the steps themselves are meant to be drawn by one thread.
 */
public final class ScheduleGenerator implements Iterator<Step> {
  /** Chance that a fault is planned as a corner (every corner once first, then at random). */
  static final double CORNER_CHANCE = 0.15;
  /** The fault kinds whose steps copy a whole log ({@link Model#copiesLog}). */
  private static final java.util.Set<FaultKind> COPIES_LOG =
      java.util.EnumSet.of(FaultKind.JOIN, FaultKind.RETIRE, FaultKind.KILL);

  private final GeneratorOptions options;
  private final long seed;
  private final Dice dice;
  private final Model model = new Model();
  private final Workload workload;
  private final List<Nemesis> nemeses = new ArrayList<>();
  private final java.util.Set<FaultKind> notYetUsed = java.util.EnumSet.noneOf(FaultKind.class);
  /** Steps planned but not yet handed out; applied to the model only when handed out. */
  private final ArrayDeque<Step> pending = new ArrayDeque<>();
  /** A step was taken back ({@link #failed}) since the pending steps were planned. */
  private boolean takenBack;
  private boolean setupDone;
  private int pauseStepsLeft;
  /** Steps until each killed or frozen server comes back, by id. */
  private final Map<Integer, Integer> downStepsLeft = new java.util.TreeMap<>();
  /** Opening steps not yet handed out; they are not counted as faults. */
  private int openingLeft;
  private long faults;
  private final List<Corners.Corner> corners = new ArrayList<>();
  private final List<Corners.Corner> cornersNotYet = new ArrayList<>();
  private final Map<String, Long> cornerVisits = new LinkedHashMap<>();

  public ScheduleGenerator(GeneratorOptions options, long seed) {
    this.options = Objects.requireNonNull(options, "options");
    this.seed = seed;
    this.dice = new Dice(seed);
    this.workload = new Workload(options);
    options.nemesis().forEach(kind -> nemeses.add(Nemesis.of(kind)));
    notYetUsed.addAll(options.nemesis());
    for (Corners.Corner corner : Corners.Corner.values()) {
      if (Corners.enabled(corner, options)) {
        corners.add(corner);
        cornerVisits.put(corner.flagName(), 0L);
      }
    }
    cornersNotYet.addAll(corners);
  }

  public GeneratorOptions options() {
    return options;
  }

  public long seed() {
    return seed;
  }

  /**
   * The opening steps: {@code joinServer} 0..servers-1, then each client
   * (ids servers..servers+clients-1) joined to the servers in turn.
   *
   * @throws IllegalStateException when the opening was already handed out
   */
  public synchronized List<Step> setup() {
    if (setupDone) {
      throw new IllegalStateException("setup() must come first and only once");
    }
    setupDone = true;
    List<Step> steps = opening();
    steps.forEach(this::emit);
    return steps;
  }

  /** Always true: the schedule is endless. */
  @Override public boolean hasNext() {
    return true;
  }

  /** The next step: a client op, a step of a fault, or {@code start} ending a pause. */
  @Override public synchronized Step next() {
    Step step;
    do { // a failed step (see failed) may have taken away what a planned one needs
      if (pending.isEmpty()) {
        takenBack = false; // steps planned from now on see the model as it is
        refill();
      }
      step = pending.remove();
    } while (takenBack && model.problem(step) != null);
    emit(step);
    return step;
  }

  /**
   * Says that the cluster failed {@code step}, which was handed out, and left its topology as
   * it was before the step: the model takes the step back, so later steps are planned for the
   * cluster as it is. Over a long run on a loaded machine, a restart or a join that timed out
   * would otherwise leave the model believing in a server the cluster does not have, and every
   * later step on it would fail too. Only steps whose failure the cluster undoes (restart,
   * join) are taken back; a failure of any other step is ignored here.
   */
  public synchronized void failed(Step step) {
    if (step instanceof Step.RestartServer s && model.isLive(s.id())) {
      model.restartFailed(s.id());
      downStepsLeft.put(s.id(), dice.between(1, options.maxPauseSteps()));
      takenBack = true;
    } else if (step instanceof Step.JoinServer s && model.isLive(s.id())) {
      model.joinFailed(s.id());
      takenBack = true;
    }
  }

  /**
   * The closing steps: any steps of a fault still under way, then restore every broken link,
   * {@code start} if paused, {@code stabilize}, a {@code get} of every key through one client
   * at each live server (moving clients there as needed), and {@code printLog} of each.
   */
  public synchronized List<Step> finale() {
    List<Step> steps = new ArrayList<>();
    if (pending.isEmpty() && !setupDone) {
      refill();
    }
    while (!pending.isEmpty()) {
      steps.add(next());
    }
    for (Step s : Finale.plan(model, workload.keySpace())) {
      emit(s);
      steps.add(s);
    }
    return steps;
  }

  /** A copy of the topology the steps handed out so far have built. */
  public synchronized ClusterView view() {
    return model.view();
  }

  /** Fault steps handed out so far: the opening is not counted, the finale's heal is. */
  public synchronized long faultSteps() {
    return faults;
  }

  private List<Step> opening() {
    List<Step> steps = new ArrayList<>();
    openingLeft = options.servers() + options.clients();
    for (int s = 0; s < options.servers(); s++) {
      steps.add(new Step.JoinServer(s));
    }
    for (int c = 0; c < options.clients(); c++) {
      steps.add(new Step.JoinClient(options.servers() + c, c % options.servers()));
    }
    return steps;
  }

  private void refill() {
    if (!setupDone) {
      setupDone = true;
      pending.addAll(opening());
    } else if (model.paused() && pauseStepsLeft <= 0) {
      pending.add(new Step.Start());
    } else if (downStepsLeft.containsValue(0)) {
      for (Map.Entry<Integer, Integer> e : downStepsLeft.entrySet()) {
        if (e.getValue() == 0) {
          int server = e.getKey();
          pending.add(model.isKilled(server) ? new Step.RestartServer(server)
              : new Step.ThawServer(server));
          break;
        }
      }
    } else if (!(dice.chance(options.faultProbability()) && planFault())) {
      Step op = workload.next(model, dice);
      if (op == null) {
        throw new IllegalStateException("no client is attached to a live server: " + view());
      }
      pending.add(op);
    }
  }

  /** How often each corner the enabled kinds allow was planned so far, by name. */
  public synchronized Map<String, Long> cornerVisits() {
    return new LinkedHashMap<>(cornerVisits);
  }

  /** Plans a fault of a kind chosen among those possible now; false when none is. */
  private boolean planFault() {
    if (!corners.isEmpty() && dice.chance(CORNER_CHANCE) && planCorner()) {
      return true;
    }
    boolean copyDue = model.logCopyDue(options.logCopyRatio());
    List<Nemesis> possible = nemeses.stream()
        .filter(n -> n.possible(model, options) && (copyDue || !COPIES_LOG.contains(n.kind())))
        .toList();
    if (possible.isEmpty()) {
      return false;
    }
    Plan plan = new Plan(model, workload);
    choose(possible).plan(plan, dice, options);
    pending.addAll(plan.steps());
    return !plan.steps().isEmpty();
  }

  /** A corner not yet visited if one is possible now, else one at random; false if none. */
  private boolean planCorner() {
    List<Corners.Corner> order = new ArrayList<>(cornersNotYet);
    order.add(dice.pick(corners));
    for (Corners.Corner corner : order) {
      Plan plan = new Plan(model, workload);
      if (Corners.plan(corner, plan, dice, options) && (model.logCopyDue(options.logCopyRatio())
          || plan.steps().stream().noneMatch(Model::copiesLog))) {
        pending.addAll(plan.steps());
        cornersNotYet.remove(corner);
        cornerVisits.merge(corner.flagName(), 1L, Long::sum);
        return true;
      }
    }
    return false;
  }

  /**
   * Every enabled kind once before any is chosen by weight: a short run still sees the rare,
   * costly kinds (retire, join) at least once.
   */
  private Nemesis choose(List<Nemesis> possible) {
    for (Nemesis nemesis : possible) {
      if (notYetUsed.remove(nemesis.kind())) {
        return nemesis;
      }
    }
    Map<Nemesis, Integer> weights = new LinkedHashMap<>();
    possible.forEach(n -> weights.put(n, n.kind().weight()));
    return dice.weighted(weights);
  }

  /** Hands a step out: the model follows it, and a pause gets its length. */
  private void emit(Step step) {
    boolean wasPaused = model.paused();
    model.apply(step);
    if (step instanceof Step.Pause) {
      pauseStepsLeft = dice.between(1, options.maxPauseSteps());
    } else if (wasPaused) {
      pauseStepsLeft--;
    }
    downStepsLeft.replaceAll((server, left) -> Math.max(0, left - 1));
    if (step instanceof Step.KillServer s) {
      downStepsLeft.put(s.id(), dice.between(1, options.maxPauseSteps()));
    } else if (step instanceof Step.FreezeServer s) {
      downStepsLeft.put(s.id(), dice.between(1, options.maxPauseSteps()));
    } else if (step instanceof Step.RestartServer s) {
      downStepsLeft.remove(s.id());
    } else if (step instanceof Step.ThawServer s) {
      downStepsLeft.remove(s.id());
    }
    if (openingLeft > 0) {
      openingLeft--;
    } else if (step.isFault()) {
      faults++;
    }
  }
}
