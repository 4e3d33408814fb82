package dev.wct.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {
  private static final Table CRM_CUSTOMERS = new Table("crm", "customers", List.of());
  private static final Table SHOP_CUSTOMERS = new Table("shop", "customers", List.of());
  private static final Table SHOP_ORDERS = new Table("shop", "orders", List.of());
  private static final List<Table> ALL = List.of(CRM_CUSTOMERS, SHOP_CUSTOMERS, SHOP_ORDERS);

  @Test
  void noListsKeepEveryTable() {
    assertThat(new TableFilter(List.of(), List.of()).apply(ALL)).isEqualTo(ALL);
  }

  @Test
  void aBareNameMatchesInEverySchemaAndAQualifiedNameInOne() {
    assertThat(new TableFilter(List.of("customers"), List.of()).apply(ALL))
        .containsExactly(CRM_CUSTOMERS, SHOP_CUSTOMERS);
    assertThat(new TableFilter(List.of("shop.customers"), List.of()).apply(ALL))
        .containsExactly(SHOP_CUSTOMERS);
  }

  @Test
  void exclusionWinsOverInclusion() {
    assertThat(new TableFilter(List.of("customers"), List.of("crm.customers")).apply(ALL))
        .containsExactly(SHOP_CUSTOMERS);
  }

  @Test
  void includesThatNameNoTableAreReported() {
    assertThat(
            new TableFilter(List.of("customers", "custmers", "shop.orders"), List.of())
                .unmatchedIncludes(ALL))
        .containsExactly("custmers");
  }
}
