package dev.wct.connectors.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * {@code include_tables} / {@code exclude_tables}: each entry is a table name ({@code customers})
 * or a schema-qualified one ({@code crm.customers}), compared exactly. An empty include list keeps
 * every table; exclusion wins over inclusion.
 */
public record TableFilter(List<String> include, List<String> exclude) {
  public TableFilter {
    include = List.copyOf(Objects.requireNonNull(include, "include"));
    exclude = List.copyOf(Objects.requireNonNull(exclude, "exclude"));
  }

  public boolean accepts(Table table) {
    return (include.isEmpty() || names(include, table)) && !names(exclude, table);
  }

  public List<Table> apply(List<Table> tables) {
    return tables.stream().filter(this::accepts).toList();
  }

  /** The include entries that name no table of {@code tables}: probably typing mistakes. */
  public List<String> unmatchedIncludes(List<Table> tables) {
    return include.stream()
        .filter(
            entry ->
                tables.stream()
                    .noneMatch(t -> t.name().equals(entry) || t.qualifiedName().equals(entry)))
        .toList();
  }

  private static boolean names(List<String> entries, Table table) {
    return entries.contains(table.name()) || entries.contains(table.qualifiedName());
  }
}
