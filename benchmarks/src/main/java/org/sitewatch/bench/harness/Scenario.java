package org.sitewatch.bench.harness;

import java.util.List;

/**
 * One measurement of the harness: runs on the harness's broker, stops by itself within
 * {@link BenchContext#scenarioLimit()}, reports progress through {@link BenchContext#progress(String)}
 * and returns its figures.
 */
public interface Scenario {

    /** Short name in the table, e.g. {@code streams-drain}. */
    String name();

    /** One line saying what is measured and how. */
    String description();

    List<Figure> run(BenchContext context) throws Exception;
}
