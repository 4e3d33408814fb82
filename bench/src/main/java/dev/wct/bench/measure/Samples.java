package dev.wct.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one quantity, in milliseconds. */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  public void add(double millis) {
    values.add(millis);
  }

  /** The samples in the order they were added. */
  public List<Double> values() {
    return List.copyOf(values);
  }

  /** Each sample divided by the same-index sample of {@code other}: side-by-side ratios. */
  public Samples dividedBy(Samples other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot pair " + size() + " samples with " + other.size());
    }
    Samples ratios = new Samples();
    for (int i = 0; i < size(); i++) {
      ratios.add(values.get(i) / other.values.get(i));
    }
    return ratios;
  }

  public int size() {
    return values.size();
  }

  /** The median; the mean of the two middle values for an even count. */
  public double median() {
    List<Double> sorted = sorted();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The most recent sample. */
  public double last() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    return values.get(values.size() - 1);
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    return sorted().get(values.size() - 1);
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }
}
