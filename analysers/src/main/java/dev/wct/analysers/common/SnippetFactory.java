package dev.wct.analysers.common;

/** Cuts the evidence snippet around a match, applying the redaction setting. */
@FunctionalInterface
public interface SnippetFactory {
  String snippet(TextItem item, int start, int end);
}
