package dev.csat.analytics;

import dev.csat.data.DataApi;
import dev.csat.data.Row;
import dev.csat.data.SqlParams;
import dev.csat.feedback.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link AnalyticsRepository} on Aurora through the Data API: one statement per method. */
public final class DataApiAnalyticsRepository implements AnalyticsRepository {
  private final DataApi db;

  public DataApiAnalyticsRepository(DataApi db) {
    this.db = db;
  }

  @Override
  public List<Tally> tallies(String tenant, List<Instant> boundaries, AnalyticsFilter filter) {
    var params = SqlParams.of();
    List<Tally> tallies = new ArrayList<>();
    for (int i = 1; i < boundaries.size(); i++) {
      tallies.add(Tally.empty());
    }
    for (Row row : db.query(TallySql.tallies(tenant, boundaries, filter, params), params)) {
      tallies.set(row.integer("period") - 1, tally(row));
    }
    return tallies;
  }

  @Override
  public Ranking ranking(String tenant, Instant from, Instant to, AnalyticsFilter filter, BreakdownField by,
      int limit) {
    var params = SqlParams.of();
    List<Group> top = new ArrayList<>();
    Tally topSum = Tally.empty();
    Tally every = Tally.empty();
    long groups = 0;
    for (Row row : db.query(TallySql.ranking(tenant, from, to, filter, by, limit, params), params)) {
      Tally tally = tally(row);
      if (row.bool("top")) {
        String value = row.text("grp");
        top.add(new Group(value.isEmpty() ? null : value, tally));
        topSum = topSum.plus(tally);
      } else {
        every = tally;
        groups = row.longValue("groups");
      }
    }
    return new Ranking(top, every.minus(topSum), groups);
  }

  @Override
  public int rollUp(int maxChanges) {
    var params = SqlParams.of().integer("limit", maxChanges);
    return (int) db.query(RollupSql.ROLL_UP, params).getFirst().longValue("changes");
  }

  private static Tally tally(Row row) {
    long[] ratings = new long[RatingSlot.ALL.size()];
    for (int i = 0; i < ratings.length; i++) {
      ratings[i] = row.longValue(RatingSlot.ALL.get(i).column());
    }
    long[] sources = new long[Source.values().length];
    for (Source source : Source.values()) {
      sources[source.ordinal()] = row.longValue(source.wireName());
    }
    return new Tally(ratings, sources);
  }
}
