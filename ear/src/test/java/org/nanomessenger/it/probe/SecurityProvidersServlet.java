// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it.probe;

import java.io.IOException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deployed by the tests beside the application: lists the JVM-wide security providers, one a line,
 * so that a test can see whether the application left one behind.
 */
@WebServlet("/providers")
public class SecurityProvidersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(Arrays.stream(Security.getProviders()).map(SecurityProvidersServlet::describe)
                .collect(Collectors.joining("\n")));
    }

    /** Name, version and the class loader that loaded it (a deployment's loader names the deployment). */
    private static String describe(Provider provider) {
        return provider.getName() + " " + provider.getVersionStr() + " " + provider.getClass().getClassLoader();
    }
}
