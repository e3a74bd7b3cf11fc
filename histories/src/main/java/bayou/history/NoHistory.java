package bayou.history;

/** The sink of a run that is not recorded. */
enum NoHistory implements HistorySink {
  INSTANCE;

  @Override
  public OpEvent record(OpEvent event) {
    return event;
  }

  @Override
  public NemesisEvent record(NemesisEvent event) {
    return event;
  }

  @Override
  public SnapshotEvent record(SnapshotEvent event) {
    return event;
  }

  @Override
  public void close() {}
}
