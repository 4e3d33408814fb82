package dev.wct.spi.properties;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one property of a component's properties record: the record component's type gives the
 * JSON type (String, int, long, boolean, an enum, {@code List<String>}, {@code Optional<String>} or
 * a nested record), this annotation the rest. {@link PropertiesContract} turns the record into the
 * JSON Schema checked at plan time, the documentation, and the binding used at run time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Property {
  /** Marks "no value" in the optional elements below. */
  String NONE = "\u0000";

  /** One or two sentences for {@code wct components} and the generated docs. */
  String description();

  /** The runbook name; by default the record component's name in snake_case. */
  String name() default NONE;

  /**
   * The default as text: a number, {@code true}/{@code false}, an enum id, a string, or a
   * comma-separated list.
   */
  String defaultValue() default NONE;

  boolean required() default false;

  /** Smallest number allowed, or for a list the fewest entries. */
  long minimum() default Long.MIN_VALUE;

  /** Largest number allowed, or for a list the most entries. */
  long maximum() default Long.MAX_VALUE;

  /** A regular expression a string must match (whole value). */
  String pattern() default NONE;

  /** What {@link #pattern} means, in words, for error messages: "a host name or IP address". */
  String format() default NONE;

  /**
   * Whether a runbook may give a {@code ${VAR}} placeholder instead of a value (resolved on the
   * worker before binding). True by default: secrets and per-environment values need it.
   */
  boolean placeholder() default true;

  /** A credential: never echoed in errors, left out of {@link PropertiesContract#toJson}. */
  boolean secret() default false;

  /**
   * For a nested record: its properties also appear at this level. With {@link #alsoUnder}, they
   * may instead be grouped under that name (not both).
   */
  boolean flatten() default false;

  /** With {@link #flatten}: the name of the optional group holding the same properties. */
  String alsoUnder() default NONE;
}
