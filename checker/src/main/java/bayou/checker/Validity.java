package bayou.checker;

/**
 * A checker's verdict, as in Jepsen: valid, invalid, or unknown when the history lacks what the
 * check needs. Verdicts merge so that the worst wins: invalid beats unknown beats valid.
 */
public enum Validity {
  VALID(0), UNKNOWN(1), INVALID(2);

  private final int severity;

  Validity(int severity) {
    this.severity = severity;
  }

  /** The worse of this verdict and {@code other}: invalid > unknown > valid. */
  public Validity merge(Validity other) {
    return other.severity > severity ? other : this;
  }

  /** Jepsen's {@code :valid?} value: {@code true}, {@code false} or {@code "unknown"}. */
  public Object jepsenValue() {
    switch (this) {
      case VALID:
        return Boolean.TRUE;
      case INVALID:
        return Boolean.FALSE;
      default:
        return "unknown";
    }
  }

  /** The process exit code of a run with this verdict: 0 valid, 1 invalid, 2 unknown. */
  public int exitCode() {
    return this == VALID ? 0 : this == INVALID ? 1 : 2;
  }
}
