package dev.wct.cli.report.inventory;

import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.message.SchemaRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How each findings schema is reported, as the installed analysers describe it ({@link
 * Analyser#presentation}), keyed by schema name so that every version of a schema is read alike.
 * The CLI names no component's vocabulary: what is not described here is not findings.
 */
public final class Presentations {
  private final Map<String, FindingsPresentation> bySchemaName;

  private Presentations(Map<String, FindingsPresentation> bySchemaName) {
    this.bySchemaName = bySchemaName;
  }

  /** Asks every analyser of {@code catalog} about every schema it produces. */
  public static Presentations of(ComponentCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    Map<String, FindingsPresentation> found = new LinkedHashMap<>();
    for (Analyser analyser : catalog.analysers().values()) {
      for (SchemaRef output : analyser.outputSchemas()) {
        analyser.presentation(output).ifPresent(p -> found.putIfAbsent(output.name(), p));
      }
    }
    return new Presentations(found);
  }

  /** How findings of {@code schema} are reported; empty when it is not findings. */
  public Optional<FindingsPresentation> of(SchemaRef schema) {
    return Optional.ofNullable(bySchemaName.get(schema.name()));
  }

  public boolean isFindings(SchemaRef schema) {
    return bySchemaName.containsKey(schema.name());
  }
}
