package dev.wct.core.planner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Order, levels, critical path and cycles of an artifact graph, in O(n log n). Every result is
 * deterministic: ties are broken by id.
 *
 * @param order topological order, ties by id; incomplete when there are cycles
 * @param levels ids by depth (0: no inputs), each sorted by id
 * @param criticalPath the longest chain by artifact count, first to last
 * @param cycles each cycle in data-flow order, starting at its smallest id, its first id repeated
 *     at the end
 */
record Dag(
    List<String> order,
    List<List<String>> levels,
    List<String> criticalPath,
    List<List<String>> cycles) {

  /**
   * @param inputs every node's inputs, by node id; inputs must be ids of nodes
   */
  static Dag of(Map<String, List<String>> inputs) {
    Map<String, List<String>> dependents = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>();
    inputs.forEach(
        (id, from) -> {
          waiting.put(id, from.size());
          from.forEach(input -> dependents.computeIfAbsent(input, k -> new ArrayList<>()).add(id));
          if (from.isEmpty()) {
            ready.add(id);
          }
        });
    List<String> order = new ArrayList<>(inputs.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String dependent : dependents.getOrDefault(id, List.of())) {
        if (waiting.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (order.size() < inputs.size()) {
      Set<String> done = new HashSet<>(order);
      return new Dag(order, List.of(), List.of(), cycles(inputs, done));
    }

    Map<String, Integer> level = new HashMap<>();
    Map<String, Integer> chain = new HashMap<>();
    Map<String, String> previous = new HashMap<>();
    TreeMap<Integer, List<String>> byLevel = new TreeMap<>();
    String end = null;
    for (String id : order) {
      int depth = 0;
      int longest = 0;
      String before = null;
      for (String input : inputs.get(id)) {
        depth = Math.max(depth, level.get(input) + 1);
        int length = chain.get(input);
        if (length > longest || length == longest && input.compareTo(before) < 0) {
          longest = length;
          before = input;
        }
      }
      level.put(id, depth);
      chain.put(id, longest + 1);
      if (before != null) {
        previous.put(id, before);
      }
      byLevel.computeIfAbsent(depth, k -> new ArrayList<>()).add(id);
      if (end == null
          || chain.get(id) > chain.get(end)
          || chain.get(id).equals(chain.get(end)) && id.compareTo(end) < 0) {
        end = id;
      }
    }
    List<List<String>> levels = new ArrayList<>();
    byLevel.values().forEach(ids -> levels.add(ids.stream().sorted().toList()));
    List<String> critical = new ArrayList<>();
    for (String id = end; id != null; id = previous.get(id)) {
      critical.add(id);
    }
    Collections.reverse(critical);
    return new Dag(order, levels, critical, List.of());
  }

  /**
   * Every node left over by Kahn's algorithm has an input that is also left over, so walking inputs
   * from any of them must come back to a node seen on the same walk: that is a cycle. Nodes visited
   * by earlier walks are not walked again, which keeps this linear.
   */
  private static List<List<String>> cycles(Map<String, List<String>> inputs, Set<String> done) {
    List<String> left = inputs.keySet().stream().filter(id -> !done.contains(id)).sorted().toList();
    Set<String> visited = new HashSet<>();
    List<List<String>> cycles = new ArrayList<>();
    for (String start : left) {
      Map<String, Integer> walk = new LinkedHashMap<>();
      String current = start;
      while (current != null && !visited.contains(current) && !walk.containsKey(current)) {
        walk.put(current, walk.size());
        current =
            inputs.get(current).stream()
                .filter(input -> !done.contains(input))
                .sorted()
                .findFirst()
                .orElse(null);
      }
      if (current != null && walk.containsKey(current)) {
        List<String> needs = new ArrayList<>(walk.keySet()).subList(walk.get(current), walk.size());
        List<String> flow = new ArrayList<>(needs);
        Collections.reverse(flow);
        int smallest = flow.indexOf(Collections.min(flow));
        List<String> cycle = new ArrayList<>(flow.subList(smallest, flow.size()));
        cycle.addAll(flow.subList(0, smallest));
        cycle.add(cycle.get(0));
        cycles.add(cycle);
      }
      visited.addAll(walk.keySet());
    }
    cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return cycles;
  }
}
