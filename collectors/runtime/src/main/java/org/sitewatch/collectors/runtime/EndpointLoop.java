package org.sitewatch.collectors.runtime;

/** How an endpoint runs once its source exists: a {@link PollLoop} or a {@link PushLoop}. */
interface EndpointLoop {

    /** Starts on the endpoint's scheduler; returns at once. */
    void start();

    /** Stops; the caller then shuts the scheduler down and closes the source. */
    void stop();
}
