package dev.wct.cli.plan;

/** How {@code wct plan} shows a plan. */
public enum PlanFormat {
  text,
  json,
  dot,
  mermaid
}
