package bayou.checker;

import bayou.history.WriteId;
import java.util.List;

/**
 * Every value ever read was written by a put of that key that may have taken effect (else a
 * phantom read, or a read of a dropped write), and a read's {@code readFrom} names a write that
 * matches what the read returned.
 */
final class ReadAccounting {
  private ReadAccounting() {}

  static void check(History history, WriteCatalog catalog, Findings findings) {
    long reads = 0;
    for (Op op : history.ops()) {
      if (!op.returnedRead()) {
        continue;
      }
      reads++;
      if (!op.errKey()) {
        checkValueWritten(op, catalog, findings);
      }
      checkReadFrom(op, catalog, findings);
    }
    findings.set("reads", reads);
  }

  private static void checkValueWritten(Op read, WriteCatalog catalog, Findings findings) {
    List<Op> puts = catalog.puts(read.key(), read.readValue());
    if (WriteCatalog.firstWhere(puts, op -> !op.failed()) != null) {
      return;
    }
    if (puts.isEmpty()) {
      findings.violation("phantom-read", Describe.read(read) + ", a value no client ever put to "
          + read.key() + ".", read.index());
    } else {
      Op dropped = puts.get(0);
      findings.violation("dropped-write-read", Describe.read(read) + ", a value only "
          + Describe.op(dropped) + " wrote, and that put failed ("
          + dropped.completion().error() + ").", read.index(), dropped.index());
    }
  }

  private static void checkReadFrom(Op read, WriteCatalog catalog, Findings findings) {
    WriteId from = read.readFrom();
    Op write = from == null ? null : catalog.acknowledged().get(from);
    if (write == null) {
      return;
    }
    boolean matches = write.key().equals(read.key())
        && (read.errKey() ? write.isDelete() : write.isPut() && read.readValue() != null
            && read.readValue().equals(write.putValue()));
    if (!matches) {
      findings.violation("read-from-mismatch", Describe.read(read) + " naming write " + from
          + " as its source, but that write is " + Describe.write(write) + ".",
          read.index(), write.index());
    }
  }
}
