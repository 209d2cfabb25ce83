package org.sitewatch.bench.load;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Which of a site's entities (hosts, jobs, VMs) are broken: failed or removed. A change either breaks
 * a random healthy one or repairs the one broken longest; at most {@code maxBroken} are broken at
 * once, so the estate stays mostly healthy however long the run, as real estates do.
 */
final class FaultPool {

    /** @param index the entity, counted from the pool's first; @param broken its state after the change */
    record Toggle(int index, boolean broken) {
    }

    private final int first;
    private final int size;
    private final int maxBroken;
    private final boolean[] broken;
    private final ArrayDeque<Integer> brokenOldestFirst = new ArrayDeque<>();

    /** Entities {@code first .. first + size - 1}; {@code maxBroken} at least 1. */
    FaultPool(int first, int size, int maxBroken) {
        this.first = first;
        this.size = size;
        this.maxBroken = Math.max(1, maxBroken);
        this.broken = new boolean[first + size];
    }

    boolean isBroken(int index) {
        return index < broken.length && broken[index];
    }

    boolean isEmpty() {
        return size == 0;
    }

    Toggle next(SplittableRandom random) {
        boolean repair = !brokenOldestFirst.isEmpty()
                && (brokenOldestFirst.size() >= maxBroken || brokenOldestFirst.size() == size || random.nextBoolean());
        if (repair) {
            int index = brokenOldestFirst.removeFirst();
            broken[index] = false;
            return new Toggle(index, false);
        }
        int index = first + random.nextInt(size);
        while (broken[index]) {
            index = first + (index - first + 1) % size;
        }
        broken[index] = true;
        brokenOldestFirst.addLast(index);
        return new Toggle(index, true);
    }
}
