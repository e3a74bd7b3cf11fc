package bayou.cluster;

/** A cluster command that cannot be carried out; the message is one line for stderr. */
public final class ClusterException extends RuntimeException {
  public ClusterException(String message) {
    super(message);
  }
}
