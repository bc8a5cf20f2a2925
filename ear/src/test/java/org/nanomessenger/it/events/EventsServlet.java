// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it.events;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Added to the web module by EventsIT only: the recorded events, one a line. */
@WebServlet("/test-events")
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EventRecorder recorder;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(String.join("\n", recorder.events()));
    }
}
