package dev.csat.local.dataapi;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls served per operation, so tests and benchmarks can count Data API round trips, and the
 * time the database spent on their statements.
 */
final class CallCounters {
  private final Map<Operation, AtomicLong> counts = new EnumMap<>(Operation.class);
  private final LongAdder databaseNanos = new LongAdder();

  CallCounters() {
    for (Operation operation : Operation.values()) {
      counts.put(operation, new AtomicLong());
    }
  }

  void increment(Operation operation) {
    counts.get(operation).incrementAndGet();
  }

  long get(Operation operation) {
    return counts.get(operation).get();
  }

  long total() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  void addDatabaseNanos(long nanos) {
    databaseNanos.add(nanos);
  }

  long databaseNanos() {
    return databaseNanos.sum();
  }

  void reset() {
    counts.values().forEach(count -> count.set(0));
    databaseNanos.reset();
  }
}
