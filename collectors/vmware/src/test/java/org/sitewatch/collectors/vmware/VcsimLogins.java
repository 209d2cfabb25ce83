package org.sitewatch.collectors.vmware;

import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.testsupport.VcsimProcess;

/** vcsim's login in the SPI's terms. */
public final class VcsimLogins {

    private VcsimLogins() {
    }

    /** The one login vcsim accepts. */
    public static UserPassword login(VcsimProcess vcsim) {
        return new UserPassword(vcsim.username(), Secret.inline(vcsim.password()));
    }

    /** The right user with a wrong password. */
    public static UserPassword wrongLogin(VcsimProcess vcsim) {
        return new UserPassword(vcsim.username(), Secret.inline(vcsim.password() + "-wrong"));
    }
}
