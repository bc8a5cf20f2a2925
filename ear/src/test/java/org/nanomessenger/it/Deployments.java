// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR that the build produced, deployed as it is: the tests see what users deploy. */
final class Deployments {

    /** Where the API answers on the test server. */
    static final String BASE_URL = "http://localhost:8080";
    /** The management interface: health and metrics. */
    static final String MANAGEMENT_URL = "http://localhost:9990";

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        String path = System.getProperty("nano.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property nano.ear must name the built EAR, got " + path);
        }
        return ShrinkWrap.create(ZipImporter.class, "nano-messenger.ear")
                .importFrom(new File(path))
                .as(EnterpriseArchive.class);
    }
}
