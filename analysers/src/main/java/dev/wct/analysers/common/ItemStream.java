package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentReader;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the items of every input, one at a time and in runbook order, heartbeating as it goes:
 * every {@value #HEARTBEAT_EVERY} items, and every {@value #HEARTBEAT_EVERY_CHARACTERS} characters,
 * so that a few hundred big files (1 MiB each) on a busy machine never outlast the heartbeat
 * timeout. Nothing is retained between items.
 */
public final class ItemStream {
  static final int HEARTBEAT_EVERY = 500;
  static final long HEARTBEAT_EVERY_CHARACTERS = 8L * 1024 * 1024;

  private ItemStream() {}

  /** What streaming saw. */
  public record Totals(long items, long characters) {}

  public static Totals forEach(
      ProducerContext context, List<ContentReader> inputs, Consumer<JsonNode> action) {
    return forEach(context, inputs, (index, input, item) -> action.accept(item));
  }

  /** What to do with one item, knowing which input (by position and reader) it comes from. */
  @FunctionalInterface
  public interface InputItemAction {
    void accept(int index, ContentReader input, JsonNode item);
  }

  public static Totals forEach(
      ProducerContext context, List<ContentReader> inputs, InputItemAction action) {
    long items = 0;
    long characters = 0;
    long nextBeat = HEARTBEAT_EVERY_CHARACTERS;
    for (int index = 0; index < inputs.size(); index++) {
      ContentReader input = inputs.get(index);
      Iterator<JsonNode> iterator = input.items();
      while (iterator.hasNext()) {
        JsonNode item = iterator.next();
        action.accept(index, input, item);
        items++;
        characters += item.path("content").asText("").length();
        if (items % HEARTBEAT_EVERY == 0 || characters >= nextBeat) {
          context.heartbeat(items);
          nextBeat = characters + HEARTBEAT_EVERY_CHARACTERS;
        }
      }
    }
    context.heartbeat(items);
    return new Totals(items, characters);
  }
}
