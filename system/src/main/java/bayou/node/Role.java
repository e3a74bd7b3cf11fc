package bayou.node;

/** The logic of a server or a client process, driven by one event-loop thread. */
interface Role {
  void handle(Inbound item);

  /** Called after the inbox has been drained: the place to gossip once for many changes. */
  void afterBatch();

  /** Called when nothing arrived for {@link #idleWaitMs()}. */
  void onIdle();

  long idleWaitMs();
}
