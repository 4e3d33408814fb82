package dev.wct.core.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * How an artifact is produced. Properties keep their {@code ${VAR}} placeholders: they are resolved
 * only where the producer runs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Producer.Source.class, name = "source"),
  @JsonSubTypes.Type(value = Producer.Process.class, name = "process"),
  @JsonSubTypes.Type(value = Producer.PassThrough.class, name = "pass_through"),
  @JsonSubTypes.Type(value = Producer.Reuse.class, name = "reuse")
})
public sealed interface Producer {
  /** A short label for logs and the Temporal UI, e.g. {@code connector mysql}. */
  String label();

  /** A connector reading outside data. */
  record Source(String type, ObjectNode properties) implements Producer {
    public Source {
      Objects.requireNonNull(type, "type");
      properties = properties == null ? null : properties.deepCopy();
    }

    @Override
    public String label() {
      return "connector " + type;
    }
  }

  /** An analyser applied to the artifact's inputs. */
  record Process(String type, ObjectNode properties) implements Producer {
    public Process {
      Objects.requireNonNull(type, "type");
      properties = properties == null ? null : properties.deepCopy();
    }

    @Override
    public String label() {
      return "analyser " + type;
    }
  }

  /** The inputs, unchanged; several inputs of one schema are concatenated. */
  record PassThrough() implements Producer {
    @Override
    public String label() {
      return "pass-through";
    }
  }

  /** A copy of an artifact from an earlier run in the same store. */
  record Reuse(String fromRun, String artifact) implements Producer {
    public Reuse {
      Objects.requireNonNull(fromRun, "fromRun");
      Objects.requireNonNull(artifact, "artifact");
    }

    @Override
    public String label() {
      return "reuse " + fromRun + "/" + artifact;
    }
  }
}
