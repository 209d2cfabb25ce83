package org.sitewatch.collectors.vmware.vim25;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.vmware.vim25.FakeVcenter.Answer;
import org.sitewatch.events.CollectorErrorKind;

class Vim25ClientTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].vmware";
    private static final String PASSWORD = "s3cret&<pass>";
    private static final UserPassword LOGIN =
            new UserPassword("monitor@vsphere.local", Secret.fromFile(PASSWORD, "/run/secrets/vc"));
    private static final Answer VIEW = Answer.raw(200, """
            <?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\
            <soapenv:Body><CreateContainerViewResponse xmlns="urn:vim25">\
            <returnval type="ContainerView">session[s-1]view-1</returnval>\
            </CreateContainerViewResponse></soapenv:Body></soapenv:Envelope>""");
    private static final MoRef ROOT = new MoRef("Folder", "group-d1");

    private FakeVcenter vcenter;
    private Vim25Client client;
    private PropertyCollector properties;

    @BeforeEach
    void start() throws Exception {
        vcenter = new FakeVcenter().on("CreateContainerView", VIEW);
        client = client(vcenter.url());
        properties = new PropertyCollector(client);
    }

    @AfterEach
    void stop() {
        vcenter.close();
    }

    @Test
    void shouldLogInOnFirstUseAndSendTheSessionCookieAfterwards() throws Exception {
        MoRef view = properties.createContainerView(ROOT, List.of("VirtualMachine"), true);

        assertThat(view).isEqualTo(new MoRef("ContainerView", "session[s-1]view-1"));
        assertThat(vcenter.methods()).containsExactly("RetrieveServiceContent", "Login", "CreateContainerView");
        List<FakeVcenter.Call> calls = vcenter.calls();
        assertThat(calls.get(0).soapAction()).isEqualTo("urn:vim25/6.5");
        assertThat(calls.get(1).soapAction()).isEqualTo("urn:vim25/8.0.3.0");
        assertThat(calls.get(1).cookie()).isNull();
        assertThat(calls.get(2).cookie()).isEqualTo("vmware_soap_session=\"s-1\"");
        assertThat(calls.get(2).contentType()).isEqualTo("text/xml; charset=\"utf-8\"");
        assertThat(client.logins()).isEqualTo(1);
    }

    @Test
    void shouldSendThePasswordEscapedInTheLoginOnly() throws Exception {
        properties.createContainerView(ROOT, List.of("HostSystem"), true);

        List<FakeVcenter.Call> calls = vcenter.calls();
        assertThat(calls.get(1).body()).contains("<password>s3cret&amp;&lt;pass&gt;</password>");
        assertThat(calls).filteredOn(c -> !c.method().equals("Login")).extracting(FakeVcenter.Call::body)
                .noneMatch(body -> body.contains("s3cret"));
    }

    @Test
    void shouldLogInAgainOnceAndRetryWhenTheSessionIsGone() throws Exception {
        vcenter.on("CreateContainerView", Answer.fixture("fault-not-authenticated.xml"), VIEW);

        MoRef view = properties.createContainerView(ROOT, List.of("VirtualMachine"), true);

        assertThat(view.value()).isEqualTo("session[s-1]view-1");
        assertThat(vcenter.methods()).containsExactly("RetrieveServiceContent", "Login", "CreateContainerView",
                "Login", "CreateContainerView");
        assertThat(client.logins()).isEqualTo(2);
    }

    @Test
    void shouldGiveUpWhenTheCallFailsAgainAfterANewLogin() {
        vcenter.on("CreateContainerView", Answer.fixture("fault-not-authenticated.xml"));

        assertThatThrownBy(() -> properties.createContainerView(ROOT, List.of("VirtualMachine"), true))
                .isInstanceOf(NotAuthenticatedFault.class);
        assertThat(vcenter.methods()).filteredOn("Login"::equals).hasSize(2);
    }

    @Test
    void shouldReportAWrongPasswordAsAPermanentInvalidLoginNamingTheKeys() {
        vcenter.on("Login", Answer.fixture("fault-invalid-login.xml"));

        assertThatThrownBy(() -> properties.createContainerView(ROOT, List.of("VirtualMachine"), true))
                .isInstanceOfSatisfying(InvalidLoginFault.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(f.getMessage()).contains("monitor@vsphere.local").doesNotContain("s3cret");
                    assertThat(f.remedy()).contains(BLOCK + ".login.password", "file /run/secrets/vc")
                            .doesNotContain("s3cret");
                });
        assertThat(vcenter.methods()).filteredOn("Login"::equals).hasSize(1);
    }

    @Test
    void shouldLogInAgainOnTheNextCallAfterALogout() throws Exception {
        properties.createContainerView(ROOT, List.of("VirtualMachine"), true);

        client.logout();
        properties.createContainerView(ROOT, List.of("VirtualMachine"), true);

        assertThat(vcenter.methods()).containsExactly("RetrieveServiceContent", "Login", "CreateContainerView",
                "Logout", "Login", "CreateContainerView");
        assertThat(vcenter.calls().get(3).cookie()).isEqualTo("vmware_soap_session=\"s-1\"");
        assertThat(vcenter.calls().get(4).cookie()).isNull();
    }

    @Test
    void shouldClassifyHttpAnswersThatAreNotSoap() {
        assertFailure(Answer.raw(404, "not here"), CollectorErrorKind.HTTP_4XX, true);
        assertFailure(Answer.raw(401, ""), CollectorErrorKind.AUTH, true);
        assertFailure(Answer.raw(503, "<html>maintenance</html>"), CollectorErrorKind.HTTP_5XX, false);
        assertFailure(Answer.raw(200, "{\"json\": true}"), CollectorErrorKind.MALFORMED, false);
    }

    @Test
    void shouldRefuseAnAnswerLargerThanTheCap() {
        Vim25Client small = Vim25Client.builder(vcenter.url(), LOGIN).settingsBlock(BLOCK).maxResponseBytes(100).build();

        assertThatThrownBy(small::serviceContent).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
            assertThat(e.getMessage()).contains(BLOCK + ".max-response-bytes");
        });
    }

    @Test
    void shouldReportAClosedPortAsARetriableConnectFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Vim25Client unreachable = client(URI.create("http://127.0.0.1:" + closed));

        assertThatThrownBy(unreachable::serviceContent).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
            assertThat(e.permanent()).isFalse();
        });
    }

    @Test
    void shouldCallTheSdkPathAndRefuseCredentialsInTheUrl() {
        assertThat(client(URI.create("https://vc.example.org")).sdk()).isEqualTo(URI.create("https://vc.example.org/sdk"));
        assertThat(client(URI.create("https://vc.example.org/sdk/")).sdk()).isEqualTo(URI.create("https://vc.example.org/sdk"));
        assertThatThrownBy(() -> client(URI.create("https://user:pass@vc.example.org/sdk")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pass@");
    }

    private void assertFailure(Answer answer, CollectorErrorKind kind, boolean permanent) {
        vcenter.on("RetrieveServiceContent", answer);
        Vim25Client fresh = client(vcenter.url());

        assertThatThrownBy(fresh::serviceContent).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.permanent()).as(e.getMessage()).isEqualTo(permanent);
            assertThat(e.getMessage()).contains("RetrieveServiceContent");
        });
    }

    private static Vim25Client client(URI url) {
        return Vim25Client.builder(url, LOGIN).settingsBlock(BLOCK).timeout(Duration.ofSeconds(5)).build();
    }
}
