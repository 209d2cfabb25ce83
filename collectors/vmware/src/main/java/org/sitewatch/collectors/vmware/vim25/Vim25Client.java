package org.sitewatch.collectors.vmware.vim25;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin vim25 SOAP client for one vCenter: the session (login on first use, the cookie kept, one
 * new login and retry when vCenter answers {@code NotAuthenticated}) and {@link #invoke} for any
 * call. {@link PropertyCollector} and {@link EventCollectors} hold the calls the collector makes.
 *
 * <p>Why not a library: no maintained Java vim25 binding works with Java 17 and current Jakarta
 * XML (the generated JAX-WS stubs need {@code javax.xml.ws}); the collector uses a dozen calls.
 *
 * <p>Limits: views, property filters and event collectors belong to the session, so after a new
 * login they are gone; callers compare {@link #logins()} before and after a call and create them
 * again. The password is sent in the Login call only and never logged.
 */
public final class Vim25Client {

    private static final Logger LOG = LoggerFactory.getLogger(Vim25Client.class);
    private static final MoRef SERVICE_INSTANCE = new MoRef("ServiceInstance", "ServiceInstance");
    /** Spoken until the server has told its own version; every vCenter since 6.5 understands it. */
    private static final String FIRST_API_VERSION = "6.5";
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final URI sdk;
    private final UserPassword login;
    private final String settingsBlock;
    private final SoapTransport transport;
    private final AtomicLong logins = new AtomicLong();
    private volatile ServiceContent serviceContent;
    private volatile boolean loggedIn;

    private Vim25Client(Builder b) {
        this.sdk = b.sdk;
        this.login = b.login;
        this.settingsBlock = b.settingsBlock;
        this.transport = new SoapTransport(b.sdk, b.timeout, b.sslContext, b.maxResponseBytes, b.settingsBlock);
    }

    /**
     * @param url the vCenter ({@code https://vc.example.org}) or its SOAP endpoint ({@code .../sdk});
     *            without user info: credentials go in {@code login}
     */
    public static Builder builder(URI url, UserPassword login) {
        return new Builder(url, login);
    }

    /** The SOAP endpoint this client calls. */
    public URI sdk() {
        return sdk;
    }

    /** The service content, read once (it needs no session). */
    public ServiceContent serviceContent() throws CollectorException {
        ServiceContent content = serviceContent;
        if (content == null) {
            DataObject response = transport.post(SoapRequest.call("RetrieveServiceContent", SERVICE_INSTANCE),
                    FIRST_API_VERSION);
            content = decode("RetrieveServiceContent", response, r -> ServiceContent.from(r.object("returnval")));
            serviceContent = content;
        }
        return content;
    }

    /** Logs in now (calls log in by themselves when needed); an {@link InvalidLoginFault} names the keys to fix. */
    public synchronized void login() throws CollectorException {
        ServiceContent content = serviceContent();
        // A Login that carries a live session cookie is refused (vcsim answers InvalidLogin): start clean.
        transport.forgetSession();
        loggedIn = false;
        SoapRequest request = SoapRequest.call("Login", content.sessionManager())
                .text("userName", login.username())
                .text("password", login.password().reveal());
        try {
            transport.post(request, apiVersion());
        } catch (VimFault fault) {
            if (InvalidLoginFault.TYPE.equals(fault.faultType())) {
                throw new InvalidLoginFault(fault.faultString(), login.username(), settingsBlock + ".login",
                        login.password().origin());
            }
            throw fault;
        }
        loggedIn = true;
        LOG.info("Logged in to {} as {} (login {})", sdk, login.username(), logins.incrementAndGet());
    }

    /** Ends the session if there is one; the next call logs in again. */
    public synchronized void logout() throws CollectorException {
        if (!loggedIn) {
            return;
        }
        loggedIn = false;
        try {
            transport.post(SoapRequest.call("Logout", serviceContent().sessionManager()), apiVersion());
        } catch (NotAuthenticatedFault alreadyGone) {
            // the session had ended on the server: nothing to end
        } finally {
            transport.forgetSession();
        }
    }

    /** How many times this client has logged in: a change means session-scoped objects are gone. */
    public long logins() {
        return logins.get();
    }

    /**
     * Sends a call in the session (logging in first when there is none) and returns its response
     * element, whose {@code returnval} is the result. On {@code NotAuthenticated} it logs in again
     * once and retries.
     */
    public DataObject invoke(SoapRequest request) throws CollectorException {
        long session = ensureLoggedIn();
        try {
            return transport.post(request, apiVersion());
        } catch (NotAuthenticatedFault expired) {
            LOG.info("{}: the vCenter session at {} has ended; logging in again", request.method(), sdk);
            loginAgain(session);
            return transport.post(request, apiVersion());
        }
    }

    /** {@link #invoke} and reads the response with {@code decoder}; an answer of an unexpected shape is MALFORMED. */
    public <T> T invoke(SoapRequest request, Function<DataObject, T> decoder) throws CollectorException {
        return decode(request.method(), invoke(request), decoder);
    }

    /** Starts powering a VM off; returns the task ({@code info.state} tells when it is done). */
    public MoRef powerOffVm(MoRef vm) throws CollectorException {
        return invoke(SoapRequest.call("PowerOffVM_Task", vm), r -> Objects.requireNonNull(r.moRef("returnval"), "task"));
    }

    /** Starts powering a VM on (on its current host); returns the task. */
    public MoRef powerOnVm(MoRef vm) throws CollectorException {
        return invoke(SoapRequest.call("PowerOnVM_Task", vm), r -> Objects.requireNonNull(r.moRef("returnval"), "task"));
    }

    private synchronized long ensureLoggedIn() throws CollectorException {
        if (!loggedIn) {
            login();
        }
        return logins.get();
    }

    /** Logs in unless another thread already did since {@code session} was current. */
    private synchronized void loginAgain(long session) throws CollectorException {
        if (logins.get() == session || !loggedIn) {
            login();
        }
    }

    private String apiVersion() {
        ServiceContent content = serviceContent;
        return content == null || content.apiVersion() == null ? FIRST_API_VERSION : content.apiVersion();
    }

    private static <T> T decode(String method, DataObject response, Function<DataObject, T> decoder)
            throws CollectorException {
        try {
            return decoder.apply(response);
        } catch (RuntimeException e) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    method + ": unexpected answer: " + e.getMessage(), e);
        }
    }

    /** Options of a client; only the URL and the login are required. */
    public static final class Builder {
        private final URI sdk;
        private final UserPassword login;
        private String settingsBlock = "vmware";
        private Duration timeout = Duration.ofSeconds(30);
        private SSLContext sslContext;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(URI url, UserPassword login) {
            Objects.requireNonNull(url, "url");
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new IllegalArgumentException("the vCenter URL must be absolute, e.g. https://vc.example.org: " + url);
            }
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException("the vCenter URL must not hold credentials; give them as the login");
            }
            String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
            this.sdk = url.resolve(path.endsWith("/sdk") ? path : path + "/sdk");
            this.login = Objects.requireNonNull(login, "login");
        }

        /** The endpoint's settings key ({@code sitewatch.collectors.endpoints[0].vmware}), named in remedies. */
        public Builder settingsBlock(String key) {
            this.settingsBlock = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Connect and answer time-out of one call (a long poll adds its own wait). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** TLS trust (see the SPI's {@code TlsContexts}); null for the JVM's default. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder maxResponseBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        public Vim25Client build() {
            return new Vim25Client(this);
        }
    }
}
