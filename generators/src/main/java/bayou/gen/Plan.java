package bayou.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-step fault being planned against a scratch copy of the model, so that each step is
 * checked against the state the previous ones leave behind.
 */
final class Plan {
  private final Model scratch;
  private final Workload workload;
  private final List<Step> steps = new ArrayList<>();

  /** A plan that writes nothing (its {@link #freshValue} may not be used). */
  Plan(Model model) {
    this(model, null);
  }

  Plan(Model model, Workload workload) {
    scratch = model.copy();
    this.workload = workload;
  }

  /** A put value never written before, for faults that probe sessions with writes. */
  String freshValue() {
    if (workload == null) {
      throw new IllegalStateException("this plan has no workload to draw values from");
    }
    return workload.freshValue();
  }

  /** The scratch model, as the steps added so far leave it. */
  Model model() {
    return scratch;
  }

  /** Appends a step; a planner bug that yields an invalid step fails here, at its source. */
  void add(Step step) {
    scratch.apply(step);
    steps.add(step);
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
