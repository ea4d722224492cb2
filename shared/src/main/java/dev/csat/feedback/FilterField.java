package dev.csat.feedback;

import java.util.EnumSet;
import java.util.Set;

/** What a filter can test (the {@code filter_type} of seed 004's filter language), and with which operators. */
public enum FilterField implements WireNamed {
  PRODUCT_KEY("product_key", Kind.KEY),
  FEATURE_KEY("feature_key", Kind.KEY),
  USER_EMAIL("user_email", Kind.EMAIL),
  RESPONDENT_ID("respondent_id", Kind.KEY),
  SOURCE("source", Kind.SOURCE),
  PLATFORM("platform", Kind.KEY),
  RATING("rating", Kind.RATING),
  SCALE("scale", Kind.SCALE),
  REFERENCE("reference", Kind.KEY),
  COMPANY_ID("company_id", Kind.KEY),
  AGENT_ID("agent_id", Kind.KEY),
  CARRIER("carrier", Kind.KEY),
  COUNTRY("country", Kind.COUNTRY),
  STATE("state", Kind.STATE),
  COMMENT("comment", Kind.TEXT),
  HAS_COMMENT("has_comment", Kind.BOOLEAN),
  CREATED_AT("created_at", Kind.TIME),
  UPDATED_AT("updated_at", Kind.TIME);

  /** The type of a field's values, which decides the operators it takes. */
  public enum Kind {
    KEY(EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN, Operator.LIKE, Operator.ILIKE)),
    EMAIL(KEY.operators),
    COUNTRY(KEY.operators),
    SOURCE(EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN)),
    SCALE(SOURCE.operators),
    STATE(SOURCE.operators),
    RATING(EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NOT_IN,
        Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)),
    TIME(EnumSet.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)),
    TEXT(EnumSet.of(Operator.LIKE, Operator.ILIKE)),
    BOOLEAN(EnumSet.of(Operator.EQ));

    private final Set<Operator> operators;

    Kind(Set<Operator> operators) {
      this.operators = operators;
    }
  }

  private final String wireName;
  private final Kind kind;

  FilterField(String wireName, Kind kind) {
    this.wireName = wireName;
    this.kind = kind;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public Kind kind() {
    return kind;
  }

  public Set<Operator> operators() {
    return kind.operators;
  }
}
