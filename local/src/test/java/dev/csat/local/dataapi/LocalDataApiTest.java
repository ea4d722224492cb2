package dev.csat.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csat.local.db.EmbeddedDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ArrayValue;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DecimalReturnType;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.LongReturnType;
import software.amazon.awssdk.services.rdsdata.model.RecordsFormatType;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/** The real RdsDataClient against the local endpoint and embedded PostgreSQL. */
class LocalDataApiTest {
  private static final String RESOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:cluster:csat-local";
  private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:csat-local";
  private static final String DATABASE = "csat_api_test";

  private static EmbeddedDatabase database;
  private static LocalDataApi api;
  private static RdsDataClient client;

  @BeforeAll
  static void start() {
    database = EmbeddedDatabase.startTemporary();
    database.createDatabase(DATABASE);
    api = LocalDataApi.start(database, "127.0.0.1", 0);
    client = RdsDataClient.builder()
        .endpointOverride(api.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (api != null) {
      api.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static ExecuteStatementResponse execute(String sql, SqlParameter... parameters) {
    return execute(b -> b.sql(sql).parameters(parameters));
  }

  private static ExecuteStatementResponse execute(Consumer<ExecuteStatementRequest.Builder> request) {
    return client.executeStatement(b -> {
      b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE);
      request.accept(b);
    });
  }

  private static SqlParameter param(String name, Field value) {
    return SqlParameter.builder().name(name).value(value).build();
  }

  private static SqlParameter param(String name, String value, TypeHint hint) {
    return SqlParameter.builder().name(name).value(Field.builder().stringValue(value).build()).typeHint(hint).build();
  }

  private static Field text(String value) {
    return Field.builder().stringValue(value).build();
  }

  private static Field number(long value) {
    return Field.builder().longValue(value).build();
  }

  private static Field nullField() {
    return Field.builder().isNull(true).build();
  }

  private static long count(String table) {
    return execute("SELECT count(*) FROM " + table).records().get(0).get(0).longValue();
  }

  @Test
  void everyTypeRoundTripsWithTheFieldMemberTheDataApiUses() {
    execute("""
        CREATE TABLE all_types (
          id serial PRIMARY KEY, small smallint, whole integer, big bigint, real_number real,
          double_number double precision, money_amount numeric(10,4), flag boolean, body text,
          short_text varchar(20), fixed char(5), uid uuid, doc json, docb jsonb, day date,
          time_of_day time, stamp timestamp, stamp_tz timestamptz, bytes bytea, tags text[])""");
    byte[] blob = {0, 1, 2, (byte) 0xff};
    execute("""
        INSERT INTO all_types (small, whole, big, real_number, double_number, money_amount, flag, body,
          short_text, fixed, uid, doc, docb, day, time_of_day, stamp, stamp_tz, bytes, tags)
        VALUES (:small, :whole, :big, :real, :double, :money, :flag, :body, :short, :fixed, :uid, :doc, :docb,
          :day, :time, :stamp, :stampTz, :bytes, :tags::text[])""",
        param("small", number(-7)),
        param("whole", number(2_147_483_647)),
        param("big", number(9_007_199_254_740_993L)),
        param("real", Field.builder().doubleValue(3.25).build()),
        param("double", Field.builder().doubleValue(2.718281828459045).build()),
        param("money", "123456.789", TypeHint.DECIMAL),
        param("flag", Field.builder().booleanValue(true).build()),
        param("body", text("Hello 世界 🌍")),
        param("short", text("short")),
        param("fixed", text("ab")),
        param("uid", "550e8400-e29b-41d4-a716-446655440000", TypeHint.UUID),
        param("doc", "{\"b\": 1,  \"a\": [true]}", TypeHint.JSON),
        param("docb", "{\"b\": 1,  \"a\": [true]}", TypeHint.JSON),
        param("day", "2024-12-25", TypeHint.DATE),
        param("time", "14:30:45.5", TypeHint.TIME),
        param("stamp", "2024-12-25 14:30:45.123456", TypeHint.TIMESTAMP),
        param("stampTz", "2024-12-25 14:30:45", TypeHint.TIMESTAMP),
        param("bytes", Field.builder().blobValue(SdkBytes.fromByteArray(blob)).build()),
        param("tags", text("{red,\"with space\",NULL}")));

    List<Field> row = execute("""
        SELECT small, whole, big, real_number, double_number, money_amount, flag, body, short_text, fixed,
          uid, doc, docb, day, time_of_day, stamp, stamp_tz, bytes, tags FROM all_types""").records().get(0);

    assertEquals(-7L, row.get(0).longValue());
    assertEquals(2_147_483_647L, row.get(1).longValue());
    assertEquals(9_007_199_254_740_993L, row.get(2).longValue());
    assertEquals(3.25, row.get(3).doubleValue());
    assertEquals(2.718281828459045, row.get(4).doubleValue());
    assertEquals("123456.7890", row.get(5).stringValue(), "numeric keeps its scale, as a string");
    assertEquals(true, row.get(6).booleanValue());
    assertEquals("Hello 世界 🌍", row.get(7).stringValue());
    assertEquals("short", row.get(8).stringValue());
    assertEquals("ab   ", row.get(9).stringValue(), "char(n) is blank-padded");
    assertEquals("550e8400-e29b-41d4-a716-446655440000", row.get(10).stringValue());
    assertEquals("{\"b\": 1,  \"a\": [true]}", row.get(11).stringValue(), "json keeps its text");
    assertEquals("{\"a\": [true], \"b\": 1}", row.get(12).stringValue(), "jsonb is normalised by PostgreSQL");
    assertEquals("2024-12-25", row.get(13).stringValue());
    assertEquals("14:30:45.5", row.get(14).stringValue());
    assertEquals("2024-12-25 14:30:45.123456", row.get(15).stringValue());
    assertEquals("2024-12-25 14:30:45", row.get(16).stringValue(), "timestamptz in UTC, without an offset");
    assertEquals(Arrays.toString(blob), Arrays.toString(row.get(17).blobValue().asByteArray()));
    assertEquals(Arrays.asList("red", "with space", null), row.get(18).arrayValue().stringValues());
  }

  @Test
  void nullsRoundTripForEveryType() {
    execute("CREATE TABLE nullable (n bigint, d double precision, b boolean, s text, u uuid, t timestamptz, x bytea)");
    execute("INSERT INTO nullable VALUES (:n, :d, :b, :s, :u, :t, :x)",
        param("n", nullField()), param("d", nullField()), param("b", nullField()), param("s", nullField()),
        param("u", nullField()), param("t", nullField()), param("x", nullField()));

    List<Field> row = execute("SELECT * FROM nullable").records().get(0);

    assertEquals(7, row.size());
    row.forEach(field -> assertEquals(Boolean.TRUE, field.isNull(), field.toString()));
  }

  @Test
  void timestampsAreRenderedInUtcWithTheirFractionTrimmed() {
    List<Field> row = execute("""
        SELECT timestamptz '2024-03-05 14:32:00.120+02:00', timestamp '2024-03-05 14:32:00',
               timestamptz '2024-03-05 23:59:59.999999-05', date '2024-03-05', time '08:00:00'""")
        .records().get(0);

    assertEquals("2024-03-05 12:32:00.12", row.get(0).stringValue());
    assertEquals("2024-03-05 14:32:00", row.get(1).stringValue());
    assertEquals("2024-03-06 04:59:59.999999", row.get(2).stringValue());
    assertEquals("2024-03-05", row.get(3).stringValue());
    assertEquals("08:00:00", row.get(4).stringValue());
  }

  @Test
  void sessionsRunInUtc() {
    assertEquals("UTC", execute("SELECT current_setting('TimeZone')").records().get(0).get(0).stringValue());
  }

  @Test
  void arraysComeBackAsArrayValues() {
    List<Field> row = execute("""
        SELECT ARRAY[1, 2, NULL]::int[], ARRAY[1.5, 2]::float8[], ARRAY[true, false], ARRAY['a', NULL],
               ARRAY[[1, 2], [3, 4]], ARRAY[1.50]::numeric[], '{}'::int[]""").records().get(0);

    assertEquals(Arrays.asList(1L, 2L, null), row.get(0).arrayValue().longValues());
    assertEquals(List.of(1.5, 2.0), row.get(1).arrayValue().doubleValues());
    assertEquals(List.of(true, false), row.get(2).arrayValue().booleanValues());
    assertEquals(Arrays.asList("a", null), row.get(3).arrayValue().stringValues());
    List<ArrayValue> matrix = row.get(4).arrayValue().arrayValues();
    assertEquals(List.of(1L, 2L), matrix.get(0).longValues());
    assertEquals(List.of(3L, 4L), matrix.get(1).longValues());
    assertEquals(List.of("1.50"), row.get(5).arrayValue().stringValues());
    assertEquals(List.of(), row.get(6).arrayValue().longValues());
  }

  @Test
  void arrayParametersAreRefusedLikeTheRealService() {
    Field array = Field.builder().arrayValue(ArrayValue.builder().longValues(1L, 2L).build()).build();

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("SELECT :ids", param("ids", array)));

    assertTrue(e.getMessage().contains("Array parameters are not supported"), e.getMessage());
  }

  @Test
  void aNamedParameterMayBeUsedTwice() {
    List<Field> row = execute("SELECT :x + :x AS doubled, :x::text AS again", param("x", number(21))).records().get(0);

    assertEquals(42L, row.get(0).longValue());
    assertEquals("21", row.get(1).stringValue());
  }

  @Test
  void castsAndColonsInsideStringsCommentsAndDollarQuotesAreLeftAlone() {
    List<Field> row = execute("""
        SELECT ':skip' AS quoted, $$ :skip $$ AS dollar, E'it\\'s :skip' AS escaped,
               '{"k": 1}'::jsonb ? 'k' AS has_key, -- :skip
               /* :skip /* nested :skip */ */ :real::text AS real_param""",
        param("real", text("used"))).records().get(0);

    assertEquals(":skip", row.get(0).stringValue());
    assertEquals(" :skip ", row.get(1).stringValue());
    assertEquals("it's :skip", row.get(2).stringValue());
    assertEquals(true, row.get(3).booleanValue());
    assertEquals("used", row.get(4).stringValue());
  }

  @Test
  void includeResultMetadataDescribesTheColumns() {
    execute("CREATE TABLE described (id serial PRIMARY KEY, name varchar(40) NOT NULL, price numeric(8,2), tags text[])");

    ExecuteStatementResponse response = execute(b -> b
        .sql("SELECT id, name AS label, price, tags FROM described").includeResultMetadata(true));

    List<ColumnMetadata> columns = response.columnMetadata();
    assertEquals(4, columns.size());
    assertEquals("id", columns.get(0).name());
    assertEquals("serial", columns.get(0).typeName());
    assertEquals(Types.INTEGER, columns.get(0).type());
    assertEquals(true, columns.get(0).isAutoIncrement());
    assertEquals(0, columns.get(0).nullable());
    assertEquals("described", columns.get(0).tableName());
    assertEquals("label", columns.get(1).label());
    assertEquals("varchar", columns.get(1).typeName());
    assertEquals(40, columns.get(1).precision());
    assertEquals(Types.NUMERIC, columns.get(2).type());
    assertEquals(8, columns.get(2).precision());
    assertEquals(2, columns.get(2).scale());
    assertEquals(1, columns.get(2).nullable());
    assertEquals(Types.ARRAY, columns.get(3).type());
    assertEquals("_text", columns.get(3).typeName());
    assertEquals(Types.VARCHAR, columns.get(3).arrayBaseColumnType());
    assertTrue(response.records().isEmpty());
  }

  @Test
  void metadataIsLeftOutUnlessAskedFor() {
    assertFalse(execute("SELECT 1").hasColumnMetadata());
  }

  @Test
  void formatRecordsAsJsonReturnsOneJsonString() throws Exception {
    ExecuteStatementResponse response = execute(b -> b.formatRecordsAs(RecordsFormatType.JSON).sql("""
        SELECT 1 AS id, 'Ann' AS name, 2.5::float8 AS score, NULL::text AS missing, true AS active,
               12.30::numeric AS price, '{"a": [1, 2]}'::jsonb AS doc, ARRAY[1, 2] AS list
        UNION ALL
        SELECT 2, 'Bob', 0, 'x', false, 0, '{}', ARRAY[3]"""));

    assertFalse(response.hasRecords());
    JsonNode rows = new ObjectMapper().readTree(response.formattedRecords());
    assertEquals(2, rows.size());
    JsonNode first = rows.get(0);
    assertEquals(1, first.get("id").intValue());
    assertTrue(first.get("id").isNumber());
    assertEquals("Ann", first.get("name").textValue());
    assertEquals(2.5, first.get("score").doubleValue());
    assertTrue(first.get("missing").isNull());
    assertTrue(first.get("active").booleanValue());
    assertEquals("12.30", first.get("price").textValue());
    assertEquals("{\"a\": [1, 2]}", first.get("doc").textValue(), "json columns stay text");
    assertEquals("[1,2]", first.get("list").toString());
    assertEquals("Bob", rows.get(1).get("name").textValue());
  }

  @Test
  void resultSetOptionsConvertDecimalsAndLongs() {
    ExecuteStatementResponse response = execute(b -> b
        .sql("SELECT 12.50::numeric, 7::numeric, 9007199254740993::bigint")
        .resultSetOptions(o -> o.decimalReturnType(DecimalReturnType.DOUBLE_OR_LONG).longReturnType(LongReturnType.STRING)));

    List<Field> row = response.records().get(0);
    assertEquals(12.5, row.get(0).doubleValue());
    assertEquals("7", row.get(1).stringValue(), "a scale-0 decimal becomes a long, and longs are strings here");
    assertEquals("9007199254740993", row.get(2).stringValue());
  }

  @Test
  void numberOfRecordsUpdatedCountsChangedRows() {
    execute("CREATE TABLE counted (id int PRIMARY KEY, n int)");
    execute("INSERT INTO counted SELECT g, 0 FROM generate_series(1, 5) g");

    ExecuteStatementResponse update = execute("UPDATE counted SET n = n + 1 WHERE id <= :max", param("max", number(3)));

    assertEquals(3L, update.numberOfRecordsUpdated());
    assertTrue(update.hasGeneratedFields());
    assertTrue(update.generatedFields().isEmpty());
    assertFalse(update.hasRecords());
    assertEquals(0L, execute("SELECT * FROM counted").numberOfRecordsUpdated());
  }

  @Test
  void insertReturningReturnsTheRows() {
    execute("CREATE TABLE returning_rows (id bigserial PRIMARY KEY, name text)");

    ExecuteStatementResponse response = execute("INSERT INTO returning_rows (name) VALUES (:a), (:b) RETURNING id, name",
        param("a", text("first")), param("b", text("second")));

    assertEquals(2, response.records().size());
    assertEquals(1L, response.records().get(0).get(0).longValue());
    assertEquals("second", response.records().get(1).get(1).stringValue());
  }

  @Test
  void batchExecuteRunsOncePerParameterSet() {
    execute("CREATE TABLE batched (id serial PRIMARY KEY, name text UNIQUE)");

    BatchExecuteStatementResponse response = client.batchExecuteStatement(b -> b
        .resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE)
        .sql("INSERT INTO batched (name) VALUES (:name) RETURNING id")
        .parameterSets(List.of(List.of(param("name", text("a"))), List.of(param("name", text("b"))),
            List.of(param("name", text("c"))))));

    assertEquals(3, response.updateResults().size());
    assertEquals(3L, response.updateResults().get(2).generatedFields().get(0).longValue());
    assertEquals(3L, count("batched"));
  }

  @Test
  void aFailingBatchChangesNothing() {
    execute("CREATE TABLE batched_atomic (name text PRIMARY KEY)");

    BadRequestException e = assertThrows(BadRequestException.class, () -> client.batchExecuteStatement(b -> b
        .resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE)
        .sql("INSERT INTO batched_atomic VALUES (:name)")
        .parameterSets(List.of(List.of(param("name", text("a"))), List.of(param("name", text("a")))))));

    assertTrue(e.getMessage().contains("SQLState: 23505"), e.getMessage());
    assertEquals(0L, count("batched_atomic"));
  }

  @Test
  void aCommittedTransactionIsVisibleAndIsolatedUntilThen() {
    execute("CREATE TABLE committed_rows (id int PRIMARY KEY)");
    String tx = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();

    execute(b -> b.sql("INSERT INTO committed_rows VALUES (1)").transactionId(tx));
    assertEquals(0L, count("committed_rows"), "not visible before commit");
    assertEquals(1L, execute(b -> b.sql("SELECT count(*) FROM committed_rows").transactionId(tx))
        .records().get(0).get(0).longValue(), "visible inside the transaction");
    String status = client.commitTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(tx))
        .transactionStatus();

    assertEquals("Transaction Committed", status);
    assertEquals(1L, count("committed_rows"));
  }

  @Test
  void aRolledBackTransactionLeavesNothing() {
    execute("CREATE TABLE rolled_back_rows (id int PRIMARY KEY)");
    String tx = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
    execute(b -> b.sql("INSERT INTO rolled_back_rows VALUES (1)").transactionId(tx));

    String status = client.rollbackTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(tx))
        .transactionStatus();

    assertEquals("Rollback Complete", status);
    assertEquals(0L, count("rolled_back_rows"));
  }

  @Test
  void anUnknownOrFinishedTransactionIsNotFound() {
    BadRequestException unknown = assertThrows(BadRequestException.class,
        () -> execute(b -> b.sql("SELECT 1").transactionId("no-such-transaction")));
    assertTrue(unknown.getMessage().contains("Transaction no-such-transaction is not found"), unknown.getMessage());

    String tx = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
    client.commitTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(tx));

    BadRequestException finished = assertThrows(BadRequestException.class,
        () -> client.rollbackTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(tx)));
    assertTrue(finished.getMessage().contains("is not found"), finished.getMessage());
  }

  @Test
  void aFailedStatementEndsItsTransaction() {
    execute("CREATE TABLE aborted_rows (id int PRIMARY KEY)");
    String tx = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
    execute(b -> b.sql("INSERT INTO aborted_rows VALUES (1)").transactionId(tx));
    assertThrows(BadRequestException.class, () -> execute(b -> b.sql("SELECT no_such_column").transactionId(tx)));

    BadRequestException commit = assertThrows(BadRequestException.class,
        () -> client.commitTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(tx)));

    assertTrue(commit.getMessage().contains("aborted due to an error"), commit.getMessage());
    assertEquals(0L, count("aborted_rows"));
  }

  @Test
  void aSqlErrorIsABadRequestCarryingTheSqlState() {
    execute("CREATE TABLE unique_names (name text PRIMARY KEY)");
    execute("INSERT INTO unique_names VALUES ('taken')");

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("INSERT INTO unique_names VALUES (:name)", param("name", text("taken"))));

    assertEquals(400, e.statusCode());
    assertEquals("BadRequestException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().startsWith("ERROR: duplicate key value violates unique constraint \"unique_names_pkey\""),
        e.getMessage());
    assertTrue(e.getMessage().contains("Detail: Key (name)=(taken) already exists."), e.getMessage());
    assertTrue(e.getMessage().contains("; SQLState: 23505"), e.getMessage());
  }

  @Test
  void aParameterTheStatementNamesButTheCallOmitsIsABadRequest() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("SELECT :given, :missing", param("given", number(1))));

    assertTrue(e.getMessage().contains("\"missing\""), e.getMessage());
  }

  @Test
  void aUuidComparedWithoutTheUuidTypeHintFailsAsOnAurora() {
    execute("CREATE TABLE keyed (id uuid PRIMARY KEY)");
    String id = "6f1c3f3e-52a4-4c67-9a0c-0d4f5c9b1a11";
    execute("INSERT INTO keyed VALUES (:id)", param("id", id, TypeHint.UUID));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("SELECT id FROM keyed WHERE id = :id", param("id", text(id))));

    assertTrue(e.getMessage().contains("operator does not exist: uuid = character varying"), e.getMessage());
    assertTrue(e.getMessage().contains("SQLState: 42883"), e.getMessage());
    assertEquals(id, execute("SELECT id FROM keyed WHERE id = :id", param("id", id, TypeHint.UUID))
        .records().get(0).get(0).stringValue());
  }

  @Test
  void aTypeHintedValueInTheWrongFormatIsRefused() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("SELECT :at", param("at", "2024-12-25T14:30:45Z", TypeHint.TIMESTAMP)));

    assertTrue(e.getMessage().contains("YYYY-MM-DD HH:MM:SS"), e.getMessage());
  }

  @Test
  void aMissingRequiredMemberIsAValidationError() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.executeStatement(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE)));

    assertEquals("1 validation error detected: Value null at 'sql' failed to satisfy constraint: Member must not be null",
        e.getMessage().replaceFirst(" \\(Service: .*", ""));
  }

  @Test
  void malformedJsonAndUnknownPathsAreAnsweredInTheProtocolsErrorShape() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/Execute"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": ")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/ExecuteSql"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(400, malformed.statusCode());
    assertEquals("BadRequestException", malformed.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertTrue(new ObjectMapper().readTree(malformed.body()).get("message").asText().contains("not valid JSON"));
    assertEquals(404, unknown.statusCode());
    assertEquals("UnknownOperationException", unknown.headers().firstValue("x-amzn-ErrorType").orElseThrow());
  }

  @Test
  void callsAreCountedPerOperation() {
    api.resetCounts();
    execute("SELECT 1");
    execute("SELECT 2");
    client.batchExecuteStatement(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE)
        .sql("SELECT :n").parameterSets(List.of(List.of(param("n", number(1))))));
    String committed = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
    client.commitTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(committed));
    String rolledBack = client.beginTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database(DATABASE))
        .transactionId();
    client.rollbackTransaction(b -> b.resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).transactionId(rolledBack));
    assertThrows(BadRequestException.class, () -> execute("SELECT broken syntax here"));

    assertEquals(3, api.calls("ExecuteStatement"), "failed calls count too");
    assertEquals(1, api.calls("BatchExecuteStatement"));
    assertEquals(2, api.calls("BeginTransaction"));
    assertEquals(1, api.calls("CommitTransaction"));
    assertEquals(1, api.calls("RollbackTransaction"));
    assertEquals(8, api.totalCalls());
    assertThrows(IllegalArgumentException.class, () -> api.calls("ExecuteSql"));
    api.resetCounts();
    assertEquals(0, api.totalCalls());
  }

  @Test
  void aDatabaseThatDoesNotExistIsTheServicesDatabaseError() {
    DatabaseErrorException e = assertThrows(DatabaseErrorException.class, () -> client.executeStatement(b -> b
        .resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).database("no_such_database").sql("SELECT 1")));

    assertEquals("ERROR: database \"no_such_database\" does not exist; SQLState: 3D000",
        e.getMessage().replaceFirst(" \\(Service: .*", ""));
    assertEquals(400, e.statusCode());
  }

  @Test
  void concurrentUpsertsOnOneRowAllCount() throws Exception {
    execute("CREATE TABLE hits (id int PRIMARY KEY, n int NOT NULL)");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            execute("INSERT INTO hits VALUES (:id, 1) ON CONFLICT (id) DO UPDATE SET n = hits.n + 1",
                param("id", number(1)));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }

    assertEquals(400L, execute("SELECT n FROM hits WHERE id = 1").records().get(0).get(0).longValue());
  }

  @Test
  void aResponseOverOneMebibyteIsRefused() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> execute("SELECT repeat('x', 300000) FROM generate_series(1, 4)"));

    assertTrue(e.getMessage().contains("Database returned more than the allowed response size limit"), e.getMessage());
    assertEquals(3, execute("SELECT repeat('x', 300000) FROM generate_series(1, 3)").records().size());
  }

  @Test
  void theDefaultDatabaseIsUsedWhenTheCallNamesNone() {
    ExecuteStatementResponse response = client.executeStatement(b -> b
        .resourceArn(RESOURCE_ARN).secretArn(SECRET_ARN).sql("SELECT current_database()"));

    assertEquals("postgres", response.records().get(0).get(0).stringValue());
    assertNull(response.formattedRecords());
  }
}
