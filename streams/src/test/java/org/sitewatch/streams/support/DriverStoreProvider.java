package org.sitewatch.streams.support;

import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.streams.query.NotReadyException;
import org.sitewatch.streams.query.Readiness;
import org.sitewatch.streams.query.StoreProvider;

/** Stores of a TopologyTestDriver, with a readiness the test can set (e.g. to REBALANCING). */
public final class DriverStoreProvider implements StoreProvider {

    private volatile TopologyTestDriver driver;
    private volatile Readiness readiness = Readiness.ready("RUNNING");

    public void use(TopologyTestDriver newDriver) {
        this.driver = newDriver;
        this.readiness = Readiness.ready("RUNNING");
    }

    public void setReadiness(Readiness newReadiness) {
        this.readiness = newReadiness;
    }

    @Override
    public Readiness readiness() {
        return driver == null ? Readiness.notReady("CREATED", "no driver yet") : readiness;
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String storeName) {
        Readiness now = readiness();
        if (!now.ready()) {
            throw new NotReadyException(now);
        }
        return driver.getKeyValueStore(storeName);
    }
}
