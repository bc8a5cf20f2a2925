// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it;

import java.io.IOException;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/** Changes the server's settings through the management API, as an admin's jboss-cli would. */
final class Policy {

    private static final String PROPERTY = "nano.policy.minimum-mode";

    private Policy() {
    }

    /** Sets {@code nano.policy.minimum-mode}; it applies to the next request. */
    static void minimumMode(ManagementClient client, String mode) throws IOException {
        set(client, PROPERTY, mode);
    }

    /** Removes the setting: the default (hybrid) applies again. */
    static void reset(ManagementClient client) throws IOException {
        remove(client, PROPERTY);
    }

    /** Sets any server setting as a system property, as {@code /system-property=name:add} does. */
    static void set(ManagementClient client, String name, String value) throws IOException {
        execute(client, name, "remove", null, true);
        execute(client, name, "add", value, false);
    }

    static void remove(ManagementClient client, String name) throws IOException {
        execute(client, name, "remove", null, true);
    }

    private static void execute(ManagementClient client, String name, String operation, String value,
            boolean mayFail) throws IOException {
        ModelNode request = new ModelNode();
        request.get("operation").set(operation);
        request.get("address").add("system-property", name);
        if (value != null) {
            request.get("value").set(value);
        }
        ModelNode result = client.getControllerClient().execute(request);
        if (!mayFail && !"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException("Management operation failed: " + result);
        }
    }
}
