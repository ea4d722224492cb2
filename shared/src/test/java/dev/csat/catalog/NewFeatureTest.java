package dev.csat.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewFeatureTest {
  @ParameterizedTest
  @CsvSource({"export-csv,Export csv", "dashboard,Dashboard", "bulk_edit.v2,Bulk edit v2", "---,---"})
  void derivesANameFromTheKey(String key, String name) {
    assertEquals(name, NewFeature.nameFromKey(key));
  }
}
