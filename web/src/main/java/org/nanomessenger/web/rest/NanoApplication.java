// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JSON API, version 1, at {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Nano-Messenger API", version = "1",
        description = "Key directory, authentication and end-to-end encrypted envelopes. The server never "
                + "sees plaintext; see docs/protocol.md for the byte-exact signing inputs."))
public class NanoApplication extends Application {
}
